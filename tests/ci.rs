//! What CI relies on: directories, configuration files and their precedence, overrides,
//! suppressions, baselines, and a deterministic order under parallelism.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/glossary.toml");
const WRONG: &str = "Selon Semaine d’actualités, Nikol Pashinyan a parlé.\n";

fn mtlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    cmd.current_dir(dir).env_remove("NO_COLOR").env("CI", "1");
    cmd
}

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("utf-8")
}

/// A newsroom repository of our own.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::copy(GLOSSARY, root.join("house.toml")).unwrap();
    write(root, "fr/a.txt", WRONG);
    write(root, "fr/b.md", &format!("# Titre\n\n{WRONG}"));
    write(root, "fr/c.html", &format!("<p>{}</p>", WRONG.trim()));
    write(root, "fr/notes.pdf", WRONG);
    write(root, "fr/.brouillon/d.txt", WRONG);
    write(root, "archive/old.txt", WRONG);
    write(root, "build/out.txt", WRONG);
    write(root, ".gitignore", "build/\n");
    dir
}

#[test]
fn directories_are_walked_in_a_stable_order() {
    let repo = repository();
    let out = stdout(mtlint(repo.path()).args([
        "check",
        "--no-default-glossary",
        "-g",
        "house.toml",
        "--format",
        "concise",
        ".",
    ]));
    let files: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split(':').next())
        .filter(|f| f.ends_with(".txt") || f.ends_with(".md") || f.ends_with(".html"))
        .collect();
    let mut unique = files.clone();
    unique.dedup();
    assert_eq!(
        unique,
        [
            "./archive/old.txt",
            "./fr/a.txt",
            "./fr/b.md",
            "./fr/c.html"
        ]
    );
    // The same output with one thread or two, run after run.
    let one = stdout(mtlint(repo.path()).env("RAYON_NUM_THREADS", "1").args([
        "check",
        "--no-default-glossary",
        "-g",
        "house.toml",
        "--format",
        "json",
        ".",
    ]));
    let two = stdout(mtlint(repo.path()).env("RAYON_NUM_THREADS", "2").args([
        "check",
        "--no-default-glossary",
        "-g",
        "house.toml",
        "--format",
        "json",
        ".",
    ]));
    assert_eq!(one, two);
    let excluded = stdout(mtlint(repo.path()).args([
        "check",
        "--no-default-glossary",
        "-g",
        "house.toml",
        "--format",
        "concise",
        "--exclude",
        "archive",
        "--include",
        "*.txt",
        ".",
    ]));
    assert!(
        excluded.contains("./fr/a.txt")
            && !excluded.contains("archive")
            && !excluded.contains("b.md")
    );
}

#[test]
fn a_config_file_is_found_upward_and_flags_win() {
    let repo = repository();
    write(
        repo.path(),
        "mtlint.toml",
        "glossaries = [\"house.toml\"]\ndefault-glossary = false\nexclude = [\"archive/**\"]\nfail-on = \"warning\"\n[rules]\nignore = [\"translated-name\"]\n",
    );
    // From a subdirectory, with no flag: the file applies.
    let out =
        stdout(mtlint(&repo.path().join("fr")).args(["check", "--format", "concise", "a.txt"]));
    assert!(
        !out.contains("translated-name") && out.contains("glossary-variant"),
        "{out}"
    );
    mtlint(&repo.path().join("fr"))
        .args(["check", "a.txt"])
        .assert()
        .code(1);
    // A flag wins over the file.
    mtlint(&repo.path().join("fr"))
        .args(["check", "--fail-on", "error", "a.txt"])
        .assert()
        .code(0);
    // Walking honours the file's exclude.
    let walked = stdout(mtlint(repo.path()).args(["check", "--format", "concise", "."]));
    assert!(!walked.contains("archive"), "{walked}");
    // --config adds on top of the file found; --isolated ignores both.
    write(
        repo.path(),
        "strict.toml",
        "[rules.severity]\nglossary-variant = \"error\"\n",
    );
    let strict = stdout(mtlint(repo.path()).args([
        "check",
        "--config",
        "strict.toml",
        "--format",
        "concise",
        "fr/a.txt",
    ]));
    assert!(strict.contains("error[glossary-variant]"), "{strict}");
    let isolated = stdout(mtlint(repo.path()).args([
        "check",
        "--isolated",
        "--format",
        "concise",
        "fr/a.txt",
    ]));
    assert!(isolated.contains("error[translated-name]"), "{isolated}");
}

#[test]
fn overrides_apply_to_their_paths() {
    let repo = repository();
    write(
        repo.path(),
        "mtlint.toml",
        "glossaries = [\"house.toml\"]\ndefault-glossary = false\n[[overrides]]\npaths = [\"archive/**\"]\naccept = [\"Semaine d'actualités\"]\n[overrides.rules]\nignore = [\"glossary-variant\"]\n",
    );
    let out = stdout(mtlint(repo.path()).args([
        "check",
        "--format",
        "concise",
        "archive/old.txt",
        "fr/a.txt",
    ]));
    assert!(!out.contains("archive/old.txt"), "{out}");
    assert!(
        out.contains("fr/a.txt:1:7: error[translated-name]"),
        "{out}"
    );
}

