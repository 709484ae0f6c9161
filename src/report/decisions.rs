//! Decisions exported by the HTML report, turned back into edits of the source files and
//! written safely.
//!
//! The file format is described in the [`crate::report`] module docs. [`plan`] validates a
//! decisions file against the files on disk — each file exists and is UTF-8, every span lies
//! on character boundaries, the text at every span is still what the report saw, no two edits
//! overlap — and returns per-file edit lists; nothing is written unless every file is valid.
//! [`apply`] writes them with the write safety of `--fix`.

use crate::diagnostic::{Edit, Span};
use crate::fix::apply_edits;
use crate::fix::write::write_atomically;
use crate::input;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// The version of the decisions format this build reads and the report writes.
pub const VERSION: u32 = 1;

/// A whole decisions file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionsFile {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// What wrote it (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
    /// Decisions per article file.
    pub files: Vec<FileDecisions>,
}

/// The decisions on one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileDecisions {
    /// The article's path as given to `mtlint report`.
    pub path: String,
    /// One per accepted suggestion.
    pub decisions: Vec<Decision>,
}

/// One accepted suggestion: which finding, which of its fixes, and the fix's edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The finding's rule.
    pub rule: String,
    /// The finding's bytes.
    pub span: ByteRange,
    /// The finding's text when the report was made.
    pub text: String,
    /// Index of the chosen fix among the finding's fixes.
    pub fix: usize,
    /// The chosen fix's edits.
    pub edits: Vec<DecidedEdit>,
}

/// A byte range of the original file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteRange {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One edit of a chosen fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecidedEdit {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced.
    pub end: usize,
    /// The text replaced, as it was when the report was made.
    pub original: String,
    /// The new text.
    pub replacement: String,
}

/// Why decisions cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecisionsError {
    /// The decisions file could not be read.
    Read {
        /// The decisions file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The decisions file is not valid JSON of the format.
    Syntax {
        /// The decisions file.
        path: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        reason: String,
    },
    /// The format version is not one this build reads.
    Version {
        /// The decisions file.
        path: String,
        /// The version found.
        found: u32,
    },
    /// An article file cannot be used.
    Article {
        /// What reading it said.
        reason: String,
    },
    /// A decision does not fit the article as it is now.
    Span {
        /// The article.
        path: String,
        /// 1-based number of the decision in the article's list.
        decision: usize,
        /// What does not fit.
        problem: SpanProblem,
    },
    /// Two decided edits touch the same bytes.
    Overlap {
        /// The article.
        path: String,
        /// First byte of the later edit.
        at: usize,
    },
    /// Writing an article failed (the message names it).
    Write(String),
}

/// How a decided span does not fit the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpanProblem {
    /// Its end is before its start, or past the end of the file.
    OutOfBounds {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// Size of the file.
        len: usize,
    },
    /// An offset falls inside a character.
    InsideCharacter {
        /// The offset.
        at: usize,
    },
    /// The text there is not the text the report saw.
    Changed {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// The text the report saw.
        expected: String,
        /// The text there now.
        found: String,
    },
}

impl fmt::Display for SpanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpanProblem::OutOfBounds { start, end, len } => write!(
                f,
                "bytes {start}..{end} are outside the file ({len} bytes); was it shortened since the report?"
            ),
            SpanProblem::InsideCharacter { at } => {
                write!(f, "byte {at} falls inside a character")
            }
            SpanProblem::Changed {
                start,
                end,
                expected,
                found,
            } => write!(
                f,
                "the text at bytes {start}..{end} changed since the report: expected `{expected}`, found `{found}`"
            ),
        }
    }
}

impl fmt::Display for DecisionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecisionsError::Read { path, reason } => {
                write!(f, "{path}: cannot read the decisions file: {reason}")
            }
            DecisionsError::Syntax {
                path,
                line,
                column,
                reason,
            } => write!(
                f,
                "{path}:{line}:{column}: not a decisions file of `mtlint report`: {reason}"
            ),
            DecisionsError::Version { path, found } => write!(
                f,
                "{path}: decisions format version {found} is not supported (this mtlint reads version {VERSION})"
            ),
            DecisionsError::Article { reason } => write!(f, "{reason}"),
            DecisionsError::Span {
                path,
                decision,
                problem,
            } => write!(f, "{path}: decision {decision}: {problem}"),
            DecisionsError::Overlap { path, at } => write!(
                f,
                "{path}: two decided fixes change the same text (at byte {at}); keep one of them"
            ),
            DecisionsError::Write(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for DecisionsError {}

/// The edits to make in one article, validated against its current content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePlan {
    /// The article's path.
    pub path: PathBuf,
    /// Its current content.
    pub original: String,
    /// The edits, sorted, not overlapping.
    pub edits: Vec<Edit>,
    /// The content with the edits applied.
    pub fixed: String,
}

