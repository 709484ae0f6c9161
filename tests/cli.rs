//! The `mtlint` command as a user runs it: inputs, outputs, exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;

const SAMPLE: &str = "tests/fixtures/sample-fr.txt";
const CLEAN: &str = "tests/fixtures/clean-fr.txt";
const GLOSSARY: &str = "tests/fixtures/glossary.toml";

fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// `mtlint check` with only the test glossary.
fn check_with_test_glossary() -> Command {
    let mut cmd = mtlint();
    cmd.args(["check", "--no-default-glossary", "--glossary", GLOSSARY]);
    cmd
}

/// Runs `cmd`, asserts its exit code, and returns its standard output.
#[track_caller]
fn stdout_with_code(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8")
}

fn json_of(output: &[u8]) -> Value {
    serde_json::from_slice(output).expect("valid JSON")
}

/// Applies the first fix of every diagnostic with at least `min` applicability.
fn apply_fixes(text: &str, file: &Value) -> String {
    let mut edits = Vec::new();
    for d in file["diagnostics"].as_array().expect("array") {
        let Some(fix) = d["fixes"].get(0) else {
            continue;
        };
        if fix["applicability"] != "safe" {
            continue;
        }
        for e in fix["edits"].as_array().expect("edits") {
            edits.push(mtlint::diagnostic::Edit::replace(
                mtlint::diagnostic::Span::new(
                    e["start"].as_u64().expect("start") as usize,
                    e["end"].as_u64().expect("end") as usize,
                ),
                e["replacement"].as_str().expect("replacement"),
            ));
        }
    }
    mtlint::fix::apply_edits(text, &edits).expect("fixes apply")
}

#[test]
fn concise_output_lists_every_glossary_finding_and_fails() {
    insta::assert_snapshot!(stdout_with_code(
        check_with_test_glossary().args(["--format", "concise", SAMPLE]),
        1
    ));
}

#[test]
fn human_output_shows_the_line_the_span_and_the_patch() {
    insta::assert_snapshot!(stdout_with_code(
        check_with_test_glossary().args(["--color", "never", SAMPLE]),
        1
    ));
}

#[test]
fn clean_article_has_no_findings() {
    check_with_test_glossary()
        .arg(CLEAN)
        .assert()
        .code(0)
        .stdout("No findings in 1 file.\n");
}

#[test]
fn json_follows_the_version_1_contract() {
    let out = stdout_with_code(
        check_with_test_glossary().args(["--format", "json", SAMPLE]),
        1,
    );
    let report = json_of(out.as_bytes());
    assert_eq!(report["version"], 1);
    let file = &report["files"][0];
    assert_eq!(file["path"], SAMPLE);
    assert_eq!(file["language"], "fr");
    assert!(file["words"].as_u64().expect("words") > 150);
    let text = fs::read_to_string(SAMPLE).expect("fixture");
    let diags = file["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 6);
    for d in diags {
        let span = &d["span"];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(d["text"], &text[start..end], "text is the span's bytes");
        let line = text[..start].matches('\n').count() + 1;
        assert_eq!(span["line"], line);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(span["column"], text[line_start..start].chars().count() + 1);
        assert_eq!(
            span["end_column"],
            text[line_start..end].chars().count() + 1
        );
        for key in ["rule", "severity", "message", "fixes", "related"] {
            assert!(d.get(key).is_some(), "missing {key}");
        }
    }
    let first = &diags[1];
    assert_eq!(first["rule"], "translated-name");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["text"], "Semaine d’actualités");
    assert_eq!(first["fixes"][0]["applicability"], "safe");
    assert_eq!(first["fixes"][0]["edits"][0]["replacement"], "Newsweek");
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 3, "warnings": 3, "infos": 0})
    );
}

