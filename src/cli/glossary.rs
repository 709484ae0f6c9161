//! `mtlint glossary check FILE…`: validate glossaries and print their statistics.

use super::{print_error, print_stdout, EXIT_ERROR, EXIT_OK};
use clap::Subcommand;
use mtlint::glossary::{self, Glossary, GlossaryMatcher, Lang};
use std::path::PathBuf;

/// Subcommands of `mtlint glossary`.
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Validate glossary files and print their statistics.
    Check {
        /// Glossary files (TOML).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn describe(name: &str, g: &Glossary) -> String {
    let s = g.statistics();
    let mut out = format!("{name}: ok, {} concepts", s.concepts);
    let kinds: Vec<String> = s.by_kind.iter().map(|(k, n)| format!("{n} {k}")).collect();
    out.push_str(&format!(" ({})\n", kinds.join(", ")));
    out.push_str(&format!("  kept names: {}\n", s.kept));
    let langs: Vec<String> = s
        .forms_by_lang
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    out.push_str(&format!("  forms per language: {}\n", langs.join(", ")));
    out.push_str(&format!(
        "  wrong forms: {}, variants: {}\n",
        s.wrong, s.variants
    ));
    let m = GlossaryMatcher::new(g, Lang::Fr, Lang::En);
    out.push_str(&format!("  patterns for en→fr: {}\n", m.pattern_count()));
    out
}

/// Runs a glossary subcommand.
pub fn run(cmd: GlossaryCommand) -> u8 {
    let GlossaryCommand::Check { files } = cmd;
    let mut code = EXIT_OK;
    let mut out = String::new();
    for path in files {
        match glossary::load_file(&path) {
            Ok(g) => out.push_str(&describe(&path.display().to_string(), &g)),
            Err(errors) => {
                for e in &errors {
                    print_error(e);
                }
                print_error(format!(
                    "{}: {} problem{} found",
                    path.display(),
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" }
                ));
                code = EXIT_ERROR;
            }
        }
    }
    print_stdout(&out);
    code
}
