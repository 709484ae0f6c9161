//! Loading glossaries from TOML, with every error located at file:line:column.
//!
//! Parsing is serde with `deny_unknown_fields` over raw structs that keep source spans;
//! validation then checks what serde cannot (empty forms, a form both right and wrong, one
//! form claimed by two concepts in conflicting roles) and reports all problems at once.
//!
//! A large file in the quick reader's shapes is read and checked in chunks of whole concepts
//! at the same time, one per core, and its forms are checked across concepts in partitions
//! by hash, also at the same time; the result, errors included, is the same as one reader's.

use super::model::{Concept, Glossary, Kind, Lang, LangForms, LangMap, SurnamePolicy};
use crate::text::{CaseMode, Folded};
use rustc_hash::FxHashMap;
use serde::de::{self, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// A problem in a glossary file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryError {
    /// The file, as given by the user.
    pub path: String,
    /// 1-based line and column (in characters), when the problem has a place.
    pub location: Option<(usize, usize)>,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for GlossaryError {}

// The raw structures below are what a file says, with spans. `super::quick` builds them
// too, for the common shapes, much faster than serde over the general TOML parser.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) meta: Option<RawMeta>,
    #[serde(default)]
    pub(super) concept: Vec<Spanned<RawConcept>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read for validation only
pub(super) struct RawMeta {
    pub(super) name: Option<String>,
    pub(super) version: Option<String>,
    pub(super) description: Option<String>,
    pub(super) source: Option<String>,
    pub(super) license: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawSurname {
    Flag(bool),
    Name(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConcept {
    pub(super) id: Spanned<String>,
    pub(super) kind: Kind,
    #[serde(default)]
    pub(super) keep: bool,
    #[serde(default)]
    pub(super) case_sensitive: bool,
    pub(super) surname: Option<RawSurname>,
    pub(super) note: Option<String>,
    pub(super) en: Option<Spanned<LangEntry>>,
    pub(super) fr: Option<Spanned<LangEntry>>,
    pub(super) es: Option<Spanned<LangEntry>>,
    pub(super) de: Option<Spanned<LangEntry>>,
    pub(super) it: Option<Spanned<LangEntry>>,
    pub(super) pt: Option<Spanned<LangEntry>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLangForms {
    pub(super) preferred: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) accepted: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) variants: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) wrong: Vec<Spanned<String>>,
    pub(super) abbr: Option<Spanned<String>>,
    pub(super) gender: Option<Spanned<String>>,
}

/// A language entry: a plain string is shorthand for `{ preferred = "…" }`.
pub(super) enum LangEntry {
    Name(String),
    // Boxed: a concept holds six of these, and a large glossary is a vector of concepts.
    Table(Box<RawLangForms>),
}

impl<'de> Deserialize<'de> for LangEntry {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = LangEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a form (string) or a table of forms")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LangEntry, E> {
                Ok(LangEntry::Name(v.to_owned()))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<LangEntry, M::Error> {
                RawLangForms::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|forms| LangEntry::Table(Box::new(forms)))
            }
        }
        d.deserialize_any(EntryVisitor)
    }
}

/// The format of a glossary file, by extension: TBX (`.tbx`), CSV (`.csv`), TSV (`.tsv`),
/// else our TOML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlossaryFormat {
    /// Our TOML format.
    Toml,
    /// A TBX termbase (2008 or v3).
    Tbx,
    /// Comma-separated values with a header.
    Csv,
    /// Tab-separated values with a header.
    Tsv,
}

impl GlossaryFormat {
    /// The format a path's extension names.
    pub fn of(path: &Path) -> GlossaryFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("tbx") => GlossaryFormat::Tbx,
            Some("csv") => GlossaryFormat::Csv,
            Some("tsv") | Some("tab") => GlossaryFormat::Tsv,
            _ => GlossaryFormat::Toml,
        }
    }
}

/// Reads a termbase (TBX, CSV or TSV, by extension) into imported concepts, not yet validated.
pub fn import_file(path: &Path) -> Result<super::Imported, Vec<GlossaryError>> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    match GlossaryFormat::of(path) {
        GlossaryFormat::Tbx => super::tbx::import_tbx(&text, &name),
        GlossaryFormat::Csv => super::csv::import_delimited(&text, &name, b','),
        GlossaryFormat::Tsv => super::csv::import_delimited(&text, &name, b'\t'),
        GlossaryFormat::Toml => Err(vec![GlossaryError {
            path: name,
            location: None,
            message: "not a termbase to import: expected a .tbx, .csv or .tsv file".into(),
        }]),
    }
}

