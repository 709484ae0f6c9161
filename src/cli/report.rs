//! `mtlint report PATH… [-o FILE]`: check a batch and write the editorial review report (HTML,
//! or Markdown for a pull-request comment); `mtlint report --apply-decisions FILE` applies the
//! decisions exported from the HTML page.

use super::common::CommonArgs;
use super::{print_error, print_stdout, EXIT_ERROR, EXIT_OK};
use clap::{Args, ValueEnum};
use mtlint::report::score::{Scoring, Weights};
use mtlint::report::{decisions, render_html, render_markdown, Report, ReportOptions};
use std::path::{Path, PathBuf};

/// Formats of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page.
    Html,
    /// GitHub-flavoured Markdown, for a pull-request comment.
    Markdown,
}

/// Arguments of `mtlint report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    common: CommonArgs,

    /// Write the report to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Report format [default: markdown when the output file ends in `.md`, else html].
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,

    /// The report's title.
    #[arg(long, value_name = "TEXT", default_value = "mtlint review report")]
    title: String,

    /// The lowest passing score (0 to 100) [default: `[report] pass-threshold` of mtlint.toml, else 90].
    #[arg(long, value_name = "SCORE", value_parser = parse_threshold)]
    pass_threshold: Option<f64>,

    /// Penalty points per finding by MQM severity, e.g. `minor=1,major=5,critical=10`
    /// (levels not named keep these defaults; `neutral` is 0).
    #[arg(long, value_name = "LEVEL=POINTS,…", value_parser = parse_weights)]
    weights: Option<Weights>,

    /// Apply a decisions file exported from the HTML report to the articles, then exit.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "output", "format"])]
    apply_decisions: Option<PathBuf>,
}

fn parse_threshold(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if (0.0..=100.0).contains(&v) => Ok(v),
        _ => Err(format!("`{text}` is not a score from 0 to 100")),
    }
}

fn parse_weights(text: &str) -> Result<Weights, String> {
    text.parse()
        .map_err(|e: mtlint::report::score::WeightsError| e.to_string())
}

impl ReportArgs {
    fn report_format(&self) -> ReportFormat {
        self.format.unwrap_or_else(|| {
            let markdown = self
                .output
                .as_deref()
                .and_then(Path::extension)
                .and_then(|e| e.to_str())
                .is_some_and(|e| {
                    e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
                });
            if markdown {
                ReportFormat::Markdown
            } else {
                ReportFormat::Html
            }
        })
    }
}

/// Applies a decisions file: every file validated first, then each written atomically.
/// Applies a decisions file exported from the HTML report (`report --apply-decisions`,
/// `fix --apply-decisions`).
pub fn run_apply(path: &Path) -> u8 {
    let file = match decisions::load(path) {
        Ok(f) => f,
        Err(e) => {
            print_error(e);
            return EXIT_ERROR;
        }
    };
    let plans = match decisions::plan(&file, Path::new("")) {
        Ok(p) => p,
        Err(errors) => {
            for e in errors {
                print_error(e);
            }
            print_error("no file was changed");
            return EXIT_ERROR;
        }
    };
    if let Err(e) = decisions::apply(&plans) {
        print_error(e);
        return EXIT_ERROR;
    }
    let mut out = String::new();
    for p in &plans {
        out.push_str(&format!(
            "{}: {} edit{} applied\n",
            p.path.display(),
            p.edits.len(),
            if p.edits.len() == 1 { "" } else { "s" }
        ));
    }
    if plans.is_empty() {
        out.push_str("No decision to apply.\n");
    }
    print_stdout(&out);
    EXIT_OK
}

/// The passing score when neither a flag nor mtlint.toml sets one.
const DEFAULT_PASS_THRESHOLD: f64 = 90.0;

/// The `[report]` settings of the mtlint.toml found from the working directory, then of
/// `--config` (later wins); errors are printed and give `None`.
fn report_config(common: &super::common::CommonArgs) -> Option<mtlint::config::ReportConfig> {
    let mut out = mtlint::config::ReportConfig::default();
    let files = common
        .config_file_for(None)
        .into_iter()
        .chain(common.config.clone());
    for path in files {
        match mtlint::config::ConfigFile::load(&path) {
            Ok(c) => {
                if c.report.pass_threshold.is_some() {
                    out.pass_threshold = c.report.pass_threshold;
                }
                if c.report.weights.is_some() {
                    out.weights = c.report.weights;
                }
            }
            Err(errors) => {
                for e in errors {
                    print_error(e);
                }
                return None;
            }
        }
    }
    Some(out)
}

/// Runs `mtlint report`.
pub fn run(args: ReportArgs) -> u8 {
    if let Some(path) = &args.apply_decisions {
        return run_apply(path);
    }
    if args.common.paths.is_empty() {
        print_error("no input: give article paths or directories, or `-` to read standard input");
        return EXIT_ERROR;
    }
    let mut run = args.common.prepare(None);
    if run.fatal {
        return EXIT_ERROR;
    }
    let results = run.check();
    let Some(config) = report_config(&args.common) else {
        return EXIT_ERROR;
    };
    let weights = match (&args.weights, &config.weights) {
        (Some(w), _) => *w,
        (None, Some(text)) => parse_weights(text).unwrap_or_default(),
        (None, None) => Weights::default(),
    };
    let options = ReportOptions {
        title: args.title.clone(),
        scoring: Scoring {
            weights,
            pass_threshold: args
                .pass_threshold
                .or(config.pass_threshold)
                .unwrap_or(DEFAULT_PASS_THRESHOLD),
        },
    };
    let report = Report::build(&results, &options);
    let rendered = match args.report_format() {
        ReportFormat::Html => render_html(&report),
        ReportFormat::Markdown => render_markdown(&report),
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &rendered) {
                print_error(format!(
                    "{}: cannot write the report: {}",
                    path.display(),
                    mtlint::input::describe_io_error(&e)
                ));
                return EXIT_ERROR;
            }
        }
        None => print_stdout(&rendered),
    }
    if run.failed {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}
