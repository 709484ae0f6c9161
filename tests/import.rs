//! Termbase import: TBX-Basic 2008, TBX v3, CSV and TSV glossaries load through `--glossary`
//! and convert with `mtlint glossary import`; the TOML written loads back to the same concepts.

use assert_cmd::Command;
use mtlint::glossary::{self, Glossary, Lang};
use predicates::prelude::*;
use std::fs;
use std::path::Path;

const DIR: &str = "tests/fixtures/termbases";

fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

fn load(name: &str) -> Glossary {
    glossary::load_file(&Path::new(DIR).join(name)).unwrap_or_else(|e| panic!("{name}: {}", e[0]))
}

/// What a concept says, without where it was read from.
fn summary(g: &Glossary) -> Vec<String> {
    g.concepts
        .iter()
        .map(|c| format!("{} {} keep={} {:?}", c.id, c.kind.as_str(), c.keep, c.langs))
        .collect()
}

#[track_caller]
fn assert_round_trip(name: &str) {
    let path = Path::new(DIR).join(name);
    let imported = glossary::import_file(&path).expect("imports");
    let (toml, _) = imported.to_toml();
    let direct = imported.into_glossary().expect("valid");
    let reloaded = glossary::parse(&toml, "out.toml").expect("the written TOML loads");
    assert_eq!(summary(&direct), summary(&reloaded), "{toml}");
}

#[test]
fn tbx_2008_maps_statuses_notes_and_languages() {
    let g = load("basic2008.tbx");
    assert_eq!(g.concepts.len(), 3);
    let newsweek = &g.concepts[0];
    assert!(newsweek.keep, "a do-not-translate note keeps the name");
    assert_eq!(newsweek.kind.as_str(), "outlet");
    let fr = newsweek.forms(Lang::Fr).expect("fr");
    assert_eq!(fr.wrong, ["Semaine d'actualités"]);
    let es = newsweek.forms(Lang::Es).expect("es-ES is es");
    assert_eq!(es.wrong, ["Semana de Noticias"]);
    let nato = &g.concepts[1];
    assert_eq!(nato.kind.as_str(), "organization");
    let en = nato.forms(Lang::En).expect("en");
    assert_eq!(en.abbr.as_deref(), Some("NATO"));
    let fr = nato.forms(Lang::Fr).expect("fr");
    assert_eq!(fr.abbr.as_deref(), Some("OTAN"), "ntig/termGrp is read too");
    assert_eq!(fr.gender.as_deref(), Some("f"));
    let de = nato.forms(Lang::De).expect("de");
    assert_eq!(de.accepted, ["Nordatlantikpakt"]);
    let yerevan = g.concepts[2].forms(Lang::Fr).expect("fr");
    assert_eq!(yerevan.preferred.as_deref(), Some("Erevan"));
    assert_eq!(yerevan.variants, ["Yerevan"], "superseded is a variant");
}

#[test]
fn tbx_2008_tbx_v3_and_csv_give_the_same_concepts() {
    let a = summary(&load("basic2008.tbx"));
    assert_eq!(a, summary(&load("v3.tbx")));
    assert_eq!(a, summary(&load("glossary.csv")));
}

#[test]
fn imports_round_trip_through_toml() {
    for name in ["basic2008.tbx", "v3.tbx", "glossary.csv", "glossary.tsv"] {
        assert_round_trip(name);
    }
}

#[test]
fn tsv_cells_hold_several_forms() {
    let g = load("glossary.tsv");
    let fr = g.concepts[0].forms(Lang::Fr).expect("fr");
    assert_eq!(fr.wrong, ["Semaine d'actualités", "Semaine des nouvelles"]);
}

#[test]
fn errors_name_the_file_and_line() {
    let err = |name: &str| {
        glossary::load_file(&Path::new(DIR).join(name))
            .expect_err("rejected")
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let broken = err("broken.tbx");
    assert!(
        broken.starts_with("tests/fixtures/termbases/broken.tbx:7:1: invalid XML"),
        "{broken}"
    );
    let status = err("bad-status.tbx");
    assert!(
        status.contains("bad-status.tbx:6:1: unknown administrativeStatus `favouriteTerm`"),
        "{status}"
    );
    let kind = err("bad-kind.csv");
    assert!(
        kind.contains("bad-kind.csv:3:1: unknown kind `planet`"),
        "{kind}"
    );
    let column = err("bad-column.csv");
    assert!(
        column.contains("bad-column.csv:1:1: unknown column `fr_colour`"),
        "{column}"
    );
}

#[test]
fn glossary_import_writes_toml_that_checks_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("team.toml");
    mtlint()
        .args([
            "glossary",
            "import",
            "tests/fixtures/termbases/basic2008.tbx",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ok, 3 concepts"))
        .stderr(predicate::str::contains("skipped 1 term in language `zh`"));
    let toml = fs::read_to_string(&out).expect("written");
    assert!(toml.contains("id = \"newsweek\""), "{toml}");
    mtlint()
        .args(["glossary", "check"])
        .arg(&out)
        .assert()
        .code(0);
    let leftovers = fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn glossary_import_refuses_a_bad_termbase_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("team.toml");
    mtlint()
        .args([
            "glossary",
            "import",
            "tests/fixtures/termbases/bad-kind.csv",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad-kind.csv:3:1: unknown kind"));
    assert!(!out.exists());
}

#[test]
fn check_loads_a_tbx_glossary() {
    mtlint()
        .args([
            "check",
            "--no-default-glossary",
            "--glossary",
            "tests/fixtures/termbases/v3.tbx",
            "--lang",
            "es",
            "--format",
            "concise",
            "-",
        ])
        .write_stdin("Según Semana de Noticias, la reunión fue un éxito.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("translated-name"));
}