/// Reads and validates a glossary file: TOML, or a TBX, CSV or TSV termbase by extension.
pub fn load_file(path: &Path) -> Result<Glossary, Vec<GlossaryError>> {
    if GlossaryFormat::of(path) != GlossaryFormat::Toml {
        return import_file(path)?.into_glossary();
    }
    let name = path.display().to_string();
    parse(&read_text(path)?, &name)
}

/// Reads a glossary file as UTF-8 text.
fn read_text(path: &Path) -> Result<String, Vec<GlossaryError>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        vec![GlossaryError {
            path: name.clone(),
            location: None,
            message: format!(
                "cannot read glossary: {}",
                crate::input::describe_io_error(&e)
            ),
        }]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        vec![GlossaryError {
            path: name.clone(),
            location: None,
            message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        }]
    })?;
    Ok(text)
}

/// Line and column (1-based, column in characters) of a byte offset.
/// Where each line of a source starts, so that placing many errors and concepts costs a
/// binary search each, not a scan from the start of the file.
struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(source: &'a str) -> LineIndex<'a> {
        let newlines = source.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        let starts = std::iter::once(0)
            .chain(newlines.map(|(i, _)| i + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = self
            .source
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count());
        (line, column + 1)
    }
}

/// Which role a form plays, for validation messages and conflicts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RoleClass {
    Right,
    Bad,
}

struct FormSite {
    concept: usize,
    lang: Lang,
    /// The field of `lang` (`preferred`, `wrong`, …), or [`KEPT_NAME`].
    field: &'static str,
    class: RoleClass,
    offset: usize,
    exact: String,
    case_sensitive: bool,
}

/// The field of a kept name's source form, registered in every language.
const KEPT_NAME: &str = "(kept name)";

impl FormSite {
    /// Where the form is, for messages: `fr.wrong`, `en (kept name)`.
    fn field_name(&self) -> String {
        if self.field == KEPT_NAME {
            format!("en {KEPT_NAME}")
        } else {
            format!("{}.{}", self.lang, self.field)
        }
    }
}

/// Language and folded form → where the form is right or bad.
type SiteMap = FxHashMap<(Lang, String), Vec<FormSite>>;

/// The forms of a run of concepts, for the checks across concepts, in partitions by hash
/// of language and folded form: each partition is merged with the same partition of the other
/// runs and checked on its own, at the same time as the others.
#[derive(Default)]
struct Sites {
    parts: Vec<SiteMap>,
    /// The languages with forms.
    langs: std::collections::BTreeSet<Lang>,
}

impl Sites {
    fn new(partitions: usize) -> Sites {
        Sites {
            parts: (0..partitions.max(1)).map(|_| SiteMap::default()).collect(),
            langs: Default::default(),
        }
    }

    /// The partition of a language and folded form, among `n`.
    fn partition(lang: Lang, key: &str, n: usize) -> usize {
        use std::hash::BuildHasher;
        // The high bits: the maps' own hashes use the low ones.
        (rustc_hash::FxBuildHasher.hash_one((lang, key)) >> 32) as usize % n
    }

    fn push(&mut self, lang: Lang, key: String, site: FormSite) {
        self.langs.insert(lang);
        let n = self.parts.len();
        self.parts[Sites::partition(lang, &key, n)]
            .entry((lang, key))
            // Most forms are in one place: room for one, where `push` would make room for 4.
            .or_insert_with(|| Vec::with_capacity(1))
            .push(site);
    }
}

