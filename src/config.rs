//! Settings of a run, and the `mtlint.toml` files they come from.
//!
//! [`Settings`] is what the linter needs. [`ConfigFile`] is one `mtlint.toml`, found upward
//! from each checked file (or given with `--config`), parsed with every unknown key rejected at
//! file:line:column. [`Layer`]s merge in order — defaults < the file found < `--config` <
//! command-line flags — and `[[overrides]]` sections apply to the paths they name.

use crate::diagnostic::Severity;
use crate::glossary::{self, Glossary, GlossaryError, Lang};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// From which severity a finding fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FailOn {
    /// Fail on findings at or above this severity.
    Severity(Severity),
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// True when a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Severity(min) => severity >= min,
            FailOn::Never => false,
        }
    }

    /// Parses `error`, `warning`, `info` or `never`.
    pub fn from_name(name: &str) -> Option<FailOn> {
        match name {
            "never" => Some(FailOn::Never),
            other => severity_from_name(other).map(FailOn::Severity),
        }
    }

    /// The name used in files and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Severity(s) => s.as_str(),
            FailOn::Never => "never",
        }
    }
}

/// Parses `error`, `warning` or `info`.
pub fn severity_from_name(name: &str) -> Option<Severity> {
    match name {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

/// Where the forms of a name are pooled for the consistency check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum ConsistencyScope {
    /// Each file on its own.
    #[default]
    File,
    /// All files of the run together.
    Batch,
}

impl ConsistencyScope {
    /// Parses `file` or `batch`.
    pub fn from_name(name: &str) -> Option<ConsistencyScope> {
        match name {
            "file" => Some(ConsistencyScope::File),
            "batch" => Some(ConsistencyScope::Batch),
            _ => None,
        }
    }

    /// The name used in files and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsistencyScope::File => "file",
            ConsistencyScope::Batch => "batch",
        }
    }
}

/// Which rules run and how severe their findings are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RuleSettings {
    /// Only these rules (all when `None`).
    pub select: Option<BTreeSet<String>>,
    /// Never these rules.
    pub ignore: BTreeSet<String>,
    /// Severity per rule, instead of the rule's default.
    pub severity: BTreeMap<String, Severity>,
}

impl RuleSettings {
    /// True when findings of `rule` are reported.
    pub fn enabled(&self, rule: &str) -> bool {
        self.select.as_ref().is_none_or(|s| s.contains(rule)) && !self.ignore.contains(rule)
    }
}

/// Everything a run needs to know besides its inputs and glossary.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Settings {
    /// The language of the text being checked.
    pub target: Lang,
    /// The language it was translated from.
    pub source: Lang,
    /// Exit code threshold.
    pub fail_on: FailOn,
    /// Pooling of spellings.
    pub consistency_scope: ConsistencyScope,
    /// Rule selection and severities.
    pub rules: RuleSettings,
    /// Words and names that are right as they are: never flagged by any rule.
    pub accept: BTreeSet<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            target: Lang::Fr,
            source: Lang::En,
            fail_on: FailOn::Severity(Severity::Error),
            consistency_scope: ConsistencyScope::File,
            rules: RuleSettings::default(),
            accept: BTreeSet::new(),
        }
    }
}

/// The name of the configuration file mtlint looks for.
pub const CONFIG_FILE_NAME: &str = "mtlint.toml";

/// A problem in a configuration file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line and column, when the problem has a place.
    pub location: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    lang: Option<Spanned<String>>,
    source_lang: Option<Spanned<String>>,
    rules: Option<RawRules>,
    accept: Option<Vec<String>>,
    glossaries: Option<Vec<String>>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    glossaries: Option<Vec<String>>,
    default_glossary: Option<bool>,
    lang: Option<Spanned<String>>,
    source_lang: Option<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    consistency_scope: Option<Spanned<String>>,
    exclude: Option<Vec<String>>,
    accept: Option<Vec<String>>,
    rules: Option<RawRules>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    report: Option<RawReport>,
}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawReport {
    pass_threshold: Option<Spanned<f64>>,
    weights: Option<Spanned<String>>,
}

