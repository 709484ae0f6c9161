//! Checking a translation against its source: `--source`, paragraph alignment and the
//! bilingual rules, as a user runs them.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;

const DIR: &str = "tests/fixtures/bilingual";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// `mtlint check --format json` with the default glossary and the fixtures' glossary, and
/// `--source`.
fn check_json(source: &str, target: &str, extra: &[&str]) -> (i32, Value) {
    let out = mtlint()
        .args(["check", "--isolated", "--format", "json", "--glossary"])
        .arg(fixture("glossary.toml"))
        .args(extra)
        .arg("--source")
        .arg(source)
        .arg(target)
        .output()
        .expect("runs");
    let json = serde_json::from_slice(&out.stdout).expect("valid JSON");
    (out.status.code().expect("exit code"), json)
}

/// (rule, flagged text) of every finding of the first file.
fn findings(json: &Value) -> Vec<(String, String)> {
    json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().expect("rule").to_owned(),
                d["text"].as_str().expect("text").to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_bilingual_rule_fires_on_the_fixture_pair() {
    let (code, json) = check_json(&fixture("source-en.txt"), &fixture("target-fr.txt"), &[]);
    assert_eq!(code, 1);
    let found = findings(&json);
    let rules: BTreeSet<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
    for rule in [
        "name-not-kept",
        "number-mismatch",
        "missing-term",
        "untranslated-segment",
    ] {
        assert!(rules.contains(rule), "{rule} missing from {found:?}");
    }
    assert!(found.contains(&("number-mismatch".into(), "1 400".into())));
    assert!(found.contains(&("name-not-kept".into(), "Institut du Port Lumineux".into())));
    // The translated Newsweek is one finding, not two; the untranslated paragraph absorbs
    // the fragment inside it.
    assert!(found.contains(&("translated-name".into(), "Semaine d'actualités".into())));
    assert!(!rules.contains("untranslated-fragment"), "{found:?}");
    let spans: Vec<(u64, u64)> = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["span"]["start"].as_u64().expect("start"),
                d["span"]["end"].as_u64().expect("end"),
            )
        })
        .collect();
    for w in spans.windows(2) {
        assert!(w[0].1 <= w[1].0, "overlapping findings {spans:?}");
    }
}

