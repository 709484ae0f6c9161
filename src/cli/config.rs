//! `mtlint init` writes a starter `mtlint.toml`; `mtlint config PATH` prints the settings that
//! apply to a path, and where they come from.

use super::common::CommonArgs;
use super::{print_error, print_stdout, EXIT_ERROR, EXIT_OK};
use clap::Args;
use mtlint::config::{CONFIG_FILE_NAME, STARTER_CONFIG};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `mtlint init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory to write mtlint.toml in.
    #[arg(default_value = ".")]
    dir: PathBuf,
}

/// Writes a commented starter configuration; never overwrites one.
pub fn init(args: InitArgs) -> u8 {
    let path = args.dir.join(CONFIG_FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match file.and_then(|mut f| {
        f.write_all(STARTER_CONFIG.as_bytes())
            .and_then(|()| f.sync_all())
    }) {
        Ok(()) => {
            print_stdout(&format!("wrote {}\n", path.display()));
            EXIT_OK
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            print_error(format!(
                "{}: already exists; not overwritten",
                path.display()
            ));
            EXIT_ERROR
        }
        Err(e) => {
            print_error(format!(
                "{}: cannot write: {}",
                path.display(),
                mtlint::input::describe_io_error(&e)
            ));
            EXIT_ERROR
        }
    }
}

/// Arguments of `mtlint config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(flatten)]
    common: CommonArgs,
}

/// Prints the resolved settings for the first path (or standard input / the working directory).
pub fn show(args: ConfigArgs) -> u8 {
    let path = args
        .common
        .paths
        .first()
        .filter(|p| p.as_os_str() != "-")
        .cloned();
    let (resolved, failed) = args.common.resolved_for(path.as_deref());
    if failed {
        return EXIT_ERROR;
    }
    let s = &resolved.settings;
    let list = |items: &mut dyn Iterator<Item = String>| {
        let v: Vec<String> = items.map(|i| format!("{i:?}")).collect();
        format!("[{}]", v.join(", "))
    };
    let mut out = String::new();
    let target = path
        .as_ref()
        .map_or_else(|| "standard input".to_owned(), |p| p.display().to_string());
    out.push_str(&format!("# settings for {target}\n"));
    match args.common.config_file_for(path.as_deref()) {
        Some(f) => out.push_str(&format!("# from {}", f.display())),
        None => out.push_str("# no mtlint.toml found"),
    }
    if let Some(c) = &args.common.config {
        out.push_str(&format!(", then --config {}", c.display()));
    }
    out.push_str(", then command-line flags\n");
    out.push_str(&format!("lang = {:?}\n", s.target.code()));
    out.push_str(&format!("source-lang = {:?}\n", s.source.code()));
    out.push_str(&format!("fail-on = {:?}\n", s.fail_on.as_str()));
    out.push_str(&format!(
        "consistency-scope = {:?}\n",
        s.consistency_scope.as_str()
    ));
    out.push_str(&format!(
        "default-glossary = {}\n",
        resolved.default_glossary
    ));
    out.push_str(&format!(
        "glossaries = {}\n",
        list(&mut resolved.glossaries.iter().map(|g| g.display().to_string()))
    ));
    out.push_str(&format!(
        "accept = {}\n",
        list(&mut s.accept.iter().cloned())
    ));
    out.push_str("\n[rules]\n");
    let selected: Vec<&str> = mtlint::checks::rules()
        .map(|r| r.id)
        .filter(|id| s.rules.enabled(id))
        .collect();
    out.push_str(&format!(
        "enabled = {}\n",
        list(&mut selected.iter().map(|s| s.to_string()))
    ));
    out.push_str("\n[rules.severity]\n");
    for r in mtlint::checks::rules().filter(|r| s.rules.enabled(r.id)) {
        let severity = s.rules.severity.get(r.id).copied().unwrap_or(r.severity);
        out.push_str(&format!("{} = {:?}\n", r.id, severity.as_str()));
    }
    print_stdout(&out);
    EXIT_OK
}
