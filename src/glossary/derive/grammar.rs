//! The noun-phrase grammar of a lexicon's target language, read from its `g` lines:
//! prepositions, articles by gender and number, contractions ("de le" → "du", "di il" →
//! "del", "von dem" → "vom"), elisions ("d'"), default plurals, the order of adjective forms,
//! whether nouns make closed compounds (German), and how the source language marks plurals.
//!
//! Only what the deriver asks of a language lives here; the deriver itself never names a
//! language.

use rustc_hash::FxHashMap;

/// Grammatical gender of a target-language noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    M,
    F,
    N,
}

impl Gender {
    fn code(self) -> &'static str {
        match self {
            Gender::M => "m",
            Gender::F => "f",
            Gender::N => "n",
        }
    }
}

/// A gender code of the lexicon (`m`, `f`, `n`, `mpl`, `fpl`, `npl`) as gender and number.
pub(super) fn gender_code(code: &str) -> Option<(Gender, bool)> {
    match code {
        "m" => Some((Gender::M, false)),
        "f" => Some((Gender::F, false)),
        "n" => Some((Gender::N, false)),
        "mpl" => Some((Gender::M, true)),
        "fpl" => Some((Gender::F, true)),
        "npl" => Some((Gender::N, true)),
        _ => None,
    }
}

/// Which slot of an adjective entry holds which form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AdjSlot {
    Ms,
    Fs,
    Ns,
    Mp,
    Fp,
    /// One plural for every gender (German).
    Pl,
    /// The masculine singular before a vowel (French "nouvel").
    Vowel,
}

/// The grammar of one target language, as the lexicon's `g` lines say.
#[derive(Clone, Debug)]
pub(super) struct Grammar {
    /// "of": the preposition of complements ("de", "di", "von").
    pub of: String,
    /// "for", most likely first ("pour", "para", "für").
    pub for_: Vec<String>,
    /// "on", most likely first ("sur", "de").
    pub on: Vec<String>,
    /// "and" ("et", "y", "und").
    pub and: String,
    /// Articles keyed `m`, `f`, `n`, `mpl`, `fpl`, `pl`, with `.vowel` and `.impure` variants
    /// and `prep:` prefixes for the article a preposition governs ("von:m" = "dem").
    articles: FxHashMap<String, String>,
    /// "prep article" → contracted form ("de le" → "du").
    contractions: FxHashMap<String, String>,
    /// A bare preposition before a vowel ("de" → "d'").
    elisions: FxHashMap<String, String>,
    /// Default plural: (singular ending, plural ending), the first that fits wins.
    plural: Vec<(String, String)>,
    /// Source-language plural endings, stripped to find a word ("ies" → "y").
    pub stems: Vec<(String, String)>,
    /// Word beginnings that take the "impure" article (Italian "lo", "gli": z, s+consonant).
    impure: Vec<String>,
    /// The order of the forms in an adjective entry.
    pub adjective: Vec<AdjSlot>,
    /// Letters that make a vowel start.
    vowels: String,
    /// Nouns modifying a noun make one closed compound ("Nachrichtenwoche").
    pub compounds: bool,
}

impl Default for Grammar {
    /// French, the grammar of a lexicon that says nothing else.
    fn default() -> Grammar {
        Grammar {
            of: "de".into(),
            for_: vec!["pour".into()],
            on: vec!["sur".into(), "de".into()],
            and: "et".into(),
            articles: FxHashMap::default(),
            contractions: FxHashMap::default(),
            elisions: FxHashMap::default(),
            plural: vec![(String::new(), "s".into())],
            stems: Vec::new(),
            impure: Vec::new(),
            adjective: vec![
                AdjSlot::Ms,
                AdjSlot::Fs,
                AdjSlot::Mp,
                AdjSlot::Fp,
                AdjSlot::Vowel,
            ],
            vowels: "aeiouyàâäéèêëîïôöùûüœæ".into(),
            compounds: false,
        }
    }
}

/// `a=b|c=d` as pairs.
fn pairs(value: &str, sep: char) -> Option<Vec<(String, String)>> {
    value
        .split('|')
        .map(|p| {
            p.split_once(sep)
                .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        })
        .collect()
}

