//! `mtlint lsp`: runs the language server on standard input and output (see [`mtlint::lsp`]).

use super::{print_error, EXIT_ERROR};
use clap::Args;

/// Arguments of `mtlint lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted because editor
    /// clients pass it).
    #[arg(long)]
    stdio: bool,
}

/// Serves one editor until it exits; 0 after an orderly shutdown, 1 otherwise.
pub fn run(args: LspArgs) -> u8 {
    let _ = args.stdio;
    match mtlint::lsp::run_stdio() {
        Ok(0) => 0,
        Ok(_) => 1,
        Err(e) => {
            print_error(format!("language server: {e}"));
            EXIT_ERROR
        }
    }
}
