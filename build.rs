//! Writes the hash table of each embedded word list (`src/text/lang/words/*.txt`) into
//! `OUT_DIR`, where the library embeds it: a run then looks words up without reading a list.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/text/lang/frequency_table.rs"]
mod frequency_table;

/// Where the lists are: `CODE.txt`, one per language.
const LISTS: &str = "src/text/lang/words";

fn main() {
    println!("cargo:rerun-if-changed=src/text/lang/frequency_table.rs");
    println!("cargo:rerun-if-changed={LISTS}");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = write_tables(Path::new(LISTS), &out) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// `words-CODE.table` in `out` for each `CODE.txt` in `lists`.
fn write_tables(lists: &Path, out: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(lists).map_err(|e| format!("{}: {e}", lists.display()))?;
    for entry in entries {
        let list = entry
            .map_err(|e| format!("{}: {e}", lists.display()))?
            .path();
        let Some(code) = list
            .file_stem()
            .filter(|_| list.extension().is_some_and(|x| x == "txt"))
        else {
            continue;
        };
        println!("cargo:rerun-if-changed={}", list.display());
        let table = out.join(format!("words-{}.table", code.to_string_lossy()));
        write_table(&list, &table).map_err(|e| format!("{}: {e}", list.display()))?;
    }
    Ok(())
}

fn write_table(list: &Path, table: &Path) -> Result<(), String> {
    let data = std::fs::read_to_string(list).map_err(|e| e.to_string())?;
    let bytes = frequency_table::build(&data)?.to_bytes();
    // Written whole or not at all: a cancelled build leaves no half table behind.
    let partial = table.with_extension("partial");
    std::fs::write(&partial, bytes).map_err(|e| e.to_string())?;
    std::fs::rename(&partial, table).map_err(|e| e.to_string())
}
