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
    pub langs: BTreeMap<Lang, LangForms>,
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
