//! An article's suggested changes: the default fix of every finding applied at once, and the
//! diff of the result as hunks of whole lines with the changed parts marked.
//!
//! The diff is exact, not guessed: it is made from the edits themselves, so a hunk shows
//! precisely the bytes a fix changes. Renderers (HTML, Markdown) only lay hunks out.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Span};
use crate::render::LineIndex;

/// The default fix of every finding that can be applied, without overlaps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SuggestedChanges {
    /// For each finding (by index), whether its default fix is among the edits.
    pub applied: Vec<bool>,
    /// The edits, sorted by position, never overlapping.
    pub edits: Vec<Edit>,
}

/// Index of the fix a finding applies by default: its first fix that is not display-only and
/// edits something.
pub fn default_fix(d: &Diagnostic) -> Option<usize> {
    d.fixes
        .iter()
        .position(|f| f.applicability != Applicability::DisplayOnly && !f.edits.is_empty())
}

/// Takes the default fix of each finding in order, skipping a fix that overlaps one taken
/// before it (as `--fix` does).
pub fn suggested_changes(text: &str, diagnostics: &[Diagnostic]) -> SuggestedChanges {
    let mut taken: Vec<Span> = Vec::new();
    let mut changes = SuggestedChanges {
        applied: vec![false; diagnostics.len()],
        edits: Vec::new(),
    };
    for (i, d) in diagnostics.iter().enumerate() {
        let Some(fix) = default_fix(d).map(|x| &d.fixes[x]) else {
            continue;
        };
        let fits = fix.edits.iter().all(|e| {
            e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
                && !taken.iter().any(|t| overlaps_or_same_point(*t, e.span))
        });
        if !fits {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| e.span));
        changes.edits.extend(fix.edits.iter().cloned());
        changes.applied[i] = true;
    }
    changes.edits.sort_by_key(|e| (e.span.start, e.span.end));
    changes
}

/// Spans that share a byte, or two insertions at the same place.
fn overlaps_or_same_point(a: Span, b: Span) -> bool {
    a.overlaps(b) || a.start == b.start
}

/// A run of whole lines changed by one or more edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hunk {
    /// 1-based number of the first line.
    pub line: usize,
    /// The lines' bytes in the original text, without the last line break.
    pub lines: Span,
    /// The edits inside, sorted.
    pub edits: Vec<Edit>,
}

/// A piece of a hunk side: text, and whether it is changed.
pub type Piece<'a> = (&'a str, bool);

impl Hunk {
    /// The original side: unchanged text and the replaced bytes.
    pub fn before<'a>(&'a self, text: &'a str) -> Vec<Piece<'a>> {
        let mut out = Vec::new();
        let mut at = self.lines.start;
        for e in &self.edits {
            out.push((&text[at..e.span.start], false));
            out.push((e.span.slice(text), true));
            at = e.span.end;
        }
        out.push((&text[at..self.lines.end], false));
        out.retain(|(s, _)| !s.is_empty());
        out
    }

    /// The corrected side: unchanged text and the replacements.
    pub fn after<'a>(&'a self, text: &'a str) -> Vec<Piece<'a>> {
        let mut out = Vec::new();
        let mut at = self.lines.start;
        for e in &self.edits {
            out.push((&text[at..e.span.start], false));
            out.push((e.replacement.as_str(), true));
            at = e.span.end;
        }
        out.push((&text[at..self.lines.end], false));
        out.retain(|(s, _)| !s.is_empty());
        out
    }
}

/// The hunks of sorted, non-overlapping edits: the lines each edit touches, merged when they
/// share a line.
pub fn hunks(text: &str, edits: &[Edit]) -> Vec<Hunk> {
    let index = LineIndex::new(text);
    let mut out: Vec<Hunk> = Vec::new();
    for e in edits {
        let lines = index.lines_around(e.span);
        match out.last_mut() {
            Some(h) if lines.start <= h.lines.end => {
                h.lines.end = h.lines.end.max(lines.end);
                h.edits.push(e.clone());
            }
            _ => out.push(Hunk {
                line: index.position(lines.start).line,
                lines,
                edits: vec![e.clone()],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};

    fn finding(text: &str, needle: &str, fixes: Vec<Fix>) -> Diagnostic {
        let start = text.find(needle).unwrap();
        let mut d = Diagnostic::new(
            "r",
            Severity::Error,
            Span::new(start, start + needle.len()),
            "m",
        );
        d.fixes = fixes;
        d
    }

    fn replace(text: &str, needle: &str, by: &str) -> Edit {
        let start = text.find(needle).unwrap();
        Edit::replace(Span::new(start, start + needle.len()), by)
    }

    #[test]
    fn default_fixes_skip_display_only_and_overlaps() {
        let text =
            "Selon Semaine d’actualités, le Journal de Wall Street dit.\r\nLigne deux : Pashinyan.";
        let findings = [
            finding(
                text,
                "Semaine d’actualités",
                vec![
                    Fix::display_only("look", vec![]),
                    Fix::safe("n", vec![replace(text, "Semaine d’actualités", "Newsweek")]),
                ],
            ),
            finding(
                text,
                "Journal de Wall Street",
                vec![Fix::safe(
                    "w",
                    vec![replace(
                        text,
                        "le Journal de Wall Street",
                        "le Wall Street Journal",
                    )],
                )],
            ),
            // Overlaps the previous fix's edit: skipped.
            finding(
                text,
                "Wall Street",
                vec![Fix::unsafe_("x", vec![replace(text, "Wall Street", "X")])],
            ),
            finding(
                text,
                "Pashinyan",
                vec![Fix::unsafe_(
                    "p",
                    vec![replace(text, "Pashinyan", "Pachinian")],
                )],
            ),
            finding(
                text,
                "deux",
                vec![Fix::display_only("d", vec![replace(text, "deux", "2")])],
            ),
        ];
        let changes = suggested_changes(text, &findings);
        assert_eq!(changes.applied, [true, true, false, true, false]);
        let hunks = hunks(text, &changes.edits);
        assert_eq!(hunks.len(), 2);
        assert_eq!(hunks[0].line, 1);
        assert_eq!(hunks[0].edits.len(), 2);
        let new: String = hunks[0].after(text).iter().map(|p| p.0).collect();
        assert_eq!(new, "Selon Newsweek, le Wall Street Journal dit.");
        let old: Vec<_> = hunks[1].before(text);
        assert_eq!(
            old,
            [("Ligne deux : ", false), ("Pashinyan", true), (".", false)]
        );
        assert_eq!(hunks[1].line, 2);
    }
}