impl Grammar {
    /// Applies one `key<TAB>g<TAB>value` line; `Err` names what is malformed.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let bad = || format!("malformed grammar line `{key}`");
        match key {
            "of" => self.of = value.to_owned(),
            "for" => self.for_ = value.split('|').map(str::to_owned).collect(),
            "on" => self.on = value.split('|').map(str::to_owned).collect(),
            "and" => self.and = value.to_owned(),
            "vowels" => self.vowels = value.to_owned(),
            "compounds" => self.compounds = value == "yes",
            "impure" => self.impure = value.split('|').map(str::to_owned).collect(),
            "article" => self.articles.extend(pairs(value, '=').ok_or_else(bad)?),
            "contract" => self.contractions.extend(pairs(value, '=').ok_or_else(bad)?),
            "elide" => self.elisions.extend(pairs(value, '=').ok_or_else(bad)?),
            "plural" => self.plural = pairs(value, '>').ok_or_else(bad)?,
            "stem" => self.stems = pairs(value, '>').ok_or_else(bad)?,
            "adjective" => {
                self.adjective = value
                    .split('/')
                    .map(|s| match s {
                        "ms" => Some(AdjSlot::Ms),
                        "fs" => Some(AdjSlot::Fs),
                        "ns" => Some(AdjSlot::Ns),
                        "mp" => Some(AdjSlot::Mp),
                        "fp" => Some(AdjSlot::Fp),
                        "pl" => Some(AdjSlot::Pl),
                        "vowel" => Some(AdjSlot::Vowel),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(bad)?;
            }
            _ => return Err(format!("unknown grammar key `{key}`")),
        }
        Ok(())
    }

    /// The default plural of a singular form.
    pub fn plural_of(&self, sg: &str) -> String {
        for (from, to) in &self.plural {
            if let Some(stem) = sg.strip_suffix(from.as_str()) {
                return format!("{stem}{to}");
            }
        }
        sg.to_owned()
    }

    /// True when `c` (lowercase) is a vowel.
    pub fn is_vowel(&self, c: char) -> bool {
        self.vowels.contains(c)
    }

    /// The definite article before `text` after `prep` ("" for none), with a trailing space
    /// unless it is elided ("l'"). `starts_with_vowel` is the caller's judgement of `text`.
    pub fn article(
        &self,
        prep: &str,
        gender: Gender,
        plural: bool,
        text: &str,
        vowel: bool,
    ) -> String {
        let number = if plural { "pl" } else { "" };
        let keys = [
            format!("{}{number}", gender.code()),
            if plural {
                "pl".to_owned()
            } else {
                "m".to_owned()
            },
            "m".to_owned(),
        ];
        let lower = text.to_lowercase();
        let impure = self.impure.iter().any(|p| lower.starts_with(p.as_str()));
        let scopes: Vec<String> = if prep.is_empty() {
            vec![String::new()]
        } else {
            vec![format!("{prep}:"), String::new()]
        };
        for scope in &scopes {
            for key in &keys {
                let base = format!("{scope}{key}");
                let variant = if vowel {
                    Some(format!("{base}.vowel"))
                } else if impure {
                    Some(format!("{base}.impure"))
                } else {
                    None
                };
                let found = variant
                    .and_then(|v| self.articles.get(&v))
                    .or_else(|| self.articles.get(&base));
                if let Some(a) = found {
                    return if a.ends_with('\'') {
                        a.clone()
                    } else {
                        format!("{a} ")
                    };
                }
            }
        }
        String::new()
    }

    /// `prep` + `article` + `text`, contracted where the language contracts ("du", "dell'").
    pub fn join(&self, prep: &str, article: &str, text: &str) -> String {
        if prep.is_empty() {
            return format!("{article}{text}");
        }
        let key = format!("{prep} {}", article.trim_end());
        match self.contractions.get(&key) {
            Some(c) if c.ends_with('\'') => format!("{c}{text}"),
            Some(c) => format!("{c} {text}"),
            None => format!("{prep} {article}{text}"),
        }
    }

    /// `prep` alone before `text`, elided before a vowel where the language elides ("d'Inde").
    pub fn bare(&self, prep: &str, text: &str, vowel: bool) -> String {
        match self.elisions.get(prep) {
            Some(e) if vowel => format!("{e}{text}"),
            _ => format!("{prep} {text}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn italian() -> Grammar {
        let mut g = Grammar::default();
        for (k, v) in [
            ("of", "di"),
            ("article", "m=il|f=la|mpl=i|fpl=le|m.vowel=l'|f.vowel=l'|mpl.vowel=gli|m.impure=lo|mpl.impure=gli"),
            ("contract", "di il=del|di lo=dello|di l'=dell'|di la=della|di i=dei|di gli=degli|di le=delle"),
            ("impure", "z|st|sp|sc"),
            ("plural", "co>chi|o>i|a>e|e>i"),
        ] {
            g.set(k, v).expect("valid");
        }
        g
    }

    #[test]
    fn articles_contract_and_elide_by_gender_number_and_first_letter() {
        let g = italian();
        let with = |gender, plural, text: &str, vowel| {
            let a = g.article("di", gender, plural, text, vowel);
            g.join("di", &a, text)
        };
        assert_eq!(with(Gender::F, false, "Germania", false), "della Germania");
        assert_eq!(with(Gender::F, false, "America", true), "dell'America");
        assert_eq!(with(Gender::M, false, "Stato", false), "dello Stato");
        assert_eq!(with(Gender::M, true, "diritti", false), "dei diritti");
        assert_eq!(with(Gender::M, true, "uomini", true), "degli uomini");
        assert_eq!(g.plural_of("banco"), "banchi");
        assert_eq!(g.plural_of("notizia"), "notizie");
    }

    #[test]
    fn prepositions_govern_their_own_articles() {
        let mut g = Grammar::default();
        g.set(
            "article",
            "m=der|f=die|n=das|pl=die|von:m=dem|von:f=der|von:n=dem|von:pl=den",
        )
        .expect("valid");
        g.set("contract", "von dem=vom").expect("valid");
        let a = g.article("von", Gender::M, false, "Süden", false);
        assert_eq!(g.join("von", &a, "Süden"), "vom Süden");
        let a = g.article("", Gender::N, true, "Kinder", false);
        assert_eq!(g.join("", &a, "Kinder"), "die Kinder");
        assert!(g.set("nonsense", "x").is_err());
        assert!(g.set("article", "m").is_err());
    }
}
