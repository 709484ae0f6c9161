//! `mtlint fix PATH…`: apply fixes (like `check --fix`), or review them one by one with
//! `--interactive`. Also the fixing steps `check --fix` and `check --diff` share.

use super::common::{CommonArgs, Input, Run};
use super::{print_error, print_stdout, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use clap::Args;
use mtlint::diagnostic::Applicability;
use mtlint::fix::interactive::{self, TerminalReviewer};
use mtlint::fix::{self, apply_edits, write::write_atomically, FixOutcome};
use mtlint::lint::{FileResult, Linter};
use std::collections::BTreeMap;

/// Arguments of `mtlint fix`.
#[derive(Debug, Args)]
pub struct FixArgs {
    #[command(flatten)]
    common: CommonArgs,

    /// Review each fix at the terminal: y accept, n skip, 1-9 choose, e edit, a accept the
    /// rest of this rule in this file, s skip the file, q quit, ? help.
    #[arg(short, long)]
    interactive: bool,

    /// Also apply the unsafe fixes (guesses: review them).
    #[arg(long)]
    unsafe_fixes: bool,

    /// Apply the decisions exported from an HTML report (`mtlint report`), then exit.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["interactive", "unsafe_fixes"])]
    apply_decisions: Option<std::path::PathBuf>,
}

/// Fixes one input until stable (at most 10 rounds), re-checking it each round. Fails when the
/// fixes do not apply, or when the fixed text would no longer parse (a fixed XLIFF or PO file
/// must stay valid; nothing is written then).
pub fn apply_fixes(
    linter: &Linter,
    input: &Input,
    min: Applicability,
) -> Result<FixOutcome, String> {
    let outcome = fix::fix_until_stable(input.text(), min, |text| {
        // An unreadable round has nothing more to fix; the check below reports it.
        input
            .document_with(text)
            .map(|d| linter.check(d).diagnostics)
            .unwrap_or_default()
    })
    .map_err(|e| e.to_string())?;
    if let Err(e) = input.document_with(&outcome.text) {
        return Err(format!(
            "the fixed text would not be valid {}: {e}",
            input.document.format.as_str()
        ));
    }
    Ok(outcome)
}

/// Fixes every input and writes the files (standard input: the fixed text goes to standard
/// output). Returns the findings left in each fixed text, and whether anything failed.
pub fn fix_and_write(run: &Run, min: Applicability) -> (Vec<FileResult>, bool) {
    let mut results = Vec::with_capacity(run.inputs.len());
    let mut failed = false;
    for input in &run.inputs {
        let linter = run.linter(input);
        let outcome = match apply_fixes(linter, input, min) {
            Ok(o) => o,
            Err(e) => {
                print_error(format!("{}: fixes could not be applied: {e}", input.name()));
                failed = true;
                results.push(linter.check(input.document.clone()));
                continue;
            }
        };
        let mut written = true;
        match &input.path {
            None => print_stdout(&outcome.text),
            Some(path) if outcome.text != input.text() => {
                if let Err(e) = write_atomically(path, input.text().as_bytes(), &outcome.text) {
                    print_error(e);
                    failed = true;
                    written = false;
                }
            }
            Some(_) => {}
        }
        if outcome.unstable {
            print_error(format!(
                "{}: fixes still changed the text after {} rounds; stopped",
                input.name(),
                fix::MAX_ROUNDS
            ));
        }
        for skipped in &outcome.not_applied {
            eprintln!(
                "mtlint: {}: a {} fix overlaps another fix and was not applied",
                input.name(),
                skipped.rule
            );
        }
        let text = if written { &outcome.text } else { input.text() };
        let document = input
            .document_with(text)
            .unwrap_or_else(|_| input.document.clone());
        let mut result = linter.check(document);
        if written {
            result.fixed = outcome.applied;
        }
        results.push(result);
    }
    (results, failed)
}

/// Prints how many fixes were applied per rule, on standard error.
pub fn print_fix_summary(results: &[FileResult]) {
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut files = 0;
    for r in results {
        if !r.fixed.is_empty() {
            files += 1;
        }
        for (rule, n) in &r.fixed {
            *per_rule.entry(rule).or_default() += n;
        }
    }
    let total: usize = per_rule.values().sum();
    if total == 0 {
        eprintln!("mtlint: nothing to fix");
        return;
    }
    let rules: Vec<String> = per_rule.iter().map(|(r, n)| format!("{r}: {n}")).collect();
    eprintln!(
        "mtlint: fixed {total} finding{} in {files} file{} ({})",
        if total == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" },
        rules.join(", ")
    );
}

fn run_interactive(run: &Run) -> u8 {
    let Some(mut reviewer) = TerminalReviewer::new() else {
        print_error(
            "--interactive needs a terminal on standard input and output; in scripts use `mtlint check --diff` or `mtlint fix` without -i",
        );
        return EXIT_ERROR;
    };
    let mut failed = false;
    for input in &run.inputs {
        let linter = run.linter(input);
        let Some(path) = &input.path else {
            print_error("--interactive cannot fix standard input; give file paths");
            return EXIT_ERROR;
        };
        let result = linter.check(input.document.clone());
        let review = match interactive::review(
            input.name(),
            input.text(),
            &result.diagnostics,
            &mut reviewer,
        ) {
            Ok(r) => r,
            Err(e) => {
                print_error(format!("{}: {e}", input.name()));
                return EXIT_ERROR;
            }
        };
        if !review.edits.is_empty() {
            match apply_edits(input.text(), &review.edits) {
                Ok(fixed) => match write_atomically(path, input.text().as_bytes(), &fixed) {
                    Ok(()) => eprintln!(
                        "mtlint: {}: {} fix{} applied, {} skipped",
                        input.name(),
                        review.accepted,
                        if review.accepted == 1 { "" } else { "es" },
                        review.skipped
                    ),
                    Err(e) => {
                        print_error(e);
                        failed = true;
                    }
                },
                Err(e) => {
                    print_error(format!("{}: {e}", input.name()));
                    failed = true;
                }
            }
        }
        if review.quit {
            break;
        }
    }
    if failed {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}

/// Runs `mtlint fix`.
pub fn run(args: FixArgs) -> u8 {
    if let Some(decisions) = &args.apply_decisions {
        return super::report::run_apply(decisions);
    }
    if args.common.paths.is_empty() {
        print_error("no input: give article paths or directories, or `-` to read standard input");
        return EXIT_ERROR;
    }
    let run = args.common.prepare(None);
    if run.fatal {
        return EXIT_ERROR;
    }
    if args.interactive {
        let code = run_interactive(&run);
        return if run.failed { EXIT_ERROR } else { code };
    }
    let min = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let (results, failed) = fix_and_write(&run, min);
    print_fix_summary(&results);
    let left: usize = results.iter().map(|r| r.diagnostics.len()).sum();
    if left > 0 {
        eprintln!(
            "mtlint: {left} finding{} left; run `mtlint check` to see them",
            if left == 1 { "" } else { "s" }
        );
    }
    if failed || run.failed {
        EXIT_ERROR
    } else if left > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
