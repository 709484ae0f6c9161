//! The config loader: any text parses or fails with located errors; a config that parses
//! applies to a path, and a linter built from it checks a text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::config::{ConfigFile, Resolved};
use mtlint::document::Format;
use mtlint::glossary::default_glossary;
use mtlint::lint::Linter;
use mtlint_fuzz::{check, text};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    match ConfigFile::parse(&source, Path::new("fuzz/mtlint.toml")) {
        Ok(config) => {
            let mut resolved = Resolved::default();
            config.apply_to(Path::new("fuzz/a.txt"), &mut resolved);
            let _ = config.excludes(Path::new("fuzz/a.txt"));
            if let Ok(linter) = Linter::new(&default_glossary(), resolved.settings) {
                check(&linter, "Selon Semaine d’actualités, Haut-Karabakh et Haut-Karabagh.", Format::Text);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "a failed parse says why");
            for e in &errors {
                assert!(!e.message.is_empty(), "an error has a message");
            }
        }
    }
});
