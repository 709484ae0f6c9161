//! The report's read-and-check loop: the same inputs as `mtlint check` (files or standard
//! input, the format from the extension or `--input-format`, the default glossary plus
//! `--glossary` files), turned into checked results. It reads and checks; it never prints.

use crate::document::{Document, Format};
use crate::glossary::{self, Glossary, GlossaryError};
use crate::input::{self, InputError};
use crate::lint::{FileResult, Linter};
use std::fmt;
use std::path::{Path, PathBuf};

/// An input the loop could not use; the other inputs are still checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// The file or standard input could not be read.
    Unreadable(InputError),
    /// `-` was given more than once.
    StdinRepeated,
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputProblem::Unreadable(e) => e.fmt(f),
            InputProblem::StdinRepeated => {
                f.write_str("`-` (standard input) is given more than once")
            }
        }
    }
}

impl std::error::Error for InputProblem {}

/// How the inputs are read.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptions<'a> {
    /// Read every input as this format instead of guessing from the extension.
    pub input_format: Option<Format>,
    /// The name standard input is reported under (and whose extension gives its format).
    pub stdin_filename: Option<&'a str>,
}

/// What the loop produced: results in input order, and the inputs it could not read.
#[derive(Debug, Default)]
pub struct Checked {
    /// One result per readable input, in the order given.
    pub results: Vec<FileResult>,
    /// One problem per unreadable input.
    pub problems: Vec<InputProblem>,
}

/// The default glossary (unless `no_default`) extended by every file of `files`; every error
/// of every file is returned.
pub fn load_glossaries(
    no_default: bool,
    files: &[PathBuf],
) -> Result<Glossary, Vec<GlossaryError>> {
    let mut glossary = if no_default {
        Glossary::default()
    } else {
        glossary::default_glossary()
    };
    let mut errors = Vec::new();
    for path in files {
        match glossary::load_file(path) {
            Ok(g) => glossary.extend(g),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(glossary)
    } else {
        Err(errors)
    }
}

/// Reads every path (`-` is standard input) and checks it with `linter`.
pub fn check_paths(linter: &Linter, paths: &[PathBuf], options: ReadOptions<'_>) -> Checked {
    let mut checked = Checked::default();
    let mut stdin_used = false;
    let mut documents = Vec::with_capacity(paths.len());
    for path in paths {
        let is_stdin = path.as_os_str() == "-";
        let source = if is_stdin {
            if stdin_used {
                checked.problems.push(InputProblem::StdinRepeated);
                continue;
            }
            stdin_used = true;
            input::read_stdin(options.stdin_filename.unwrap_or("-"))
        } else {
            input::read_path(path)
        };
        let format =
            options
                .input_format
                .unwrap_or_else(|| match (is_stdin, options.stdin_filename) {
                    (true, Some(name)) => Format::from_path(Path::new(name)),
                    (true, None) => Format::Text,
                    (false, _) => Format::from_path(path),
                });
        match source {
            Ok(source) => documents.push(Document::parse(source, format)),
            Err(e) => checked.problems.push(InputProblem::Unreadable(e)),
        }
    }
    checked.results = check_documents(linter, documents);
    checked
}

/// Checks parsed documents, in order.
pub fn check_documents(linter: &Linter, documents: Vec<Document>) -> Vec<FileResult> {
    documents.into_iter().map(|d| linter.check(d)).collect()
}
