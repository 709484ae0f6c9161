//! Language profiles: what checks need to know about a language, as data.
//!
//! Each language is one TOML file beside this module (`fr.toml`, `en.toml`, …), embedded in the
//! binary. Checks ask a profile questions (is this an elision? a function word? how does an
//! article change before a vowel?) and never hard-code a language.

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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
    vowels: String,
}

/// What mtlint knows about one language.
#[derive(Debug)]
pub struct LanguageProfile {
    /// ISO 639-1 code, e.g. `fr`.
    pub code: String,
    /// English name, e.g. `French`.
    pub name: String,
    elisions: HashSet<String>,
    abbreviations: HashSet<String>,
    function_words: HashSet<String>,
    name_particles: HashSet<String>,
    definite_articles: HashSet<String>,
    elide_before_vowel: HashMap<String, String>,
    contract_before_vowel: HashMap<String, String>,
    expand_elision: HashMap<String, String>,
    articles_by_gender: HashMap<String, String>,
    vowels: Vec<char>,
}

const FRENCH: &str = include_str!("fr.toml");
const ENGLISH: &str = include_str!("en.toml");
const GERMAN: &str = include_str!("de.toml");

/// Language codes with an embedded profile.
pub const SUPPORTED: &[&str] = &["fr", "en", "de"];

fn lower_set(items: Vec<String>) -> HashSet<String> {
    items.into_iter().map(|s| s.to_lowercase()).collect()
}

impl LanguageProfile {
    fn parse(source: &str) -> LanguageProfile {
        let data: ProfileData =
            toml::from_str(source).expect("embedded language profiles are valid (tested)");
        // "l" expands by gender (see `article_for_gender`), so it is left out here.
        let expand_elision = data
            .elide_before_vowel
            .iter()
            .filter(|(_, elided)| elided.as_str() != "l")
            .map(|(full, elided)| (elided.clone(), full.clone()))
            .collect();
        LanguageProfile {
            code: data.code,
            name: data.name,
            elisions: lower_set(data.elisions),
            abbreviations: data.abbreviations.into_iter().collect(),
            function_words: lower_set(data.function_words),
            name_particles: lower_set(data.name_particles),
            definite_articles: lower_set(data.definite_articles),
            elide_before_vowel: data.elide_before_vowel,
            contract_before_vowel: data.contract_before_vowel,
            expand_elision,
            articles_by_gender: data.articles_by_gender,
            vowels: data.vowels.chars().collect(),
        }
    }

    /// The profile for a language code, if mtlint has one.
    pub fn get(code: &str) -> Option<&'static LanguageProfile> {
        static FR: OnceLock<LanguageProfile> = OnceLock::new();
        static EN: OnceLock<LanguageProfile> = OnceLock::new();
        static DE: OnceLock<LanguageProfile> = OnceLock::new();
        match code {
            "fr" => Some(FR.get_or_init(|| LanguageProfile::parse(FRENCH))),
            "en" => Some(EN.get_or_init(|| LanguageProfile::parse(ENGLISH))),
            "de" => Some(DE.get_or_init(|| LanguageProfile::parse(GERMAN))),
            _ => None,
        }
    }

    /// The French profile.
    pub fn french() -> &'static LanguageProfile {
        LanguageProfile::get("fr").expect("the French profile is embedded")
    }

    /// True when `word` (any case) is an elided particle that takes an apostrophe: `l`, `qu`.
    pub fn is_elision(&self, word: &str) -> bool {
        word.len() <= 8 && self.elisions.contains(&word.to_lowercase())
    }

    /// True when `word` followed by a period does not end a sentence ("M", "Dr").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// True for grammatical words (articles, prepositions, pronouns, auxiliaries).
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(&word.to_lowercase())
    }

    /// True for particles inside personal names: `de`, `von`, `al`, `ben`.
    pub fn is_name_particle(&self, word: &str) -> bool {
        self.name_particles.contains(&word.to_lowercase())
    }

    /// True for the definite articles of the language (`the`, `le`, `la`).
    pub fn is_definite_article(&self, word: &str) -> bool {
        self.definite_articles.contains(&word.to_lowercase())
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

    /// The definite article for a grammatical gender code (`m`, `f`, `mpl`, `fpl`).
    pub fn article_for_gender(&self, gender: &str) -> Option<&str> {
        self.articles_by_gender.get(gender).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_profile_loads() {
        for code in SUPPORTED {
            let p = LanguageProfile::get(code).expect("profile");
            assert_eq!(&p.code, code);
        }
        assert!(LanguageProfile::get("xx").is_none());
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
}