/// True for acronyms, which always match with their exact case: "OTAN", "G7", "BRICS".
pub(crate) fn is_acronym(form: &str) -> bool {
    // One pass that stops at the first lowercase letter: most forms are names.
    let mut chars = 0;
    let mut letters = 0;
    for c in form.chars() {
        chars += 1;
        if chars > 8 || c == ' ' {
            return false;
        }
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 1 && chars >= 2
}

/// Parses and validates glossary TOML; `path` names it in errors.
pub fn parse(source: &str, path: &str) -> Result<Glossary, Vec<GlossaryError>> {
    parse_with(source, path, true, true)
}

/// [`parse`] without the checks across concepts (one form claimed by two concepts in
/// conflicting roles), for a glossary that a test has shown to pass them: the embedded
/// default, read on every start. Every check within a concept is still made.
pub(super) fn parse_trusted(source: &str, path: &str) -> Result<Glossary, Vec<GlossaryError>> {
    parse_with(source, path, true, false)
}

/// Glossary files at least this large, in the quick reader's shapes, are read and checked
/// in parallel, in chunks of whole concepts.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// At most this many chunks, whatever the number of cores.
const MAX_CHUNKS: usize = 8;

/// [`parse`], reading the common shapes with the quick reader when `quick` (tests compare the
/// two readers), and checking forms across concepts when `across`.
pub(super) fn parse_with(
    source: &str,
    path: &str,
    quick: bool,
    across: bool,
) -> Result<Glossary, Vec<GlossaryError>> {
    let parts = if source.len() < PARALLEL_MIN_BYTES {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_CHUNKS))
    };
    parse_in_parts(source, path, quick, across, parts)
}

/// [`parse_with`], the quick reader reading and checking `parts` chunks at the same time.
fn parse_in_parts(
    source: &str,
    path: &str,
    quick: bool,
    across: bool,
    parts: usize,
) -> Result<Glossary, Vec<GlossaryError>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines = LineIndex::new(source);
    let chunks = super::quick::chunks(source, parts);
    let checker = Checker {
        path,
        lines: &lines,
        across,
        partitions: chunks.len(),
    };
    // Each chunk is read and checked on its own; concepts are numbered within their chunk.
    let checked = super::jobs::run(chunks.len(), |k| {
        let raw = super::quick::read_range(source, chunks[k].clone()).filter(|_| quick)?;
        Some((raw.meta.is_some(), checker.check(raw.concept)))
    });
    let quick_read = checked
        .into_iter()
        .collect::<Option<Vec<_>>>()
        // Two `[meta]` tables: the general reader reports it.
        .filter(|chunks| chunks.iter().filter(|(meta, _)| *meta).count() <= 1);
    let checked: Vec<Checked> = match quick_read {
        Some(chunks) => chunks.into_iter().map(|(_, checked)| checked).collect(),
        None => {
            let raw = toml::from_str::<RawFile>(source).map_err(|e| {
                vec![checker.error_at(
                    e.span().map(|s| s.start),
                    e.message().trim_end_matches('.').replace('\n', " "),
                )]
            })?;
            vec![checker.check(raw.concept)]
        }
    };
    // Each run's forms, with the number of the run's first concept, by partition.
    let partitions = checker.partitions;
    let mut runs: Vec<Vec<(usize, SiteMap)>> = (0..partitions).map(|_| Vec::new()).collect();
    let mut langs = std::collections::BTreeSet::new();
    let mut all: Option<Checked> = None;
    for mut run in checked {
        langs.append(&mut run.sites.langs);
        let first = all.as_ref().map_or(0, |a| a.concepts.len());
        for (p, map) in std::mem::take(&mut run.sites.parts).into_iter().enumerate() {
            runs[p].push((first, map));
        }
        match &mut all {
            Some(all) => all.append(run),
            None => all = Some(run),
        }
    }
    let Checked {
        concepts,
        ids,
        repeated,
        mut errors,
        ..
    } = all.unwrap_or_default();
    for (id, offset) in repeated {
        errors.push(checker.id_used_twice(&id, offset, ids[&id]));
    }

    let runs: Vec<std::sync::Mutex<Vec<(usize, SiteMap)>>> =
        runs.into_iter().map(std::sync::Mutex::new).collect();
    let conflicts = super::jobs::run(partitions, |p| {
        let mut runs = std::mem::take(
            &mut *runs[p]
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
        .into_iter();
        let mut sites = runs.next().map(|(_, map)| map).unwrap_or_default();
        for (first, map) in runs {
            sites.reserve(map.len());
            for (key, places) in map {
                let places = places.into_iter().map(|mut site| {
                    site.concept += first;
                    site
                });
                sites.entry(key).or_default().extend(places);
            }
        }
        if across {
            add_kept_names(&concepts, &langs, p, partitions, &mut sites);
        }
        let mut errors = Vec::new();
        check_conflicts(&concepts, &sites, &mut |o, m| {
            errors.push(checker.error_at(Some(o), m))
        });
        errors
    });
    errors.extend(conflicts.into_iter().flatten());

    if errors.is_empty() {
        Ok(Glossary {
            concepts: Arc::new(concepts),
        })
    } else {
        errors.sort_by_key(|e| e.location);
        Err(errors)
    }
}

