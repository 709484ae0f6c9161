//! Options shared by the commands that read articles (`check`, `fix`): inputs, glossaries,
//! languages, formats; and reading the inputs.

use super::print_error;
use clap::{Args, ValueEnum};
use mtlint::config::{ConsistencyScope, FailOn, Settings};
use mtlint::diagnostic::Severity;
use mtlint::document::{Document, Format};
use mtlint::glossary::{self, Glossary, Lang};
use mtlint::input::{self, Source};
use std::path::{Path, PathBuf};

/// Pooling of spellings for `inconsistent-spelling`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ScopeArg {
    /// Each file on its own.
    File,
    /// All files of the run together.
    Batch,
}

/// What every article-reading command takes.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Articles; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// The name standard input is reported under (its extension also picks the format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Add a glossary (TOML); repeatable.
    #[arg(short, long = "glossary", value_name = "FILE")]
    pub glossaries: Vec<PathBuf>,

    /// Do not use the embedded default glossary (English → French news).
    #[arg(long)]
    pub no_default_glossary: bool,

    /// Read inputs as this format instead of guessing from the extension (`.md`, `.markdown`,
    /// `.html`, `.htm`; anything else is plain text).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<Format>,

    /// Language of the articles.
    #[arg(long = "lang", value_name = "CODE", default_value = "fr", value_parser = parse_lang)]
    pub target: Lang,

    /// Language the articles were translated from.
    #[arg(long, value_name = "CODE", default_value = "en", value_parser = parse_lang)]
    pub source_lang: Lang,

    /// Compare spellings within each file, or across all files of the run.
    #[arg(long, value_enum, default_value_t = ScopeArg::File, value_name = "SCOPE")]
    pub consistency_scope: ScopeArg,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        format!(
            "unknown format `{name}`; known: {}",
            Format::NAMES.join(", ")
        )
    })
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!("unknown language `{code}`; known: {}", known.join(", "))
    })
}

/// One input that could be read: where it came from, its content and its format.
#[derive(Debug)]
pub struct Input {
    /// The path, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// Its name and content.
    pub source: Source,
    /// How to read it.
    pub format: Format,
}

impl Input {
    /// The document to check.
    pub fn document(&self) -> Document {
        Document::parse(self.source.clone(), self.format)
    }

    /// The document for another version of the same input (after fixes).
    pub fn document_with(&self, text: &str) -> Document {
        Document::parse(
            Source {
                name: self.source.name.clone(),
                text: text.to_owned(),
            },
            self.format,
        )
    }
}

impl CommonArgs {
    /// The run's settings; `fail_on` comes from the command.
    pub fn settings(&self, fail_on: Severity) -> Settings {
        Settings {
            target: self.target,
            source: self.source_lang,
            fail_on: FailOn::Severity(fail_on),
            consistency_scope: match self.consistency_scope {
                ScopeArg::File => ConsistencyScope::File,
                ScopeArg::Batch => ConsistencyScope::Batch,
            },
        }
    }

    /// The default glossary (unless disabled) plus every `--glossary` file; every error is
    /// printed, and `None` returned if there was one.
    pub fn glossary(&self) -> Option<Glossary> {
        let mut glossary = if self.no_default_glossary {
            Glossary::default()
        } else {
            glossary::default_glossary()
        };
        let mut ok = true;
        for path in &self.glossaries {
            match glossary::load_file(path) {
                Ok(g) => glossary.extend(g),
                Err(errors) => {
                    ok = false;
                    for e in errors {
                        print_error(e);
                    }
                }
            }
        }
        ok.then_some(glossary)
    }

    fn format_for(&self, path: Option<&Path>) -> Format {
        if let Some(format) = self.input_format {
            return format;
        }
        match (path, &self.stdin_filename) {
            (Some(p), _) => Format::from_path(p),
            (None, Some(name)) => Format::from_path(Path::new(name)),
            (None, None) => Format::Text,
        }
    }

    /// Reads every input; problems are printed and make the second value true.
    pub fn read_inputs(&self) -> (Vec<Input>, bool) {
        let mut inputs = Vec::new();
        let mut failed = false;
        let mut stdin_used = false;
        for path in &self.paths {
            let is_stdin = path.as_os_str() == "-";
            let source = if is_stdin {
                if stdin_used {
                    print_error("`-` (standard input) is given more than once");
                    failed = true;
                    continue;
                }
                stdin_used = true;
                input::read_stdin(self.stdin_filename.as_deref().unwrap_or("-"))
            } else {
                input::read_path(path)
            };
            let path = (!is_stdin).then(|| path.clone());
            match source {
                Ok(source) => inputs.push(Input {
                    format: self.format_for(path.as_deref()),
                    path,
                    source,
                }),
                Err(e) => {
                    print_error(e);
                    failed = true;
                }
            }
        }
        (inputs, failed)
    }
}
