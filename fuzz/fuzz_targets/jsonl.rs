//! The JSON Lines runner: any byte stream gives one JSON output line per non-blank input line
//! (a result or an error), and never an I/O error on an in-memory stream.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::config::Settings;
use mtlint::jsonl::JsonlRunner;
use std::sync::OnceLock;

fn glossary() -> &'static mtlint::glossary::Glossary {
    static GLOSSARY: OnceLock<mtlint::glossary::Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(mtlint::glossary::default_glossary)
}

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    let summary = JsonlRunner::new(glossary(), Settings::default())
        .run(data, &mut out)
        .expect("an in-memory stream has no I/O errors");
    let out = String::from_utf8(out).expect("the output is UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    for line in &lines {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(value.is_object(), "each line is an object: {line}");
    }
    assert_eq!(lines.len(), summary.records + summary.errors);
});
