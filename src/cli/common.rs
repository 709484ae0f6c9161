//! Options shared by the commands that read articles (`check`, `fix`, `report`, `config`): inputs,
//! configuration, glossaries, languages, formats; and the run built from them — inputs found
//! (directories walked), each input's resolved configuration, one linter per distinct
//! configuration, checking in parallel with results in input order.

use super::print_error;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use mtlint::config::{
    config_dir_for, find_config, ConfigFile, ConsistencyScope, FailOn, Layer, Resolved,
};
use mtlint::document::align::align;
use mtlint::document::{DeclaredLanguages, Document, Format, ParseError};
use mtlint::glossary::{Glossary, Lang};
use mtlint::input::walk::{walk, WalkOptions};
use mtlint::input::{self, Source};
use mtlint::lint::{FileResult, Linter};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Pooling of spellings for `inconsistent-spelling`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ScopeArg {
    /// Each file on its own.
    File,
    /// All files of the run together.
    Batch,
}

/// What every article-reading command takes.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Articles or directories (walked for .txt, .md, .markdown, .html, .htm, .xlf, .xliff, .po,
    /// .pot files, honouring .gitignore); `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The name standard input is reported under (its extension also picks the format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Add a glossary (TOML); repeatable.
    #[arg(short, long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,

    /// Do not use the embedded default glossary (English → French news).
    #[arg(long)]
    pub no_default_glossary: bool,

    /// Read inputs as this format (txt, md, html, xliff, po) instead of guessing from the
    /// extension (`.md`, `.markdown`, `.html`, `.htm`, `.xlf`, `.xliff`, `.po`, `.pot`; anything
    /// else is plain text).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<Format>,

    /// Language of the articles [default: fr].
    #[arg(long = "lang", value_name = "CODE", value_parser = parse_lang)]
    pub target: Option<Lang>,

    /// Language the articles were translated from [default: en].
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    pub source_lang: Option<Lang>,

    /// The source text (.txt or .md) the one PATH translates, paragraph by paragraph: the
    /// bilingual rules compare each paragraph with its source.
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<PathBuf>,

    /// Compare spellings within each file, or across all files of the run [default: file].
    #[arg(long, value_enum, value_name = "SCOPE")]
    pub consistency_scope: Option<ScopeArg>,

    /// Only these rules (comma-separated ids).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Not these rules (comma-separated ids).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// When walking directories, check only files matching these globs (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// When walking directories, skip files and directories matching these globs (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// A configuration file applied on top of the mtlint.toml files found.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        format!(
            "unknown format `{name}`; known: {}",
            Format::NAMES.join(", ")
        )
    })
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!("unknown language `{code}`; known: {}", known.join(", "))
    })
}

/// One input that could be read and parsed: where it came from, its document and the linter
/// of its configuration.
#[derive(Debug)]
pub struct Input {
    /// The path, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// Its name, content and prose.
    pub document: Document,
    /// Index of its linter in [`Run::linters`].
    pub linter: usize,
    /// With `--source`: the source document it translates, paragraph by paragraph.
    pub translated_from: Option<Arc<Document>>,
}

impl Input {
    /// The name it is reported under.
    pub fn name(&self) -> &str {
        &self.document.name
    }

    /// Its content as read.
    pub fn text(&self) -> &str {
        &self.document.original
    }

    /// The document to check, taking the input's (paired with its source under `--source`).
    fn into_document(self) -> Document {
        let Input {
            document,
            translated_from,
            ..
        } = self;
        pair(document, translated_from.as_deref())
    }

    /// The document for another version of the same input (after fixes); an error if that
    /// version no longer parses.
    pub fn document_with(&self, text: &str) -> Result<Document, ParseError> {
        let doc = Document::parse(
            Source {
                name: self.document.name.clone(),
                text: text.to_owned(),
            },
            self.document.format,
        )?;
        Ok(pair(doc, self.translated_from.as_deref()))
    }
}

