//! The compiled glossary: the folded forms of every concept for one target/source language
//! pair, sorted and walked from word starts (see `word_start`), and the lookup of what each
//! match means.
//!
//! A large glossary's forms are folded (and its kept names' literal translations derived) in
//! parallel jobs of concepts, then inserted in concept order, so the result is the same.
//!
//! Matching runs over the folded view of a document (case, apostrophes, hyphens, spaces and
//! Unicode forms folded), keeps whole words only, verifies case for case-sensitive forms
//! (acronyms, surnames, names that are also common words), and maps each match back to the
//! original bytes.

use super::derive::Lexicon;
use super::load::is_acronym;
use super::model::{Concept, Glossary, Kind, Lang, SurnamePolicy};
use super::word_start::WordStartAutomata;
use crate::diagnostic::Span;
use crate::text::fold::is_word_char;
use crate::text::{CaseMode, Folded, LanguageProfile};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc;

/// What a matched form is, for the target language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The house form (or the kept source name).
    Preferred,
    /// Another right form.
    Accepted,
    /// The target-language acronym (or the kept one).
    Abbr,
    /// The source-language acronym: no finding, but a known name.
    SourceAbbr,
    /// A spelling that is not the house form.
    Variant,
    /// A mistake (a translated kept name, a wrong term).
    Wrong,
    /// A source-language form left in the target text.
    Source,
}

impl Role {
    /// True for forms that are right in the target text.
    pub fn is_right(self) -> bool {
        matches!(
            self,
            Role::Preferred | Role::Accepted | Role::Abbr | Role::SourceAbbr
        )
    }

    /// Which entry wins when one form has several meanings: what the target language says
    /// comes first (right before wrong), then what the source language says.
    fn rank(self) -> u8 {
        match self {
            Role::Preferred => 0,
            Role::Accepted => 1,
            Role::Abbr => 2,
            Role::Variant => 3,
            Role::Wrong => 4,
            Role::SourceAbbr => 5,
            Role::Source => 6,
        }
    }
}

/// One meaning of a pattern.
#[derive(Clone, Debug)]
struct Entry {
    concept: u32,
    role: Role,
    surname: bool,
    /// The form as written in the glossary.
    form: String,
    /// The form folded with case kept, compared when `case_sensitive`.
    exact: Option<String>,
    /// For a form derived from a kept name (not listed): which word became which.
    derivation: Option<Box<str>>,
}

/// A glossary form found in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermMatch {
    /// The matched bytes of the original text.
    pub span: Span,
    /// Index of the concept in [`GlossaryMatcher::concept`].
    pub concept: usize,
    /// What the form is in the target language.
    pub role: Role,
    /// True when only the surname of a person matched.
    pub surname: bool,
    /// True when the form is a literal translation derived from a kept name, not a listed
    /// one (see [`GlossaryMatcher::derivation`]).
    pub derived: bool,
    /// Index of the entry, for [`GlossaryMatcher::form`].
    entry: (u32, u32),
}

/// The glossary compiled for one target and source language.
#[derive(Debug)]
pub struct GlossaryMatcher {
    /// The sorted forms of every pattern, walked from word starts.
    automaton: Option<WordStartAutomata>,
    patterns: Vec<Vec<Entry>>,
    concepts: Arc<Vec<Concept>>,
    target: Lang,
    source: Lang,
}

/// The surname of a person form: its last word with the particles before it, as the target
/// language `profile` counts them ("Ursula von der Leyen" → "von der Leyen", Portuguese
/// "Luiz Inácio Lula da Silva" → "da Silva"). `None` for one-word forms.
pub(crate) fn derive_surname<'f>(form: &'f str, profile: &LanguageProfile) -> Option<&'f str> {
    let words = form.split(' ').filter(|w| !w.is_empty());
    let n = words.clone().count();
    if n < 2 {
        return None;
    }
    // The last word, and the particles before it that are not the first word.
    let mut first = words.clone().next_back()?;
    for (k, w) in words.rev().enumerate().skip(1) {
        if k == n - 1 || !profile.is_name_particle(w) {
            break;
        }
        first = w;
    }
    // `first` is a piece of `form`: its offset there is the distance between their starts.
    let surname = &form[first.as_ptr() as usize - form.as_ptr() as usize..];
    (surname.chars().filter(|c| c.is_alphabetic()).count() >= 3).then_some(surname)
}

