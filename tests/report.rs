//! `mtlint report` as a user runs it: the Markdown (snapshot), the HTML's safety and
//! completeness, scoring options, bad inputs, and applying exported decisions.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::fs;

const SAMPLE: &str = "tests/fixtures/sample-fr.txt";
const CLEAN: &str = "tests/fixtures/clean-fr.txt";
const MARKDOWN: &str = "tests/fixtures/article.md";
const HTML: &str = "tests/fixtures/article.html";
const HOSTILE: &str = "tests/fixtures/report/hostile.txt";
const GLOSSARY: &str = "tests/fixtures/glossary.toml";
const HOSTILE_GLOSSARY: &str = "tests/fixtures/report/hostile-glossary.toml";

fn mtlint() -> Command {
    Command::cargo_bin("mtlint").expect("binary built")
}

/// `mtlint report` with only the test glossaries.
fn report() -> Command {
    let mut cmd = mtlint();
    cmd.args([
        "report",
        "--no-default-glossary",
        "--glossary",
        GLOSSARY,
        "--glossary",
        HOSTILE_GLOSSARY,
    ]);
    cmd
}

fn stdout_of(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8")
}

/// The findings `mtlint check --format json` reports for the same inputs.
fn check_json(paths: &[&str]) -> Value {
    let mut cmd = mtlint();
    cmd.args([
        "check",
        "--no-default-glossary",
        "--glossary",
        GLOSSARY,
        "--glossary",
        HOSTILE_GLOSSARY,
        "--format",
        "json",
        "--fail-on",
        "never",
    ])
    .args(paths);
    serde_json::from_str(&stdout_of(&mut cmd, 0)).expect("json")
}

#[test]
fn markdown_report_has_the_summary_table_details_and_diff_blocks() {
    let md = stdout_of(
        report().args(["--format", "markdown", SAMPLE, CLEAN, MARKDOWN]),
        0,
    );
    insta::assert_snapshot!(md);
}

#[test]
fn markdown_output_file_picks_the_format_from_its_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("comment.md");
    report()
        .arg(SAMPLE)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let md = fs::read_to_string(&out).expect("written");
    assert!(md.starts_with("## mtlint review report"));
    assert!(md.contains("```diff"));
}

#[test]
fn html_report_is_one_safe_page_with_a_highlight_per_finding() {
    let paths = [SAMPLE, CLEAN, MARKDOWN, HTML, HOSTILE];
    let html = stdout_of(report().args(paths), 0);
    let findings: usize = check_json(&paths)["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["diagnostics"].as_array().expect("diagnostics").len())
        .sum();
    assert!(findings > 10);
    assert_eq!(html.matches("<mark class=\"f ").count(), findings);
    assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;sha256-"));
    // Nothing is loaded from anywhere: no src or href but fragments.
    for tag in [
        "<img",
        "<link",
        "<iframe",
        "<object",
        "<embed",
        "<script src",
        "url(",
        "@import",
    ] {
        assert!(!html.contains(tag), "{tag} in the page");
    }
    for href in html.split(" href=\"").skip(1) {
        assert!(
            href.starts_with('#'),
            "external href: {}",
            &href[..40.min(href.len())]
        );
    }
    // Two scripts: the data block and the page's own; the hostile text is escaped.
    assert_eq!(html.matches("<script").count(), 2);
    assert!(!html.contains("<img"));
    assert!(!html.contains("<svg onload"));
    assert!(html.contains("&lt;script&gt;window.__pwned = &quot;script&quot;;&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror="));
    assert!(html.contains("@media print"));
}

#[test]
fn weights_and_threshold_change_scores_and_verdicts() {
    let strict = stdout_of(
        report().args(["--format", "markdown", "--pass-threshold", "100", CLEAN]),
        0,
    );
    assert!(strict.contains("**1 of 1 articles pass**"), "{strict}");
    let free = stdout_of(
        report().args([
            "--format",
            "markdown",
            "--weights",
            "minor=0,major=0,critical=0",
            SAMPLE,
        ]),
        0,
    );
    assert!(
        free.contains("| 1 | tests/fixtures/sample-fr.txt | 100.0 | ✅ pass |"),
        "{free}"
    );
}

#[test]
fn bad_options_and_inputs_are_clear_errors_with_exit_code_2() {
    let err = |cmd: &mut Command| {
        let out = cmd.assert().code(2).get_output().stderr.clone();
        String::from_utf8(out).expect("utf-8")
    };
    assert!(err(report().args(["--weights", "huge=3", SAMPLE]))
        .contains("unknown severity `huge`; known: critical, major, minor, neutral"));
    assert!(err(report().args(["--pass-threshold", "120", SAMPLE]))
        .contains("`120` is not a score from 0 to 100"));
    assert!(err(&mut report()).contains("no input"));
    // A missing file: the report of the others is still written.
    let mut cmd = report();
    cmd.args(["--format", "markdown", SAMPLE, "tests/fixtures/missing.txt"]);
    let out = cmd.assert().code(2);
    let output = out.get_output();
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("mtlint: error: tests/fixtures/missing.txt: cannot read: no such file"));
    assert!(String::from_utf8_lossy(&output.stdout).contains("sample-fr.txt"));
}