/// The `[report]` section: how `mtlint report` scores articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportConfig {
    /// The lowest passing score, 0 to 100.
    pub pass_threshold: Option<f64>,
    /// Penalty points per MQM level, as `minor=1,major=5,critical=10`.
    pub weights: Option<String>,
}

/// Settings that one source (a file, an override, the command line) sets; `None` leaves the
/// value to the sources below it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layer {
    /// Glossary files (absolute, or relative to the working directory).
    pub glossaries: Vec<PathBuf>,
    /// Whether the embedded default glossary is used.
    pub default_glossary: Option<bool>,
    /// Target language.
    pub target: Option<Lang>,
    /// Source language.
    pub source: Option<Lang>,
    /// Exit code threshold.
    pub fail_on: Option<FailOn>,
    /// Consistency scope.
    pub consistency_scope: Option<ConsistencyScope>,
    /// Only these rules.
    pub select: Option<BTreeSet<String>>,
    /// Also ignore these rules.
    pub ignore: BTreeSet<String>,
    /// Severity per rule.
    pub severity: BTreeMap<String, Severity>,
    /// Accepted words.
    pub accept: BTreeSet<String>,
}

/// The resolved configuration of one checked file: settings plus the glossaries to load.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Resolved {
    /// The linter's settings.
    pub settings: Settings,
    /// Glossary files, in load order.
    pub glossaries: Vec<PathBuf>,
    /// Whether the embedded default glossary comes first.
    pub default_glossary: bool,
}

impl Default for Resolved {
    fn default() -> Resolved {
        Resolved {
            settings: Settings::default(),
            glossaries: Vec::new(),
            default_glossary: true,
        }
    }
}

impl Resolved {
    /// The configuration of the file at `path`: the defaults, then each configuration file in
    /// order (with those of its `[[overrides]]` that match `path`), then `top` (the command
    /// line's flags; [`Layer::default`] for none).
    pub fn for_path(path: &Path, files: &[&ConfigFile], top: &Layer) -> Resolved {
        let mut resolved = Resolved::default();
        for file in files {
            file.apply_to(path, &mut resolved);
        }
        resolved.apply(top);
        resolved
    }

    /// Loads the glossary this configuration names: the embedded default one (unless
    /// disabled), then each glossary file in order. Every file is read, so that all their
    /// errors are reported together.
    pub fn load_glossary(&self) -> Result<Glossary, Vec<GlossaryError>> {
        let mut glossary = if self.default_glossary {
            glossary::default_glossary()
        } else {
            Glossary::default()
        };
        let mut errors = Vec::new();
        for path in &self.glossaries {
            match glossary::load_file(path) {
                Ok(g) => glossary.extend(g),
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok(glossary)
        } else {
            Err(errors)
        }
    }

    /// Applies a layer on top.
    pub fn apply(&mut self, layer: &Layer) {
        self.glossaries.extend(layer.glossaries.iter().cloned());
        if let Some(d) = layer.default_glossary {
            self.default_glossary = d;
        }
        let s = &mut self.settings;
        if let Some(t) = layer.target {
            s.target = t;
        }
        if let Some(l) = layer.source {
            s.source = l;
        }
        if let Some(f) = layer.fail_on {
            s.fail_on = f;
        }
        if let Some(c) = layer.consistency_scope {
            s.consistency_scope = c;
        }
        if let Some(select) = &layer.select {
            s.rules.select = Some(select.clone());
        }
        s.rules.ignore.extend(layer.ignore.iter().cloned());
        s.rules
            .severity
            .extend(layer.severity.iter().map(|(k, v)| (k.clone(), *v)));
        s.accept.extend(layer.accept.iter().cloned());
    }
}

/// A parsed `mtlint.toml`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConfigFile {
    /// Where it is.
    pub path: PathBuf,
    /// What it sets for every file under it.
    pub base: Layer,
    /// Globs (relative to the file's directory) of paths that are not checked.
    pub exclude: Vec<String>,
    /// `[[overrides]]`: globs and what they set.
    pub overrides: Vec<(Vec<String>, Layer)>,
    /// `[report]`: scoring of `mtlint report`.
    pub report: ReportConfig,
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

struct Parser<'a> {
    source: &'a str,
    path: String,
    dir: PathBuf,
    errors: Vec<ConfigError>,
}

