//! The glossary loader: any text loads or fails with located errors; a glossary that loads
//! compiles, and checking its own source with it (its forms are in it) keeps every finding
//! property.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::config::Settings;
use mtlint::document::Format;
use mtlint::glossary::parse;
use mtlint::lint::Linter;
use mtlint_fuzz::{check, text};

fuzz_target!(|data: &[u8]| {
    let source = text(data);
    match parse(&source, "fuzz.toml") {
        Ok(glossary) => {
            let linter = Linter::new(&glossary, Settings::default()).expect("fr is supported");
            check(&linter, &source, Format::Text);
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "a failed load says why");
            let lines = source.lines().count().max(1) + 1;
            for e in &errors {
                assert!(!e.message.is_empty(), "an error has a message");
                if let Some((line, column)) = e.location {
                    assert!(line >= 1 && line <= lines && column >= 1, "{e}");
                }
            }
        }
    }
});