/// The profile whose name particles make surnames in `target` text (French when mtlint has
/// no profile for the language).
fn target_profile(target: Lang) -> &'static LanguageProfile {
    LanguageProfile::get(target.code()).unwrap_or_else(LanguageProfile::french)
}

/// `text` folded with its case kept, to compare with case-sensitive forms. Plain ASCII letters
/// and digits ("UN", "Time") are their own folding: no copy.
fn case_kept(text: &str) -> Cow<'_, str> {
    if text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(Folded::fold_str(text, CaseMode::Keep))
    }
}

struct Builder {
    /// Each folded form, with its index in `entries`.
    keys: FxHashMap<String, usize>,
    entries: Vec<Vec<Entry>>,
}

impl Builder {
    fn with_capacity(forms: usize) -> Builder {
        Builder {
            keys: FxHashMap::with_capacity_and_hasher(forms, Default::default()),
            entries: Vec::with_capacity(forms),
        }
    }

    /// Adds an entry under its folded form, unless the form already has it.
    fn insert(&mut self, (key, entry): (String, Entry)) {
        match self.keys.entry(key) {
            std::collections::hash_map::Entry::Vacant(new) => {
                new.insert(self.entries.len());
                // Most forms have one meaning.
                self.entries.push(vec![entry]);
            }
            std::collections::hash_map::Entry::Occupied(known) => {
                let list = &mut self.entries[*known.get()];
                let same = |e: &Entry| {
                    e.concept == entry.concept && e.role == entry.role && e.exact == entry.exact
                };
                if !list.iter().any(same) {
                    list.push(entry);
                }
            }
        }
    }

    /// The folded forms, in the order of `entries`.
    fn into_patterns(self) -> (Vec<String>, Vec<Vec<Entry>>) {
        let mut patterns = vec![String::new(); self.entries.len()];
        for (key, index) in self.keys {
            patterns[index] = key;
        }
        (patterns, self.entries)
    }
}

impl Builder {
    /// Adds a literal translation derived from a kept name: a `Role::Wrong` entry that never
    /// shadows a listed form (a form any concept lists keeps its meaning), nor an earlier one.
    fn insert_derived(&mut self, (key, entry): (String, Entry)) {
        if let std::collections::hash_map::Entry::Vacant(new) = self.keys.entry(key) {
            new.insert(self.entries.len());
            self.entries.push(vec![entry]);
        }
    }
}

/// A form as the matcher looks it up, `key` (the form folded), with its meaning; `None` for a
/// form with no word character.
fn prepared(
    key: String,
    form: &str,
    concept: usize,
    role: Role,
    surname: bool,
    case_sensitive: bool,
) -> Option<(String, Entry)> {
    if key.is_empty() || !key.chars().any(is_word_char) {
        return None;
    }
    let case_sensitive = case_sensitive || surname || is_acronym(form);
    let exact = case_sensitive.then(|| Folded::fold_str(form, CaseMode::Keep));
    let entry = Entry {
        concept: concept as u32,
        role,
        surname,
        form: form.to_owned(),
        exact,
        derivation: None,
    };
    Some((key, entry))
}

/// The literal translations derived from kept concept `c`'s names, prepared.
fn derived_forms(
    concept: usize,
    c: &Concept,
    lexicon: &Lexicon,
    source: Lang,
) -> Vec<(String, Entry)> {
    let Some(names) = c.kept_forms(source) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for name in names.preferred.iter().chain(&names.accepted) {
        for d in lexicon.derive(name) {
            let key = Folded::fold_str(&d.form, CaseMode::Fold);
            if key.is_empty() {
                continue;
            }
            out.push((
                key,
                Entry {
                    concept: concept as u32,
                    role: Role::Wrong,
                    surname: false,
                    form: d.form,
                    exact: None,
                    derivation: Some(d.gloss.into()),
                },
            ));
        }
    }
    out
}

/// Glossaries with at least this many concepts prepare their forms on every core.
const PARALLEL_MIN_CONCEPTS: usize = 20_000;

/// At most this many jobs, whatever the number of cores.
const MAX_JOBS: usize = 8;

/// `prepare(i, concept)` for every concept, in order, split among jobs run at the same time
/// for a large glossary.
fn prepare_all<T: Send>(
    concepts: &[Concept],
    prepare: impl Fn(usize, &Concept, &mut Vec<T>) + Sync,
) -> Vec<T> {
    let jobs = if concepts.len() < PARALLEL_MIN_CONCEPTS {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_JOBS))
    };
    prepare_in_jobs(concepts, jobs, prepare)
}