impl Parser<'_> {
    fn error(&mut self, offset: usize, message: String) {
        self.errors.push(ConfigError {
            path: self.path.clone(),
            location: Some(line_column(self.source, offset)),
            message,
        });
    }

    fn lang(&mut self, value: Option<Spanned<String>>) -> Option<Lang> {
        let v = value?;
        let lang = Lang::from_code(v.get_ref());
        if lang.is_none() {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            self.error(
                v.span().start,
                format!(
                    "unknown language `{}`; known: {}",
                    v.get_ref(),
                    known.join(", ")
                ),
            );
        }
        lang
    }

    fn rule(&mut self, v: &Spanned<String>) -> Option<String> {
        if crate::checks::rule(v.get_ref()).is_some() {
            Some(v.get_ref().clone())
        } else {
            let known: Vec<&str> = crate::checks::rules().map(|r| r.id).collect();
            self.error(
                v.span().start,
                format!(
                    "unknown rule `{}`; rules are: {}",
                    v.get_ref(),
                    known.join(", ")
                ),
            );
            None
        }
    }

    fn rules(&mut self, raw: Option<RawRules>, layer: &mut Layer) {
        let Some(raw) = raw else { return };
        if let Some(select) = raw.select {
            layer.select = Some(select.iter().filter_map(|r| self.rule(r)).collect());
        }
        for r in raw.ignore.unwrap_or_default() {
            if let Some(id) = self.rule(&r) {
                layer.ignore.insert(id);
            }
        }
        for (rule, severity) in raw.severity {
            let Some(id) = self.rule(&rule) else { continue };
            match severity_from_name(severity.get_ref()) {
                Some(s) => {
                    layer.severity.insert(id, s);
                }
                None => self.error(
                    severity.span().start,
                    format!(
                        "unknown severity `{}`; use error, warning or info",
                        severity.get_ref()
                    ),
                ),
            }
        }
    }

    fn glossaries(&self, list: Option<Vec<String>>) -> Vec<PathBuf> {
        list.unwrap_or_default()
            .into_iter()
            .map(|g| self.dir.join(g))
            .collect()
    }
}

impl ConfigFile {
    /// Parses the configuration text of the file at `path`.
    pub fn parse(source: &str, path: &Path) -> Result<ConfigFile, Vec<ConfigError>> {
        let name = path.display().to_string();
        let raw: RawConfig = toml::from_str(source).map_err(|e| {
            vec![ConfigError {
                path: name.clone(),
                location: e.span().map(|s| line_column(source, s.start)),
                message: e.message().trim_end_matches('.').replace('\n', " "),
            }]
        })?;
        let mut p = Parser {
            source,
            path: name,
            dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            errors: Vec::new(),
        };
        let mut base = Layer {
            glossaries: p.glossaries(raw.glossaries),
            default_glossary: raw.default_glossary,
            target: p.lang(raw.lang),
            source: p.lang(raw.source_lang),
            accept: raw.accept.unwrap_or_default().into_iter().collect(),
            ..Layer::default()
        };
        if let Some(f) = raw.fail_on {
            base.fail_on = FailOn::from_name(f.get_ref());
            if base.fail_on.is_none() {
                p.error(
                    f.span().start,
                    format!(
                        "unknown fail-on `{}`; use error, warning, info or never",
                        f.get_ref()
                    ),
                );
            }
        }
        if let Some(c) = raw.consistency_scope {
            base.consistency_scope = ConsistencyScope::from_name(c.get_ref());
            if base.consistency_scope.is_none() {
                p.error(
                    c.span().start,
                    format!(
                        "unknown consistency-scope `{}`; use file or batch",
                        c.get_ref()
                    ),
                );
            }
        }
        p.rules(raw.rules, &mut base);
        let mut overrides = Vec::new();
        for o in raw.overrides {
            if o.paths.is_empty() {
                continue;
            }
            let mut layer = Layer {
                glossaries: p.glossaries(o.glossaries),
                target: p.lang(o.lang),
                source: p.lang(o.source_lang),
                accept: o.accept.unwrap_or_default().into_iter().collect(),
                ..Layer::default()
            };
            p.rules(o.rules, &mut layer);
            overrides.push((
                o.paths.into_iter().map(Spanned::into_inner).collect(),
                layer,
            ));
        }
        let mut report = ReportConfig::default();
        if let Some(r) = raw.report {
            if let Some(t) = r.pass_threshold {
                if (0.0..=100.0).contains(t.get_ref()) {
                    report.pass_threshold = Some(*t.get_ref());
                } else {
                    p.error(
                        t.span().start,
                        format!(
                            "pass-threshold `{}` is not a score from 0 to 100",
                            t.get_ref()
                        ),
                    );
                }
            }
            if let Some(w) = r.weights {
                match w.get_ref().parse::<crate::report::score::Weights>() {
                    Ok(_) => report.weights = Some(w.get_ref().clone()),
                    Err(e) => p.error(w.span().start, e.to_string()),
                }
            }
        }
        if p.errors.is_empty() {
            Ok(ConfigFile {
                path: path.to_owned(),
                base,
                exclude: raw.exclude.unwrap_or_default(),
                overrides,
                report,
            })
        } else {
            Err(p.errors)
        }
    }

