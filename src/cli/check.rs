//! `mtlint check PATH…`: read, check, render, and choose the exit code.

use super::{print_error, print_stdout, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use clap::{Args, ValueEnum};
use mtlint::config::{ConsistencyScope, FailOn, Settings};
use mtlint::diagnostic::Severity;
use mtlint::document::{Document, Format};
use mtlint::glossary::{self, Glossary, Lang};
use mtlint::input;
use mtlint::jsonl::JsonlRunner;
use mtlint::lint::{FileResult, Linter};
use mtlint::render;
use std::path::Path;
use std::path::PathBuf;

/// Output formats of `mtlint check`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style snippets with the fix as a patch.
    Human,
    /// One line per finding.
    Concise,
    /// The stable JSON contract (version 1).
    Json,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The `--fail-on` threshold.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOnArg {
    /// Fail on errors.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

/// Pooling of spellings for `inconsistent-spelling`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ScopeArg {
    /// Each file on its own.
    File,
    /// All files of the run together.
    Batch,
}

/// Arguments of `mtlint check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles to check; `-` reads standard input.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// The name standard input is reported under.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,

    /// Add a glossary (TOML); repeatable.
    #[arg(short, long = "glossary", value_name = "FILE")]
    glossaries: Vec<PathBuf>,

    /// Do not use the embedded default glossary (English → French news).
    #[arg(long)]
    no_default_glossary: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,

    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOnArg::Error, value_name = "SEVERITY")]
    fail_on: FailOnArg,

    /// Language of the articles.
    #[arg(long = "lang", value_name = "CODE", default_value = "fr", value_parser = parse_lang)]
    target: Lang,

    /// Language the articles were translated from.
    #[arg(long, value_name = "CODE", default_value = "en", value_parser = parse_lang)]
    source_lang: Lang,

    /// Read inputs as this format instead of guessing from the extension (`.md`, `.markdown`,
    /// `.html`, `.htm`; anything else is plain text).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    input_format: Option<Format>,

    /// Read JSON Lines records (`{"id", "text", "format", "lang"}`) from the paths (or
    /// standard input) and write one JSON result line per record.
    #[arg(long)]
    jsonl: bool,

    /// Compare spellings within each file, or across all files of the run.
    #[arg(long, value_enum, default_value_t = ScopeArg::File, value_name = "SCOPE")]
    consistency_scope: ScopeArg,
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

impl CheckArgs {
    fn settings(&self) -> Settings {
        Settings {
            target: self.target,
            source: self.source_lang,
            fail_on: match self.fail_on {
                FailOnArg::Error => FailOn::Severity(Severity::Error),
                FailOnArg::Warning => FailOn::Severity(Severity::Warning),
                FailOnArg::Info => FailOn::Severity(Severity::Info),
                FailOnArg::Never => FailOn::Never,
            },
            consistency_scope: match self.consistency_scope {
                ScopeArg::File => ConsistencyScope::File,
                ScopeArg::Batch => ConsistencyScope::Batch,
            },
        }
    }

    fn use_color(&self) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        }
    }
}

/// The default glossary (unless disabled) plus every `--glossary` file; all errors reported.
fn load_glossary(args: &CheckArgs) -> Option<Glossary> {
    let mut glossary = if args.no_default_glossary {
        Glossary::default()
    } else {
        glossary::default_glossary()
    };
    let mut ok = true;
    for path in &args.glossaries {
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

/// Runs `mtlint check --jsonl`: every path (or standard input) is a stream of records.
fn run_jsonl(args: &CheckArgs, glossary: &Glossary) -> u8 {
    let mut runner = JsonlRunner::new(glossary, args.settings());
    let stdin_only = [PathBuf::from("-")];
    let paths = if args.paths.is_empty() {
        &stdin_only[..]
    } else {
        &args.paths[..]
    };
    let mut failed = false;
    let mut errors = 0;
    for path in paths {
        let stdout = std::io::stdout();
        let output = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let outcome = if path.as_os_str() == "-" {
            runner.run(std::io::stdin().lock(), output)
        } else {
            match std::fs::File::open(path) {
                Ok(file) => runner.run(std::io::BufReader::with_capacity(1 << 16, file), output),
                Err(e) => {
                    print_error(format!(
                        "{}: cannot read: {}",
                        path.display(),
                        input::describe_io_error(&e)
                    ));
                    errors += 1;
                    continue;
                }
            }
        };
        match outcome {
            Ok(summary) => {
                failed |= summary.failed;
                if summary.errors > 0 {
                    print_error(format!(
                        "{}: {} malformed record{} (see the error lines)",
                        path.display(),
                        summary.errors,
                        if summary.errors == 1 { "" } else { "s" }
                    ));
                    errors += summary.errors;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
            Err(e) => {
                print_error(format!(
                    "{}: {}",
                    path.display(),
                    input::describe_io_error(&e)
                ));
                errors += 1;
            }
        }
    }
    if errors > 0 {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Runs `mtlint check`.
pub fn run(args: CheckArgs) -> u8 {
    if args.jsonl {
        return match load_glossary(&args) {
            Some(glossary) => run_jsonl(&args, &glossary),
            None => EXIT_ERROR,
        };
    }
    if args.paths.is_empty() {
        print_error("no input: give article paths, or `-` to read standard input");
        return EXIT_ERROR;
    }
    let Some(glossary) = load_glossary(&args) else {
        return EXIT_ERROR;
    };
    let linter = match Linter::new(&glossary, args.settings()) {
        Ok(l) => l,
        Err(e) => {
            print_error(e);
            return EXIT_ERROR;
        }
    };
    let mut input_failed = false;
    let mut docs: Vec<Document> = Vec::new();
    let mut stdin_used = false;
    for path in &args.paths {
        let is_stdin = path.as_os_str() == "-";
        let source = if is_stdin {
            if stdin_used {
                print_error("`-` (standard input) is given more than once");
                input_failed = true;
                continue;
            }
            stdin_used = true;
            input::read_stdin(args.stdin_filename.as_deref().unwrap_or("-"))
        } else {
            input::read_path(path)
        };
        let format = args
            .input_format
            .unwrap_or_else(|| match (is_stdin, &args.stdin_filename) {
                (true, Some(name)) => Format::from_path(Path::new(name)),
                (true, None) => Format::Text,
                (false, _) => Format::from_path(path),
            });
        match source {
            Ok(source) => docs.push(Document::parse(source, format)),
            Err(e) => {
                print_error(e);
                input_failed = true;
            }
        }
    }
    let results: Vec<FileResult> = linter.check_all(docs);
    let output = match args.format {
        OutputFormat::Human => render::render_human(&results, args.use_color()),
        OutputFormat::Concise => render::render_concise(&results),
        OutputFormat::Json => render::render_json(&results),
    };
    print_stdout(&output);
    let fail_on = linter.settings().fail_on;
    if input_failed {
        EXIT_ERROR
    } else if results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| fail_on.fails(d.severity))
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
