//! `mtlint check PATH…`: read, check, then render, fix or diff; and choose the exit code.

use super::common::{CommonArgs, LargeInput, Run};
use super::fix::{apply_fixes, fix_and_write, print_fix_summary};
use super::{print_error, print_stdout, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use clap::{Args, ValueEnum};
use mtlint::baseline::Baseline;
use mtlint::config::FailOn;
use mtlint::diagnostic::{Applicability, Severity};
use mtlint::fix::diff;
use mtlint::input;
use mtlint::jsonl::JsonlRunner;
use mtlint::lint::FileResult;
use mtlint::render;
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
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// JUnit XML test report.
    Junit,
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

impl ColorChoice {
    /// Whether standard output gets colours.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        }
    }
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

/// Arguments of `mtlint check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    common: CommonArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,

    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// Exit with 1 when a finding has at least this severity [default: error].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOnArg>,

    /// Apply the safe fixes and write the files (standard input: the fixed text goes to
    /// standard output, the findings left to standard error).
    #[arg(long, conflicts_with = "diff")]
    fix: bool,

    /// With --fix or --diff, also apply the unsafe fixes (guesses: review them).
    #[arg(long)]
    unsafe_fixes: bool,

    /// Print a unified diff of the fixes instead of the findings; no file is touched. Exit code
    /// 1 when there is something to fix.
    #[arg(long)]
    diff: bool,

    /// Report only findings that are not in this baseline file (see --write-baseline).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    baseline: Option<PathBuf>,

    /// Record every finding of this run in a baseline file and exit 0; later runs with
    /// --baseline report only new findings.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff", "baseline"])]
    write_baseline: Option<PathBuf>,

    /// Read JSON Lines records (`{"id", "text", "format", "lang"}`) from the paths (or
    /// standard input) and write one JSON result line per record.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    jsonl: bool,
}

impl CheckArgs {
    fn fail_on(&self) -> Option<FailOn> {
        self.fail_on.map(|f| match f {
            FailOnArg::Error => FailOn::Severity(Severity::Error),
            FailOnArg::Warning => FailOn::Severity(Severity::Warning),
            FailOnArg::Info => FailOn::Severity(Severity::Info),
            FailOnArg::Never => FailOn::Never,
        })
    }

    fn min_applicability(&self) -> Applicability {
        if self.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }
    }
}