#[test]
fn json_output_of_the_fixture_pair() {
    let out = mtlint()
        .args(["check", "--isolated", "--format", "json", "--glossary"])
        .arg(fixture("glossary.toml"))
        .arg("--source")
        .arg(fixture("source-en.txt"))
        .arg(fixture("target-fr.txt"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    insta::assert_snapshot!(String::from_utf8(out.stdout).expect("utf-8"));
}

#[test]
fn a_clean_pair_fires_nothing() {
    let (code, json) = check_json(
        &fixture("clean-source-en.txt"),
        &fixture("clean-target-fr.txt"),
        &[],
    );
    assert_eq!(findings(&json), Vec::<(String, String)>::new());
    assert_eq!(code, 0);
}

#[test]
fn markdown_pairs_align_by_block() {
    let (code, json) = check_json(&fixture("source-en.md"), &fixture("target-fr.md"), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&json),
        [
            ("number-mismatch".to_string(), "5".to_string()),
            (
                "untranslated-segment".to_string(),
                "Officials said that the bridge would stay closed until further notice."
                    .to_string()
            ),
        ]
    );
}

#[test]
fn a_german_source_is_read_with_german_numbers() {
    let (code, json) = check_json(
        &fixture("source-de.txt"),
        &fixture("target-fr-from-de.txt"),
        &["--source-lang", "de"],
    );
    assert_eq!(code, 1);
    // "1.250,5" (German) is "1 250,5" (French); "2.400" is not "4 200".
    assert_eq!(
        findings(&json),
        [("number-mismatch".to_string(), "4 200".to_string())]
    );
    let message = json["files"][0]["diagnostics"][0]["message"]
        .as_str()
        .expect("message");
    assert!(
        message.contains("2.400") && message.contains("4 200"),
        "{message}"
    );
    let fix = &json["files"][0]["diagnostics"][0]["fixes"][0];
    assert_eq!(fix["edits"][0]["replacement"], "2 400");
}

#[test]
fn a_paragraph_count_mismatch_names_the_files_and_the_break() {
    let out = mtlint()
        .args(["check", "--isolated", "--source"])
        .arg(fixture("source-en.txt"))
        .arg(fixture("target-fr-extra.txt"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stderr.contains("source tests/fixtures/bilingual/source-en.txt has 5 paragraphs"),
        "{stderr}"
    );
    assert!(
        stderr.contains("target tests/fixtures/bilingual/target-fr-extra.txt has 6"),
        "{stderr}"
    );
    assert!(
        stderr.contains("target paragraph 2 (tests/fixtures/bilingual/target-fr-extra.txt:3:1)"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_sources_and_targets_are_input_errors() {
    const TARGET: &str = "tests/fixtures/bilingual/target-fr.txt";
    const SOURCE: &str = "tests/fixtures/bilingual/source-en.txt";
    let cases: [(&[&str], &str); 5] = [
        (
            &["--source", "tests/fixtures/bilingual/missing.txt", TARGET],
            "tests/fixtures/bilingual/missing.txt: cannot read",
        ),
        (
            &["--source", "tests/fixtures/article.html", TARGET],
            "tests/fixtures/article.html: --source aligns plain text (.txt) and Markdown (.md)",
        ),
        (
            &["--source", SOURCE, "tests/fixtures/article.html"],
            "tests/fixtures/article.html: --source aligns plain text (.txt) and Markdown (.md)",
        ),
        (
            &[
                "--source",
                SOURCE,
                TARGET,
                "tests/fixtures/bilingual/clean-target-fr.txt",
            ],
            "needs exactly one article to compare with it, got 2 paths",
        ),
        (
            &["--source", SOURCE, DIR],
            "needs exactly one article to compare with it, got a directory",
        ),
    ];
    for (args, expected) in cases {
        let out = mtlint()
            .args(["check", "--isolated"])
            .args(args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn unsafe_fixes_apply_and_the_result_checks_clean_of_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("target-fr.txt");
    let source = dir.path().join("source-en.txt");
    fs::copy(fixture("target-fr.txt"), &target).expect("copy");
    fs::copy(fixture("source-en.txt"), &source).expect("copy");
    mtlint()
        .args(["fix", "--isolated", "--unsafe-fixes", "--glossary"])
        .arg(fixture("glossary.toml"))
        .arg("--source")
        .arg(&source)
        .arg(&target)
        .assert()
        .code(1);
    let fixed = fs::read_to_string(&target).expect("read");
    assert!(
        fixed.starts_with("Newsweek a rapporté mardi que 1 500 personnes"),
        "{fixed}"
    );
    assert!(
        fixed.contains("\n\nLe Bright Harbor Institute a déclaré"),
        "{fixed}"
    );
    let (code, json) = check_json(
        source.to_str().expect("utf-8 path"),
        target.to_str().expect("utf-8 path"),
        &[],
    );
    assert_eq!(code, 1);
    let rules: Vec<String> = findings(&json).into_iter().map(|(r, _)| r).collect();
    // What is left needs a person: a display-only term and an untranslated paragraph.
    assert_eq!(rules, ["missing-term", "untranslated-segment"]);
}

#[test]
fn the_rules_are_listed_and_documented() {
    let out = mtlint()
        .arg("rules")
        .assert()
        .success()
        .get_output()
        .clone();
    let list = String::from_utf8(out.stdout).expect("utf-8");
    for id in [
        "name-not-kept",
        "number-mismatch",
        "missing-term",
        "untranslated-segment",
    ] {
        assert!(list.contains(id), "{id} not in {list}");
        let out = mtlint()
            .args(["rules", id])
            .assert()
            .success()
            .get_output()
            .clone();
        let doc = String::from_utf8(out.stdout).expect("utf-8");
        assert!(doc.contains("--source"), "{id}: {doc}");
    }
}
