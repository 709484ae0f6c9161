//! The `mtlint` command: parses arguments and hands them to [`cli::run`].

mod cli;

use std::process::ExitCode;

// mimalloc: checking allocates many small, short-lived strings and vectors (tokens, folded
// forms, glossary entries); glibc's malloc spent a third of a large glossary's load time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ExitCode::from(cli::run())
}