    /// Reads and parses a configuration file.
    pub fn load(path: &Path) -> Result<ConfigFile, Vec<ConfigError>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![ConfigError {
                path: path.display().to_string(),
                location: None,
                message: format!("cannot read: {}", crate::input::describe_io_error(&e)),
            }]
        })?;
        ConfigFile::parse(&text, path)
    }

    /// The directory globs are relative to.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or_else(|| Path::new(""))
    }

    fn matches(&self, globs: &[String], path: &Path) -> bool {
        let mut builder = ignore::overrides::OverrideBuilder::new(self.dir());
        for g in globs {
            if builder.add(g).is_err() {
                return false;
            }
        }
        let Ok(matcher) = builder.build() else {
            return false;
        };
        let absolute = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(path)
        };
        let relative_to =
            std::fs::canonicalize(self.dir()).unwrap_or_else(|_| self.dir().to_path_buf());
        let absolute = std::fs::canonicalize(&absolute).unwrap_or(absolute);
        let Ok(relative) = absolute.strip_prefix(&relative_to) else {
            return false;
        };
        matcher.matched(relative, false).is_whitelist()
            || relative
                .ancestors()
                .any(|a| !a.as_os_str().is_empty() && matcher.matched(a, true).is_whitelist())
    }

    /// True when `path` is excluded by this file's `exclude` globs.
    pub fn excludes(&self, path: &Path) -> bool {
        !self.exclude.is_empty() && self.matches(&self.exclude, path)
    }

    /// Applies this file (and the overrides that match `path`) to `resolved`.
    pub fn apply_to(&self, path: &Path, resolved: &mut Resolved) {
        resolved.apply(&self.base);
        for (globs, layer) in &self.overrides {
            if self.matches(globs, path) {
                resolved.apply(layer);
            }
        }
    }
}

/// The directory where the search for the `mtlint.toml` of `path` starts: the path's parent,
/// or the working directory for standard input (`None`) and bare file names.
pub fn config_dir_for(path: Option<&Path>) -> PathBuf {
    path.and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The nearest `mtlint.toml` in `dir` or its ancestors.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE_NAME))
        .find(|p| p.is_file())
}

/// A commented starter configuration, written by `mtlint init`.
pub const STARTER_CONFIG: &str = r#"# mtlint configuration. mtlint reads the nearest mtlint.toml above each checked file;
# `--config FILE` adds one on top, command-line flags win over both, `--isolated` ignores files.

# Language of the articles, and the language they were translated from.
lang = "fr"
source-lang = "en"

# Your glossaries (TOML, paths relative to this file), after the embedded default glossary.
# glossaries = ["glossaries/house.toml"]
# default-glossary = true

# The severity that makes `mtlint check` exit with 1: error, warning, info or never.
fail-on = "error"

# Compare the spellings of names within each file, or across all files of a run.
consistency-scope = "file"

# Paths (globs, relative to this file) that are never checked.
exclude = ["archive/**", "drafts/**"]

# Words and names that are right as they are: never flagged.
# accept = ["Haut-Karabagh"]

[rules]
# select = ["translated-name", "wrong-term", "untranslated-term"]   # only these
# ignore = ["inconsistent-spelling"]                                 # never these

