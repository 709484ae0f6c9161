//! Language profiles: what checks need to know about a language, as data.
//!
//! Each language is one TOML file beside this module (`fr.toml`, `en.toml`, …), embedded in the
//! binary, with its word frequency list in `words/` (source and licence in
//! `words/SOURCES.md`). Checks ask a profile questions (is this an elision? a function word? a
//! borrowed word? how common is this word? how does an article change before a vowel?) and
//! never hard-code a language. Adding a language means adding its TOML file and word list and
//! one line in [`LanguageProfile::get`].

pub mod frequency;
mod frequency_table;
mod word_set;

pub use frequency::{fold_word, WordFrequencies};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;
pub use word_set::WordSet;

/// The data of one language, as written in its TOML file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileData {
    code: String,
    name: String,
    #[serde(default)]
    elisions: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    function_words: Vec<String>,
    #[serde(default)]
    name_particles: Vec<String>,
    #[serde(default)]
    definite_articles: Vec<String>,
    #[serde(default)]
    elide_before_vowel: HashMap<String, String>,
    #[serde(default)]
    contract_before_vowel: HashMap<String, String>,
    #[serde(default)]
    articles_by_gender: HashMap<String, String>,
    #[serde(default)]
    expand_by_gender: HashMap<String, HashMap<String, String>>,
    #[serde(default)]
    agree_by_gender: HashMap<String, HashMap<String, String>>,
    #[serde(default)]
    contracted_preposition: HashMap<String, String>,
    #[serde(default)]
    typography: Typography,
    #[serde(default)]
    contracted_articles: Vec<String>,
    #[serde(default)]
    vowels: String,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    loanwords: Vec<String>,
    #[serde(default)]
    capitalizes_nouns: bool,
    #[serde(default)]
    inflection_endings: Vec<String>,
    #[serde(default)]
    citation_cues: Vec<String>,
    #[serde(default)]
    numbers: NumberFormat,
}

/// How a language writes numbers, for comparing the numbers of a translation with its
/// source's.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberFormat {
    /// The decimal separator (`.` in English, `,` in French).
    #[serde(default)]
    pub decimal: String,
    /// Separators between groups of three digits ("1,000", "1 000", "1.000").
    #[serde(default)]
    pub groups: Vec<String>,
    /// The group separator to write in a fix.
    #[serde(default)]
    pub group_format: String,
    /// Integers of at least this many digits are written with groups ("2026", but "12 000").
    #[serde(default)]
    pub group_from_digits: usize,
    /// Letters after digits that make an ordinal ("th", "e", "er").
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Letters after a Roman numeral that make an ordinal ("XIXe"); empty when the language
    /// does not write centuries so.
    #[serde(default)]
    pub roman_ordinal_suffixes: Vec<String>,
    /// Small numbers written as words (lowercase), with their value.
    #[serde(default)]
    pub words: HashMap<String, u32>,
}

/// How a language writes quotations and other marks.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Typography {
    /// Opening and closing quotation marks, most usual first.
    #[serde(default)]
    quotes: Vec<(char, char)>,
}

/// What mtlint knows about one language.
#[derive(Debug)]
pub struct LanguageProfile {
    /// ISO 639-1 code, e.g. `fr`.
    pub code: String,
    /// English name, e.g. `French`.
    pub name: String,
    /// True when the language writes every noun with a capital (German), so a capital is no
    /// sign of a name.
    pub capitalizes_nouns: bool,
    elisions: WordSet,
    abbreviations: FxHashSet<String>,
    function_words: WordSet,
    name_particles: WordSet,
    definite_articles: WordSet,
    contracted_articles: WordSet,
    determiners: WordSet,
    /// Borrowed words and phrases, keyed by their first word; each entry is its words.
    loanwords: FxHashMap<String, Vec<Vec<String>>>,
    words: Option<WordList>,
    frequencies: OnceLock<WordFrequencies>,
    elide_before_vowel: HashMap<String, String>,
    contract_before_vowel: HashMap<String, String>,
    expand_elision: HashMap<String, String>,
    articles_by_gender: HashMap<String, String>,
    expand_by_gender: HashMap<String, HashMap<String, String>>,
    agree_by_gender: HashMap<String, HashMap<String, String>>,
    contracted_preposition: HashMap<String, String>,
    quotes: Vec<(char, char)>,
    vowels: Vec<char>,
    inflection_endings: Vec<String>,
    citation_cues: WordSet,
    numbers: NumberFormat,
}