/// A kept name is right in every language: registers the source forms of kept concepts in
/// every other language with forms, those of partition `p` of `partitions`.
fn add_kept_names(
    concepts: &[Concept],
    langs: &std::collections::BTreeSet<Lang>,
    p: usize,
    partitions: usize,
    sites: &mut SiteMap,
) {
    for (index, concept) in concepts.iter().enumerate() {
        if !concept.keep {
            continue;
        }
        let Some(en) = concept.forms(Lang::En) else {
            continue;
        };
        for form in en.right_forms() {
            let key = Folded::fold_str(form, CaseMode::Fold);
            for &lang in langs.iter().filter(|&&l| l != Lang::En) {
                if Sites::partition(lang, &key, partitions) != p {
                    continue;
                }
                sites
                    .entry((lang, key.clone()))
                    .or_default()
                    .push(FormSite {
                        concept: index,
                        lang: Lang::En,
                        field: KEPT_NAME,
                        class: RoleClass::Right,
                        offset: 0,
                        exact: form.to_owned(),
                        case_sensitive: concept.case_sensitive || is_acronym(form),
                    });
            }
        }
    }
}

/// The concepts of a run of `[[concept]]` tables, checked one by one, and what the checks
/// across concepts need.
#[derive(Default)]
struct Checked {
    concepts: Vec<Concept>,
    /// Each id, with the offset of its first use.
    ids: FxHashMap<String, usize>,
    /// Ids used again, with the offset of the later use: reported once every run is in.
    repeated: Vec<(String, usize)>,
    /// Where each form is right or bad (when checking across concepts); moved out before
    /// [`Checked::append`].
    sites: Sites,
    errors: Vec<GlossaryError>,
}

impl Checked {
    /// Appends the concepts of `later`, the run that follows this one in the file.
    fn append(&mut self, later: Checked) {
        self.concepts.extend(later.concepts);
        self.errors.extend(later.errors);
        self.repeated.extend(later.repeated);
        self.ids.reserve(later.ids.len());
        for (id, offset) in later.ids {
            match self.ids.entry(id) {
                std::collections::hash_map::Entry::Occupied(used) => {
                    self.repeated.push((used.key().clone(), offset))
                }
                std::collections::hash_map::Entry::Vacant(new) => {
                    new.insert(offset);
                }
            }
        }
    }
}

/// The checks of one file within concepts, and its messages.
struct Checker<'a> {
    path: &'a str,
    lines: &'a LineIndex<'a>,
    /// Whether forms are recorded for the checks across concepts.
    across: bool,
    /// The number of partitions forms are recorded in.
    partitions: usize,
}

