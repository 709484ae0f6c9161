//! The glossary model: concepts and their forms per language, as ARCHITECTURE.md describes.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// A language a glossary can hold forms for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English
    En,
    /// French
    Fr,
    /// Spanish
    Es,
    /// German
    De,
    /// Italian
    It,
    /// Portuguese
    Pt,
}

impl Lang {
    /// Every language, in file order.
    pub const ALL: [Lang; 6] = [Lang::En, Lang::Fr, Lang::Es, Lang::De, Lang::It, Lang::Pt];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::De => "de",
            Lang::It => "it",
            Lang::Pt => "pt",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a concept names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A newspaper, magazine, broadcaster or news site.
    Outlet,
    /// A wire agency.
    Agency,
    /// An institution, company, NGO, think tank, party.
    Organization,
    /// A product or company brand.
    Brand,
    /// A social network or online platform.
    Platform,
    /// A country, region, city, feature.
    Place,
    /// A person.
    Person,
    /// A named event.
    Event,
    /// Any other term.
    Term,
}

impl Kind {
    /// The lowercase name used in files and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Outlet => "outlet",
            Kind::Agency => "agency",
            Kind::Organization => "organization",
            Kind::Brand => "brand",
            Kind::Platform => "platform",
            Kind::Place => "place",
            Kind::Person => "person",
            Kind::Event => "event",
            Kind::Term => "term",
        }
    }
}

/// The forms of a concept in one language, each with its 1-based line and column in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LangForms {
    /// The house form.
    pub preferred: Option<String>,
    /// Other forms that are equally right.
    pub accepted: Vec<String>,
    /// Spellings that are not the house form.
    pub variants: Vec<String>,
    /// Mistakes.
    pub wrong: Vec<String>,
    /// The acronym.
    pub abbr: Option<String>,
    /// Grammatical gender of the preferred form (`m`, `f`, `mpl`, `fpl`), or `none` for a
    /// name written without article.
    pub gender: Option<String>,
}

impl LangForms {
    /// The forms that are right: preferred, accepted and the acronym.
    pub fn right_forms(&self) -> impl Iterator<Item = &str> {
        self.preferred
            .iter()
            .chain(&self.accepted)
            .chain(&self.abbr)
            .map(String::as_str)
    }
}

/// Whether a person's surname alone also matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurnamePolicy {
    /// The last word of each form, with its particles ("von der Leyen").
    Derived,
    /// Never.
    Off,
    /// This surname, in every language.
    Given(String),
}

/// A concept's forms per language, in language order. A concept has forms in a few of the six
/// languages: a short vector, where a B-tree allocated a node of eleven slots for each
/// concept (1.6 KB: 160 MB for a 100,000-concept glossary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LangMap(Vec<(Lang, LangForms)>);

impl LangMap {
    /// An empty map with room for `langs` languages.
    pub fn with_capacity(langs: usize) -> LangMap {
        LangMap(Vec::with_capacity(langs))
    }

    /// The forms in `lang`, if any.
    pub fn get(&self, lang: &Lang) -> Option<&LangForms> {
        self.0.iter().find(|(l, _)| l == lang).map(|(_, f)| f)
    }

    /// Sets the forms in `lang`, returning those it had.
    pub fn insert(&mut self, lang: Lang, forms: LangForms) -> Option<LangForms> {
        match self.0.binary_search_by(|(l, _)| l.cmp(&lang)) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, forms)),
            Err(i) => {
                self.0.insert(i, (lang, forms));
                None
            }
        }
    }

    /// True when no language has forms.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each language with its forms, in language order.
    pub fn iter(&self) -> impl Iterator<Item = (&Lang, &LangForms)> {
        self.0.iter().map(|(l, f)| (l, f))
    }
}

impl<'a> IntoIterator for &'a LangMap {
    type Item = (&'a Lang, &'a LangForms);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Lang, LangForms)>,
        fn(&'a (Lang, LangForms)) -> (&'a Lang, &'a LangForms),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(l, f)| (l, f))
    }
}

impl FromIterator<(Lang, LangForms)> for LangMap {
    fn from_iter<I: IntoIterator<Item = (Lang, LangForms)>>(iter: I) -> LangMap {
        let mut map = LangMap::default();
        for (lang, forms) in iter {
            map.insert(lang, forms);
        }
        map
    }
}

