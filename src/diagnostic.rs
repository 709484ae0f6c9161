//! The finding model shared by every check, renderer and fixer.
//!
//! A [`Diagnostic`] says what is wrong and where (a byte [`Span`] of the original file), and
//! may offer [`Fix`]es made of [`Edit`]s. Nothing here knows about files, formats or output.

use std::fmt;

/// A byte range `start..end` of the original file content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start` must not be after `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The same range `by` bytes later (a piece's span in its whole document).
    pub fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; house style.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: a reader will notice.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How safe a fix is to apply without a human looking. Ordered: `DisplayOnly < Unsafe < Safe`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Shown, never applied (e.g. "translate this fragment").
    DisplayOnly,
    /// Applied only on request or when accepted interactively (a guess, a majority vote).
    Unsafe,
    /// Applied by `--fix`: a glossary says exactly what is right.
    Safe,
}

impl Applicability {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace the bytes of `span` with `replacement` (insert when the span is empty, delete when
/// the replacement is empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced.
    pub span: Span,
    /// Their new content.
    pub replacement: String,
}

impl Edit {
    /// Replaces `span` with `replacement`.
    pub fn replace(span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    /// Deletes `span`.
    pub fn delete(span: Span) -> Edit {
        Edit::replace(span, "")
    }
}

/// One way to fix a finding: edits applied together, sorted by position, never overlapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, e.g. "replace with `Newsweek`".
    pub message: String,
    /// How safe it is to apply unattended.
    pub applicability: Applicability,
    /// The edits, sorted by start offset.
    pub edits: Vec<Edit>,
}

impl Fix {
    fn new(message: String, applicability: Applicability, mut edits: Vec<Edit>) -> Fix {
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix {
            message,
            applicability,
            edits,
        }
    }

    /// A fix that `--fix` applies.
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(message.into(), Applicability::Safe, edits)
    }

    /// A fix applied only on request.
    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(message.into(), Applicability::Unsafe, edits)
    }

    /// A fix that is shown, never applied.
    pub fn display_only(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(message.into(), Applicability::DisplayOnly, edits)
    }

    /// The span covering every edit of the fix.
    pub fn span(&self) -> Option<Span> {
        let first = self.edits.first()?;
        let last = self.edits.iter().map(|e| e.span.end).max()?;
        Some(Span::new(first.span.start, last))
    }
}

/// A finding: rule, severity, place, explanation and possible fixes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable rule id, e.g. `translated-name`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where it is, in bytes of the original file.
    pub span: Span,
    /// One sentence for the reader.
    pub message: String,
    /// Ways to fix it; the first is the default.
    pub fixes: Vec<Fix>,
    /// Other places that explain this one (e.g. the majority spelling).
    pub related: Vec<(Span, String)>,
    /// The span is the sentence the finding is about, not the words at fault ("the
    /// translation lacks a number the source has"): it neither hides the narrower findings
    /// inside it nor is hidden by them.
    pub broad: bool,
}

impl Diagnostic {
    /// A finding with no fix and nothing related.
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            span,
            message: message.into(),
            fixes: Vec::new(),
            related: Vec::new(),
            broad: false,
        }
    }

    /// Marks the span as the sentence the finding is about (see [`Diagnostic::broad`]).
    pub fn broad(mut self) -> Diagnostic {
        self.broad = true;
        self
    }

    /// Adds a fix (the first added is the default).
    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        self.fixes.push(fix);
        self
    }

    /// Adds a related place.
    pub fn with_related(mut self, span: Span, note: impl Into<String>) -> Diagnostic {
        self.related.push((span, note.into()));
        self
    }
}