/// [`prepare_all`] in `jobs` jobs.
fn prepare_in_jobs<T: Send>(
    concepts: &[Concept],
    jobs: usize,
    prepare: impl Fn(usize, &Concept, &mut Vec<T>) + Sync,
) -> Vec<T> {
    let per_job = concepts.len().div_ceil(jobs).max(1);
    let done = super::jobs::run(jobs, |k| {
        let mut out = Vec::new();
        let first = k * per_job;
        for (i, c) in concepts.iter().enumerate().skip(first).take(per_job) {
            prepare(i, c, &mut out);
        }
        out
    });
    done.into_iter().flatten().collect()
}

/// Each of `forms` with `role`.
fn with_role(forms: &[String], role: Role) -> impl Iterator<Item = (&String, Role)> {
    forms.iter().map(move |f| (f, role))
}

/// Whether literal translations of a kept concept's name are worth deriving: the glossary
/// gives it no translation of its own (a concept with an accepted French form is translated
/// in good French too, "Voix de l'Amérique"), and its kind names things machine translation
/// turns into words.
fn derives_translations(c: &Concept, target: Lang, source: Lang) -> bool {
    if !c.keep || matches!(c.kind, Kind::Person | Kind::Place) {
        return false;
    }
    let source_names: Vec<String> = c
        .kept_forms(source)
        .map(|f| {
            f.right_forms()
                .map(|n| Folded::fold_str(n, CaseMode::Fold))
                .collect()
        })
        .unwrap_or_default();
    c.forms(target).is_none_or(|t| {
        t.right_forms()
            .all(|f| source_names.contains(&Folded::fold_str(f, CaseMode::Fold)))
    })
}

/// The forms concept `c` (number `i`) is matched by, prepared, in the order they take
/// meaning: its target-language forms, its source names, then the surnames of a person.
fn concept_forms(
    i: usize,
    c: &Concept,
    target: Lang,
    source: Lang,
    profile: &LanguageProfile,
    out: &mut Vec<(String, Entry)>,
) {
    let cs = c.case_sensitive;
    let fold = |f: &str| Folded::fold_str(f, CaseMode::Fold);
    let tgt = c.forms(target);
    let src = if c.keep {
        c.kept_forms(source)
    } else {
        c.forms(source)
    };
    let mut person_forms: Vec<(&str, Role)> = Vec::new();
    let first = out.len();
    if let Some(t) = tgt {
        let forms = with_role(t.preferred.as_slice(), Role::Preferred)
            .chain(with_role(&t.accepted, Role::Accepted))
            .chain(with_role(t.abbr.as_slice(), Role::Abbr))
            .chain(with_role(&t.variants, Role::Variant))
            .chain(with_role(&t.wrong, Role::Wrong));
        for (f, role) in forms {
            out.extend(prepared(fold(f), f, i, role, false, cs));
            if role != Role::Wrong && role != Role::Abbr {
                person_forms.push((f, role));
            }
        }
    }
    if let Some(s) = src.filter(|_| source != target) {
        // The target's right forms, folded above (a form with no word character, left out
        // there, is no source name either).
        let target_right = first..out.len();
        let names = s.preferred.iter().chain(&s.accepted);
        for f in names {
            let key = fold(f);
            let role = if c.keep {
                Role::Preferred
            } else if out[target_right.clone()].iter().any(|(k, e)| {
                matches!(e.role, Role::Preferred | Role::Accepted | Role::Abbr) && *k == key
            }) {
                continue;
            } else {
                Role::Source
            };
            out.extend(prepared(key, f, i, role, false, cs));
            person_forms.push((f, role));
        }
        if let Some(a) = &s.abbr {
            let role = if c.keep { Role::Abbr } else { Role::SourceAbbr };
            out.extend(prepared(fold(a), a, i, role, false, cs));
        }
    }
    if c.kind == Kind::Person {
        match &c.surname {
            SurnamePolicy::Off => {}
            SurnamePolicy::Given(s) => {
                out.extend(prepared(fold(s), s, i, Role::Preferred, true, true))
            }
            SurnamePolicy::Derived => {
                let surnames: Vec<(&str, String, Role)> = person_forms
                    .iter()
                    .filter_map(|&(f, role)| {
                        let s = derive_surname(f, profile)?;
                        Some((s, fold(s), role))
                    })
                    .collect();
                for (s, key, role) in &surnames {
                    // A wrong form's surname that is also a right form's is no mistake.
                    let right_too = || surnames.iter().any(|(_, k, r)| r.is_right() && k == key);
                    if !role.is_right() && right_too() {
                        continue;
                    }
                    out.extend(prepared(key.clone(), s, i, *role, true, true));
                }
            }
        }
    }
}

