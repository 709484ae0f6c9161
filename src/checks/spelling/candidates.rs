//! Finds the candidate names of a document, with their spans: capitalized words and
//! hyphenated compounds (Haut-Karabakh, al-Assad, Croix-de-Seguey), seen through elision
//! (d’Erevan gives Erevan), and two capitalized words written with a space where the
//! document also hyphenates or joins them (Haut Karabakh beside Haut-Karabakh).
//!
//! It only finds names; which of them are one name is decided elsewhere.

use rustc_hash::FxHashSet;

use super::similarity::joined_key;
use crate::analysis::Analysis;
use crate::diagnostic::Span;
use crate::text::{Token, TokenKind};

/// No function word of a language is longer than this many bytes (spares a lookup).
const FUNCTION_WORD_MAX: usize = 12;

/// In a language that capitalizes every noun (German), a capitalized word this common in the
/// language's frequency list (Zipf) is a noun, not a name: "Regierung", "Krieg". Rarer
/// capitalized words (transliterated names, rare compounds) stay candidates.
const CAPITALIZED_COMMON_ZIPF: f32 = 3.0;

/// The longest lowercase connector inside a hyphenated name (Saint-Médard-en-Jalles).
const CONNECTOR_MAX: usize = 4;

/// Appends the spans of the candidate names of `a`, in text order.
pub(crate) fn name_spans(a: &Analysis<'_>, out: &mut Vec<Span>) {
    let first = out.len();
    let tokens = &a.tokens;
    // Lone words opening a sentence (indices into `out`): names or common words, told apart
    // once every name is found.
    let mut openers = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Most words start with a lowercase ASCII letter: no name, unless a particle joined
        // by a hyphen to one ("al-Assad"), which the byte after it tells.
        let first = a.text.as_bytes()[t.span.start];
        // The byte after the word, and the character only when it may be a Unicode hyphen
        // (both start with byte E2).
        let hyphen_after = match a.text.as_bytes().get(t.span.end) {
            Some(b'-') => true,
            Some(0xe2) => a.text[t.span.end..].starts_with(['\u{2010}', '\u{2011}']),
            _ => false,
        };
        if (first.is_ascii_lowercase() || first.is_ascii_digit()) && !hyphen_after {
            i += 1;
            continue;
        }
        let starts = is_name_word(a, t)
            || (tokens
                .get(i + 1)
                .is_some_and(|n| t.hyphen_joined(n, a.text) && is_name_word(a, n))
                && is_particle(a, t));
        // A word of a URL, an address, a handle or a hashtag ("@EU_Energy") is not a name as
        // the writer spells it.
        if !starts || a.in_barrier(t.span.start) {
            i += 1;
            continue;
        }
        let mut last = i;
        while let Some(next) = tokens.get(last + 1) {
            if !tokens[last].hyphen_joined(next, a.text) {
                break;
            }
            if is_name_word(a, next) || next.kind == TokenKind::Number {
                last += 1;
                continue;
            }
            let bridged = tokens.get(last + 2).is_some_and(|after| {
                is_connector(a, next) && next.hyphen_joined(after, a.text) && is_name_word(a, after)
            });
            if bridged {
                last += 2;
                continue;
            }
            break;
        }
        if last == i && a.is_sentence_start(t.span.start) {
            openers.push(out.len());
        }
        out.push(Span::new(t.span.start, tokens[last].span.end));
        i = last + 1;
    }
    drop_common_words(a, &openers, out);
    join_spaced_compounds(a, first, out);
}