#[test]
fn applying_every_safe_fix_leaves_no_glossary_finding() {
    let out = check_with_test_glossary()
        .args(["--format", "json", SAMPLE])
        .output()
        .expect("runs");
    let report = json_of(&out.stdout);
    let text = fs::read_to_string(SAMPLE).expect("fixture");
    let fixed = apply_fixes(&text, &report["files"][0]);
    assert!(fixed.contains("Newsweek a contacté"));
    assert!(fixed.contains("Le Wall Street Journal rapporte"));
    // The gloss is exactly a glossary term: its fix is safe.
    assert!(fixed.contains("l’OTS [Organisation des États turciques]"));
    assert!(fixed.contains("Nikol Pachinian a de nouveau"));
    let again = check_with_test_glossary()
        .args(["--format", "json", "-"])
        .write_stdin(fixed)
        .output()
        .expect("runs");
    let report = json_of(&again.stdout);
    let rules: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .filter(|r| {
            [
                "translated-name",
                "wrong-term",
                "glossary-variant",
                "untranslated-term",
            ]
            .contains(r)
        })
        .collect();
    assert!(rules.is_empty(), "left after fixing: {rules:?}");
}

#[test]
fn stdin_is_named_by_stdin_filename() {
    check_with_test_glossary()
        .args([
            "--format",
            "concise",
            "--stdin-filename",
            "dépêche.txt",
            "-",
        ])
        .write_stdin("Selon Semaine d’actualités, rien.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "dépêche.txt:1:7: error[translated-name]",
        ));
    check_with_test_glossary()
        .args(["--format", "json", "-"])
        .write_stdin("Rien à signaler.")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"path\": \"-\""));
}

#[test]
fn bom_and_crlf_keep_byte_offsets_of_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crlf.txt");
    let content = "\u{feff}Titre\r\nUn article de Semaine d’actualités.\r\nFin.\r\n";
    fs::write(&path, content).expect("write");
    let out = check_with_test_glossary()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let report = json_of(&out.stdout);
    let d = &report["files"][0]["diagnostics"][0];
    let start = content.find("Semaine").unwrap();
    assert_eq!(d["span"]["start"], start);
    assert_eq!(d["span"]["end"], start + "Semaine d’actualités".len());
    assert_eq!(d["span"]["line"], 2);
    assert_eq!(d["span"]["column"], 15);
    let fixed = apply_fixes(content, &report["files"][0]);
    assert_eq!(
        fixed,
        "\u{feff}Titre\r\nUn article de Newsweek.\r\nFin.\r\n"
    );
    // On the first line the BOM is not a column.
    let first_line = "\u{feff}Semaine d’actualités.\r\n";
    fs::write(&path, first_line).expect("write");
    check_with_test_glossary()
        .args(["--format", "concise"])
        .arg(&path)
        .assert()
        .stdout(predicate::str::contains(
            "crlf.txt:1:1: error[translated-name]",
        ));
}

#[test]
fn bad_inputs_are_reported_and_the_other_files_still_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("latin1.txt");
    fs::write(&bad, b"Caf\xe9 de Semaine d'actualit\xe9s\n").expect("write");
    let missing = dir.path().join("missing.txt");
    check_with_test_glossary()
        .args(["--format", "concise"])
        .arg(&bad)
        .arg(&missing)
        .arg(SAMPLE)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "latin1.txt:1: invalid UTF-8 at byte 3",
        ))
        .stderr(predicate::str::contains(
            "missing.txt: cannot read: no such file",
        ))
        .stdout(predicate::str::contains(
            "sample-fr.txt:5:129: error[translated-name]",
        ));
}

#[test]
fn no_paths_is_a_usage_error() {
    mtlint()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input"));
    mtlint()
        .args(["check", "--format", "xml", SAMPLE])
        .assert()
        .code(2);
}

#[test]
fn fail_on_chooses_the_threshold() {
    let warning_only = "Le Premier ministre Nikol Pashinyan est arrivé.\n";
    for (level, code) in [("error", 0), ("warning", 1), ("info", 1), ("never", 0)] {
        check_with_test_glossary()
            .args(["--fail-on", level, "-"])
            .write_stdin(warning_only)
            .assert()
            .code(code);
    }
    check_with_test_glossary()
        .args(["--fail-on", "never", SAMPLE])
        .assert()
        .code(0);
}

