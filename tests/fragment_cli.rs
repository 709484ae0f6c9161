//! `untranslated-fragment` through the command line: the default source language, German with
//! `--source-lang de`, severities and exit codes.

use assert_cmd::Command;
use serde_json::Value;

const ENGLISH_LEFT: &str =
    "Le texte a été adopté lundi. The minister declined to comment on the vote. \
Les syndicats appellent à la grève.\n";
const GERMAN_LEFT: &str = "Le texte a été adopté lundi. Die Regierung hat den Entwurf am Montag \
vorgestellt. Les syndicats appellent à la grève.\n";

/// Runs `mtlint check --format json` on `text` from standard input with `args`, and returns
/// the exit code and the (rule, severity, text) of every leftover finding.
fn leftovers(text: &str, args: &[&str]) -> (i32, Vec<(String, String, String)>) {
    let out = Command::cargo_bin("mtlint")
        .expect("binary built")
        .args(["check", "--format", "json"])
        .args(args)
        .arg("-")
        .write_stdin(text)
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let found = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "untranslated-fragment" || d["rule"] == "untranslated-term")
        .map(|d| {
            let field = |k: &str| d[k].as_str().expect("string").to_owned();
            (field("rule"), field("severity"), field("text"))
        })
        .collect();
    (out.status.code().expect("exit code"), found)
}

fn finding(severity: &str, text: &str) -> (String, String, String) {
    (
        "untranslated-fragment".to_owned(),
        severity.to_owned(),
        text.to_owned(),
    )
}

#[test]
fn english_is_the_default_source_language() {
    let (code, found) = leftovers(ENGLISH_LEFT, &[]);
    assert_eq!(
        found,
        [finding(
            "error",
            "The minister declined to comment on the vote."
        )]
    );
    assert_eq!(code, 1, "an error fails the run");
    let (_, found) = leftovers(GERMAN_LEFT, &[]);
    assert!(found.is_empty(), "German is not English: {found:?}");
}

#[test]
fn source_lang_de_finds_german_leftovers() {
    let (code, found) = leftovers(GERMAN_LEFT, &["--source-lang", "de"]);
    assert_eq!(
        found,
        [finding(
            "error",
            "Die Regierung hat den Entwurf am Montag vorgestellt."
        )]
    );
    assert_eq!(code, 1);
    let (_, found) = leftovers(
        "La coalition Ampel, die seit 2021 regiert, a perdu sa majorité.\n",
        &["--source-lang", "de"],
    );
    assert_eq!(found, [finding("warning", "Ampel, die seit 2021 regiert")]);
}

#[test]
fn an_inline_run_is_a_warning_and_does_not_fail_by_default() {
    let text = "La réunion a été reportée, noting that no date had been set.\n";
    let (code, found) = leftovers(text, &[]);
    assert_eq!(
        found,
        [finding("warning", "noting that no date had been set")]
    );
    assert_eq!(code, 0);
    let (code, _) = leftovers(text, &["--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn a_paragraph_in_english_is_info() {
    let text = "Le président a réagi jeudi.\n\nWe will keep working with our partners on this.\n";
    let (code, found) = leftovers(text, &[]);
    assert_eq!(
        found,
        [finding(
            "info",
            "We will keep working with our partners on this."
        )]
    );
    assert_eq!(code, 0);
}
