//! Glossaries: concepts with their forms per language, loaded from TOML (or imported from TBX,
//! CSV and TSV termbases), validated, and compiled into one matcher.
//!
//! A [`Glossary`] is what files say; a [`GlossaryMatcher`] is what the checks use. The
//! embedded default glossary lives in `glossaries/default.toml`.

mod csv;
mod derive;
mod import;
mod jobs;
mod load;
mod matcher;
mod model;
mod quick;
mod tbx;
mod word_start;

pub use self::csv::import_delimited;
pub use derive::{DerivedForm, Lexicon, LexiconError, LEXICONS, LEXICON_EN_FR, MAX_FORMS};
pub use import::{Imported, ImportedConcept};
pub use load::{import_file, load_file, parse, GlossaryError, GlossaryFormat};
pub use matcher::{GlossaryMatcher, Role, TermMatch};
pub use model::{Concept, Glossary, Kind, Lang, LangForms, LangMap, Statistics};
pub use tbx::import_tbx;

/// The default glossary's TOML source (English → French news), embedded in the binary.
pub const DEFAULT_GLOSSARY: &str = include_str!("../../glossaries/default.toml");

/// The name the default glossary is reported under in messages.
pub const DEFAULT_GLOSSARY_NAME: &str = "<default glossary>";

/// Parses the embedded default glossary. It is not checked across concepts on every start:
/// a test checks it in full.
pub fn default_glossary() -> Glossary {
    load::parse_trusted(DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME)
        .expect("the embedded default glossary is valid (checked by a test)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_glossary_loads_and_is_large_enough() {
        let g = default_glossary();
        let checked = parse(DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME);
        assert_eq!(checked.as_ref().map_err(|e| &e[..e.len().min(5)]), Ok(&g));
        assert!(g.concepts.len() >= 300, "{} concepts", g.concepts.len());
        let matcher = GlossaryMatcher::new(&g, Lang::Fr, Lang::En);
        assert!(matcher.pattern_count() > 600);
    }

    /// Whether a kept name is covered in `lang`: a wrong form (see [`has_wrong_form`]), or a
    /// name of its own there (Spanish "Amnistía Internacional"), which is then right and not
    /// derived from.
    fn is_covered(c: &Concept, lang: Lang) -> bool {
        c.forms(lang)
            .is_some_and(|f| f.right_forms().next().is_some())
            || has_wrong_form(c, lang)
    }

    /// Kept names with a wrong form in `lang`, listed or derived from the lexicon.
    fn has_wrong_form(c: &Concept, lang: Lang) -> bool {
        let listed = c.forms(lang).is_some_and(|f| !f.wrong.is_empty());
        let derived = c.forms(Lang::En).is_some_and(|f| {
            f.right_forms().any(|name| {
                Lexicon::for_pair(Lang::En, lang).is_some_and(|l| !l.derive(name).is_empty())
            })
        });
        listed || derived
    }

    #[test]
    fn every_target_language_covers_the_kept_names_made_of_ordinary_words() {
        let g = default_glossary();
        // The names made of ordinary words: those French has a literal translation for.
        let kept: Vec<&Concept> = g
            .concepts
            .iter()
            .filter(|c| c.keep && has_wrong_form(c, Lang::Fr))
            // German names ("Handelsblatt") are checked from German, not into it.
            .filter(|c| {
                let de_fr = Lexicon::for_pair(Lang::De, Lang::Fr).expect("embedded");
                c.forms(Lang::En)
                    .is_some_and(|f| f.right_forms().all(|n| de_fr.derive(n).is_empty()))
            })
            .collect();
        assert!(kept.len() >= 113, "{} kept names", kept.len());
        for lang in [Lang::Es, Lang::De, Lang::It, Lang::Pt] {
            let missing: Vec<&str> = kept
                .iter()
                .filter(|c| !is_covered(c, lang))
                .map(|c| c.id.as_str())
                .collect();
            assert_eq!(
                missing,
                Vec::<&str>::new(),
                "{lang:?}: kept names with no wrong form and no name of their own"
            );
        }
    }

    #[test]
    fn every_target_language_lists_wrong_forms_for_the_most_cited_kept_names() {
        let g = default_glossary();
        let listed = |lang: Lang| {
            g.concepts
                .iter()
                .filter(|c| c.keep && c.forms(lang).is_some_and(|f| !f.wrong.is_empty()))
                .count()
        };
        let french = listed(Lang::Fr);
        assert!(french >= 50, "{french}");
        // Listed forms are safe fixes: about as many in each language as in French (German
        // names are right in German, so German lists fewer).
        for (lang, at_least) in [
            (Lang::Es, 48),
            (Lang::It, 48),
            (Lang::Pt, 48),
            (Lang::De, 43),
        ] {
            let n = listed(lang);
            assert!(
                n >= at_least,
                "{lang:?}: {n} kept names with listed wrong forms"
            );
        }
    }

    #[test]
    fn persons_and_places_have_a_form_in_every_target_language() {
        let g = default_glossary();
        for lang in [Lang::Es, Lang::De, Lang::It, Lang::Pt] {
            let missing: Vec<&str> = g
                .concepts
                .iter()
                .filter(|c| matches!(c.kind, Kind::Person | Kind::Place) && !c.keep)
                .filter(|c| c.forms(lang).is_none_or(|f| f.preferred.is_none()))
                .map(|c| c.id.as_str())
                .collect();
            assert_eq!(missing, Vec::<&str>::new(), "{lang:?}");
        }
    }
}