/// One thing with a name, and how to write that name in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concept {
    /// Unique id within the glossary, kebab-case.
    pub id: String,
    /// What it names.
    pub kind: Kind,
    /// The source name is right in every language.
    pub keep: bool,
    /// Forms match only with their exact capitalisation.
    pub case_sensitive: bool,
    /// Surname matching for persons.
    pub surname: SurnamePolicy,
    /// Free text.
    pub note: Option<String>,
    /// Forms per language.
    pub langs: LangMap,
    /// Where the concept was defined, e.g. `team.toml:12`.
    pub origin: String,
}

impl Concept {
    /// The forms in `lang`, if any.
    pub fn forms(&self, lang: Lang) -> Option<&LangForms> {
        self.langs.get(&lang)
    }

    /// The forms of a kept name as translated from `source`: the source language's own, else
    /// the English ones (`keep` concepts always have an English name, which stays as it is in
    /// a German or Spanish source too).
    pub fn kept_forms(&self, source: Lang) -> Option<&LangForms> {
        self.forms(source).or_else(|| self.forms(Lang::En))
    }

    /// The form to write in `target` text: the kept source name for `keep` concepts, else the
    /// target's preferred form.
    pub fn right_form(&self, target: Lang, source: Lang) -> Option<&str> {
        let own = self.forms(target).and_then(|f| f.preferred.as_deref());
        if self.keep {
            self.kept_forms(source)
                .and_then(|f| f.preferred.as_deref())
                .or(own)
        } else {
            own
        }
    }
}

/// A loaded glossary: concepts from one or more files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    /// Every concept, in load order; shared with the matchers compiled from it, so that
    /// compiling a large glossary does not copy it.
    pub concepts: Arc<Vec<Concept>>,
}

/// Counts describing a glossary, printed by `mtlint glossary check`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statistics {
    /// Number of concepts.
    pub concepts: usize,
    /// Concepts per kind.
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Concepts that keep their source name.
    pub kept: usize,
    /// Forms per language.
    pub forms_by_lang: BTreeMap<Lang, usize>,
    /// Wrong forms over all languages.
    pub wrong: usize,
    /// Variant forms over all languages.
    pub variants: usize,
}

impl Glossary {
    /// Appends the concepts of another glossary (later files add to earlier ones).
    pub fn extend(&mut self, other: Glossary) {
        Arc::make_mut(&mut self.concepts).extend(Arc::unwrap_or_clone(other.concepts));
    }

    /// Counts concepts and forms.
    pub fn statistics(&self) -> Statistics {
        let mut stats = Statistics {
            concepts: self.concepts.len(),
            ..Statistics::default()
        };
        for c in self.concepts.iter() {
            *stats.by_kind.entry(c.kind.as_str()).or_default() += 1;
            stats.kept += usize::from(c.keep);
            for (lang, forms) in &c.langs {
                let n = forms.right_forms().count() + forms.variants.len() + forms.wrong.len();
                *stats.forms_by_lang.entry(*lang).or_default() += n;
                stats.wrong += forms.wrong.len();
                stats.variants += forms.variants.len();
            }
        }
        stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> LangForms {
        LangForms {
            preferred: Some(name.to_owned()),
            ..LangForms::default()
        }
    }

    #[test]
    fn a_lang_map_keeps_languages_in_order_and_one_entry_each() {
        let mut m = LangMap::with_capacity(2);
        assert!(m.is_empty());
        assert_eq!(m.insert(Lang::Fr, named("OTAN")), None);
        assert_eq!(m.insert(Lang::En, named("NATO")), None);
        assert_eq!(m.insert(Lang::De, named("NATO")), None);
        // A second insert replaces, as in a map.
        assert_eq!(m.insert(Lang::Fr, named("Otan")), Some(named("OTAN")));
        let order: Vec<(Lang, &str)> = m
            .iter()
            .map(|(l, f)| (*l, f.preferred.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            order,
            [(Lang::En, "NATO"), (Lang::Fr, "Otan"), (Lang::De, "NATO")]
        );
        assert_eq!(m.get(&Lang::Fr), Some(&named("Otan")));
        assert_eq!(m.get(&Lang::Es), None);
        let rebuilt: LangMap = [(Lang::De, named("NATO")), (Lang::En, named("NATO"))]
            .into_iter()
            .chain([(Lang::Fr, named("Otan"))])
            .collect();
        assert_eq!(rebuilt, m);
        assert_eq!((&m).into_iter().count(), 3);
    }
}
