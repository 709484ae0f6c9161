//! XLIFF and PO files through the `mtlint` command: findings in the targets, JSON, exit codes,
//! broken files, and fixes that edit targets only and keep the file valid.

use assert_cmd::Command;
use mtlint::diagnostic::{Edit, Span};
use mtlint::document::{Document, Format};
use mtlint::input::Source;
use proptest::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;

const GLOSSARY: &str = "tests/fixtures/glossary.toml";
const DIR: &str = "tests/fixtures/bilingual";
const ARTICLES: [&str; 3] = ["article.xlf", "article-2.0.xlf", "article.po"];
const HOSTILE: [&str; 3] = ["hostile.xlf", "hostile-2.0.xlf", "hostile.po"];

fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// `mtlint check` with only the test glossary.
fn check() -> Command {
    let mut cmd = mtlint();
    cmd.args(["check", "--no-default-glossary", "--glossary", GLOSSARY]);
    cmd
}

fn fixture(name: &str) -> String {
    fs::read_to_string(Path::new(DIR).join(name)).expect("fixture")
}

fn parse(name: &str, text: &str) -> Document {
    Document::parse(
        Source {
            name: name.to_owned(),
            text: text.to_owned(),
        },
        Format::from_path(Path::new(name)),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Runs `cmd`, asserts its exit code, and returns standard output and standard error.
#[track_caller]
fn run(cmd: &mut Command, code: i32) -> (String, String) {
    let out = cmd.assert().code(code).get_output().clone();
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

/// The original bytes of every pair's source, in order.
fn sources(doc: &Document) -> Vec<&str> {
    doc.pairs
        .iter()
        .map(|p| p.source_span.slice(&doc.original))
        .collect()
}

/// The original byte ranges of the targets (where findings may be).
fn target_ranges(doc: &Document) -> Vec<Span> {
    doc.pairs
        .iter()
        .map(|p| doc.to_original(p.target))
        .collect()
}

#[test]
fn every_article_reports_the_existing_findings_inside_its_targets() {
    for name in ARTICLES {
        let path = format!("{DIR}/{name}");
        let (out, _) = run(check().args(["--format", "json", &path]), 1);
        let report = json(&out);
        let file = &report["files"][0];
        assert_eq!(file["path"], path.as_str());
        let doc = parse(name, &fixture(name));
        let targets = target_ranges(&doc);
        let mut rules: Vec<(String, String)> = Vec::new();
        for d in file["diagnostics"].as_array().expect("diagnostics") {
            let start = d["span"]["start"].as_u64().expect("start") as usize;
            let end = d["span"]["end"].as_u64().expect("end") as usize;
            assert!(
                targets.iter().any(|t| t.start <= start && end <= t.end),
                "{name}: {d} is outside every target"
            );
            // A PO finding may span two strings of one msgstr: `Semaine "⏎"d’actualités`.
            let text = d["text"].as_str().expect("text").replace("\"\n\"", "");
            rules.push((d["rule"].as_str().expect("rule").to_owned(), text));
        }
        for expected in [
            ("translated-name", "Semaine d’actualités"),
            ("glossary-variant", "Nikol Pashinyan"),
            ("untranslated-fragment", "the situation remains very tense"),
            // The bilingual rules, from the source each target is paired with.
            ("number-mismatch", "21"),
            (
                "untranslated-segment",
                "Talks will resume next week in Geneva, officials said.",
            ),
        ] {
            assert!(
                rules
                    .iter()
                    .any(|(r, t)| r == expected.0 && t == expected.1),
                "{name}: no {expected:?} in {rules:?}"
            );
        }
        for rule in ["name-not-kept", "missing-term"] {
            assert!(
                rules.iter().any(|(r, _)| r == rule),
                "{name}: no {rule} in {rules:?}"
            );
        }
        // Nothing in the sources, the translate="no" unit or the obsolete entry is checked.
        assert!(rules.iter().all(|(_, t)| !t.contains("SUMMIT")));
    }
}

#[test]
fn line_and_column_point_into_the_target() {
    let (out, _) = run(
        check().args(["--format", "concise", &format!("{DIR}/article.xlf")]),
        1,
    );
    let line = out
        .lines()
        .find(|l| l.contains("translated-name"))
        .expect("a translated-name finding");
    // Line 15 is the <target> of p1-s1; the source (line 14) also says Newsweek.
    assert!(
        line.starts_with("tests/fixtures/bilingual/article.xlf:15:92: error[translated-name]"),
        "{line}"
    );
    let (out, _) = run(
        check().args(["--format", "concise", &format!("{DIR}/article.po")]),
        1,
    );
    assert!(
        out.contains("article.po:19:65: error[translated-name]"),
        "{out}"
    );
}

#[test]
fn directories_are_walked_for_xliff_and_po() {
    let (out, _) = run(check().args(["--format", "json", DIR]), 1);
    let paths: Vec<String> = json(&out)["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_owned())
        .collect();
    for name in ARTICLES.iter().chain(&HOSTILE) {
        assert!(
            paths.iter().any(|p| p.ends_with(name)),
            "{name} not in {paths:?}"
        );
    }
}

#[test]
fn input_format_and_stdin_filename_pick_the_format() {
    let text = fixture("article.po");
    let (out, _) = run(
        check()
            .args(["--format", "json", "--stdin-filename", "a.po", "-"])
            .write_stdin(text.clone()),
        1,
    );
    assert_eq!(json(&out)["files"][0]["path"], "a.po");
    let (out, _) = run(
        check()
            .args(["--format", "json", "--input-format", "po", "-"])
            .write_stdin(text.clone()),
        1,
    );
    let diagnostics = &json(&out)["files"][0]["diagnostics"];
    assert!(!diagnostics.as_array().expect("array").is_empty());
    // As plain text, the msgids would be checked too: more findings.
    let (plain, _) = run(
        check()
            .args(["--format", "json", "--input-format", "txt", "-"])
            .write_stdin(text),
        1,
    );
    let plain = json(&plain)["files"][0]["diagnostics"]
        .as_array()
        .expect("array")
        .len();
    assert!(plain > diagnostics.as_array().expect("array").len());
}

#[test]
fn a_clean_translation_exits_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    let po = dir.path().join("clean.po");
    fs::write(
        &po,
        "msgid \"\"\nmsgstr \"Language: fr\\n\"\n\nmsgid \"Newsweek said.\"\nmsgstr \"Newsweek l’a dit.\"\n",
    )
    .expect("write");
    let (_, err) = run(check().arg(&po), 0);
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_broken_file_exits_2_with_its_place_and_the_others_are_still_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken_xlf = dir.path().join("broken.xlf");
    fs::write(
        &broken_xlf,
        "<xliff version=\"1.2\">\n  <file><body>\n    <trans-unit id=\"1\"><source>a</target>\n",
    )
    .expect("write");
    let broken_po = dir.path().join("broken.po");
    fs::write(&broken_po, "msgid \"a\"\nmsgstr \"b\\q\"\n").expect("write");
    let unknown = dir.path().join("future.xliff");
    fs::write(&unknown, "<xliff version=\"3.0\"></xliff>").expect("write");
    let good = format!("{DIR}/article.po");
    let (out, err) = run(
        check()
            .args(["--format", "json"])
            .arg(&broken_xlf)
            .arg(&good)
            .arg(&broken_po)
            .arg(&unknown),
        2,
    );
    let files = json(&out)["files"].as_array().expect("files").clone();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["path"], good.as_str());
    assert!(!files[0]["diagnostics"]
        .as_array()
        .expect("array")
        .is_empty());
    for (path, place) in [
        (&broken_xlf, ":3:33: malformed XML"),
        (&broken_po, ":2:10: invalid escape `\\q`"),
        (&unknown, ":1:1: XLIFF version `3.0` is not supported"),
    ] {
        let expected = format!("mtlint: error: {}{place}", path.display());
        assert!(err.contains(&expected), "{expected} not in:\n{err}");
    }
}

#[test]
fn declared_languages_that_differ_from_lang_are_a_warning_once_per_file() {
    let path = format!("{DIR}/article.xlf");
    let (_, err) = run(
        check().args(["--lang", "de", "--fail-on", "never", &path]),
        0,
    );
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning")).collect();
    assert_eq!(
        warnings,
        [format!(
            "mtlint: warning: {path}: the file declares the target language `fr`, but it is \
             checked as `de` (set --lang to change)"
        )]
    );
    let (_, err) = run(check().arg(&path), 1);
    assert!(!err.contains("warning"), "{err}");
    // `fr_FR` in a PO header is French.
    let (_, err) = run(check().arg(format!("{DIR}/hostile.po")), 1);
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn jsonl_records_take_the_bilingual_formats() {
    let record = serde_json::json!({"id": 1, "format": "po", "text": fixture("article.po")});
    let broken = serde_json::json!({"id": 2, "format": "xliff", "text": "<xliff>"});
    let (out, _) = run(
        mtlint()
            .args([
                "check",
                "--no-default-glossary",
                "--glossary",
                GLOSSARY,
                "--jsonl",
            ])
            .write_stdin(format!("{record}\n{broken}\n")),
        2,
    );
    let lines: Vec<Value> = out.lines().map(json).collect();
    assert!(lines[0]["diagnostics"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains(":1:1: the <xliff> element has no version")));
}

/// Runs `mtlint check` with `flags` on a copy of each fixture, and checks the fixed file: it
/// parses again (the XLIFF is well-formed for roxmltree too), its sources are byte-identical,
/// and its targets hold the fixes.
fn assert_fix_round_trip(names: &[&str], flags: &[&str]) {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in names {
        let before = fixture(name);
        let path = dir.path().join(name);
        fs::write(&path, &before).expect("copy");
        let mut cmd = check();
        cmd.args(flags).arg(&path);
        cmd.assert().code(predicates::ord::ge(0));
        let after = fs::read_to_string(&path).expect("fixed file");
        assert_ne!(after, before, "{name}: nothing was fixed");
        if name.ends_with(".xlf") {
            roxmltree::Document::parse(after.trim_start_matches('\u{feff}'))
                .unwrap_or_else(|e| panic!("{name}: not well-formed after fixing: {e}"));
        }
        let old = parse(name, &before);
        let new = parse(name, &after);
        assert_eq!(sources(&new), sources(&old), "{name}: a source changed");
        assert_eq!(new.pairs.len(), old.pairs.len());
        let targets: String = new
            .pairs
            .iter()
            .map(|p| p.target.slice(new.prose()))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            !targets.contains("Semaine d’actualités"),
            "{name}: {targets}"
        );
        assert!(targets.contains("Newsweek"), "{name}: {targets}");
        assert!(targets.contains("Nikol Pachinian"), "{name}: {targets}");
        // The BOM and line endings are kept.
        assert_eq!(
            after.starts_with('\u{feff}'),
            before.starts_with('\u{feff}')
        );
        assert_eq!(after.contains("\r\n"), before.contains("\r\n"));
    }
}

#[test]
fn fix_round_trips_on_the_articles() {
    assert_fix_round_trip(&ARTICLES, &["--fix"]);
}

#[test]
fn unsafe_fix_round_trips_on_the_hostile_files() {
    assert_fix_round_trip(&HOSTILE, &["--fix", "--unsafe-fixes"]);
}

#[test]
fn a_name_split_by_inline_markup_or_string_continuation_is_fixed_around_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, kept) in [
        ("hostile.xlf", "<g id=\"1\">"),
        ("hostile-2.0.xlf", "<pc id=\"1\">"),
        ("hostile.po", "\"\r\n\""),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, fixture(name)).expect("copy");
        run(check().arg("--fix").arg(&path), 0);
        let after = fs::read_to_string(&path).expect("fixed");
        assert!(after.contains(kept), "{name}: lost {kept:?}:\n{after}");
    }
}