impl GlossaryMatcher {
    /// Compiles `glossary` for text in `target` translated from `source`.
    pub fn new(glossary: &Glossary, target: Lang, source: Lang) -> GlossaryMatcher {
        let profile = target_profile(target);
        let forms = prepare_all(&glossary.concepts, |i, c, out| {
            concept_forms(i, c, target, source, profile, out)
        });
        let mut b = Builder::with_capacity(forms.len());
        for form in forms {
            b.insert(form);
        }
        // A surname never overrides a full name of another concept ("Washington").
        for list in &mut b.entries {
            if list.iter().any(|e| !e.surname) {
                list.retain(|e| !e.surname);
            }
        }
        // Literal translations of kept names, after every listed form so that listed forms
        // keep their meaning, from the lexicon of this language pair if there is one.
        if let Some(lexicon) = Lexicon::for_pair(source, target) {
            let derived = prepare_all(&glossary.concepts, |i, c, out| {
                if derives_translations(c, target, source) {
                    out.extend(derived_forms(i, c, lexicon, source));
                }
            });
            b.keys.reserve(derived.len());
            b.entries.reserve(derived.len());
            for form in derived {
                b.insert_derived(form);
            }
        }
        let (patterns, entries) = b.into_patterns();
        let automaton_patterns: Vec<u32> = (0..patterns.len() as u32).collect();
        let automaton = (!automaton_patterns.is_empty())
            .then(|| WordStartAutomata::new(&patterns, &automaton_patterns));
        GlossaryMatcher {
            automaton,
            patterns: entries,
            concepts: Arc::clone(&glossary.concepts),
            target,
            source,
        }
    }

    /// Number of distinct folded forms in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The target language.
    pub fn target(&self) -> Lang {
        self.target
    }

    /// The source language.
    pub fn source(&self) -> Lang {
        self.source
    }

    /// The concept behind a match.
    pub fn concept(&self, index: usize) -> &Concept {
        &self.concepts[index]
    }

    /// For a derived match, which English word became which French word ("news →
    /// actualités, week → semaine"); `None` for listed forms.
    pub fn derivation(&self, m: &TermMatch) -> Option<&str> {
        self.patterns[m.entry.0 as usize][m.entry.1 as usize]
            .derivation
            .as_deref()
    }

    /// The glossary form that produced a match, as written in the glossary.
    pub fn form(&self, m: &TermMatch) -> &str {
        &self.patterns[m.entry.0 as usize][m.entry.1 as usize].form
    }

    /// Finds every glossary form in the folded document, whole words only, and appends the
    /// matches (sorted by position) to `out`.
    pub fn find(&self, original: &str, folded: &Folded, out: &mut Vec<TermMatch>) {
        let Some(automata) = &self.automaton else {
            return;
        };
        let mut offsets = folded.cursor();
        for (start, end, pattern) in automata.whole_word_matches(folded.as_str()) {
            self.push_match(original, offsets.original_span(start, end), pattern, out);
        }
    }

    /// Appends the match of `pattern` at `span`, with the meaning that fits its case.
    fn push_match(&self, original: &str, span: Span, pattern: u32, out: &mut Vec<TermMatch>) {
        let list = &self.patterns[pattern as usize];
        let mut exact: Option<Cow<'_, str>> = None;
        let best = list
            .iter()
            .enumerate()
            .filter(|(_, e)| match &e.exact {
                None => true,
                Some(want) => {
                    let have = exact.get_or_insert_with(|| case_kept(span.slice(original)));
                    have.as_ref() == want.as_str()
                }
            })
            .min_by_key(|(_, e)| e.role.rank());
        if let Some((i, e)) = best {
            out.push(TermMatch {
                span,
                concept: e.concept as usize,
                role: e.role,
                surname: e.surname,
                derived: e.derivation.is_some(),
                entry: (pattern, i as u32),
            });
        }
    }