/// Runs `mtlint check --jsonl`: every path (or standard input) is a stream of records.
fn run_jsonl(args: &CheckArgs) -> u8 {
    // Records carry no path: the configuration is the one of the working directory.
    let (resolved, failed) = {
        let mut layer_args = args.common.resolved_for(None);
        if let Some(f) = args.fail_on() {
            layer_args.0.settings.fail_on = f;
        }
        layer_args
    };
    if failed {
        return EXIT_ERROR;
    }
    let Some(glossary) = super::common::load_glossaries(&resolved) else {
        return EXIT_ERROR;
    };
    let mut runner = JsonlRunner::new(&glossary, resolved.settings);
    let stdin_only = [PathBuf::from("-")];
    let paths = if args.common.paths.is_empty() {
        &stdin_only[..]
    } else {
        &args.common.paths[..]
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

fn render(args: &CheckArgs, results: &[FileResult], color: bool) -> String {
    match args.format {
        OutputFormat::Human => render::render_human(results, color),
        OutputFormat::Concise => render::render_concise(results),
        OutputFormat::Json => render::render_json(results),
        OutputFormat::Sarif => render::render_sarif(results),
        OutputFormat::Github => render::render_github(results),
        OutputFormat::Gitlab => render::render_gitlab(results),
        OutputFormat::Junit => render::render_junit(results),
    }
}

/// `--diff`: the fixes as unified diffs, nothing written.
fn run_diff(args: &CheckArgs, run: &Run) -> (bool, bool) {
    let mut out = String::new();
    let mut changed = false;
    let mut failed = false;
    for input in &run.inputs {
        match apply_fixes(run.linter(input), input, args.min_applicability()) {
            Ok(outcome) => {
                let d = diff::unified_diff(input.name(), input.text(), &outcome.text);
                changed |= !d.is_empty();
                out.push_str(&d);
            }
            Err(e) => {
                print_error(format!("{}: {e}", input.name()));
                failed = true;
            }
        }
    }
    let out = if args.color.enabled() {
        diff::colorize(&out)
    } else {
        out
    };
    print_stdout(&out);
    (changed, failed)
}

/// Writes a whole file atomically (temporary file in the same directory, then rename).
fn write_new_file(path: &std::path::Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| std::path::Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(content.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Plain-text files from this size are checked in pieces (see [`mtlint::chunked`]) when they
/// are the only input and the output streams: memory stays flat however large they are.
const LARGE_FILE: u64 = 16 << 20;

/// Whether this run's output can be written piece by piece: findings only (no fixing, diff
/// or baseline, which need the whole text), in a format that streams.
fn streams(args: &CheckArgs) -> bool {
    !args.fix
        && !args.diff
        && args.baseline.is_none()
        && args.write_baseline.is_none()
        && matches!(
            args.format,
            OutputFormat::Human | OutputFormat::Concise | OutputFormat::Json
        )
}

/// Checks one large plain-text file in pieces, writing findings as they are found.
fn run_large(args: &CheckArgs, run: &Run, large: &LargeInput) -> u8 {
    use mtlint::chunked;
    use mtlint::render::{StreamFormat, StreamRenderer, TextView};
    let linter = &run.linters[large.linter];
    let settings = linter.settings();
    let format = match args.format {
        OutputFormat::Concise => StreamFormat::Concise,
        OutputFormat::Json => StreamFormat::Json,
        _ => StreamFormat::Human,
    };
    let open = || std::fs::File::open(&large.path);
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut renderer = StreamRenderer::new(format, args.color.enabled(), out);
    let mut fails = false;
    let mut failed = false;
    let written = match chunked::learn(linter, &large.name, chunked::CHUNK_SIZE, &open) {
        Err(e) => {
            print_error(e);
            failed = true;
            Ok(())
        }
        Ok(facts) => renderer
            .begin_file(&large.name, settings.target, facts.words)
            .and_then(|()| {
                let reader = match open() {
                    Ok(r) => r,
                    Err(e) => {
                        print_error(format!(
                            "{}: cannot read: {}",
                            large.name,
                            input::describe_io_error(&e)
                        ));
                        failed = true;
                        return Ok(());
                    }
                };
                let mut sink = |piece: chunked::Checked| {
                    fails |= piece
                        .diagnostics
                        .iter()
                        .any(|d| settings.fail_on.fails(d.severity));
                    let view = TextView::piece(
                        &piece.text,
                        piece.base,
                        piece.first_line,
                        &facts.elsewhere,
                    );
                    renderer.findings(&view, &piece.diagnostics)
                };
                match chunked::check(
                    linter,
                    &large.name,
                    chunked::CHUNK_SIZE,
                    reader,
                    &facts,
                    &mut sink,
                ) {
                    Ok(written) => written,
                    // The file changed or broke between passes.
                    Err(e) => {
                        print_error(e);
                        failed = true;
                        Ok(())
                    }
                }
            }),
    };
    match written.and_then(|()| renderer.finish()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
        Err(e) => {
            print_error(format!(
                "cannot write the output: {}",
                input::describe_io_error(&e)
            ));
            return EXIT_ERROR;
        }
        Ok(_) => {}
    }
    if failed {
        EXIT_ERROR
    } else if fails {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Runs `mtlint check`.
pub fn run(args: CheckArgs) -> u8 {
    if args.jsonl {
        return run_jsonl(&args);
    }
    if args.common.paths.is_empty() {
        print_error("no input: give article paths or directories, or `-` to read standard input");
        return EXIT_ERROR;
    }
    let mut run = args
        .common
        .prepare_large(args.fail_on(), streams(&args).then_some(LARGE_FILE));
    if run.fatal {
        return EXIT_ERROR;
    }
    if let Some(large) = run.large.take() {
        return run_large(&args, &run, &large);
    }
    let mut failed = run.failed;
    if args.diff {
        let (changed, diff_failed) = run_diff(&args, &run);
        return if failed || diff_failed {
            EXIT_ERROR
        } else if changed {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        };
    }
    let mut to_stderr = false;
    let baseline = match &args.baseline {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| {
                format!(
                    "{}: cannot read: {}",
                    path.display(),
                    input::describe_io_error(&e)
                )
            })
            .and_then(|text| {
                Baseline::parse(&text, &path.display().to_string()).map_err(|e| e.to_string())
            }) {
            Ok(b) => Some(b),
            Err(message) => {
                print_error(message);
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    let results = if args.fix {
        let (fixed, fix_failed) = fix_and_write(&run, args.min_applicability());
        failed |= fix_failed;
        // With standard input, the fixed text owns standard output.
        to_stderr = run.inputs.iter().any(|i| i.path.is_none());
        fixed
    } else {
        run.check()
    };
    if args.fix {
        print_fix_summary(&results);
    }
    let mut results = results;
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(&results);
        return match write_new_file(path, &baseline.to_json()) {
            Ok(()) => {
                eprintln!(
                    "mtlint: wrote {} with {} finding{}",
                    path.display(),
                    baseline.findings.len(),
                    if baseline.findings.len() == 1 {
                        ""
                    } else {
                        "s"
                    }
                );
                if failed {
                    EXIT_ERROR
                } else {
                    EXIT_OK
                }
            }
            Err(e) => {
                print_error(format!(
                    "{}: cannot write: {}",
                    path.display(),
                    input::describe_io_error(&e)
                ));
                EXIT_ERROR
            }
        };
    }
    if let Some(baseline) = &baseline {
        let known = baseline.filter(&mut results);
        if known > 0 {
            eprintln!(
                "mtlint: {known} finding{} already in the baseline, not shown",
                if known == 1 { "" } else { "s" }
            );
        }
    }
    if to_stderr {
        eprint!("{}", render(&args, &results, false));
    } else {
        print_stdout(&render(&args, &results, args.color.enabled()));
    }
    let fails = results.iter().enumerate().any(|(n, r)| {
        let fail_on = if args.fix {
            run.linter(&run.inputs[n]).settings().fail_on
        } else {
            run.fail_on(n)
        };
        r.diagnostics.iter().any(|d| fail_on.fails(d.severity))
    });
    // The process ends here: freeing the compiled glossary, the texts and the findings one
    // allocation at a time would only delay the exit.
    std::mem::forget(results);
    std::mem::forget(run);
    if failed {
        EXIT_ERROR
    } else if fails {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
