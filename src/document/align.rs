//! Paragraph alignment of a translation with its source (`--source`): the n-th paragraph of
//! the target translates the n-th paragraph of the source. Fills [`Document::pairs`]; when the
//! paragraph counts differ it does not guess, it says where the files first stop
//! corresponding.
//!
//! A paragraph is a prose segment of the format module, split at blank lines: blank-line
//! paragraphs for plain text, blocks (paragraphs, headings, list items…) for Markdown.

use super::{Document, SegmentPair};
use crate::diagnostic::Span;
use std::fmt;

/// Why two documents cannot be aligned by paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlignError {
    message: String,
}

impl fmt::Display for AlignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AlignError {}

/// The paragraphs of a document, as trimmed byte ranges of its prose, in order.
pub fn paragraphs(doc: &Document) -> Vec<Span> {
    let prose = doc.prose();
    let mut out = Vec::new();
    for seg in &doc.segments {
        let text = seg.slice(prose);
        let mut start = 0;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if line.trim().is_empty() {
                push_trimmed(
                    prose,
                    Span::new(seg.start + start, seg.start + at),
                    &mut out,
                );
                start = at + line.len();
            }
            at += line.len();
        }
        push_trimmed(prose, Span::new(seg.start + start, seg.end), &mut out);
    }
    out
}

fn push_trimmed(prose: &str, span: Span, out: &mut Vec<Span>) {
    let text = span.slice(prose);
    let trimmed = text.trim_start();
    let start = span.start + (text.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if end > start {
        out.push(Span::new(start, end));
    }
}

/// Pairs each paragraph of `target` with the paragraph of `source` at the same place: ids
/// `paragraph 1`, `paragraph 2`…; source spans are bytes of the source file.
pub fn align(target: &Document, source: &Document) -> Result<Vec<SegmentPair>, AlignError> {
    let t = paragraphs(target);
    let s = paragraphs(source);
    if t.len() != s.len() {
        return Err(AlignError {
            message: mismatch_message(target, &t, source, &s),
        });
    }
    Ok(t.iter()
        .zip(&s)
        .enumerate()
        .map(|(i, (&tp, &sp))| SegmentPair {
            id: format!("paragraph {}", i + 1),
            source: sp.slice(source.prose()).to_owned(),
            source_span: source.to_original(sp),
            target: tp,
        })
        .collect())
}

/// How much two paragraphs look like a text and its translation, from 0 to 1: the digits
/// they share (locale-free: "1,000.5" and "1 000,5" both hold 1, 000 and 5), the capitalised
/// words they share (names mostly survive translation) and their length ratio.
fn resemblance(a: &str, b: &str) -> f32 {
    fn overlap(x: &[String], y: &[String]) -> Option<f32> {
        if x.is_empty() && y.is_empty() {
            return None;
        }
        let mut rest: Vec<&String> = y.iter().collect();
        let mut shared = 0;
        for w in x {
            if let Some(k) = rest.iter().position(|v| *v == w) {
                rest.swap_remove(k);
                shared += 1;
            }
        }
        Some(shared as f32 / x.len().max(y.len()) as f32)
    }
    let digits = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_ascii_digit())
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // The first four letters, so that cognates match: "Institute" and "Institut".
    let names = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| {
                crate::text::fold::strip_diacritics(w)
                    .to_lowercase()
                    .chars()
                    .take(4)
                    .collect()
            })
            .collect()
    };
    let (la, lb) = (a.chars().count() as f32, b.chars().count() as f32);
    let mut parts = vec![la.min(lb) / la.max(lb).max(1.0)];
    parts.extend(overlap(&digits(a), &digits(b)));
    parts.extend(overlap(&names(a), &names(b)));
    parts.iter().sum::<f32>() / parts.len() as f32
}

/// How much better a shifted pairing must look before it is named as the break.
const SHIFT_MARGIN: f32 = 0.1;