impl Checker<'_> {
    fn error_at(&self, offset: Option<usize>, message: String) -> GlossaryError {
        GlossaryError {
            path: self.path.to_owned(),
            location: offset.map(|o| self.lines.line_column(o)),
            message,
        }
    }

    /// The error for an id at `offset` that was first used at `earlier`.
    fn id_used_twice(&self, id: &str, offset: usize, earlier: usize) -> GlossaryError {
        self.error_at(
            Some(offset),
            format!(
                "concept id `{id}` is already used on line {}",
                self.lines.line_column(earlier).0
            ),
        )
    }

    /// Checks each of `raw`, numbering the concepts from 0.
    fn check(&self, raw: Vec<Spanned<RawConcept>>) -> Checked {
        let mut out = Checked {
            concepts: Vec::with_capacity(raw.len()),
            ids: FxHashMap::with_capacity_and_hasher(raw.len(), Default::default()),
            sites: Sites::new(self.partitions),
            ..Checked::default()
        };
        for spanned in raw {
            self.concept(spanned, &mut out);
        }
        out
    }

    /// Checks one concept and adds it to `out`.
    fn concept(&self, spanned: Spanned<RawConcept>, out: &mut Checked) {
        let concept_offset = spanned.span().start;
        let raw = spanned.into_inner();
        let id_span = raw.id.span();
        let id = raw.id.into_inner();
        let errors = &mut out.errors;
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            errors.push(self.error_at(
                Some(id_span.start),
                format!("concept id `{id}` must be kebab-case: lowercase letters, digits and -"),
            ));
        }
        if out.ids.contains_key(&id) {
            out.repeated.push((id.clone(), id_span.start));
        } else {
            out.ids.insert(id.clone(), id_span.start);
        }
        let surname = match raw.surname {
            None | Some(RawSurname::Flag(true)) => SurnamePolicy::Derived,
            Some(RawSurname::Flag(false)) => SurnamePolicy::Off,
            Some(RawSurname::Name(s)) => SurnamePolicy::Given(s),
        };
        if surname != SurnamePolicy::Derived && raw.kind != Kind::Person {
            errors.push(self.error_at(
                Some(concept_offset),
                format!("concept `{id}`: `surname` applies to persons only"),
            ));
        }
        let entries = [
            (Lang::En, raw.en),
            (Lang::Fr, raw.fr),
            (Lang::Es, raw.es),
            (Lang::De, raw.de),
            (Lang::It, raw.it),
            (Lang::Pt, raw.pt),
        ];
        let index = out.concepts.len();
        let mut langs = LangMap::with_capacity(entries.iter().filter(|(_, e)| e.is_some()).count());
        for (lang, entry) in entries {
            let Some(entry) = entry else { continue };
            let entry_span = entry.span();
            let raw_forms = match entry.into_inner() {
                LangEntry::Name(name) => RawLangForms {
                    preferred: Some(Spanned::new(entry_span.clone(), name)),
                    ..RawLangForms::default()
                },
                LangEntry::Table(t) => *t,
            };
            let forms = validate_forms(
                &id,
                lang,
                raw_forms,
                raw.case_sensitive,
                index,
                self.across.then_some(&mut out.sites),
                &mut |o, m| errors.push(self.error_at(Some(o), m)),
            );
            langs.insert(lang, forms);
        }
        if langs.is_empty() {
            errors.push(self.error_at(
                Some(concept_offset),
                format!("concept `{id}` has no forms in any language"),
            ));
        }
        if raw.keep
            && langs
                .get(&Lang::En)
                .and_then(|f| f.preferred.as_ref())
                .is_none()
        {
            errors.push(self.error_at(
                Some(concept_offset),
                format!("concept `{id}` keeps its name (`keep = true`) but has no `en` name"),
            ));
        }
        out.concepts.push(Concept {
            id,
            kind: raw.kind,
            keep: raw.keep,
            case_sensitive: raw.case_sensitive,
            surname,
            note: raw.note,
            langs,
            origin: format!("{}:{}", self.path, self.lines.line_column(concept_offset).0),
        });
    }
}