    /// The replacement for a match: the right form of its concept in the target language
    /// (the surname alone for a surname match, the acronym for an acronym).
    pub fn replacement(&self, m: &TermMatch) -> Option<String> {
        let c = self.concept(m.concept);
        // An acronym is replaced by the target's acronym: NATO → OTAN, not the long name.
        if is_acronym(self.form(m)) {
            let abbr = if c.keep {
                c.kept_forms(self.source).and_then(|f| f.abbr.as_deref())
            } else {
                c.forms(self.target).and_then(|f| f.abbr.as_deref())
            };
            if let Some(abbr) = abbr {
                return Some(abbr.to_owned());
            }
        }
        let full = c.right_form(self.target, self.source)?;
        if m.surname {
            return Some(
                derive_surname(full, target_profile(self.target))
                    .unwrap_or(full)
                    .to_owned(),
            );
        }
        Some(full.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::parse;

    fn matcher(toml: &str) -> GlossaryMatcher {
        let g = parse(toml, "t.toml").expect("valid");
        GlossaryMatcher::new(&g, Lang::Fr, Lang::En)
    }

    fn find<'a>(m: &GlossaryMatcher, text: &'a str) -> Vec<(&'a str, Role, bool)> {
        let folded = Folded::new(text, &[Span::new(0, text.len())], CaseMode::Fold);
        let mut out = Vec::new();
        m.find(text, &folded, &mut out);
        out.iter()
            .map(|t| (t.span.slice(text), t.role, t.surname))
            .collect()
    }

    const GLOSSARY: &str = r#"
[[concept]]
id = "newsweek"
kind = "outlet"
keep = true
en = "Newsweek"
fr.wrong = ["Semaine d'actualités"]

[[concept]]
id = "pashinyan"
kind = "person"
en = "Nikol Pashinyan"
fr = { preferred = "Nikol Pachinian", variants = ["Nikol Pashinyan"] }

[[concept]]
id = "ots"
kind = "organization"
en = { preferred = "Organization of Turkic States", abbr = "OTS" }
fr = { preferred = "Organisation des États turciques", abbr = "OET" }

[[concept]]
id = "csto"
kind = "organization"
en = { preferred = "Collective Security Treaty Organization", abbr = "CSTO" }
fr = { preferred = "Organisation du traité de sécurité collective", abbr = "OTSC" }

[[concept]]
id = "time"
kind = "outlet"
keep = true
case_sensitive = true
en = "Time"
"#;

    #[test]
    fn finds_forms_through_folding_and_elision() {
        let m = matcher(GLOSSARY);
        assert_eq!(
            find(&m, "Selon Semaine d’actualités, l’OTSC et l’Organisation du Traité de sécurité collective."),
            [
                ("Semaine d’actualités", Role::Wrong, false),
                ("OTSC", Role::Abbr, false),
                ("Organisation du Traité de sécurité collective", Role::Preferred, false)
            ]
        );
    }

    #[test]
    fn source_forms_and_surnames() {
        let m = matcher(GLOSSARY);
        assert_eq!(
            find(
                &m,
                "l’OTS [the Organization of Turkic States] et Pashinyan, puis Pachinian."
            ),
            [
                ("OTS", Role::SourceAbbr, false),
                ("Organization of Turkic States", Role::Source, false),
                ("Pashinyan", Role::Variant, true),
                ("Pachinian", Role::Preferred, true)
            ]
        );
    }

    #[test]
    fn whole_words_and_case_sensitive_forms_only() {
        let m = matcher(GLOSSARY);
        assert!(find(&m, "Newsweeks, OTSCE, pashinyan, il est temps, time").is_empty());
        assert_eq!(
            find(&m, "le magazine Time"),
            [("Time", Role::Preferred, false)]
        );
    }

    #[test]
    fn the_longest_whole_word_form_wins_and_rejected_forms_hide_nothing() {
        let m = matcher(
            r#"
[[concept]]
id = "new-york"
kind = "place"
fr = "New York"

[[concept]]
id = "nyt"
kind = "outlet"
keep = true
en = "New York Times"

[[concept]]
id = "iran"
kind = "place"
fr = "Iran"

[[concept]]
id = "eteignoir"
kind = "term"
fr = "Éteignoir"
"#,
        );
        // "New York Times" is the longest form, "New York Timesquare" is not a word end: the
        // shorter whole-word form is found instead.
        assert_eq!(
            find(&m, "le New York Timesquare et le New York Times"),
            [
                ("New York", Role::Preferred, false),
                ("New York Times", Role::Preferred, false)
            ]
        );
        // A form inside a word ("Irangate", "préIran") is skipped, and
        // the form that follows is still found; non-ASCII word starts count as word starts.
        assert_eq!(
            find(&m, "l’Irangate, l’Iran, préIran, éteignoir, Éteignoirs"),
            [
                ("Iran", Role::Preferred, false),
                ("éteignoir", Role::Preferred, false)
            ]
        );
    }

    #[test]
    fn short_words_match_whole_words_in_their_case_only() {
        let m = matcher(
            r#"
[[concept]]
id = "eu"
kind = "organization"
en = { preferred = "European Union", abbr = "EU" }
fr = { preferred = "Union européenne", abbr = "UE" }

[[concept]]
id = "ue-kingdom"
kind = "place"
fr = "UE Kingdom"
"#,
        );
        // Inside words ("que", "lorsque") and in lowercase: nothing.
        assert!(find(&m, "Lorsque la question revient, que dit-on ? ue").is_empty());
        assert_eq!(
            find(&m, "l’UE et l'EU, (UE)"),
            [
                ("UE", Role::Abbr, false),
                ("EU", Role::SourceAbbr, false),
                ("UE", Role::Abbr, false)
            ]
        );
        // A longer form that starts with the short word wins, as in one leftmost-longest scan.
        assert_eq!(
            find(&m, "UE Kingdom, UE"),
            [
                ("UE Kingdom", Role::Preferred, false),
                ("UE", Role::Abbr, false)
            ]
        );
    }

    #[test]
    fn derived_translations_share_the_automaton_and_listed_forms_win() {
        let m = matcher(GLOSSARY);
        let text = "Semaine d’actualités, puis Semaine des infos.";
        let folded = Folded::new(text, &[Span::new(0, text.len())], CaseMode::Fold);
        let mut out = Vec::new();
        m.find(text, &folded, &mut out);
        let got: Vec<(&str, bool)> = out
            .iter()
            .map(|t| (t.span.slice(text), t.derived))
            .collect();
        assert_eq!(
            got,
            [("Semaine d’actualités", false), ("Semaine des infos", true)]
        );
        assert_eq!(m.derivation(&out[0]), None);
        assert_eq!(m.derivation(&out[1]), Some("week → semaine, news → infos"));
        // Concepts with a French translation of their own are not derived from.
        assert!(find(&m, "Organisation des États turciques")
            .iter()
            .all(|f| f.1 == Role::Preferred));
    }

    #[test]
    fn forms_prepared_in_several_jobs_come_in_concept_order() {
        let g = crate::glossary::default_glossary();
        let profile = target_profile(Lang::Fr);
        let lexicon = Lexicon::for_pair(Lang::En, Lang::Fr).expect("embedded");
        let prepare = |i: usize, c: &Concept, out: &mut Vec<(String, Entry)>| {
            concept_forms(i, c, Lang::Fr, Lang::En, profile, out);
            if derives_translations(c, Lang::Fr, Lang::En) {
                out.extend(derived_forms(i, c, lexicon, Lang::En));
            }
        };
        let one = format!("{:?}", prepare_in_jobs(&g.concepts, 1, prepare));
        assert!(one.len() > 10_000);
        for jobs in [2, 3, 7] {
            let split = format!("{:?}", prepare_in_jobs(&g.concepts, jobs, prepare));
            assert!(split == one, "{jobs} jobs");
        }
    }

    #[test]
    fn surnames() {
        let fr = LanguageProfile::french();
        assert_eq!(
            derive_surname("Ursula von der Leyen", fr),
            Some("von der Leyen")
        );
        assert_eq!(derive_surname("Nikol Pachinian", fr), Some("Pachinian"));
        assert_eq!(derive_surname("Poutine", fr), None);
        assert_eq!(derive_surname("Xi Li", fr), None);
    }

    #[test]
    fn surnames_take_the_particles_of_the_target_language() {
        let pt = target_profile(Lang::Pt);
        assert_eq!(
            derive_surname("Luiz Inácio Lula da Silva", pt),
            Some("da Silva")
        );
        let es = target_profile(Lang::Es);
        assert_eq!(
            derive_surname("Andrés Manuel López Obrador", es),
            Some("Obrador")
        );
        assert_eq!(derive_surname("Pedro de la Vega", es), Some("de la Vega"));
        let de = target_profile(Lang::De);
        assert_eq!(
            derive_surname("Karl-Theodor zu Guttenberg", de),
            Some("zu Guttenberg")
        );
    }
}
