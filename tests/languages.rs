//! Each target language with each mistake kind: a translated kept name, an English spelling
//! variant, an inconsistent spelling and an English leftover (`--lang XX`); and a German
//! source translated into French (`--source-lang de`) with a calque of a German name and a
//! German leftover.

use assert_cmd::Command;
use serde_json::Value;

fn rules(args: &[&str], file: &str) -> Vec<(String, String)> {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    let out = cmd
        .args(["check", "--format", "json"])
        .args(args)
        .arg(file)
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let text = std::fs::read_to_string(file).expect("fixture");
    json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let (s, e) = (d["span"]["start"].as_u64(), d["span"]["end"].as_u64());
            let (s, e) = (s.expect("start") as usize, e.expect("end") as usize);
            (
                d["rule"].as_str().expect("rule").to_owned(),
                text[s..e].to_owned(),
            )
        })
        .collect()
}

#[track_caller]
fn assert_found(lang: &str, expected: &[(&str, &str)]) {
    let file = format!("tests/fixtures/languages/{lang}.txt");
    let found = rules(&["--lang", lang], &file);
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(r, t)| (r.to_string(), t.to_string()))
        .collect();
    assert_eq!(found, expected, "{file}");
}

const LEFTOVER: &str = "adding that the talks would resume next week";

#[test]
fn spanish_mistakes_are_found() {
    assert_found(
        "es",
        &[
            ("translated-name", "Semana de Noticias"),
            ("glossary-variant", "Beijing"),
            ("inconsistent-spelling", "Zelensky"),
            ("untranslated-fragment", LEFTOVER),
        ],
    );
}

#[test]
fn italian_mistakes_are_found() {
    assert_found(
        "it",
        &[
            ("translated-name", "Notizie Fox"),
            ("glossary-variant", "Beijing"),
            ("inconsistent-spelling", "Zelenskyy"),
            // A name next to the leftover is taken into it (the check widens over names).
            (
                "untranslated-fragment",
                "Zelensky, adding that the talks would resume next week",
            ),
        ],
    );
}

#[test]
fn portuguese_mistakes_are_found() {
    assert_found(
        "pt",
        &[
            ("translated-name", "Semana de Notícias"),
            ("glossary-variant", "Beijing"),
            ("inconsistent-spelling", "Zelenski"),
            (
                "untranslated-fragment",
                "Zelensky, adding that the talks would resume next week",
            ),
        ],
    );
}

#[test]
fn german_mistakes_are_found_and_capitalized_nouns_are_not_names() {
    // "Regierung", "Wirtschaft", "Besuch" are capitalized nouns: no inconsistent spelling.
    assert_found(
        "de",
        &[
            ("translated-name", "Fox-Nachrichten"),
            ("glossary-variant", "Beijing"),
            ("inconsistent-spelling", "Selenskij"),
            ("untranslated-fragment", LEFTOVER),
        ],
    );
}

#[test]
fn a_german_source_calque_and_leftover_are_found_in_french() {
    let found = rules(
        &["--lang", "fr", "--source-lang", "de"],
        "tests/fixtures/languages/de-fr.txt",
    );
    let rules: Vec<(&str, &str)> = found
        .iter()
        .map(|(r, t)| (r.as_str(), t.as_str()))
        .collect();
    assert!(
        rules.contains(&("translated-name", "Journal de l'Allemagne du Sud")),
        "{rules:?}"
    );
    assert!(
        rules.contains(&(
            "untranslated-fragment",
            "weil die Regierung noch keine Entscheidung getroffen hat"
        )),
        "{rules:?}"
    );
}