/// Parses a decisions file's content; `path` names it in errors.
pub fn parse(json: &str, path: &str) -> Result<DecisionsFile, DecisionsError> {
    let file: DecisionsFile = serde_json::from_str(json).map_err(|e| DecisionsError::Syntax {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        reason: {
            let message = e.to_string();
            match message.rsplit_once(" at line ") {
                Some((what, _)) => what.to_owned(),
                None => message,
            }
        },
    })?;
    if file.version != VERSION {
        return Err(DecisionsError::Version {
            path: path.to_owned(),
            found: file.version,
        });
    }
    Ok(file)
}

/// Reads and parses a decisions file.
pub fn load(path: &Path) -> Result<DecisionsFile, DecisionsError> {
    let name = path.display().to_string();
    let json = std::fs::read_to_string(path).map_err(|e| DecisionsError::Read {
        path: name.clone(),
        reason: input::describe_io_error(&e),
    })?;
    parse(&json, &name)
}

fn check_span(text: &str, start: usize, end: usize, expected: &str) -> Result<(), SpanProblem> {
    if start > end || end > text.len() {
        return Err(SpanProblem::OutOfBounds {
            start,
            end,
            len: text.len(),
        });
    }
    for at in [start, end] {
        if !text.is_char_boundary(at) {
            return Err(SpanProblem::InsideCharacter { at });
        }
    }
    let found = &text[start..end];
    if found != expected {
        return Err(SpanProblem::Changed {
            start,
            end,
            expected: expected.to_owned(),
            found: found.to_owned(),
        });
    }
    Ok(())
}