[rules.severity]
# glossary-variant = "error"

# How `mtlint report` scores articles: penalty points per finding by MQM level, and the
# lowest passing score (score = max(0, 100 - points x 1000 / words)).
[report]
# pass-threshold = 90
# weights = "minor=1,major=5,critical=10"

# Settings for some paths only.
# [[overrides]]
# paths = ["es/**"]
# lang = "es"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile, Vec<ConfigError>> {
        ConfigFile::parse(text, Path::new("dir/mtlint.toml"))
    }

    #[test]
    fn the_starter_config_parses() {
        let c = parse(STARTER_CONFIG).expect("valid");
        assert_eq!(c.base.target, Some(Lang::Fr));
        assert_eq!(c.exclude, ["archive/**", "drafts/**"]);
    }

    #[test]
    fn reads_every_setting() {
        let c = parse(
            r#"
glossaries = ["g/house.toml"]
default-glossary = false
lang = "fr"
source-lang = "de"
fail-on = "warning"
consistency-scope = "batch"
accept = ["Karabagh"]
[rules]
ignore = ["inconsistent-spelling"]
[rules.severity]
glossary-variant = "error"
[[overrides]]
paths = ["es/**"]
lang = "es"
"#,
        )
        .expect("valid");
        let mut r = Resolved::default();
        c.apply_to(Path::new("dir/a.txt"), &mut r);
        assert_eq!(r.glossaries, [PathBuf::from("dir/g/house.toml")]);
        assert!(!r.default_glossary);
        assert_eq!(r.settings.source, Lang::De);
        assert_eq!(r.settings.fail_on, FailOn::Severity(Severity::Warning));
        assert_eq!(r.settings.consistency_scope, ConsistencyScope::Batch);
        assert!(!r.settings.rules.enabled("inconsistent-spelling"));
        assert_eq!(
            r.settings.rules.severity["glossary-variant"],
            Severity::Error
        );
        assert!(r.settings.accept.contains("Karabagh"));
    }

    #[test]
    fn unknown_keys_and_values_are_rejected_with_their_place() {
        let errors = parse("lang = \"fr\"\ncolour = true\n").unwrap_err();
        assert_eq!(
            errors[0].to_string().split(", expected").next().unwrap(),
            "dir/mtlint.toml:2:1: unknown field `colour`"
        );
        let errors = parse("lang = \"xx\"\n[rules]\nignore = [\"no-such-rule\"]\n").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "dir/mtlint.toml:1:8: unknown language `xx`; known: en, fr, es, de, it, pt"
        );
        assert!(errors[1]
            .to_string()
            .starts_with("dir/mtlint.toml:3:11: unknown rule `no-such-rule`"));
        let errors = parse("[rules.severity]\nglossary-variant = \"fatal\"\n").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "dir/mtlint.toml:2:20: unknown severity `fatal`; use error, warning or info"
        );
    }

    #[test]
    fn the_report_section_is_read_and_checked() {
        let c = parse("[report]\npass-threshold = 75.5\nweights = \"minor=2,critical=20\"\n")
            .expect("valid");
        assert_eq!(c.report.pass_threshold, Some(75.5));
        assert_eq!(c.report.weights.as_deref(), Some("minor=2,critical=20"));
        let errors = parse("[report]\npass-threshold = 120.0\n").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "dir/mtlint.toml:2:18: pass-threshold `120` is not a score from 0 to 100"
        );
        let errors = parse("[report]\nweights = \"huge=1\"\n").unwrap_err();
        assert!(
            errors[0].to_string().starts_with("dir/mtlint.toml:2:11: "),
            "{}",
            errors[0]
        );
        assert!(parse("[report]\ncolour = 1\n").is_err());
    }

    #[test]
    fn layers_merge_in_order() {
        let mut r = Resolved::default();
        r.apply(&Layer {
            target: Some(Lang::De),
            fail_on: Some(FailOn::Never),
            ..Layer::default()
        });
        r.apply(&Layer {
            target: Some(Lang::Fr),
            ..Layer::default()
        });
        assert_eq!(r.settings.target, Lang::Fr);
        assert_eq!(r.settings.fail_on, FailOn::Never);
    }
}
