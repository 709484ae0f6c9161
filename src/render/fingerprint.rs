//! Stable fingerprints of findings, for the CI systems that follow a finding from one push to
//! the next (SARIF `partialFingerprints`, GitLab Code Quality `fingerprint`).
//!
//! A fingerprint is a hash of the rule, the flagged text and a few characters on each side of
//! it, with runs of whitespace folded to one space. It never depends on line numbers or byte
//! offsets, so editing another paragraph, moving this one or re-wrapping lines keeps it. When the
//! same rule flags the same text in the same context twice in a file, an occurrence number
//! tells the two apart. The recipe is versioned (`v1`): change it only with a new version.
//!
//! This module must not read files or know about output formats.

use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// The name of the fingerprint in SARIF `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "mtlintFingerprint/v1";

/// Characters of context taken on each side of the flagged text (after whitespace folding).
const CONTEXT_CHARS: usize = 16;

/// FNV-1a with 128-bit state: small, fixed by its specification, and the same on every
/// platform and release (unlike `std`'s hashers).
#[derive(Clone, Copy)]
struct Fnv1a128(u128);

impl Fnv1a128 {
    const OFFSET_BASIS: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

    fn new() -> Fnv1a128 {
        Fnv1a128(Self::OFFSET_BASIS)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// Writes one field followed by a separator no text field contains (ASCII unit separator),
    /// so that `("ab", "c")` and `("a", "bc")` hash differently.
    fn field(&mut self, s: &str) {
        self.write(s.as_bytes());
        self.write(&[0x1f]);
    }
}

/// Up to `n` characters of `chars`, with every run of whitespace folded to one space and no
/// space at either end. With `paragraph`, a blank line (two line breaks in one run of
/// whitespace) ends the window: context never reaches into another paragraph.
fn folded_window(chars: impl Iterator<Item = char>, n: usize, paragraph: bool) -> String {
    let mut out = String::new();
    let mut taken = 0;
    let mut pending_space = false;
    let mut breaks = 0;
    for c in chars {
        if c.is_whitespace() {
            pending_space = true;
            breaks += usize::from(c == '\n');
            if paragraph && breaks >= 2 {
                break;
            }
            continue;
        }
        let needed = 1 + usize::from(pending_space && taken > 0);
        if taken + needed > n {
            break;
        }
        if pending_space && taken > 0 {
            out.push(' ');
        }
        out.push(c);
        taken += needed;
        pending_space = false;
        breaks = 0;
    }
    out
}

/// Hands out the fingerprints of one file's findings, in order, counting repeated ones.
#[derive(Debug)]
pub struct Fingerprinter<'a> {
    text: &'a str,
    seen: HashMap<u128, usize>,
}

impl<'a> Fingerprinter<'a> {
    /// Fingerprints findings of the file whose whole text is `text`.
    pub fn new(text: &'a str) -> Fingerprinter<'a> {
        Fingerprinter {
            text,
            seen: HashMap::new(),
        }
    }

    /// The fingerprint of `d`: 32 hexadecimal digits, a colon and the occurrence number (1 for
    /// the first finding of this rule, text and context in the file). Call it once per finding,
    /// in the order of the findings.
    pub fn next(&mut self, d: &Diagnostic) -> String {
        let before: String =
            folded_window(self.text[..d.span.start].chars().rev(), CONTEXT_CHARS, true)
                .chars()
                .rev()
                .collect();
        let flagged = folded_window(d.span.slice(self.text).chars(), usize::MAX, false);
        let after = folded_window(self.text[d.span.end..].chars(), CONTEXT_CHARS, true);
        let mut h = Fnv1a128::new();
        h.field(d.rule);
        h.field(&flagged);
        h.field(&before);
        h.field(&after);
        let count = self.seen.entry(h.0).or_insert(0);
        *count += 1;
        format!("{:032x}:{count}", h.0)
    }
}

/// A fingerprint unique across a whole report: the file's path hashed with a finding's
/// [`Fingerprinter::next`] value. 32 hexadecimal digits.
pub fn report_fingerprint(path: &str, fingerprint: &str) -> String {
    let mut h = Fnv1a128::new();
    h.field(path);
    h.field(fingerprint);
    format!("{:032x}", h.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Severity, Span};

    fn finding(text: &str, flagged: &str, nth: usize) -> Diagnostic {
        let start = text.match_indices(flagged).nth(nth).unwrap().0;
        Diagnostic::new(
            "translated-name",
            Severity::Error,
            Span::new(start, start + flagged.len()),
            "m",
        )
    }

    fn fingerprint(text: &str, flagged: &str) -> String {
        Fingerprinter::new(text).next(&finding(text, flagged, 0))
    }

    #[test]
    fn fnv1a_128_matches_its_published_test_vector() {
        let mut h = Fnv1a128::new();
        h.write(b"a");
        assert_eq!(h.0, 0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964);
    }

    #[test]
    fn moving_lines_and_rewrapping_keep_the_fingerprint() {
        let text = "Selon Semaine d’actualités, le président a parlé.";
        let moved =
            "Un paragraphe ajouté.\n\nSelon Semaine\r\nd’actualités, le président  a parlé.";
        let a = fingerprint(text, "Semaine d’actualités");
        let b = Fingerprinter::new(moved).next(&Diagnostic::new(
            "translated-name",
            Severity::Error,
            Span::new(
                moved.find("Semaine").unwrap(),
                moved.find("d’actualités").unwrap() + "d’actualités".len(),
            ),
            "m",
        ));
        assert_eq!(a, b);
        assert!(a.ends_with(":1"));
        assert_eq!(a.len(), 34);
    }

    #[test]
    fn context_is_folded_and_stays_in_its_paragraph() {
        assert_eq!(folded_window("  a \r\n b  c".chars(), 16, true), "a b c");
        assert_eq!(folded_window("abc def".chars(), 4, true), "abc");
        assert_eq!(folded_window("ab\r\n\r\ncd".chars(), 16, true), "ab");
        assert_eq!(folded_window("ab\n\ncd".chars(), 16, false), "ab cd");
    }

    #[test]
    fn the_rule_the_text_and_the_context_change_the_fingerprint() {
        let text = "Selon Semaine d’actualités, le président a parlé.";
        let a = fingerprint(text, "Semaine d’actualités");
        assert_ne!(
            a,
            fingerprint(
                "Selon Semaine d’actualités, la ministre a parlé.",
                "Semaine d’actualités"
            )
        );
        assert_ne!(a, fingerprint(text, "Semaine"));
        let mut other_rule = finding(text, "Semaine d’actualités", 0);
        other_rule.rule = "wrong-term";
        assert_ne!(a, Fingerprinter::new(text).next(&other_rule));
    }

    #[test]
    fn repeated_findings_get_occurrence_numbers() {
        let text = "Le magazine américain X a confirmé la nouvelle hier soir. ".repeat(2);
        let mut f = Fingerprinter::new(&text);
        let first = f.next(&finding(&text, "X", 0));
        let second = f.next(&finding(&text, "X", 1));
        assert_ne!(first, second);
        assert_eq!(first[..32], second[..32]);
        assert!(second.ends_with(":2"));
        assert_ne!(
            report_fingerprint("a.txt", &first),
            report_fingerprint("b.txt", &first)
        );
    }
}