/// A decisions file as the page exports it: the default fix of every finding of `file`.
fn decisions_for(path: &str, file: &Value, text: &str) -> Value {
    let decisions: Vec<Value> = file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let edits: Vec<Value> = d["fixes"][0]["edits"]
                .as_array()
                .expect("edits")
                .iter()
                .map(|e| {
                    let (s, t) = (e["start"].as_u64().expect("start") as usize, e["end"].as_u64().expect("end") as usize);
                    json!({"start": s, "end": t, "original": &text[s..t], "replacement": e["replacement"]})
                })
                .collect();
            json!({"rule": d["rule"], "span": {"start": d["span"]["start"], "end": d["span"]["end"]},
                   "text": d["text"], "fix": 0, "edits": edits})
        })
        .collect();
    json!({"version": 1, "generator": "mtlint report", "files": [{"path": path, "decisions": decisions}]})
}

#[test]
fn exported_decisions_are_applied_and_refused_once_the_text_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("article.txt");
    let text = fs::read_to_string(SAMPLE).expect("sample");
    fs::write(&article, &text).expect("copy");
    let path = article.to_str().expect("utf-8 path");
    let json = check_json(&[path]);
    let decisions = decisions_for(path, &json["files"][0], &text);
    let file = dir.path().join("decisions.json");
    fs::write(&file, decisions.to_string()).expect("decisions");

    // Edited since the report: refused, nothing written.
    let edited = text.replacen("Semaine d’actualités", "Semaine d’actualité", 1);
    fs::write(&article, &edited).expect("edit");
    let mut cmd = mtlint();
    cmd.args(["report", "--apply-decisions"]).arg(&file);
    let out = cmd.assert().code(2).get_output().stderr.clone();
    let stderr = String::from_utf8(out).expect("utf-8");
    assert!(stderr.contains("changed since the report"), "{stderr}");
    assert!(stderr.contains("no file was changed"));
    assert_eq!(fs::read_to_string(&article).expect("read"), edited);

    fs::write(&article, &text).expect("restore");
    // `mtlint fix --apply-decisions` is the same command.
    let mut cmd = mtlint();
    cmd.args(["fix", "--apply-decisions"]).arg(&file);
    let out = stdout_of(&mut cmd, 0);
    assert!(out.ends_with("6 edits applied\n"), "{out}");
    let fixed = fs::read_to_string(&article).expect("read");
    assert!(fixed.contains("Newsweek a contacté"));
    assert!(fixed.contains("Le Wall Street Journal rapporte"));
    // Nothing left to fix with a safe fix.
    let again = check_json(&[path]);
    assert_eq!(
        again["files"][0]["diagnostics"].as_array().map(Vec::len),
        Some(0)
    );
}

#[test]
fn a_malformed_decisions_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("d.json");
    fs::write(&file, "{\"version\": 1, \"files\": [{\"path\": 3}]}").expect("write");
    let mut cmd = mtlint();
    cmd.args(["report", "--apply-decisions"]).arg(&file);
    let out = cmd.assert().code(2).get_output().stderr.clone();
    let stderr = String::from_utf8(out).expect("utf-8");
    assert!(
        stderr.contains(
            "not a decisions file of `mtlint report`: invalid type: integer `3`, expected a string"
        ),
        "{stderr}"
    );
}