/// Pairs a document's paragraphs with its source's (`--source`). The first version was
/// checked to align when the run was prepared; fixes do not add or remove paragraphs, and a
/// text that no longer aligns is checked on its own.
fn pair(mut doc: Document, source: Option<&Document>) -> Document {
    if let Some(source) = source {
        doc.pairs = align(&doc, source).unwrap_or_default();
    }
    doc
}

/// Everything a command needs to check its inputs.
pub struct Run {
    /// The inputs that could be read, in the order given (directories walked in path order).
    pub inputs: Vec<Input>,
    /// One linter per distinct configuration.
    pub linters: Vec<Linter>,
    /// True when an input had a problem (already printed).
    pub failed: bool,
    /// True when a configuration file, a glossary or a flag had a problem (already printed):
    /// nothing should be checked.
    pub fatal: bool,
    /// The linter of each input checked by [`Run::check`], in order.
    checked: Vec<usize>,
    /// The one input, when it is a large plain-text file left unread, to be checked in pieces
    /// (see [`CommonArgs::prepare_large`]).
    pub large: Option<LargeInput>,
}

/// A large plain-text file, not read yet.
#[derive(Debug)]
pub struct LargeInput {
    /// Its path.
    pub path: PathBuf,
    /// The name it is reported under.
    pub name: String,
    /// Index of its linter in [`Run::linters`].
    pub linter: usize,
}

impl Run {
    /// The linter of an input.
    pub fn linter(&self, input: &Input) -> &Linter {
        &self.linters[input.linter]
    }

    /// Checks every input (in parallel), results in input order. The inputs are consumed (their
    /// text moves into the results); [`Run::fail_on`] still answers for each result.
    pub fn check(&mut self) -> Vec<FileResult> {
        let inputs = std::mem::take(&mut self.inputs);
        let progress = progress_bar(inputs.len());
        self.checked = inputs.iter().map(|i| i.linter).collect();
        // Inputs of one linter are checked together (a batch consistency scope pools them).
        let mut slots: Vec<Option<Input>> = inputs.into_iter().map(Some).collect();
        let mut results: Vec<Option<FileResult>> = (0..slots.len()).map(|_| None).collect();
        for (index, linter) in self.linters.iter().enumerate() {
            let members: Vec<usize> = (0..slots.len())
                .filter(|&i| self.checked[i] == index)
                .collect();
            let docs: Vec<Document> = members
                .iter()
                .filter_map(|&i| slots[i].take())
                .map(Input::into_document)
                .collect();
            let checked = linter.check_all_with_progress(docs, &|| progress.inc(1));
            for (i, r) in members.into_iter().zip(checked) {
                results[i] = Some(r);
            }
        }
        progress.finish_and_clear();
        results
            .into_iter()
            .map(|r| r.expect("every input belongs to one linter"))
            .collect()
    }

    /// The threshold of the `n`-th result of [`Run::check`] (each input has its own
    /// configuration).
    pub fn fail_on(&self, n: usize) -> FailOn {
        self.linters[self.checked[n]].settings().fail_on
    }
}

/// A progress bar on standard error for long runs at a terminal; hidden otherwise.
fn progress_bar(files: usize) -> ProgressBar {
    if files < 200 || !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
        bar.set_style(style);
    }
    bar
}

/// Configuration files met during a run, parsed once.
#[derive(Default)]
struct ConfigCache {
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    files: HashMap<PathBuf, Option<ConfigFile>>,
}

impl ConfigCache {
    fn nearest(&mut self, dir: &Path) -> Option<PathBuf> {
        self.by_dir
            .entry(dir.to_path_buf())
            .or_insert_with(|| find_config(dir))
            .clone()
    }

    /// The parsed file; errors are printed once and make it `None`.
    fn file(&mut self, path: &Path, failed: &mut bool) -> Option<&ConfigFile> {
        let entry = self.files.entry(path.to_path_buf()).or_insert_with(|| {
            ConfigFile::load(path)
                .map_err(|errors| {
                    for e in errors {
                        print_error(e);
                    }
                })
                .ok()
        });
        if entry.is_none() {
            *failed = true;
        }
        entry.as_ref()
    }
}