/// Each bilingual format with a word `MOT` in a target: the replacement text goes through a fix.
const CARRIERS: [(&str, &str); 5] = [
    (
        "a.xlf",
        "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>&lt;MOT&gt;</source><target>Le MOT <g id=\"1\">ici</g></target></trans-unit></body></file></xliff>",
    ),
    (
        "b.xlf",
        "<xliff version=\"2.0\"><file><unit id=\"1\"><segment><source>MOT</source><target>Le &amp; MOT<ph id=\"1\"/> ici</target></segment></unit></file></xliff>",
    ),
    (
        "c.xlf",
        "<xliff version=\"2.0\"><file><unit id=\"1\"><segment><source>MOT</source><target><![CDATA[Le MOT]]> ici</target></segment></unit></file></xliff>",
    ),
    ("d.po", "msgid \"MOT\"\nmsgstr \"Le \\\"MOT\\\" \"\n\"ici\"\n"),
    (
        "e.po",
        "msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"Le MOT\"\nmsgstr[1] \"ici\"\n",
    ),
];

proptest! {
    #[test]
    fn inserted_text_is_escaped_for_the_format(replacement in "[a-z &<>\"'\\\\\n\t\\]]{0,12}") {
        for (name, text) in CARRIERS {
            let doc = parse(name, text);
            let at = doc.prose().find("MOT").expect("MOT in the prose");
            let edit = Edit::replace(Span::new(at, at + 3), replacement.as_str());
            let edits = doc.edits_to_original(&edit);
            let fixed = mtlint::fix::apply_edits(text, &edits).expect("edits apply");
            if name.ends_with(".xlf") {
                prop_assert!(roxmltree::Document::parse(&fixed).is_ok(), "{}: {}", name, fixed);
            }
            let again = Document::parse(
                Source { name: name.to_owned(), text: fixed.clone() },
                Format::from_path(Path::new(name)),
            );
            prop_assert!(again.is_ok(), "{}: {:?}\n{}", name, again.err(), fixed);
            let again = again.expect("checked");
            let mut expected = doc.prose().to_owned();
            expected.replace_range(at..at + 3, &replacement);
            prop_assert_eq!(again.prose(), expected.as_str(), "{}", name);
            prop_assert_eq!(sources(&again), sources(&doc));
        }
    }
}