/// Removes the lone sentence openers (`openers`, indices into `names`) that the document also
/// writes in lowercase: common words ("Pendant", "Cette"), not names.
fn drop_common_words(a: &Analysis<'_>, openers: &[usize], names: &mut Vec<Span>) {
    if openers.is_empty() {
        return;
    }
    let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
    let wanted: FxHashSet<String> = openers
        .iter()
        .map(|&k| lower(names[k].slice(a.text)))
        .collect();
    // A sieve on first byte and length spares hashing most words of the document.
    let slot = |w: &str| (usize::from(w.as_bytes()[0]), 1u64 << w.len().min(63));
    let mut sieve = [0u64; 256];
    for w in &wanted {
        let (first, length) = slot(w);
        sieve[first] |= length;
    }
    let bytes = a.text.as_bytes();
    let written: FxHashSet<&str> = a
        .tokens
        .iter()
        .filter(|t| {
            // The sieve first, on the bytes: most tokens stop here.
            let length = 1u64 << t.span.len().min(63);
            t.kind == TokenKind::Word
                && !t.elided
                && sieve[usize::from(bytes[t.span.start])] & length != 0
        })
        .map(|t| t.text(a.text))
        .filter(|w| wanted.contains(*w) && w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let mut openers = openers.iter().copied().peekable();
    let mut at = 0;
    names.retain(|name| {
        let opener = openers.next_if_eq(&at).is_some();
        at += 1;
        !(opener && written.contains(lower(name.slice(a.text)).as_str()))
    });
}

/// For each name of `names` (as found by [`name_spans`]), the index of the name right before
/// it and right after it, when they are written together as one person's name: separated by
/// a space, or by particles ("Mohammed ben Salmane"). A name opening its sentence is nobody's
/// neighbour: it may be a common word.
pub(crate) fn neighbours(a: &Analysis<'_>, names: &[Span]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut out = vec![(None, None); names.len()];
    for i in 1..names.len() {
        let (prev, next) = (names[i - 1], names[i]);
        let gap = &a.text[prev.end..next.start];
        let together = gap.starts_with([' ', '\u{a0}', '\u{202f}'])
            && gap.len() <= 16
            && gap
                .split([' ', '\u{a0}', '\u{202f}'])
                .all(|w| w.is_empty() || a.target.is_name_particle(w));
        if together && !a.is_sentence_start(prev.start) {
            out[i].0 = Some(i - 1);
            out[i - 1].1 = Some(i);
        }
    }
    out
}

/// True for a word that can be (part of) a name: capitalized, two letters at least, not a
/// function word of the language ("Le", "EN"), not a common noun of a language that
/// capitalizes nouns ("Regierung").
fn is_name_word(a: &Analysis<'_>, t: &Token) -> bool {
    if t.kind != TokenKind::Word || t.elided || !t.is_capitalized(a.text) {
        return false;
    }
    let word = t.text(a.text);
    // Two letters: most names start with two ASCII ones.
    let two_letters = matches!(word.as_bytes(), [x, y, ..] if x.is_ascii_alphabetic() && y.is_ascii_alphabetic())
        || word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some();
    two_letters
        && (word.len() > FUNCTION_WORD_MAX || !a.target.is_function_word(word))
        && !a
            .target
            .is_capitalized_common_word(word, CAPITALIZED_COMMON_ZIPF)
}

/// A lowercase name particle that may open a hyphenated name: al-Assad, ben-Gourion.
fn is_particle(a: &Analysis<'_>, t: &Token) -> bool {
    t.kind == TokenKind::Word && !t.elided && a.target.is_name_particle(t.text(a.text))
}

/// A short lowercase word between two capitalized parts of a hyphenated name.
fn is_connector(a: &Analysis<'_>, t: &Token) -> bool {
    let word = t.text(a.text);
    t.kind == TokenKind::Word
        && !t.elided
        && word.chars().count() <= CONNECTOR_MAX
        && word.chars().all(char::is_lowercase)
}

/// Replaces two (or three) adjacent names separated by one space with the spaced compound,
/// when the document also writes that compound with hyphens or in one word: "Haut Karabakh"
/// beside "Haut-Karabakh" is one name spelled two ways, not two names. A name after a
/// capitalized particle is joined the same way ("De Santis" beside "DeSantis").
fn join_spaced_compounds(a: &Analysis<'_>, first: usize, out: &mut Vec<Span>) {
    let names = &out[first..];
    // Names repeat: key each distinct spelling once.
    let texts: FxHashSet<&str> = names.iter().map(|s| s.slice(a.text)).collect();
    let written: FxHashSet<String> = texts.into_iter().map(joined_key).collect();
    let spaced = |x: &Span, y: &Span| {
        let gap = &a.text[x.end..y.start];
        let mut chars = gap.chars();
        matches!(chars.next(), Some(' ' | '\u{a0}' | '\u{202f}')) && chars.next().is_none()
    };
    // A capitalized particle before a name, where the document also writes them as one
    // word: "De Santis" beside "DeSantis", "Van Persie" beside "VanPersie".
    let with_particle = |name: &Span| {
        let particle = a
            .token_before(name.start)
            .filter(|t| is_particle(a, t) && t.is_capitalized(a.text))?;
        let span = Span::new(particle.span.start, name.end);
        (spaced(&particle.span, name) && written.contains(&joined_key(span.slice(a.text))))
            .then_some(span)
    };
    let mut joined: Vec<Span> = Vec::with_capacity(names.len());
    let mut i = 0;
    while i < names.len() {
        if let Some(span) = with_particle(&names[i]) {
            joined.push(span);
            i += 1;
            continue;
        }
        let mut taken = 1;
        for n in [3usize, 2] {
            if i + n > names.len() || !(i..i + n - 1).all(|k| spaced(&names[k], &names[k + 1])) {
                continue;
            }
            let span = Span::new(names[i].start, names[i + n - 1].end);
            if written.contains(&joined_key(span.slice(a.text))) {
                joined.push(span);
                taken = n;
                break;
            }
        }
        if taken == 1 {
            joined.push(names[i]);
        }
        i += taken;
    }
    out.truncate(first);
    out.extend(joined);
}