impl CommonArgs {
    /// What the command line sets, on top of every configuration file. `fail_on` comes from
    /// the command.
    pub fn layer(&self, fail_on: Option<FailOn>) -> Layer {
        Layer {
            glossaries: self.glossaries.clone(),
            default_glossary: self.no_default_glossary.then_some(false),
            target: self.target,
            source: self.source_lang,
            fail_on,
            consistency_scope: self.consistency_scope.map(|s| match s {
                ScopeArg::File => ConsistencyScope::File,
                ScopeArg::Batch => ConsistencyScope::Batch,
            }),
            select: (!self.select.is_empty()).then(|| self.select.iter().cloned().collect()),
            ignore: self.ignore.iter().cloned().collect(),
            ..Layer::default()
        }
    }

    fn check_rule_ids(&self) -> bool {
        let mut ok = true;
        for id in self.select.iter().chain(&self.ignore) {
            if mtlint::checks::rule(id).is_none() {
                print_error(format!(
                    "unknown rule `{id}` in --select/--ignore; see `mtlint rules`"
                ));
                ok = false;
            }
        }
        ok
    }

    /// The resolved configuration of a file (or of standard input, from the working
    /// directory).
    fn resolve(
        &self,
        path: Option<&Path>,
        cli: &Layer,
        cache: &mut ConfigCache,
        failed: &mut bool,
    ) -> Resolved {
        let for_path = path.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
        let mut paths = Vec::new();
        if !self.isolated {
            paths.extend(cache.nearest(&config_dir_for(path)));
        }
        paths.extend(self.config.iter().cloned());
        for p in &paths {
            cache.file(p, failed);
        }
        let files: Vec<&ConfigFile> = paths
            .iter()
            .filter_map(|p| cache.files.get(p)?.as_ref())
            .collect();
        Resolved::for_path(&for_path, &files, cli)
    }

    /// True when a configuration excludes a walked file.
    fn excluded(&self, path: &Path, cache: &mut ConfigCache, failed: &mut bool) -> bool {
        if self.isolated {
            return false;
        }
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        let mut files = Vec::new();
        if let Some(found) = cache.nearest(dir) {
            files.push(found);
        }
        files.extend(self.config.iter().cloned());
        files
            .iter()
            .any(|f| cache.file(f, failed).is_some_and(|c| c.excludes(path)))
    }

    fn format_for(&self, path: Option<&Path>) -> Format {
        if let Some(format) = self.input_format {
            return format;
        }
        match (path, &self.stdin_filename) {
            (Some(p), _) => Format::from_path(p),
            (None, Some(name)) => Format::from_path(Path::new(name)),
            (None, None) => Format::Text,
        }
    }

    /// Expands directories into their article files; `None` stands for standard input.
    fn expand(&self, cache: &mut ConfigCache, failed: &mut bool) -> Vec<Option<PathBuf>> {
        let options = WalkOptions {
            include: self.include.clone(),
            exclude: self.exclude.clone(),
        };
        let mut out = Vec::new();
        let mut stdin_used = false;
        for path in &self.paths {
            if path.as_os_str() == "-" {
                if stdin_used {
                    print_error("`-` (standard input) is given more than once");
                    *failed = true;
                } else {
                    stdin_used = true;
                    out.push(None);
                }
            } else if path.is_dir() {
                let (files, errors) = walk(path, &options);
                for e in errors {
                    print_error(format!("{}: {e}", path.display()));
                    *failed = true;
                }
                for f in files {
                    if !self.excluded(&f, cache, failed) {
                        out.push(Some(f));
                    }
                }
            } else {
                out.push(Some(path.clone()));
            }
        }
        out
    }

    /// Finds and reads the inputs, resolves their configuration and builds their linters.
    /// `fail_on` is the command's own threshold flag, if given.
    pub fn prepare(&self, fail_on: Option<FailOn>) -> Run {
        self.prepare_large(fail_on, None)
    }

