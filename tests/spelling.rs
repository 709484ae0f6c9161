//! `inconsistent-spelling` from the command line: one article of our own in the manner of the
//! seed, and the batch consistency scope over several files.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;

const ARTICLE: &str = "tests/fixtures/spelling-fr.txt";
const BATCH_A: &str = "tests/fixtures/spelling-batch-a.txt";
const BATCH_B: &str = "tests/fixtures/spelling-batch-b.txt";
const RULE: &str = "inconsistent-spelling";

fn check_json(args: &[&str]) -> Value {
    let out = Command::cargo_bin("mtlint")
        .expect("binary built")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("mtlint runs");
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// The findings of the rule in one file of a report: (text, message, replacement).
fn spelling_findings(file: &Value) -> Vec<(String, String, String)> {
    file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == RULE)
        .map(|d| {
            (
                d["text"].as_str().expect("text").to_owned(),
                d["message"].as_str().expect("message").to_owned(),
                d["fixes"][0]["edits"][0]["replacement"]
                    .as_str()
                    .expect("replacement")
                    .to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_minority_spelling_is_the_one_finding_with_or_without_the_default_glossary() {
    for glossary in [&[][..], &["--no-default-glossary"][..]] {
        let mut args = glossary.to_vec();
        args.push(ARTICLE);
        let report = check_json(&args);
        let file = &report["files"][0];
        let found = spelling_findings(file);
        assert_eq!(found.len(), 2, "{glossary:?}: {found:?}");
        for (text, message, replacement) in &found {
            assert_eq!(text, "Haut-Karabagh");
            assert!(
                message.starts_with(
                    "`Haut-Karabagh` is also spelled `Haut-Karabakh` (4 times in this document)"
                ),
                "{message}"
            );
            assert_eq!(replacement, "Haut-Karabakh");
        }
        let d = file["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["rule"] == RULE)
            .expect("a finding");
        assert_eq!(d["severity"], "warning");
        assert_eq!(d["fixes"][0]["applicability"], "unsafe");
        assert_eq!(d["related"].as_array().expect("related").len(), 4);
    }
}

#[test]
fn applying_the_unsafe_fixes_leaves_one_spelling() {
    let report = check_json(&["--no-default-glossary", ARTICLE]);
    let mut edits = Vec::new();
    for d in report["files"][0]["diagnostics"].as_array().expect("array") {
        if d["rule"] != RULE {
            continue;
        }
        for e in d["fixes"][0]["edits"].as_array().expect("edits") {
            edits.push(mtlint::diagnostic::Edit::replace(
                mtlint::diagnostic::Span::new(
                    e["start"].as_u64().expect("start") as usize,
                    e["end"].as_u64().expect("end") as usize,
                ),
                e["replacement"].as_str().expect("replacement"),
            ));
        }
    }
    let text = fs::read_to_string(ARTICLE).expect("fixture");
    let fixed = mtlint::fix::apply_edits(&text, &edits).expect("fixes apply");
    assert!(!fixed.contains("Haut-Karabagh"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fixed.txt");
    fs::write(&path, fixed).expect("write");
    let report = check_json(&["--no-default-glossary", path.to_str().expect("utf-8 path")]);
    assert_eq!(spelling_findings(&report["files"][0]), []);
}

#[test]
fn file_scope_compares_spellings_within_each_file_only() {
    let report = check_json(&["--no-default-glossary", BATCH_A, BATCH_B]);
    for file in report["files"].as_array().expect("files") {
        assert_eq!(spelling_findings(file), [], "{}", file["path"]);
    }
}

#[test]
fn batch_scope_pools_the_files_and_reports_in_each() {
    let report = check_json(&[
        "--no-default-glossary",
        "--consistency-scope",
        "batch",
        BATCH_A,
        BATCH_B,
    ]);
    let files = report["files"].as_array().expect("files");
    assert_eq!(files[0]["path"], BATCH_A);
    assert_eq!(spelling_findings(&files[0]), []);
    assert_eq!(files[1]["path"], BATCH_B);
    assert_eq!(
        spelling_findings(&files[1]),
        [(
            "Kadirov".to_owned(),
            "`Kadirov` is also spelled `Kadyrov` (2 times in this batch)".to_owned(),
            "Kadyrov".to_owned()
        )]
    );
    // The other file's occurrences are not spans of this one.
    let d = &files[1]["diagnostics"][0];
    assert_eq!(d["related"].as_array().expect("related").len(), 0);
}
