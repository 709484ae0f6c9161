//! Glossaries: concepts with their forms per language, loaded from TOML (or imported from TBX,
//! CSV and TSV termbases), validated, and compiled into one matcher.
//!
//! A [`Glossary`] is what files say; a [`GlossaryMatcher`] is what the checks use. The
//! embedded default glossary lives in `glossaries/default.toml`.

mod csv;
mod derive;
mod import;
mod load;
mod matcher;
mod model;
mod quick;
mod tbx;

pub use self::csv::import_delimited;
pub use derive::{DerivedForm, Lexicon, LexiconError, LEXICON_EN_FR, MAX_FORMS};
pub use import::{Imported, ImportedConcept};
pub use load::{import_file, load_file, parse, GlossaryError, GlossaryFormat};
pub use matcher::{GlossaryMatcher, Role, TermMatch};
pub use model::{Concept, Glossary, Kind, Lang, LangForms, Statistics};
pub use tbx::import_tbx;

/// The default glossary's TOML source (English → French news), embedded in the binary.
pub const DEFAULT_GLOSSARY: &str = include_str!("../../glossaries/default.toml");

/// The name the default glossary is reported under in messages.
pub const DEFAULT_GLOSSARY_NAME: &str = "<default glossary>";

/// Parses the embedded default glossary.
pub fn default_glossary() -> Glossary {
    parse(DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME)
        .expect("the embedded default glossary is valid (checked by a test)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_glossary_loads_and_is_large_enough() {
        let g = default_glossary();
        assert!(g.concepts.len() >= 300, "{} concepts", g.concepts.len());
        let matcher = GlossaryMatcher::new(&g, Lang::Fr, Lang::En);
        assert!(matcher.pattern_count() > 600);
    }
}