    /// [`CommonArgs::prepare`], leaving unread a single plain-text input of at least `large`
    /// bytes: it is given as [`Run::large`].
    pub fn prepare_large(&self, fail_on: Option<FailOn>, large: Option<u64>) -> Run {
        let mut fatal = !self.check_rule_ids();
        let mut failed = false;
        let cli = self.layer(fail_on);
        let mut cache = ConfigCache::default();
        let paths = self.expand(&mut cache, &mut fatal);
        // Resolve configurations and build one linter per distinct one.
        let mut keys: HashMap<Resolved, usize> = HashMap::new();
        let mut linters: Vec<Linter> = Vec::new();
        let mut glossaries: HashMap<(bool, Vec<PathBuf>), Option<Glossary>> = HashMap::new();
        let mut assigned = Vec::with_capacity(paths.len());
        for path in &paths {
            let resolved = self.resolve(path.as_deref(), &cli, &mut cache, &mut fatal);
            let index = match keys.get(&resolved) {
                Some(&i) => Some(i),
                None => {
                    warm_up_word_lists(&resolved);
                    let glossary = glossaries
                        .entry((resolved.default_glossary, resolved.glossaries.clone()))
                        .or_insert_with(|| load_glossaries(&resolved))
                        .clone();
                    match glossary.map(|g| Linter::new(&g, resolved.settings.clone())) {
                        Some(Ok(linter)) => {
                            linters.push(linter);
                            keys.insert(resolved, linters.len() - 1);
                            Some(linters.len() - 1)
                        }
                        Some(Err(e)) => {
                            print_error(e);
                            None
                        }
                        None => None,
                    }
                }
            };
            if index.is_none() {
                fatal = true;
            }
            assigned.push(index);
        }
        let is_large = |p: &Path| {
            paths.len() == 1
                && self.source.is_none()
                && large.is_some_and(|min| {
                    self.format_for(Some(p)) == Format::Text
                        && std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() >= min)
                })
        };
        let read_one = |p: &Option<PathBuf>| -> Option<Result<Document, String>> {
            let source = match p {
                None => input::read_stdin(self.stdin_filename.as_deref().unwrap_or("-")),
                Some(p) if is_large(p) => return None,
                Some(p) => input::read_path(p),
            };
            Some(source.map_err(|e| e.to_string()).and_then(|source| {
                Document::parse(source, self.format_for(p.as_deref())).map_err(|e| e.to_string())
            }))
        };
        // Read and parse in parallel (one input needs no thread pool); report problems in
        // input order.
        let read: Vec<Option<Result<Document, String>>> = if paths.len() == 1 {
            paths.iter().map(read_one).collect()
        } else {
            paths.par_iter().map(read_one).collect()
        };
        let mut inputs = Vec::with_capacity(paths.len());
        let mut large_input = None;
        for ((path, document), linter) in paths.into_iter().zip(read).zip(assigned) {
            let Some(document) = document else {
                if let (Some(path), Some(linter)) = (path, linter) {
                    large_input = Some(LargeInput {
                        name: path.display().to_string(),
                        path,
                        linter,
                    });
                }
                continue;
            };
            match (document, linter) {
                (Ok(document), Some(linter)) => {
                    warn_declared_languages(&document, &linters[linter]);
                    inputs.push(Input {
                        path,
                        document,
                        linter,
                        translated_from: None,
                    });
                }
                (Ok(_), None) => {}
                (Err(e), _) => {
                    print_error(e);
                    failed = true;
                }
            }
        }
        if let Some(source) = &self.source {
            if !failed && !fatal {
                fatal = !self.pair_with_source(source, &mut inputs);
            }
        }
        Run {
            inputs,
            linters,
            failed,
            fatal,
            checked: Vec::new(),
            large: large_input,
        }
    }

    /// `--source`: reads the source, checks that it aligns with the one target by paragraph
    /// and attaches it. Problems are printed; false when there was one.
    fn pair_with_source(&self, source: &Path, inputs: &mut [Input]) -> bool {
        let [input] = inputs else {
            print_error(format!(
                "--source {} needs exactly one article to compare with it, got {}",
                source.display(),
                if self.paths.len() == 1 && inputs.len() != 1 {
                    format!("a directory of {} articles", inputs.len())
                } else {
                    format!("{} paths", self.paths.len())
                }
            ));
            return false;
        };
        let aligned = |format: Format| matches!(format, Format::Text | Format::Markdown);
        let source_format = Format::from_path(source);
        for (name, format) in [
            (source.display().to_string(), source_format),
            (input.document.name.clone(), input.document.format),
        ] {
            if !aligned(format) {
                print_error(format!(
                    "{name}: --source aligns plain text (.txt) and Markdown (.md) by paragraph, \
                     not {}",
                    format.as_str()
                ));
                return false;
            }
        }
        let text = match input::read_path(source) {
            Ok(text) => text,
            Err(e) => {
                print_error(format!("--source: {e}"));
                return false;
            }
        };
        let source_doc = match Document::parse(text, source_format) {
            Ok(doc) => doc,
            Err(e) => {
                print_error(format!("--source: {e}"));
                return false;
            }
        };
        match align(&input.document, &source_doc) {
            Ok(_) => {
                input.translated_from = Some(Arc::new(source_doc));
                true
            }
            Err(e) => {
                print_error(e);
                false
            }
        }
    }

    /// The resolved configuration of one path, for `mtlint config`.
    pub fn resolved_for(&self, path: Option<&Path>) -> (Resolved, bool) {
        let mut failed = !self.check_rule_ids();
        let mut cache = ConfigCache::default();
        let resolved = self.resolve(path, &self.layer(None), &mut cache, &mut failed);
        (resolved, failed)
    }

    /// The configuration file that applies to a path, if any.
    pub fn config_file_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        if self.isolated {
            return None;
        }
        find_config(&config_dir_for(path))
    }
}