/// Validates every decision against the files as they are now (relative paths are taken from
/// `base`) and returns one plan per file, in the file's order. Every problem of every file is
/// returned; a caller writes nothing unless the result is `Ok`.
pub fn plan(decisions: &DecisionsFile, base: &Path) -> Result<Vec<FilePlan>, Vec<DecisionsError>> {
    let mut plans: Vec<FilePlan> = Vec::new();
    let mut errors = Vec::new();
    for file in &decisions.files {
        if file.decisions.is_empty() {
            continue;
        }
        let path = base.join(&file.path);
        let name = file.path.clone();
        if file.path == "-" {
            errors.push(DecisionsError::Article {
                reason:
                    "-: decisions on standard input cannot be applied; report on the file itself"
                        .to_owned(),
            });
            continue;
        }
        let source = match input::read_path(&path) {
            Ok(s) => s,
            Err(e) => {
                errors.push(DecisionsError::Article {
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let text = source.text;
        let mut edits = Vec::new();
        let mut ok = true;
        for (i, d) in file.decisions.iter().enumerate() {
            let mut fail = |problem| {
                errors.push(DecisionsError::Span {
                    path: name.clone(),
                    decision: i + 1,
                    problem,
                });
            };
            if let Err(p) = check_span(&text, d.span.start, d.span.end, &d.text) {
                fail(p);
                ok = false;
                continue;
            }
            for e in &d.edits {
                match check_span(&text, e.start, e.end, &e.original) {
                    Ok(()) => edits.push(Edit::replace(
                        Span::new(e.start, e.end),
                        e.replacement.clone(),
                    )),
                    Err(p) => {
                        fail(p);
                        ok = false;
                    }
                }
            }
        }
        if !ok {
            continue;
        }
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        edits.dedup();
        if let Some(w) = edits
            .windows(2)
            .find(|w| w[1].span.start < w[0].span.end || w[1].span.start == w[0].span.start)
        {
            errors.push(DecisionsError::Overlap {
                path: name,
                at: w[1].span.start,
            });
            continue;
        }
        match apply_edits(&text, &edits) {
            Ok(fixed) => plans.push(FilePlan {
                path,
                original: text,
                edits,
                fixed,
            }),
            Err(e) => errors.push(DecisionsError::Article {
                reason: format!("{name}: {e}"),
            }),
        }
    }
    if errors.is_empty() {
        Ok(plans)
    } else {
        Err(errors)
    }
}

/// Writes every plan with the write safety of `--fix` ([`write_atomically`]: a synced
/// temporary file renamed over the original, permissions kept, nothing written if the file
/// changed since it was validated); stops at the first failure (files written before it stay
/// written, each whole).
pub fn apply(plans: &[FilePlan]) -> Result<(), DecisionsError> {
    for p in plans {
        write_atomically(&p.path, p.original.as_bytes(), &p.fixed)
            .map_err(|e| DecisionsError::Write(e.to_string()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(text: &str, needle: &str, replacement: &str) -> Decision {
        let start = text.find(needle).unwrap();
        let end = start + needle.len();
        Decision {
            rule: "translated-name".into(),
            span: ByteRange { start, end },
            text: needle.into(),
            fix: 0,
            edits: vec![DecidedEdit {
                start,
                end,
                original: needle.into(),
                replacement: replacement.into(),
            }],
        }
    }

    fn file(path: &str, decisions: Vec<Decision>) -> DecisionsFile {
        DecisionsFile {
            version: 1,
            generator: None,
            files: vec![FileDecisions {
                path: path.into(),
                decisions,
            }],
        }
    }

    #[test]
    fn valid_decisions_are_applied_atomically_with_permissions_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let text = "Selon Semaine d’actualités, Pashinyan a parlé.\r\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        std::fs::set_permissions(
            dir.path().join("a.txt"),
            std::fs::Permissions::from_mode(0o640),
        )
        .unwrap();
        let decisions = file(
            "a.txt",
            vec![
                decision(text, "Pashinyan", "Pachinian"),
                decision(text, "Semaine d’actualités", "Newsweek"),
            ],
        );
        let json = serde_json::to_string(&decisions).unwrap();
        let parsed = parse(&json, "d.json").unwrap();
        let plans = plan(&parsed, dir.path()).unwrap();
        assert_eq!(plans.len(), 1);
        apply(&plans).unwrap();
        let path = dir.path().join("a.txt");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "Selon Newsweek, Pachinian a parlé.\r\n"
        );
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left");
    }

    #[test]
    fn changed_text_bad_offsets_missing_files_and_overlaps_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Selon Semaine d’actualités, Pashinyan a parlé.";
        let d = decision(text, "Pashinyan", "Pachinian");
        std::fs::write(
            dir.path().join("a.txt"),
            text.replace("Pashinyan", "Pachinyan"),
        )
        .unwrap();
        let errors = plan(&file("a.txt", vec![d.clone()]), dir.path()).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "a.txt: decision 1: the text at bytes 31..40 changed since the report: expected `Pashinyan`, found `Pachinyan`"
        );
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let mut inside = d.clone();
        let e = text.find("’").unwrap() + 1;
        inside.span = ByteRange {
            start: e,
            end: e + 1,
        };
        let errors = plan(&file("a.txt", vec![inside]), dir.path()).unwrap_err();
        assert!(
            errors[0].to_string().contains("falls inside a character"),
            "{}",
            errors[0]
        );
        let mut far = d.clone();
        far.span = ByteRange {
            start: 10,
            end: 1000,
        };
        let errors = plan(&file("a.txt", vec![far]), dir.path()).unwrap_err();
        assert!(errors[0].to_string().contains("outside the file"));
        let errors = plan(&file("missing.txt", vec![d.clone()]), dir.path()).unwrap_err();
        assert!(
            errors[0].to_string().contains("no such file"),
            "{}",
            errors[0]
        );
        let mut other = d.clone();
        other.edits[0].replacement = "X".into();
        let errors = plan(&file("a.txt", vec![d, other]), dir.path()).unwrap_err();
        assert!(errors[0].to_string().contains("change the same text"));
        // Nothing was written.
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
            text
        );
    }

    #[test]
    fn malformed_files_and_other_versions_are_clear_errors() {
        let err = parse("{\"version\": 1,\n \"files\": 3}", "d.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "d.json:2:11: not a decisions file of `mtlint report`: invalid type: integer `3`, expected a sequence"
        );
        let err = parse("{\"version\": 2, \"files\": []}", "d.json").unwrap_err();
        assert!(err.to_string().contains("version 2 is not supported"));
    }
}
