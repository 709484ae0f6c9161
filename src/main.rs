//! The `mtlint` command: parses arguments and hands them to [`cli::run`].

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run())
}