#[test]
fn config_errors_name_the_file_and_line() {
    let repo = repository();
    write(
        repo.path(),
        "mtlint.toml",
        "lang = \"fr\"\ncolour = \"always\"\n",
    );
    mtlint(repo.path())
        .args(["check", "fr/a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mtlint.toml:2:1: unknown field `colour`",
        ))
        .stdout("");
    mtlint(repo.path())
        .args([
            "check",
            "--isolated",
            "--select",
            "no-such-rule",
            "fr/a.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `no-such-rule`"));
}

#[test]
fn init_writes_a_starter_config_once_and_config_shows_the_result() {
    let dir = tempfile::tempdir().unwrap();
    mtlint(dir.path()).arg("init").assert().code(0);
    let text = fs::read_to_string(dir.path().join("mtlint.toml")).unwrap();
    assert!(text.contains("lang = \"fr\""));
    mtlint(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists; not overwritten"));
    mtlint(dir.path())
        .args(["config", "--lang", "de", "article.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("lang = \"de\""))
        .stdout(predicate::str::contains("fail-on = \"error\""))
        .stdout(predicate::str::contains("mtlint.toml"));
}

#[test]
fn suppressions_in_markdown_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let md = "<!-- mtlint-disable-next-line translated-name -- on cite l'erreur -->\nSelon Semaine d’actualités, oui.\n\n<!-- mtlint-disable-next-line glossary-variant -->\nRien ici.\n\n<!-- mtlint-disable -->\nNikol Pashinyan.\n<!-- mtlint-enable -->\nNikol Pashinyan encore.\n";
    write(dir.path(), "a.md", md);
    let out = stdout(mtlint(dir.path()).args([
        "check",
        "--no-default-glossary",
        "-g",
        GLOSSARY,
        "--format",
        "concise",
        "a.md",
    ]));
    let rules: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("a.md:"))
        .map(|l| l.split(['[', ']']).nth(1).unwrap_or_default())
        .collect();
    assert_eq!(rules, ["unused-suppression", "glossary-variant"], "{out}");
    assert!(
        out.contains("a.md:4:1: warning[unused-suppression]"),
        "{out}"
    );
    assert!(
        out.contains("a.md:10:1: warning[glossary-variant]"),
        "{out}"
    );
    let html = "<p><!-- mtlint-disable-next-line -->\nSelon Semaine d&rsquo;actualités.</p>";
    write(dir.path(), "b.html", html);
    mtlint(dir.path())
        .args(["check", "--no-default-glossary", "-g", GLOSSARY, "b.html"])
        .assert()
        .code(0);
    // Deleting the unused suppression is a safe fix.
    mtlint(dir.path())
        .args(["fix", "--no-default-glossary", "-g", GLOSSARY, "a.md"])
        .assert()
        .stderr(predicate::str::contains("unused-suppression: 1"));
    assert!(!fs::read_to_string(dir.path().join("a.md"))
        .unwrap()
        .contains("glossary-variant -->"));
}

#[test]
fn a_baseline_hides_known_findings_only() {
    let repo = repository();
    let args = [
        "check",
        "--no-default-glossary",
        "-g",
        "house.toml",
        "--format",
        "concise",
    ];
    mtlint(repo.path())
        .args(args)
        .args(["--write-baseline", "baseline.json", "fr"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "wrote baseline.json with 6 findings",
        ));
    mtlint(repo.path())
        .args(args)
        .args(["--baseline", "baseline.json", "fr"])
        .assert()
        .code(0)
        .stdout("No findings in 3 files.\n")
        .stderr(predicate::str::contains(
            "6 findings already in the baseline",
        ));
    // Lines move and a new mistake appears: only the new one is reported.
    write(
        repo.path(),
        "fr/a.txt",
        &format!("Un chapeau.\n\n{WRONG}Puis Journal de Wall Street.\n"),
    );
    let out = stdout(
        mtlint(repo.path())
            .args(args)
            .args(["--baseline", "baseline.json", "fr"]),
    );
    assert!(
        out.contains("fr/a.txt:4:6: error[translated-name] `Journal de Wall Street`"),
        "{out}"
    );
    assert!(out.contains("Found 1 error"), "{out}");
    write(repo.path(), "bad.json", "{\"version\": 1, \"findings\": [}");
    mtlint(repo.path())
        .args(args)
        .args(["--baseline", "bad.json", "fr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json:1:29:"));
}

#[test]
fn report_scoring_comes_from_the_config_file_and_flags_win() {
    let repo = repository();
    write(
        repo.path(),
        "mtlint.toml",
        "glossaries = [\"house.toml\"]\ndefault-glossary = false\n[report]\npass-threshold = 0.0\nweights = \"minor=0,major=0,critical=0\"\n",
    );
    let md = stdout(mtlint(repo.path()).args(["report", "--format", "markdown", "fr/a.txt"]));
    assert!(md.contains("(score ≥ 0.0)"), "{md}");
    assert!(md.contains("points: critical 0, major 0, minor 0"), "{md}");
    let md = stdout(mtlint(repo.path()).args([
        "report",
        "--format",
        "markdown",
        "--pass-threshold",
        "95",
        "fr/a.txt",
    ]));
    assert!(md.contains("(score ≥ 95.0)"), "{md}");
    write(
        repo.path(),
        "mtlint.toml",
        "[report]\npass-threshold = 101.0\n",
    );
    mtlint(repo.path())
        .args(["report", "--format", "markdown", "fr/a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mtlint.toml:2:18: pass-threshold `101` is not a score from 0 to 100",
        ));
}