const FRENCH: &str = include_str!("fr.toml");
const ENGLISH: &str = include_str!("en.toml");
const GERMAN: &str = include_str!("de.toml");
const SPANISH: &str = include_str!("es.toml");
const ITALIAN: &str = include_str!("it.toml");
const PORTUGUESE: &str = include_str!("pt.toml");
/// An embedded word list and the table the build script wrote for it.
type WordList = (&'static str, &'static [u8]);

/// The list `words/CODE.txt` and its table.
macro_rules! word_list {
    ($code:literal) => {
        (
            include_str!(concat!("words/", $code, ".txt")),
            include_bytes!(concat!(env!("OUT_DIR"), "/words-", $code, ".table")),
        )
    };
}

const FRENCH_WORDS: WordList = word_list!("fr");
const ENGLISH_WORDS: WordList = word_list!("en");
const GERMAN_WORDS: WordList = word_list!("de");
const SPANISH_WORDS: WordList = word_list!("es");
const ITALIAN_WORDS: WordList = word_list!("it");
const PORTUGUESE_WORDS: WordList = word_list!("pt");

/// Language codes with an embedded profile.
pub const SUPPORTED: &[&str] = &["fr", "en", "de", "es", "it", "pt"];

/// The words of a loanword entry as the tokenizer sees them: split at spaces and hyphens,
/// folded ("start-up" → `start`, `up`).
fn loanword_words(entry: &str) -> Vec<String> {
    let mut buf = String::new();
    entry
        .split([' ', '-', '\u{2011}'])
        .filter(|w| !w.is_empty())
        .map(|w| fold_word(w, &mut buf).to_string())
        .collect()
}

impl LanguageProfile {
    fn parse(source: &str, words: Option<WordList>) -> LanguageProfile {
        let data: ProfileData =
            toml::from_str(source).expect("embedded language profiles are valid (tested)");
        // "l" and the words of `expand_by_gender` expand by gender (see
        // `expand_elision_for`), so they are left out here. Sorted, so that when two full
        // forms elide alike the first in alphabetical order wins, whatever the hash order.
        let mut pairs: Vec<(&String, &String)> = data.elide_before_vowel.iter().collect();
        pairs.sort();
        let mut expand_elision: HashMap<String, String> = HashMap::new();
        for (full, elided) in pairs {
            if elided.as_str() != "l" && !data.expand_by_gender.contains_key(elided) {
                expand_elision
                    .entry(elided.clone())
                    .or_insert_with(|| full.clone());
            }
        }
        let mut loanwords: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        for entry in &data.loanwords {
            let words = loanword_words(entry);
            if let Some(first) = words.first() {
                loanwords.entry(first.clone()).or_default().push(words);
            }
        }
        for entries in loanwords.values_mut() {
            // Longest first: the longest borrowed phrase wins.
            entries.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        LanguageProfile {
            code: data.code,
            name: data.name,
            capitalizes_nouns: data.capitalizes_nouns,
            elisions: WordSet::new(data.elisions),
            abbreviations: data.abbreviations.into_iter().collect(),
            function_words: WordSet::new(data.function_words),
            name_particles: WordSet::new(data.name_particles),
            definite_articles: WordSet::new(data.definite_articles),
            contracted_articles: WordSet::new(data.contracted_articles),
            determiners: WordSet::new(data.determiners),
            loanwords,
            words,
            frequencies: OnceLock::new(),
            elide_before_vowel: data.elide_before_vowel,
            contract_before_vowel: data.contract_before_vowel,
            expand_elision,
            articles_by_gender: data.articles_by_gender,
            expand_by_gender: data.expand_by_gender,
            agree_by_gender: data.agree_by_gender,
            contracted_preposition: data.contracted_preposition,
            quotes: data.typography.quotes,
            vowels: data.vowels.chars().collect(),
            inflection_endings: data.inflection_endings,
            citation_cues: WordSet::new(data.citation_cues),
            numbers: data.numbers,
        }
    }

    /// The profile for a language code, if mtlint has one.
    pub fn get(code: &str) -> Option<&'static LanguageProfile> {
        static FR: OnceLock<LanguageProfile> = OnceLock::new();
        static EN: OnceLock<LanguageProfile> = OnceLock::new();
        static DE: OnceLock<LanguageProfile> = OnceLock::new();
        static ES: OnceLock<LanguageProfile> = OnceLock::new();
        static IT: OnceLock<LanguageProfile> = OnceLock::new();
        static PT: OnceLock<LanguageProfile> = OnceLock::new();
        match code {
            "fr" => Some(FR.get_or_init(|| LanguageProfile::parse(FRENCH, Some(FRENCH_WORDS)))),
            "en" => Some(EN.get_or_init(|| LanguageProfile::parse(ENGLISH, Some(ENGLISH_WORDS)))),
            "de" => Some(DE.get_or_init(|| LanguageProfile::parse(GERMAN, Some(GERMAN_WORDS)))),
            "es" => Some(ES.get_or_init(|| LanguageProfile::parse(SPANISH, Some(SPANISH_WORDS)))),
            "it" => Some(IT.get_or_init(|| LanguageProfile::parse(ITALIAN, Some(ITALIAN_WORDS)))),
            "pt" => {
                Some(PT.get_or_init(|| LanguageProfile::parse(PORTUGUESE, Some(PORTUGUESE_WORDS))))
            }
            _ => None,
        }
    }

