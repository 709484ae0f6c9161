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
    let served = mtlint::lsp::spawn_reader(std::io::stdin()).and_then(|receiver| {
        let stdout = std::io::stdout();
        let mut output = stdout.lock();
        mtlint::lsp::serve(&receiver, &mut output, mtlint::lsp::Server::default())
    });
    match served {
        Ok(0) => 0,
        Ok(_) => 1,
        Err(e) => {
            print_error(format!("language server: {e}"));
            EXIT_ERROR
        }
    }
}
