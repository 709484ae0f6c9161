//! `mtlint glossary check FILE…`: validate glossaries and print their statistics.
//! `mtlint glossary import FILE [-o OUT]`: convert a TBX, CSV or TSV termbase to our TOML.

use super::{print_error, print_stdout, EXIT_ERROR, EXIT_OK};
use clap::Subcommand;
use mtlint::glossary::{self, Glossary, GlossaryMatcher, Lang};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Subcommands of `mtlint glossary`.
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Validate glossary files and print their statistics.
    Check {
        /// Glossary files (TOML; .tbx, .csv and .tsv are imported first).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Convert a TBX (2008 or v3), CSV or TSV termbase into an mtlint TOML glossary.
    Import {
        /// The termbase: .tbx, .csv or .tsv.
        file: PathBuf,
        /// Where to write the TOML glossary (written atomically); standard output if absent.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// Writes `text` to `path` through a temporary file in the same folder, renamed into place.
fn write_new_file(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".mtlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.flush()?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Prints a file's errors and a count; returns the exit code for them.
fn report_errors(path: &Path, errors: &[glossary::GlossaryError]) -> u8 {
    for e in errors {
        print_error(e);
    }
    print_error(format!(
        "{}: {} problem{} found",
        path.display(),
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    ));
    EXIT_ERROR
}

/// `mtlint glossary import`: the termbase is read, validated like a TOML glossary, and
/// written as TOML only when valid.
fn import(file: &Path, output: Option<&Path>) -> u8 {
    let imported = match glossary::import_file(file) {
        Ok(i) => i,
        Err(errors) => return report_errors(file, &errors),
    };
    for (tag, n) in &imported.skipped_languages {
        print_error(format!(
            "{}: skipped {n} term{} in language `{tag}` (mtlint has no slot for it)",
            file.display(),
            if *n == 1 { "" } else { "s" }
        ));
    }
    let (toml, _) = imported.to_toml();
    let g = match imported.into_glossary() {
        Ok(g) => g,
        Err(errors) => return report_errors(file, &errors),
    };
    match output {
        None => print_stdout(&toml),
        Some(out) => {
            if let Err(e) = write_new_file(out, &toml) {
                print_error(format!("{}: cannot write: {e}", out.display()));
                return EXIT_ERROR;
            }
            print_stdout(&describe(&out.display().to_string(), &g));
        }
    }
    EXIT_OK
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
    let files = match cmd {
        GlossaryCommand::Check { files } => files,
        GlossaryCommand::Import { file, output } => return import(&file, output.as_deref()),
    };
    let mut code = EXIT_OK;
    let mut out = String::new();
    for path in files {
        match glossary::load_file(&path) {
            Ok(g) => out.push_str(&describe(&path.display().to_string(), &g)),
            Err(errors) => code = report_errors(&path, &errors),
        }
    }
    print_stdout(&out);
    code
}