fn mismatch_message(target: &Document, t: &[Span], source: &Document, s: &[Span]) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut message = format!(
        "paragraphs do not align: source {} has {} paragraph{}, target {} has {}; each target \
         paragraph must translate the source paragraph at the same place",
        source.name,
        s.len(),
        plural(s.len()),
        target.name,
        t.len()
    );
    let at = |doc: &Document, p: &[Span], i: usize| {
        let offset = p
            .get(i)
            .map_or(doc.original.len(), |&sp| doc.to_original(sp).start);
        let (line, col) = line_column(&doc.original, offset);
        format!("{}:{line}:{col}", doc.name)
    };
    let text = |doc: &Document, p: &[Span], i: usize| p[i].slice(doc.prose()).to_owned();
    let common = t.len().min(s.len());
    for i in 0..common {
        let here = resemblance(&text(source, s, i), &text(target, t, i));
        if t.len() > s.len() && i + 1 < t.len() {
            let shifted = resemblance(&text(source, s, i), &text(target, t, i + 1));
            if shifted > here + SHIFT_MARGIN {
                message.push_str(&format!(
                    "; alignment first looks broken at target paragraph {} ({}): source \
                     paragraph {} ({}) reads like target paragraph {}, so the target may have \
                     a paragraph split or added there",
                    i + 1,
                    at(target, t, i),
                    i + 1,
                    at(source, s, i),
                    i + 2
                ));
                return message;
            }
        }
        if s.len() > t.len() && i + 1 < s.len() {
            let shifted = resemblance(&text(source, s, i + 1), &text(target, t, i));
            if shifted > here + SHIFT_MARGIN {
                message.push_str(&format!(
                    "; alignment first looks broken at target paragraph {} ({}): it reads like \
                     source paragraph {} ({}), so source paragraph {} may be missing from the \
                     target or merged there",
                    i + 1,
                    at(target, t, i),
                    i + 2,
                    at(source, s, i + 1),
                    i + 1
                ));
                return message;
            }
        }
    }
    let (longer, name, p) = if t.len() > s.len() {
        ("target", target, t)
    } else {
        ("source", source, s)
    };
    message.push_str(&format!(
        "; the first {common} paragraph{} correspond, the {longer} goes on at {}",
        plural(common),
        at(name, p, common)
    ));
    message
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::input::Source;

    fn doc(name: &str, text: &str, format: Format) -> Document {
        Document::parse(
            Source {
                name: name.into(),
                text: text.into(),
            },
            format,
        )
        .expect("parses")
    }

    #[test]
    fn text_paragraphs_are_split_at_blank_lines() {
        let d = doc(
            "a.txt",
            "\u{feff}One.\nStill one.\n\n  \nTwo.\n\n",
            Format::Text,
        );
        let p: Vec<&str> = paragraphs(&d).iter().map(|s| s.slice(d.prose())).collect();
        assert_eq!(p, ["One.\nStill one.", "Two."]);
    }

    #[test]
    fn pairs_carry_source_text_and_spans_of_both_files() {
        let s = doc("s.md", "# Title\n\nThe *first* one.\n", Format::Markdown);
        let t = doc("t.txt", "Titre\n\nLe premier.\n", Format::Text);
        let pairs = align(&t, &s).expect("aligned");
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[1].id, "paragraph 2");
        assert_eq!(pairs[1].source, "The first one.");
        assert_eq!(pairs[1].source_span.slice(&s.original), "The *first* one.");
        assert_eq!(pairs[1].target.slice(t.prose()), "Le premier.");
    }

    #[test]
    fn a_count_mismatch_names_both_files_and_the_first_break() {
        let s = doc(
            "s.txt",
            "Joe Biden met 12 leaders.\n\nThe talks in Geneva lasted 3 days.\n\nThey end.\n",
            Format::Text,
        );
        let t = doc(
            "t.txt",
            "Joe Biden a rencontré 12 dirigeants.\n\nUn paragraphe ajouté sans rapport.\n\n\
             Les pourparlers de Genève ont duré 3 jours.\n\nIls finissent.\n",
            Format::Text,
        );
        let e = align(&t, &s).expect_err("counts differ").to_string();
        assert!(
            e.contains("source s.txt has 3 paragraphs, target t.txt has 4"),
            "{e}"
        );
        assert!(e.contains("target paragraph 2 (t.txt:3:1)"), "{e}");
    }

    #[test]
    fn a_missing_source_paragraph_is_located() {
        let s = doc(
            "s.txt",
            "Intro with 5 people.\n\nGeneva hosted 40 delegates in 2024.\n\nParis followed.\n",
            Format::Text,
        );
        let t = doc(
            "t.txt",
            "Genève a reçu 40 délégués en 2024.\n\nParis a suivi.\n",
            Format::Text,
        );
        let e = align(&t, &s).expect_err("counts differ").to_string();
        assert!(e.contains("target paragraph 1 (t.txt:1:1)"), "{e}");
        assert!(e.contains("source paragraph 1 may be missing"), "{e}");
    }

    #[test]
    fn extra_paragraphs_at_the_end_are_located() {
        let s = doc("s.txt", "Alpha 1.\n", Format::Text);
        let t = doc("t.txt", "Alpha 1.\n\nBeta 2.\n", Format::Text);
        let e = align(&t, &s).expect_err("counts differ").to_string();
        assert!(e.contains("the target goes on at t.txt:3:1"), "{e}");
    }
}
