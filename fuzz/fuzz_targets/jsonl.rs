//! The JSON Lines runner: any byte stream gives one JSON output line per non-blank input line
//! (a result or an error), and never an I/O error on an in-memory stream.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlint::config::Settings;
use mtlint::jsonl::JsonlRunner;
use std::sync::{Mutex, OnceLock};

/// One runner for the whole session: it compiles a linter per language on first use, which
/// would otherwise dominate every execution.
fn runner() -> &'static Mutex<JsonlRunner<'static>> {
    static GLOSSARY: OnceLock<mtlint::glossary::Glossary> = OnceLock::new();
    static RUNNER: OnceLock<Mutex<JsonlRunner<'static>>> = OnceLock::new();
    RUNNER.get_or_init(|| {
        let glossary = GLOSSARY.get_or_init(mtlint::glossary::default_glossary);
        Mutex::new(JsonlRunner::new(glossary, Settings::default()))
    })
}

fuzz_target!(|data: &[u8]| {
    let mut out = Vec::new();
    let mut runner = runner().lock().unwrap_or_else(|e| e.into_inner());
    let summary = runner
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