    /// Endings that make an inflected or derived word from a stem, in folded form (lowercase,
    /// no diacritics): two words that are one stem with two of these endings are two words,
    /// not two spellings of one name (French Arménie/Arméniens, German Armenien/Armenier).
    pub fn inflection_endings(&self) -> &[String] {
        &self.inflection_endings
    }

    /// True for a word after which the press names its source: "selon", "según", "laut".
    pub fn is_citation_cue(&self, word: &str) -> bool {
        self.citation_cues.contains(word)
    }

    /// How the language writes numbers.
    pub fn numbers(&self) -> &NumberFormat {
        &self.numbers
    }

    /// The French profile.
    pub fn french() -> &'static LanguageProfile {
        LanguageProfile::get("fr").expect("the French profile is embedded")
    }

    /// True when `word` (any case) is an elided particle that takes an apostrophe: `l`, `qu`.
    pub fn is_elision(&self, word: &str) -> bool {
        word.len() <= 8 && self.elisions.contains(word)
    }

    /// True when `word` followed by a period does not end a sentence ("M", "Dr").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// True for grammatical words (articles, prepositions, pronouns, auxiliaries).
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }

    /// The function words of the language, lowercase.
    pub fn function_words(&self) -> impl Iterator<Item = &str> {
        self.function_words.iter()
    }

    /// True for particles inside personal names: `de`, `von`, `al`, `ben`.
    pub fn is_name_particle(&self, word: &str) -> bool {
        self.name_particles.contains(word)
    }

    /// True for the definite articles of the language (`the`, `le`, `la`).
    pub fn is_definite_article(&self, word: &str) -> bool {
        self.definite_articles.contains(word)
    }

    /// True for a preposition and definite article written as one word (`du`, `aux`, `del`,
    /// `nella`, `do`, `zum`).
    pub fn is_contracted_article(&self, word: &str) -> bool {
        self.contracted_articles.contains(word)
    }

    /// True when a capital letter says nothing of a word being a name: the language writes
    /// every noun with a capital (German), and `word` is a common word of the language (Zipf
    /// at least `min_zipf` in its frequency list).
    pub fn is_capitalized_common_word(&self, word: &str, min_zipf: f32) -> bool {
        if !self.capitalizes_nouns {
            return false;
        }
        let Some(f) = self.frequencies() else {
            return false;
        };
        let mut buf = String::new();
        f.zipf(fold_word(word, &mut buf))
            .is_some_and(|z| z >= min_zipf)
    }

    /// True for words that introduce a noun phrase: articles, contracted articles,
    /// indefinite articles (`le`, `du`, `une`).
    pub fn is_determiner(&self, word: &str) -> bool {
        self.determiners.contains(word)
    }

    /// The word frequencies of the language, if it has a list (its table is built into the
    /// binary).
    pub fn frequencies(&self) -> Option<&WordFrequencies> {
        let (list, table) = self.words?;
        Some(
            self.frequencies
                .get_or_init(|| WordFrequencies::prebuilt(list, table)),
        )
    }

    /// How many words a borrowed word or phrase (`week-end`, `think tank`, `made in`) covers
    /// at the start of a word sequence, or 0. `word_at(i)` gives the i-th folded word (see
    /// [`fold_word`]) from the start, `None` past the end or across punctuation.
    pub fn loanword_len<'w>(&self, word_at: impl Fn(usize) -> Option<&'w str>) -> usize {
        let Some(first) = word_at(0) else {
            return 0;
        };
        let Some(entries) = self.loanwords.get(first) else {
            return 0;
        };
        entries
            .iter()
            .find(|words| {
                words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(i, w)| word_at(i) == Some(w.as_str()))
            })
            .map_or(0, Vec::len)
    }

    /// True when `word` begins with a vowel sound as far as elision is concerned.
    pub fn starts_with_vowel(&self, word: &str) -> bool {
        word.chars()
            .next()
            .and_then(|c| c.to_lowercase().next())
            .is_some_and(|c| self.vowels.contains(&c))
    }

    /// The elided form of a word before a vowel: `le` → `l`, `de` → `d`.
    pub fn elide(&self, word: &str) -> Option<&str> {
        self.elide_before_vowel
            .get(&word.to_lowercase())
            .map(String::as_str)
    }

    /// What a contracted article becomes before a vowel: `du` → `de l`, `au` → `à l`.
    pub fn contract_before_vowel(&self, word: &str) -> Option<&str> {
        self.contract_before_vowel
            .get(&word.to_lowercase())
            .map(String::as_str)
    }

    /// The full form of an elided word before a consonant: `d` → `de`, `qu` → `que`; `l`
    /// depends on gender and is answered by [`LanguageProfile::article_for_gender`].
    pub fn expand_elision(&self, elided: &str) -> Option<&str> {
        self.expand_elision
            .get(&elided.to_lowercase())
            .map(String::as_str)
    }

    /// The full form of an elided word before a consonant, for the gender of the word that
    /// follows when it is known (else masculine): `l` → `le`/`la`, `d` → `de`; Italian
    /// `dell` → `del`/`della`.
    pub fn expand_elision_for(&self, elided: &str, gender: Option<&str>) -> Option<&str> {
        let lower = elided.to_lowercase();
        let gender = gender.unwrap_or("m");
        if let Some(by_gender) = self.expand_by_gender.get(&lower) {
            return by_gender
                .get(gender)
                .or_else(|| by_gender.get("m"))
                .map(String::as_str);
        }
        if lower == "l" {
            return self
                .article_for_gender(gender)
                .or_else(|| self.article_for_gender("m"));
        }
        self.expand_elision(&lower)
    }

    /// An article (plain or contracted with a preposition) made to agree with the gender of
    /// the name that follows: `la` → `le`, `du` → `de la`, `au` → `aux`. `None` when `article`
    /// is not one, or the profile has no form for `gender`.
    pub fn agree_article(&self, article: &str, gender: &str) -> Option<&str> {
        self.agree_by_gender
            .get(&article.to_lowercase())?
            .get(gender)
            .map(String::as_str)
    }

    /// The closing quotation mark of `open` when the language opens quotations with it
    /// (`«` → `»`; German `„` → `“`).
    pub fn closing_quote(&self, open: char) -> Option<char> {
        self.quotes
            .iter()
            .find(|(o, _)| *o == open)
            .map(|(_, c)| *c)
    }

    /// True when `c` closes one of the language's quotations (`»`, `”`).
    pub fn is_closing_quote(&self, c: char) -> bool {
        self.quotes.iter().any(|&(_, close)| close == c)
    }

    /// True when `open` and `close` are a pair of the language's quotation marks.
    pub fn is_quote_pair(&self, open: char, close: char) -> bool {
        self.quotes.contains(&(open, close))
    }

    /// The preposition inside a contracted article: `du` → `de`, `au` → `à`.
    pub fn contracted_preposition(&self, word: &str) -> Option<&str> {
        self.contracted_preposition
            .get(&word.to_lowercase())
            .map(String::as_str)
    }

    /// The definite article for a grammatical gender code (`m`, `f`, `mpl`, `fpl`).
    pub fn article_for_gender(&self, gender: &str) -> Option<&str> {
        self.articles_by_gender.get(gender).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_marks_are_the_language_s_own() {
        let fr = LanguageProfile::french();
        assert!(fr.is_quote_pair('«', '»') && fr.is_quote_pair('"', '"'));
        assert!(!fr.is_quote_pair('„', '“'));
        let de = LanguageProfile::get("de").expect("de");
        assert_eq!(de.closing_quote('„'), Some('“'));
        assert!(de.is_closing_quote('“') && !de.is_closing_quote('„'));
        for code in SUPPORTED {
            let p = LanguageProfile::get(code).expect("profile");
            assert!(p.is_quote_pair('"', '"'), "{code}");
        }
    }

    #[test]
    fn every_embedded_profile_loads() {
        for code in SUPPORTED {
            let p = LanguageProfile::get(code).expect("profile");
            assert_eq!(&p.code, code);
        }
        assert!(LanguageProfile::get("xx").is_none());
    }

    #[test]
    fn the_embedded_tables_are_the_tables_of_the_embedded_lists() {
        for (code, (list, table)) in [
            ("fr", FRENCH_WORDS),
            ("en", ENGLISH_WORDS),
            ("de", GERMAN_WORDS),
            ("es", SPANISH_WORDS),
            ("it", ITALIAN_WORDS),
            ("pt", PORTUGUESE_WORDS),
        ] {
            let built = frequency_table::build(list).expect("an embedded list fits a table");
            assert!(
                built.to_bytes() == table,
                "{code}: the table is not the list's"
            );
            let embedded = WordFrequencies::prebuilt(list, table);
            let mut seen = std::collections::HashSet::new();
            for (_, word, tenths) in frequency_table::entries(list) {
                if seen.insert(word) {
                    assert_eq!(
                        embedded.zipf(word),
                        Some(f32::from(tenths) / 10.0),
                        "{code}: {word}"
                    );
                }
            }
            assert_eq!(embedded.len(), seen.len(), "{code}");
        }
    }

    #[test]
    fn word_lists_load_for_every_profile() {
        for code in SUPPORTED {
            let f = LanguageProfile::get(code)
                .and_then(LanguageProfile::frequencies)
                .expect("word list");
            assert!(f.len() > 30_000, "{code}: {} words", f.len());
        }
        let en = LanguageProfile::get("en").and_then(LanguageProfile::frequencies);
        let fr = LanguageProfile::french().frequencies();
        let (en, fr) = (en.expect("en"), fr.expect("fr"));
        assert!(en.zipf_or_floor("the") > fr.zipf_or_floor("the") + 1.5);
        assert!(fr.zipf_or_floor("le") > en.zipf_or_floor("le") + 1.5);
        assert!(en.zipf("didn't").is_some());
    }

    #[test]
    fn loanwords_match_words_and_phrases() {
        let fr = LanguageProfile::french();
        let len = |words: &[&'static str]| fr.loanword_len(|i| words.get(i).copied());
        assert_eq!(len(&["week", "end", "dernier"]), 2);
        assert_eq!(len(&["weekend"]), 1);
        assert_eq!(len(&["think", "tank"]), 2);
        assert_eq!(len(&["think", "about"]), 0);
        assert_eq!(len(&["start", "up"]), 2);
        assert_eq!(len(&["the"]), 0);
        assert!(fr.is_determiner("Les") && !fr.is_determiner("selon"));
    }

    #[test]
    fn french_elision_data() {
        let fr = LanguageProfile::french();
        assert!(fr.is_elision("L") && fr.is_elision("jusqu") && !fr.is_elision("la"));
        assert_eq!(fr.elide("de"), Some("d"));
        assert_eq!(fr.expand_elision("qu"), Some("que"));
        assert_eq!(fr.contract_before_vowel("du"), Some("de l"));
        assert!(fr.starts_with_vowel("Organisation") && fr.starts_with_vowel("État"));
        assert!(!fr.starts_with_vowel("Newsweek"));
    }

    #[test]
    fn italian_elision_and_contraction_data() {
        let it = LanguageProfile::get("it").expect("it");
        assert!(it.is_elision("dell") && it.is_elision("L") && it.is_elision("un"));
        assert_eq!(it.elide("della"), Some("dell"));
        assert_eq!(it.contract_before_vowel("del"), Some("dell"));
        assert_eq!(it.expand_elision_for("dell", Some("f")), Some("della"));
        assert_eq!(it.expand_elision_for("dell", None), Some("del"));
        assert_eq!(it.expand_elision_for("l", Some("f")), Some("la"));
        assert!(it.is_contracted_article("nella"));
    }

    #[test]
    fn contractions_and_noun_capitals_per_language() {
        let es = LanguageProfile::get("es").expect("es");
        let pt = LanguageProfile::get("pt").expect("pt");
        let de = LanguageProfile::get("de").expect("de");
        assert!(es.is_contracted_article("del") && es.is_function_word("según"));
        assert!(pt.is_contracted_article("do") && pt.is_contracted_article("na"));
        assert!(de.capitalizes_nouns && de.is_contracted_article("zum"));
        assert!(de.is_capitalized_common_word("Regierung", 3.0));
        assert!(!de.is_capitalized_common_word("Selenskyj", 3.0));
        assert!(!LanguageProfile::french().is_capitalized_common_word("Paris", 3.0));
        assert_eq!(
            LanguageProfile::french().expand_elision_for("l", Some("f")),
            Some("la")
        );
    }
}
