//! Writes the hash table of each embedded word list (`src/text/lang/words/*.txt`) into
//! `OUT_DIR`, where the library embeds it: a run then looks words up without reading a list.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/text/lang/frequency_table.rs"]
mod frequency_table;

/// The languages whose lists are embedded.
const CODES: [&str; 6] = ["fr", "en", "de", "es", "it", "pt"];

fn main() {
    println!("cargo:rerun-if-changed=src/text/lang/frequency_table.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for code in CODES {
        let list = format!("src/text/lang/words/{code}.txt");
        println!("cargo:rerun-if-changed={list}");
        if let Err(e) = write_table(Path::new(&list), &out.join(format!("words-{code}.table"))) {
            eprintln!("error: {list}: {e}");
            std::process::exit(1);
        }
    }
}

fn write_table(list: &Path, table: &Path) -> Result<(), String> {
    let data = std::fs::read_to_string(list).map_err(|e| e.to_string())?;
    let bytes = frequency_table::build(&data)?.to_bytes();
    // Written whole or not at all: a cancelled build leaves no half table behind.
    let partial = table.with_extension("partial");
    std::fs::write(&partial, bytes).map_err(|e| e.to_string())?;
    std::fs::rename(&partial, table).map_err(|e| e.to_string())
}