/// Warns (once per file, on standard error) when the languages a bilingual file declares are not
/// the ones it is checked as.
fn warn_declared_languages(document: &Document, linter: &Linter) {
    let declared = document.declared_languages();
    let settings = linter.settings();
    for (tag, checked, what, flag) in [
        (&declared.target, settings.target, "target", "--lang"),
        (&declared.source, settings.source, "source", "--source-lang"),
    ] {
        let Some(tag) = tag else {
            continue;
        };
        if DeclaredLanguages::primary(tag) != checked.code() {
            super::print_warning(format!(
                "{}: the file declares the {what} language `{tag}`, but it is checked as `{}` \
                 (set {flag} to change)",
                document.name,
                checked.code()
            ));
        }
    }
}

/// Reads the word lists of a configuration's languages (and the lexicon of derived names) on
/// another thread while the glossary is loaded and compiled on this one: both are needed
/// before the first check, and a short run (one article) would otherwise do them one after the
/// other. A list being read is waited for,
/// never read twice. (Several checks read them: fragments, name evidence, German nouns.)
fn warm_up_word_lists(resolved: &Resolved) {
    let (target, source) = (resolved.settings.target, resolved.settings.source);
    // Without a thread (resources exhausted), the lists are read on first use as usual.
    let _ = std::thread::Builder::new()
        .name("word-lists".into())
        .spawn(move || {
            // The lexicon the glossary's literal translations are derived from is needed
            // first, as soon as the glossary is read.
            mtlint::glossary::Lexicon::for_pair(source, target);
            for code in [target.code(), source.code()] {
                if let Some(profile) = mtlint::text::LanguageProfile::get(code) {
                    profile.frequencies();
                }
            }
        });
}

/// The default glossary (unless disabled) plus the resolved glossary files; every error is
/// printed, and `None` returned if there was one.
pub fn load_glossaries(resolved: &Resolved) -> Option<Glossary> {
    resolved
        .load_glossary()
        .map_err(|errors| {
            for e in errors {
                print_error(e);
            }
        })
        .ok()
}