#[test]
fn color_is_chosen_by_flag_and_no_color() {
    check_with_test_glossary()
        .args(["--color", "always", SAMPLE])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    check_with_test_glossary()
        .args(["--color", "auto", SAMPLE])
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn glossary_errors_name_the_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("team.toml");
    fs::write(
        &path,
        "[[concept]]\nid = \"kyiv\"\nkind = \"place\"\nfr = { preferred = \"Kiev\", wrong = [\"Kiev\"], spelling = \"x\" }\n",
    )
    .expect("write");
    mtlint()
        .args(["glossary", "check"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "team.toml:4:46: unknown field `spelling`",
        ));
    fs::write(
        &path,
        "[[concept]]\nid = \"kyiv\"\nkind = \"place\"\nfr = { preferred = \"Kiev\", wrong = [\"Kiev\"] }\n",
    )
    .expect("write");
    mtlint()
        .args(["glossary", "check"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "team.toml:4:37: concept `kyiv`: form `Kiev` is both right (`fr.preferred`) and wrong (`fr.wrong`)",
        ));
    // The same errors stop `check`, before any article is read.
    mtlint()
        .args(["check", "--glossary"])
        .arg(&path)
        .arg(SAMPLE)
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn glossary_check_prints_statistics() {
    mtlint()
        .args(["glossary", "check", GLOSSARY])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("glossary.toml: ok, 9 concepts"))
        .stdout(predicate::str::contains("kept names: 3"));
}

#[test]
fn rules_are_listed_and_documented() {
    mtlint()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("translated-name"))
        .stdout(predicate::str::contains("untranslated-term"));
    mtlint()
        .args(["rules", "glossary-variant"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## Why is this bad?"))
        .stdout(predicate::str::contains("## Fix safety"));
    mtlint()
        .args(["rules", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `no-such-rule`"));
}

#[test]
fn the_default_glossary_works_without_any_config() {
    mtlint()
        .args(["check", "--format", "concise", SAMPLE])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[translated-name] `Semaine d’actualités`",
        ))
        .stdout(predicate::str::contains(
            "`Pashinyan` is not the house spelling",
        ));
    mtlint()
        .args(["check", "--no-default-glossary", "--format", "json", SAMPLE])
        .assert()
        .stdout(predicate::str::contains("translated-name").not());
}

#[test]
fn the_format_comes_from_the_extension_the_flag_or_the_stdin_name() {
    // Markdown code is skipped when read as Markdown, checked when read as text.
    let md = "Texte.\n\n```\nSemaine d’actualités\n```\n";
    check_with_test_glossary()
        .args(["--stdin-filename", "a.md", "-"])
        .write_stdin(md)
        .assert()
        .code(0);
    check_with_test_glossary()
        .args(["--stdin-filename", "a.txt", "-"])
        .write_stdin(md)
        .assert()
        .code(1);
    check_with_test_glossary()
        .args(["--input-format", "md", "-"])
        .write_stdin(md)
        .assert()
        .code(0);
    check_with_test_glossary()
        .args(["--format", "concise", "tests/fixtures/article.html"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "article.html:12:229: error[translated-name]",
        ));
    check_with_test_glossary()
        .args(["--input-format", "docx", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format `docx`"));
}

#[test]
fn jsonl_streams_one_result_per_record() {
    let input = concat!(
        r#"{"id": "a", "text": "Selon Semaine d’actualités."}"#,
        "\n",
        r#"{"id": "b", "text": "Rien à signaler."}"#,
        "\n",
        "not json\n",
        r#"{"id": "c", "text": "<p>Nikol <b>Pashinyan</b></p>", "format": "html"}"#,
        "\n",
    );
    let out = check_with_test_glossary()
        .args(["--jsonl", "-"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1 malformed record"))
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["diagnostics"][0]["rule"], "translated-name");
    assert_eq!(lines[1]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(
        lines[2],
        serde_json::json!({"line": 3, "error": "expected ident (column 2)"})
    );
    assert_eq!(lines[3]["diagnostics"][0]["text"], "Nikol <b>Pashinyan");
    check_with_test_glossary()
        .arg("--jsonl")
        .write_stdin(r#"{"id": 1, "text": "Rien."}"#)
        .assert()
        .code(0);
}