/// Validates one language table of a concept and records its forms in `sites`, if given, for
/// the checks across concepts.
fn validate_forms(
    id: &str,
    lang: Lang,
    raw: RawLangForms,
    case_sensitive: bool,
    concept: usize,
    mut sites: Option<&mut Sites>,
    report: &mut dyn FnMut(usize, String),
) -> LangForms {
    // A handful of forms per language: a list is faster than a map.
    let mut own: Vec<(String, &'static str, RoleClass)> = Vec::new();
    let mut take = |field: &'static str, class: RoleClass, s: Spanned<String>| -> Option<String> {
        let offset = s.span().start;
        let form = s.into_inner();
        let trimmed = form.trim();
        if trimmed.is_empty() {
            report(
                offset,
                format!("concept `{id}`: empty form in `{lang}.{field}`"),
            );
            return None;
        }
        if trimmed != form {
            report(
                offset,
                format!("concept `{id}`: form `{form}` in `{lang}.{field}` has leading or trailing spaces"),
            );
            return None;
        }
        if !form.chars().any(char::is_alphanumeric) {
            report(
                offset,
                format!("concept `{id}`: form `{form}` in `{lang}.{field}` has no letter or digit"),
            );
            return None;
        }
        let form_case_sensitive = case_sensitive || is_acronym(&form);
        // Case-sensitive forms may differ by case only ("Time" right, "time" wrong).
        let own_key = Folded::fold_str(
            &form,
            if form_case_sensitive {
                CaseMode::Keep
            } else {
                CaseMode::Fold
            },
        );
        if let Some((_, other_field, other_class)) = own.iter().find(|(k, _, _)| *k == own_key) {
            let what = if *other_class != class {
                format!(
                    "concept `{id}`: form `{form}` is both {} (`{lang}.{other_field}`) and {} (`{lang}.{field}`)",
                    describe(*other_class),
                    describe(class)
                )
            } else {
                format!("concept `{id}`: form `{form}` is listed twice (`{lang}.{other_field}` and `{lang}.{field}`)")
            };
            report(offset, what);
            return None;
        }
        if let Some(sites) = sites.as_deref_mut() {
            let key = if form_case_sensitive {
                Folded::fold_str(&form, CaseMode::Fold)
            } else {
                own_key.clone()
            };
            let site = FormSite {
                concept,
                lang,
                field,
                class,
                offset,
                exact: form.clone(),
                case_sensitive: form_case_sensitive,
            };
            sites.push(lang, key, site);
        }
        own.push((own_key, field, class));
        Some(form)
    };
    let preferred = raw
        .preferred
        .and_then(|s| take("preferred", RoleClass::Right, s));
    let abbr = raw.abbr.and_then(|s| take("abbr", RoleClass::Right, s));
    let accepted = raw
        .accepted
        .into_iter()
        .filter_map(|s| take("accepted", RoleClass::Right, s))
        .collect();
    let variants: Vec<String> = raw
        .variants
        .into_iter()
        .filter_map(|s| take("variants", RoleClass::Bad, s))
        .collect();
    let wrong = raw
        .wrong
        .into_iter()
        .filter_map(|s| take("wrong", RoleClass::Bad, s))
        .collect();
    let gender = raw.gender.and_then(|g| {
        let offset = g.span().start;
        let g = g.into_inner();
        if matches!(g.as_str(), "m" | "f" | "mpl" | "fpl" | "none") {
            Some(g)
        } else {
            report(
                offset,
                format!("concept `{id}`: gender `{g}` must be one of m, f, mpl, fpl, none"),
            );
            None
        }
    });
    if !variants.is_empty() && preferred.is_none() {
        report(
            0,
            format!(
                "concept `{id}`: `{lang}.variants` needs a `{lang}.preferred` form to fix them to"
            ),
        );
    }
    LangForms {
        preferred,
        accepted,
        variants,
        wrong,
        abbr,
        gender,
    }
}

fn describe(class: RoleClass) -> &'static str {
    match class {
        RoleClass::Right => "right",
        RoleClass::Bad => "wrong",
    }
}

