//! Command-line interface: argument parsing (clap derive), then calls into the library and
//! maps the outcome to exit codes 0 (clean), 1 (findings at or above `--fail-on`) and 2
//! (usage, configuration or input errors). No checking logic lives here.

mod check;
mod common;
mod config;
mod fix;
mod glossary;
mod lsp;
mod report;
mod rules;

use clap::{Parser, Subcommand};
use std::io::Write;

/// Exit code: nothing at or above `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at or above `--fail-on`.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, configuration or input errors.
pub const EXIT_ERROR: u8 = 2;

/// Checks machine-translated news for translated names, inconsistent spellings and
/// source-language words left in the translation.
#[derive(Debug, Parser)]
#[command(name = "mtlint", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check articles (files, or `-` for standard input).
    Check(check::CheckArgs),
    /// Apply fixes to articles, or review them one by one (`-i`).
    Fix(fix::FixArgs),
    /// List the rules, or print one rule's documentation.
    Rules(rules::RulesArgs),
    /// Write a commented starter mtlint.toml.
    Init(config::InitArgs),
    /// Print the settings that apply to a path, after configuration files and flags.
    Config(config::ConfigArgs),
    /// Work with glossaries.
    #[command(subcommand)]
    Glossary(glossary::GlossaryCommand),
    /// Write an editorial review report of articles (HTML, or Markdown for a PR comment).
    Report(report::ReportArgs),
    /// Run the language server (LSP over standard input and output) for editors.
    Lsp(lsp::LspArgs),
}

/// Parses the command line and runs the command; returns the exit code.
pub fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Fix(args) => fix::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Glossary(cmd) => glossary::run(cmd),
        Command::Init(args) => config::init(args),
        Command::Config(args) => config::show(args),
        Command::Report(args) => report::run(args),
        Command::Lsp(args) => lsp::run(args),
    }
}

/// Writes to standard output; a closed pipe ends the program quietly.
fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        std::process::exit(i32::from(EXIT_OK));
    }
}

/// Prints an error line on standard error, prefixed like every mtlint error.
fn print_error(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "mtlint: error: {message}");
}

/// Prints a warning line on standard error: something looks wrong, but the run goes on.
fn print_warning(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "mtlint: warning: {message}");
}
