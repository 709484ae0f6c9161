//! `mtlint rules [ID]`.

use super::{print_error, print_stdout, EXIT_ERROR, EXIT_OK};
use clap::Args;
use mtlint::checks;

/// Arguments of `mtlint rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print the documentation of this rule.
    id: Option<String>,
}

/// Lists the rules, or documents one.
pub fn run(args: RulesArgs) -> u8 {
    match args.id {
        None => {
            let mut out = String::new();
            let width = checks::rules().map(|r| r.id.len()).max().unwrap_or(0);
            for r in checks::rules() {
                out.push_str(&format!(
                    "{:width$}  {:7}  {:11}  {}\n",
                    r.id,
                    r.severity.as_str(),
                    r.family,
                    r.summary
                ));
            }
            out.push_str("\nRun `mtlint rules ID` for a rule's documentation.\n");
            print_stdout(&out);
            EXIT_OK
        }
        Some(id) => match checks::rule(&id) {
            Some(r) => {
                print_stdout(&format!(
                    "# {}\n\nDefault severity: {}. Family: {}.\n\n{}\n\n{}",
                    r.id, r.severity, r.family, r.summary, r.doc
                ));
                EXIT_OK
            }
            None => {
                let known: Vec<&str> = checks::rules().map(|r| r.id).collect();
                print_error(format!(
                    "unknown rule `{id}`; rules are: {}",
                    known.join(", ")
                ));
                EXIT_ERROR
            }
        },
    }
}