/// One folded form may not be right in one concept and wrong in another (same language).
fn check_conflicts(concepts: &[Concept], sites: &SiteMap, report: &mut dyn FnMut(usize, String)) {
    for list in sites.values() {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a.concept == b.concept || a.class == b.class {
                    continue;
                }
                if (a.case_sensitive || b.case_sensitive) && a.exact != b.exact {
                    continue;
                }
                let (first, second) = if a.offset <= b.offset { (a, b) } else { (b, a) };
                report(
                    second.offset,
                    format!(
                        "form `{}` is {} in concept `{}` (`{}`) but {} in concept `{}` (`{}`, {})",
                        second.exact,
                        describe(second.class),
                        concepts[second.concept].id,
                        second.field_name(),
                        describe(first.class),
                        concepts[first.concept].id,
                        first.field_name(),
                        concepts[first.concept].origin,
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: each concept's origin line was found by scanning the file from its start,
    /// which made a 10 MB glossary take minutes to load.
    #[test]
    fn line_index_places_offsets_without_rescanning() {
        let source = "ab\nçd\n\nlast";
        let lines = LineIndex::new(source);
        assert_eq!(lines.line_column(0), (1, 1));
        assert_eq!(lines.line_column(2), (1, 3));
        assert_eq!(lines.line_column(3), (2, 1));
        assert_eq!(lines.line_column(5), (2, 2));
        assert_eq!(lines.line_column(7), (3, 1));
        assert_eq!(lines.line_column(8), (4, 1));
        assert_eq!(lines.line_column(99), (4, 5));
    }

    #[track_caller]
    fn assert_error(source: &str, expected: &str) {
        let errors = parse(source, "g.toml").expect_err("must be rejected");
        let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            all.iter().any(|e| e == expected),
            "expected {expected:?} in {all:#?}"
        );
    }

    #[test]
    fn parses_the_architecture_examples() {
        let g = parse(
            r#"
[[concept]]
id = "newsweek"
kind = "outlet"
keep = true
en = "Newsweek"
fr.wrong = ["Semaine d'actualités"]

[[concept]]
id = "nikol-pashinyan"
kind = "person"
en = "Nikol Pashinyan"
fr = { preferred = "Nikol Pachinian", variants = ["Nikol Pashinyan"] }

[[concept]]
id = "organization-of-turkic-states"
kind = "organization"
en = { preferred = "Organization of Turkic States", abbr = "OTS" }
fr = { preferred = "Organisation des États turciques", abbr = "OET", gender = "f" }
"#,
            "g.toml",
        )
        .expect("valid");
        assert_eq!(g.concepts.len(), 3);
        assert!(g.concepts[0].keep);
        let fr = g.concepts[2].forms(Lang::Fr).expect("fr");
        assert_eq!(fr.abbr.as_deref(), Some("OET"));
        assert_eq!(fr.gender.as_deref(), Some("f"));
        assert_eq!(g.concepts[1].origin, "g.toml:9");
    }

    #[test]
    fn rejects_unknown_fields_with_their_place() {
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = { preferred = \"A\", prefered = \"B\" }\n",
            "g.toml:4:25: unknown field `prefered`, expected one of `preferred`, `accepted`, `variants`, `wrong`, `abbr`, `gender`",
        );
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nspelling = 1\n",
            "g.toml:4:1: unknown field `spelling`, expected one of `id`, `kind`, `keep`, `case_sensitive`, `surname`, `note`, `en`, `fr`, `es`, `de`, `it`, `pt`",
        );
    }

    #[test]
    fn rejects_bad_kinds_and_syntax() {
        let errors = parse("[[concept]]\nid = \"a\"\nkind = \"planet\"\n", "g.toml").unwrap_err();
        assert!(
            errors[0]
                .to_string()
                .starts_with("g.toml:3:8: unknown variant `planet`"),
            "{}",
            errors[0]
        );
        let errors = parse("[[concept]\n", "g.toml").unwrap_err();
        assert!(
            errors[0].to_string().starts_with("g.toml:1:"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn rejects_empty_forms() {
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr.accepted = [\"\"]\n",
            "g.toml:4:16: concept `a`: empty form in `fr.accepted`",
        );
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"...\"\n",
            "g.toml:4:6: concept `a`: form `...` in `fr.preferred` has no letter or digit",
        );
    }

    #[test]
    fn rejects_a_form_both_right_and_wrong() {
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = { preferred = \"Kiev\", wrong = [\"kiev\"] }\n",
            "g.toml:4:37: concept `a`: form `kiev` is both right (`fr.preferred`) and wrong (`fr.wrong`)",
        );
    }

    #[test]
    fn the_trusted_reader_skips_only_the_checks_across_concepts() {
        let across = "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"Géorgie\"\n\n[[concept]]\nid = \"b\"\nkind = \"place\"\nfr = { preferred = \"Géorgie du Sud\", wrong = [\"Géorgie\"] }\n";
        assert!(parse(across, "g.toml").is_err());
        assert_eq!(
            parse_trusted(across, "g.toml")
                .expect("trusted")
                .concepts
                .len(),
            2
        );
        let within = "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = { preferred = \"Kiev\", wrong = [\"kiev\"] }\n";
        assert_eq!(parse_trusted(within, "g.toml"), parse(within, "g.toml"));
        assert!(parse_trusted(within, "g.toml").is_err());
        let valid = "[[concept]]\nid = \"a\"\nkind = \"outlet\"\nkeep = true\nen = \"Time\"\nfr.wrong = [\"Temps\"]\n";
        assert!(parse(valid, "g.toml").is_ok());
        assert_eq!(parse_trusted(valid, "g.toml"), parse(valid, "g.toml"));
    }

    #[test]
    fn rejects_one_form_in_conflicting_roles_of_two_concepts() {
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"Géorgie\"\n\n[[concept]]\nid = \"b\"\nkind = \"place\"\nfr = { preferred = \"Géorgie du Sud\", variants = [\"Georgie\", \"géorgie\"] }\n",
            "g.toml:9:61: form `géorgie` is wrong in concept `b` (`fr.variants`) but right in concept `a` (`fr.preferred`, g.toml:1)",
        );
    }

    #[test]
    fn a_kept_name_conflicts_with_a_wrong_form_elsewhere() {
        assert_error(
            "[[concept]]\nid = \"time\"\nkind = \"outlet\"\nkeep = true\nen = \"Time\"\n\n[[concept]]\nid = \"x\"\nkind = \"term\"\nfr = { preferred = \"Temps\", wrong = [\"Time\"] }\n",
            "g.toml:10:38: form `Time` is wrong in concept `x` (`fr.wrong`) but right in concept `time` (`en (kept name)`, g.toml:1)",
        );
    }

    #[test]
    fn rejects_duplicate_ids_and_keep_without_source() {
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"A\"\n[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"B\"\n",
            "g.toml:6:6: concept id `a` is already used on line 2",
        );
        assert_error(
            "[[concept]]\nid = \"a\"\nkind = \"outlet\"\nkeep = true\nfr = \"A\"\n",
            "g.toml:1:1: concept `a` keeps its name (`keep = true`) but has no `en` name",
        );
    }

    #[test]
    fn chunks_read_at_the_same_time_give_what_one_reader_gives() {
        let mut source = String::from("[meta]\nname = \"chunks\"\n\n");
        for i in 0..40 {
            source.push_str(&format!(
                "[[concept]]\nid = \"org-{i}\"\nkind = \"organization\"\n\
                 en = {{ preferred = \"Agency {i}\", abbr = \"AG{i}\" }}\n\
                 fr = {{ preferred = \"Agence {i}\", variants = [\"Agency {i}\"] }}\n\n"
            ));
        }
        let whole = parse_in_parts(&source, "g.toml", true, true, 1).expect("valid");
        assert_eq!(whole.concepts.len(), 40);
        for parts in 2..=5 {
            assert_eq!(super::super::quick::chunks(&source, parts).len(), parts);
            let split = parse_in_parts(&source, "g.toml", true, true, parts);
            assert_eq!(split.as_ref(), Ok(&whole), "{parts} parts");
        }
        // Errors across chunks: an id used again far away, a form right in one concept and
        // wrong in another, and a second `[meta]`, which only the general reader reports.
        let errors = |source: &str, parts: usize| {
            parse_in_parts(source, "g.toml", true, true, parts)
                .expect_err("invalid")
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        let bad = source
            .replace("id = \"org-37\"", "id = \"org-2\"")
            .replace("id = \"org-38\"", "id = \"org-2\"")
            .replace("variants = [\"Agency 39\"]", "variants = [\"Agence 1\"]");
        let one = errors(&bad, 1);
        assert_eq!(one.len(), 3, "{one:#?}");
        assert!(
            one[0].contains("`org-2` is already used on line 17"),
            "{one:#?}"
        );
        assert!(
            one[1].contains("`org-2` is already used on line 17"),
            "{one:#?}"
        );
        for parts in 2..=5 {
            assert_eq!(errors(&bad, parts), one, "{parts} parts");
        }
        let metas = format!("{source}[meta]\nname = \"again\"\n");
        let one = errors(&metas, 1);
        for parts in 2..=5 {
            assert_eq!(errors(&metas, parts), one, "{parts} parts");
        }
    }

    #[test]
    fn acronyms_are_recognised() {
        assert!(is_acronym("OTAN") && is_acronym("G7") && is_acronym("BRICS"));
        assert!(!is_acronym("Otan") && !is_acronym("X") && !is_acronym("ORGANISATION MONDIALE"));
        // The one pass agrees with the definition read literally.
        let literal = |form: &str| {
            let letters = form.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 1
                && (2..=8).contains(&form.chars().count())
                && !form.contains(' ')
                && form
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        };
        for form in [
            "",
            "A",
            "AB",
            "A B",
            "G7",
            "77",
            "ÉTATS",
            "ÉTATSUNIS",
            "ABCDEFGH",
            "ABCDEFGHI",
            "AB-CD",
            "Ab",
            "aB",
            "Ωμ",
            "ΩΜ",
            "中国",
            "A中",
            "L’UE",
            "UE ",
            "𝔸𝔹",
            "ǅA",
        ] {
            assert_eq!(is_acronym(form), literal(form), "{form:?}");
        }
    }
}
