//! Evidence that a derived literal translation in a text is really a kept name ("selon le
//! Gardien" is *The Guardian*; "la politique étrangère" is not *Foreign Policy*).
//!
//! A listed wrong form is trusted as soon as it is written as a name; a form the matcher
//! derived from the lexicon must also look like a name where it stands: not glued to a longer
//! name, and — when it is made only of everyday words, is one word, or its capital may only be
//! the sentence's — introduced the way the press cites a source ("selon", "a déclaré à",
//! "interrogé par", "… a rapporté"). Reads the analysis only; decides nothing else.

use crate::analysis::Analysis;
use crate::glossary::TermMatch;
use crate::text::lang::fold_word;
use crate::text::Token;

/// Words after which a source is named: "a déclaré au Gardien".
const SPEAKING: &[&str] = &[
    "déclaré",
    "confié",
    "indiqué",
    "expliqué",
    "affirmé",
    "précisé",
    "raconté",
    "dit",
    "répondu",
    "assuré",
    "annoncé",
    "souligné",
    "estimé",
    "parlé",
    "écrit",
    "révélé",
    "accordé",
    "livré",
    "déclare",
    "confie",
    "explique",
    "affirme",
    "précise",
    "raconte",
];

/// Participles before "par" that name a source: "interrogé par", "cité par".
const BY: &[&str] = &[
    "interrogé",
    "interrogée",
    "interrogés",
    "interrogées",
    "cité",
    "citée",
    "cités",
    "citées",
    "rapporté",
    "rapportée",
    "rapportés",
    "rapportées",
    "publié",
    "publiée",
    "publiés",
    "publiées",
    "révélé",
    "révélée",
    "révélés",
    "révélées",
    "contacté",
    "contactée",
    "contactés",
    "contactées",
    "sollicité",
    "sollicitée",
    "consulté",
    "consultée",
    "obtenu",
    "obtenue",
    "obtenus",
    "obtenues",
    "relayé",
    "relayée",
];

/// Participles before "dans": "publié dans".
const IN: &[&str] = &[
    "publié",
    "publiée",
    "publiés",
    "publiées",
    "paru",
    "parue",
    "parus",
    "parues",
    "cité",
    "citée",
    "lu",
    "lue",
];

/// Verbs a source does, right after its name: "… rapporte", "… a révélé".
const AFTER: &[&str] = &[
    "rapporte",
    "révèle",
    "écrit",
    "indique",
    "affirme",
    "précise",
    "souligne",
    "explique",
    "annonce",
    "relate",
    "titre",
    "estime",
    "assure",
    "note",
    "publie",
    "cite",
    "rapportait",
    "écrivait",
    "révélait",
    "indiquait",
    "affirmait",
    "signale",
    "dévoile",
];

/// Participles after "a"/"avait": "… a contacté", "… avait publié".
const AFTER_PARTICIPLES: &[&str] = &[
    "contacté",
    "rapporté",
    "révélé",
    "publié",
    "écrit",
    "indiqué",
    "affirmé",
    "annoncé",
    "cité",
    "interrogé",
    "obtenu",
    "titré",
    "consulté",
    "précisé",
    "expliqué",
    "souligné",
    "relaté",
    "signalé",
    "dévoilé",
    "enquêté",
];

/// Articles and contracted articles that may stand between a cue and a name.
const ARTICLES: &[&str] = &["le", "la", "les", "l", "du", "des", "au", "aux"];

/// A derived form made only of words at least this common (Zipf) is an everyday phrase.
const EVERYDAY_ZIPF: f32 = 4.5;

/// True when a derived match (`form` as derived) stands in the text as a name.
pub fn is_derived_name(a: &Analysis<'_>, m: &TermMatch, form: &str) -> bool {
    let from = a.tokens.partition_point(|t| t.span.end <= m.span.start);
    let to = a.tokens.partition_point(|t| t.span.start < m.span.end);
    if is_part_of_longer_name(a, m, from, to) {
        return false;
    }
    if cue_before(a, from) || citation_cue_before(a, from) || cue_after(a, m, from, to) {
        return true;
    }
    let words: Vec<&str> = form
        .split([' ', '\'', '\u{2019}', '-'])
        .filter(|w| w.chars().count() > 1 && !a.target.is_function_word(w))
        .collect();
    // A proper name inside the form ("Journal de Wall Street", "Institut Hudson").
    let proper = words
        .iter()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    let first_is_acronym = words
        .first()
        .is_some_and(|w| w.chars().all(|c| !c.is_lowercase()));
    if words.len() < 2 || first_is_acronym {
        return false;
    }
    if a.is_sentence_start(m.span.start) && !proper {
        return false;
    }
    proper || !is_everyday(a, &words)
}

