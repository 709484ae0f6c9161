//! Replacements that fit the sentence: a glossary form put in place of a matched one keeps the
//! elision and the article around it right, and its capital at the start of a sentence.
//!
//! "l’Organization of Turkic States" → "l’Organisation des États turciques";
//! "d’Semaine…" never happens: "de Newsweek"; "le Journal de Wall Street" → "le Wall Street
//! Journal" (the source article is dropped after a target article). The elision and
//! contraction rules come from the target language's profile (Italian "dell’ONU" → "della
//! NATO" works the same way).

use crate::analysis::Analysis;
use crate::diagnostic::{Edit, Span};
use crate::glossary::{Concept, Kind, Lang};

/// How the replacement name behaves in the sentence: its gender, and whether it is written
/// without an article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameGrammar<'g> {
    /// The grammatical gender of the replacement (`m`, `f`, `mpl`, `fpl`) when the glossary
    /// knows it.
    pub gender: Option<&'g str>,
    /// The name takes no article: "selon Human Rights Watch", "chez Apple".
    pub bare: bool,
}

impl<'g> NameGrammar<'g> {
    /// What the glossary says of a concept's name in `lang`. A name whose gender is `none`
    /// is written without article ("selon Human Rights Watch"); so are kept brands, platforms
    /// and persons of no given gender ("chez Apple"). Organisations differ ("l'International
    /// Crisis Group" but "Amnesty International"), so their article is kept unless the
    /// glossary says `none`.
    pub fn of(concept: &'g Concept, lang: Lang) -> NameGrammar<'g> {
        let gender = concept.forms(lang).and_then(|f| f.gender.as_deref());
        let bare_kind = matches!(concept.kind, Kind::Brand | Kind::Platform | Kind::Person);
        NameGrammar {
            gender: gender.filter(|g| *g != "none"),
            bare: gender == Some("none") || (concept.keep && bare_kind && gender.is_none()),
        }
    }

    /// A name of known gender that takes an article.
    pub fn gendered(gender: Option<&'g str>) -> NameGrammar<'g> {
        NameGrammar {
            gender,
            bare: false,
        }
    }
}

/// The edit that replaces `span` with `replacement`, adjusted to its context and to the
/// grammar of the replacement.
pub fn fitted_edit(a: &Analysis<'_>, span: Span, replacement: &str, grammar: NameGrammar) -> Edit {
    let gender = grammar.gender;
    let text = a.text;
    let profile = a.target;
    let mut replacement = replacement.to_owned();
    let prev = a
        .token_before(span.start)
        .filter(|t| t.span.end <= span.start)
        .filter(|t| {
            let gap = &text[t.span.end..span.start];
            !gap.is_empty() && gap.chars().all(|c| c.is_whitespace() || is_apostrophe(c))
        })
        .copied();

    // A source article after a target article. Before a name of several words the source
    // article goes ("le Journal de Wall Street" → "le Wall Street Journal"); a one-word name
    // keeps it and the target article goes instead ("d’après La Colline" → "d’après The
    // Hill", not "La Hill"), as the press writes it.
    let mut replaces_article = false;
    if let Some((first, rest)) = replacement.split_once(' ') {
        let after = prev.map(|p| p.text(text));
        let after_definite = after.is_some_and(|w| profile.is_definite_article(w));
        let after_contracted = after.is_some_and(|w| profile.is_contracted_article(w));
        if (after_definite || after_contracted)
            && a.source.is_definite_article(first)
            && !rest.is_empty()
        {
            if after_definite && !rest.contains(' ') {
                replaces_article = true;
            } else {
                replacement = rest.to_owned();
            }
        }
    }

    let apostrophe = a.apostrophe();
    // Write apostrophes the way the document does.
    if apostrophe != "'" && replacement.contains('\'') {
        replacement = replacement.replace('\'', apostrophe);
    }
    // A name written without article drops the one before it ("l’Observatoire des droits de
    // l’homme" → "Human Rights Watch"); a contracted one keeps its preposition ("du" → "de").
    let mut bare_prefix = None;
    if let Some(p) = prev.filter(|_| grammar.bare && !replaces_article) {
        let word = p.text(text);
        if profile.is_definite_article(word) {
            replaces_article = true;
        } else if let Some(preposition) = profile.contracted_preposition(word) {
            let vowel = profile.starts_with_vowel(&replacement);
            bare_prefix = Some(match profile.elide(preposition).filter(|_| vowel) {
                Some(elided) => format!("{}{apostrophe}", same_case(word, elided)),
                None => format!("{} ", same_case(word, preposition)),
            });
        }
    }
    let mut start = span.start;
    if let Some(p) = prev.filter(|_| replaces_article) {
        start = p.span.start;
    } else if let (Some(p), Some(prefix)) = (prev, bare_prefix) {
        start = p.span.start;
        replacement = format!("{prefix}{replacement}");
    } else if let Some(p) = prev {
        let word = p.text(text);
        let vowel = profile.starts_with_vowel(&replacement);
        let new_prefix = if p.elided && !vowel {
            // "l’" or "d’" before a consonant: write the full word ("le", "de"; "della").
            let full = profile.expand_elision_for(word, gender);
            full.map(|f| format!("{} ", same_case(word, f)))
        } else if !p.elided && vowel && p.span.end < span.start {
            if let Some(elided) = profile.elide(word) {
                Some(format!("{}{apostrophe}", same_case(word, elided)))
            } else {
                profile
                    .contract_before_vowel(word)
                    .map(|open| format!("{}{apostrophe}", same_case(word, open)))
            }
        } else if !p.elided && !vowel {
            // "la Bête quotidienne" → "le Daily Beast": the article agrees with the name.
            gender
                .and_then(|g| profile.agree_article(word, g))
                .filter(|agreed| !agreed.eq_ignore_ascii_case(word))
                .map(|agreed| format!("{} ", same_case(word, agreed)))
        } else {
            None
        };
        if let Some(prefix) = new_prefix {
            start = p.span.start;
            replacement = format!("{prefix}{replacement}");
        }
    }

    if a.is_sentence_start(start) {
        replacement = capitalize_first(&replacement);
    }
    Edit::replace(Span::new(start, span.end), replacement)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// `model`'s capitalisation applied to `word`'s first letter ("L" + "le" → "Le").
fn same_case(model: &str, word: &str) -> String {
    if model.chars().next().is_some_and(char::is_uppercase) {
        capitalize_first(word)
    } else {
        word.to_owned()
    }
}

fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::glossary::{Glossary, GlossaryMatcher, Lang};
    use crate::input::Source;
    use crate::text::LanguageProfile;

    #[track_caller]
    fn assert_fits(
        text: &str,
        target: &str,
        replacement: &str,
        gender: Option<&str>,
        expected: &str,
    ) {
        let doc = Document::plain(Source {
            name: "t".into(),
            text: text.into(),
        });
        let matcher = GlossaryMatcher::new(&Glossary::default(), Lang::Fr, Lang::En);
        let en = LanguageProfile::get("en").expect("en");
        let a = Analysis::new(&doc, &matcher, LanguageProfile::french(), en);
        let at = text.find(target).expect("target in text");
        let grammar = NameGrammar::gendered(gender);
        let edit = fitted_edit(&a, Span::new(at, at + target.len()), replacement, grammar);
        let fixed = crate::fix::apply_edits(text, &[edit]).expect("applies");
        assert_eq!(fixed, expected);
    }

    #[test]
    fn keeps_elision_before_a_vowel() {
        assert_fits(
            "Il parle de l’Organization of Turkic States ici.",
            "Organization of Turkic States",
            "Organisation des États turciques",
            Some("f"),
            "Il parle de l’Organisation des États turciques ici.",
        );
    }

    #[test]
    fn expands_elision_before_a_consonant() {
        assert_fits(
            "Un article d’Xyz.",
            "Xyz",
            "Newsweek",
            None,
            "Un article de Newsweek.",
        );
        assert_fits(
            "Ils citent l’Obs.",
            "Obs",
            "Nouvel Obs",
            Some("m"),
            "Ils citent le Nouvel Obs.",
        );
        assert_fits(
            "L’Ukraine Pravda.",
            "Ukraine Pravda",
            "Pravda ukrainienne",
            Some("f"),
            "La Pravda ukrainienne.",
        );
    }

    #[test]
    fn elides_and_opens_contractions_before_a_vowel() {
        assert_fits(
            "le rôle de Turkic States.",
            "Turkic States",
            "Organisation des États turciques",
            None,
            "le rôle d'Organisation des États turciques.",
        );
        assert_fits(
            "le chef du Turkic States.",
            "Turkic States",
            "Organisation des États turciques",
            None,
            "le chef de l'Organisation des États turciques.",
        );
    }

    #[test]
    fn drops_the_source_article_after_a_target_article() {
        assert_fits(
            "Selon le Journal de Wall Street, oui.",
            "Journal de Wall Street",
            "The Wall Street Journal",
            None,
            "Selon le Wall Street Journal, oui.",
        );
        assert_fits(
            "Selon Journal de Wall Street, oui.",
            "Journal de Wall Street",
            "The Wall Street Journal",
            None,
            "Selon The Wall Street Journal, oui.",
        );
    }

    #[test]
    fn a_one_word_name_keeps_its_source_article() {
        assert_fits(
            "D'après La Colline, oui.",
            "Colline",
            "The Hill",
            Some("m"),
            "D'après The Hill, oui.",
        );
        assert_fits(
            "Selon L’Atlantique, non.",
            "Atlantique",
            "The Atlantic",
            None,
            "Selon The Atlantic, non.",
        );
        assert_fits(
            "La Colline écrit.",
            "Colline",
            "The Hill",
            None,
            "The Hill écrit.",
        );
        // After a contracted article the target article stays: "au Hill" reads as French.
        assert_fits(
            "Il l'a dit au Gardien.",
            "Gardien",
            "The Guardian",
            Some("m"),
            "Il l'a dit au Guardian.",
        );
    }

    #[track_caller]
    fn assert_fits_bare(text: &str, target: &str, replacement: &str, expected: &str) {
        let doc = Document::plain(Source {
            name: "t".into(),
            text: text.into(),
        });
        let matcher = GlossaryMatcher::new(&Glossary::default(), Lang::Fr, Lang::En);
        let en = LanguageProfile::get("en").expect("en");
        let a = Analysis::new(&doc, &matcher, LanguageProfile::french(), en);
        let at = text.find(target).expect("target in text");
        let grammar = NameGrammar {
            gender: None,
            bare: true,
        };
        let edit = fitted_edit(&a, Span::new(at, at + target.len()), replacement, grammar);
        let fixed = crate::fix::apply_edits(text, &[edit]).expect("applies");
        assert_eq!(fixed, expected);
    }

    #[test]
    fn a_name_written_without_article_drops_the_article() {
        assert_fits_bare(
            "L’Observatoire des droits de l’homme a demandé une enquête.",
            "Observatoire des droits de l’homme",
            "Human Rights Watch",
            "Human Rights Watch a demandé une enquête.",
        );
        assert_fits_bare(
            "selon la Maison du Chatham, oui.",
            "Maison du Chatham",
            "Chatham House",
            "selon Chatham House, oui.",
        );
        assert_fits_bare(
            "le rapport du Groupe Eurasie, oui.",
            "Groupe Eurasie",
            "Eurasia Group",
            "le rapport d'Eurasia Group, oui.",
        );
        assert_fits_bare(
            "Il a écrit au Groupe Eurasie.",
            "Groupe Eurasie",
            "Eurasia Group",
            "Il a écrit à Eurasia Group.",
        );
        // No article before it: nothing to drop, elision still fitted.
        assert_fits_bare(
            "un porte-parole de Amnistie internationale a dit.",
            "Amnistie internationale",
            "Amnesty International",
            "un porte-parole d'Amnesty International a dit.",
        );
    }

    #[test]
    fn the_article_agrees_with_the_name() {
        assert_fits(
            "a rapporté la Bête quotidienne.",
            "Bête quotidienne",
            "Daily Beast",
            Some("m"),
            "a rapporté le Daily Beast.",
        );
        assert_fits(
            "La Bête quotidienne a rapporté.",
            "Bête quotidienne",
            "Daily Beast",
            Some("m"),
            "Le Daily Beast a rapporté.",
        );
        assert_fits(
            "le rédacteur du Journal du Soir.",
            "Journal du Soir",
            "Tribune",
            Some("f"),
            "le rédacteur de la Tribune.",
        );
        assert_fits(
            "selon les Temps financiers.",
            "Temps financiers",
            "Financial Times",
            Some("m"),
            "selon le Financial Times.",
        );
        // Unknown gender: the article is left as written.
        assert_fits(
            "selon la Bête quotidienne.",
            "Bête quotidienne",
            "Daily Beast",
            None,
            "selon la Daily Beast.",
        );
        // Not an article: "de" stays.
        assert_fits(
            "un article de Bête quotidienne.",
            "Bête quotidienne",
            "Daily Beast",
            Some("m"),
            "un article de Daily Beast.",
        );
    }

    #[test]
    fn writes_apostrophes_like_the_document() {
        assert_fits(
            "Selon l’ICAO, oui.",
            "ICAO",
            "OACI d'abord",
            None,
            "Selon l’OACI d’abord, oui.",
        );
        assert_fits(
            "Selon l'ICAO, oui.",
            "ICAO",
            "OACI d'abord",
            None,
            "Selon l'OACI d'abord, oui.",
        );
    }

    #[test]
    fn capitalizes_at_sentence_start() {
        assert_fits(
            "Fin. « foo bar a dit.",
            "foo bar",
            "organisation x",
            None,
            "Fin. « Organisation x a dit.",
        );
        assert_fits(
            "Semaine d'actualités a contacté X.",
            "Semaine d'actualités",
            "Newsweek",
            None,
            "Newsweek a contacté X.",
        );
    }
}