/// Every word of the form is common French.
fn is_everyday(a: &Analysis<'_>, words: &[&str]) -> bool {
    let Some(freq) = a.target.frequencies() else {
        return true;
    };
    let mut buf = String::new();
    words
        .iter()
        .all(|w| freq.zipf_or_floor(fold_word(w, &mut buf)) >= EVERYDAY_ZIPF)
}

fn lower(a: &Analysis<'_>, t: &Token) -> String {
    t.text(a.text).to_lowercase()
}

/// A capitalised word right before or after, joined by a space: the match is a piece of
/// another name ("Conseil de l'Atlantique Nord", "La Nouvelle République du Centre").
fn is_part_of_longer_name(a: &Analysis<'_>, m: &TermMatch, from: usize, to: usize) -> bool {
    let spaced = |l: usize, r: usize| {
        let gap = &a.text[l..r];
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    };
    let named = |t: &Token| t.is_capitalized(a.text) && !a.target.is_function_word(t.text(a.text));
    let before = from.checked_sub(1).map(|i| &a.tokens[i]).is_some_and(|t| {
        spaced(t.span.end, m.span.start) && named(t) && !a.is_sentence_start(t.span.start)
    });
    let after = a
        .tokens
        .get(to)
        .is_some_and(|t| spaced(m.span.end, t.span.start) && named(t));
    before || after
}

/// "selon (le) …", "d'après (le) …", "a déclaré à/au …", "interrogé par (le) …",
/// "publié dans (le) …".
fn cue_before(a: &Analysis<'_>, from: usize) -> bool {
    let word = |i: Option<usize>| i.and_then(|i| a.tokens.get(i)).map(|t| lower(a, t));
    let mut i = from.checked_sub(1);
    let mut article = None;
    if let Some(w) = word(i).filter(|w| ARTICLES.contains(&w.as_str())) {
        article = Some(w);
        i = i.and_then(|i| i.checked_sub(1));
    }
    let Some(w) = word(i) else { return false };
    let before = word(i.and_then(|i| i.checked_sub(1)));
    let before_is = |list: &[&str]| before.as_deref().is_some_and(|b| list.contains(&b));
    match w.as_str() {
        "selon" => true,
        "après" => before.as_deref() == Some("d"),
        "à" => before_is(SPEAKING),
        "par" => before_is(BY),
        "dans" => before_is(IN),
        _ => matches!(article.as_deref(), Some("au" | "aux")) && SPEAKING.contains(&w.as_str()),
    }
}

/// A word the target language cites sources with, then maybe a definite article: "según
/// (el) …", "secondo (il) …", "laut …" (the profile's citation cues).
fn citation_cue_before(a: &Analysis<'_>, from: usize) -> bool {
    let text = |i: usize| a.tokens[i].text(a.text);
    let mut i = from.checked_sub(1);
    if let Some(j) = i {
        let w = text(j);
        if a.target.is_definite_article(w) || a.target.is_contracted_article(w) {
            i = j.checked_sub(1);
        }
    }
    i.is_some_and(|j| a.target.is_citation_cue(text(j)))
}

/// "… rapporte", "… a contacté", when the match is not the complement of another noun
/// ("le ministère des Affaires étrangères a publié").
fn cue_after(a: &Analysis<'_>, m: &TermMatch, from: usize, to: usize) -> bool {
    let mut i = from.checked_sub(1);
    if let Some(t) = i.map(|i| &a.tokens[i]) {
        let w = lower(a, t);
        if matches!(w.as_str(), "le" | "la" | "les" | "l") {
            i = i.and_then(|i| i.checked_sub(1));
        }
    }
    if let Some(t) = i.map(|i| &a.tokens[i]) {
        let w = lower(a, t);
        if matches!(w.as_str(), "de" | "d" | "du" | "des" | "à" | "au" | "aux") {
            return false;
        }
    }
    let Some(next) = a.tokens.get(to) else {
        return false;
    };
    let gap = a.text.get(m.span.end..next.span.start).unwrap_or("");
    if !gap.chars().all(char::is_whitespace) {
        return false;
    }
    let w = lower(a, next);
    if AFTER.contains(&w.as_str()) {
        return true;
    }
    matches!(w.as_str(), "a" | "avait")
        && a.tokens
            .get(to + 1)
            .is_some_and(|t| AFTER_PARTICIPLES.contains(&lower(a, t).as_str()))
}
