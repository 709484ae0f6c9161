//! Each target language with each mistake kind (`--lang XX`): a translated kept name (listed
//! in the glossary and derived from the language's lexicon), a glossary variant, a wrong
//! term, an untranslated English term, a name spelled two ways and an English leftover; a
//! clean article in each language firing nothing; the fixes fitted to the language's articles
//! and elisions; and a German source translated into French (`--source-lang de`) with calques
//! of German names and a German leftover.

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
            // The glossary knows Zelenski as the Spanish house form.
            ("glossary-variant", "Zelensky"),
            ("untranslated-fragment", LEFTOVER),
            ("translated-name", "Tiempos de Moscú"),
            // Derived from the English→Spanish lexicon: post → correo, Kyiv → Kiev.
            ("translated-name", "Correo de Kiev"),
            ("wrong-term", "NATO"),
            ("untranslated-term", "World Health Organization"),
            ("inconsistent-spelling", "Dobrovolsky"),
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
            ("untranslated-fragment", LEFTOVER),
            ("translated-name", "Tempi finanziari"),
            ("translated-name", "Posta di Kiev"),
            ("wrong-term", "Corte criminale internazionale"),
            ("untranslated-term", "World Health Organization"),
            ("inconsistent-spelling", "Dobrovolsky"),
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
            ("untranslated-fragment", LEFTOVER),
            ("translated-name", "Tempos de Moscou"),
            ("translated-name", "Correio de Kiev"),
            ("wrong-term", "Organização de Saúde Mundial"),
            ("untranslated-term", "World Health Organization"),
            ("inconsistent-spelling", "Dobrovolsky"),
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
            // Derived from the English→German lexicon: times → Zeiten, Moscow → Moskau.
            ("translated-name", "Zeiten von Moskau"),
            ("wrong-term", "Vereinigten Nationen"),
            ("untranslated-term", "World Health Organization"),
            ("inconsistent-spelling", "Dobrowolskij"),
        ],
    );
}

#[test]
fn clean_articles_fire_nothing_in_any_language() {
    for lang in ["es", "it", "pt", "de"] {
        let file = format!("tests/fixtures/languages/{lang}-clean.txt");
        assert_eq!(rules(&["--lang", lang], &file), Vec::new(), "{file}");
    }
}

/// Fixes `fixture` in a copy with `--fix --unsafe-fixes` and returns the fixed text.
fn fixed(lang: &str, fixture: &str, extra: &[&str]) -> String {
    let dir = std::env::temp_dir().join(format!("mtlint-languages-{}-{lang}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{lang}.txt"));
    std::fs::copy(fixture, &path).expect("copy");
    Command::cargo_bin("mtlint")
        .expect("binary built")
        .args(["check", "--fix", "--unsafe-fixes", "--lang", lang])
        .args(extra)
        .arg(&path)
        .output()
        .expect("runs");
    let text = std::fs::read_to_string(&path).expect("fixed file");
    std::fs::remove_dir_all(&dir).expect("clean up");
    text
}

#[test]
fn fixes_fit_the_articles_and_elisions_of_each_language() {
    let cases = [
        (
            "it",
            "dell'Organizzazione mondiale della sanità parteciperà",
        ),
        ("it", "come la Kyiv Post, il sindaco"),
        ("es", "de la Organización Mundial de la Salud asistirá"),
        ("es", "La OTAN no ha comentado"),
        ("pt", "da Organização Mundial da Saúde participará"),
        ("de", "der Weltgesundheitsorganisation nimmt"),
        ("de", "Laut Moscow Times sprach"),
    ];
    for (lang, expected) in cases {
        let text = fixed(lang, &format!("tests/fixtures/languages/{lang}.txt"), &[]);
        assert!(text.contains(expected), "{lang}: no {expected:?} in {text}");
        assert!(
            !text.contains("World Health Organization"),
            "{lang}: {text}"
        );
    }
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
    assert_eq!(
        rules,
        [
            ("translated-name", "Journal de l'Allemagne du Sud"),
            ("glossary-variant", "Podolyak"),
            (
                "untranslated-fragment",
                "weil die Regierung noch keine Entscheidung getroffen hat"
            ),
            ("translated-name", "Revue de Francfort"),
            // Derived from the German→French lexicon: Handels → commerce, Blatt → feuille.
            ("translated-name", "Feuille de commerce"),
        ]
    );
    let text = fixed(
        "fr",
        "tests/fixtures/languages/de-fr.txt",
        &["--source-lang", "de"],
    );
    assert!(
        text.contains("Selon la Süddeutsche Zeitung")
            || text.contains("Selon le Süddeutsche Zeitung"),
        "{text}"
    );
    assert!(
        text.contains("le Handelsblatt affirme") || text.contains("la Handelsblatt affirme"),
        "{text}"
    );
}

/// The findings of `text` checked as `lang` from standard input: (rule, text, the whole text
/// with the first fix applied).
fn check_stdin(lang: &str, text: &str) -> Vec<(String, String, String)> {
    let out = Command::cargo_bin("mtlint")
        .expect("binary built")
        .args(["check", "--format", "json", "--lang", lang, "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let s = d["span"]["start"].as_u64().expect("start") as usize;
            let e = d["span"]["end"].as_u64().expect("end") as usize;
            let mut fixed = text.to_owned();
            let edits = d["fixes"][0]["edits"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for edit in edits.iter().rev() {
                let (es, ee) = (edit["start"].as_u64(), edit["end"].as_u64());
                let (es, ee) = (es.expect("start") as usize, ee.expect("end") as usize);
                fixed.replace_range(es..ee, edit["replacement"].as_str().expect("text"));
            }
            (
                d["rule"].as_str().expect("rule").to_owned(),
                text[s..e].to_owned(),
                fixed,
            )
        })
        .collect()
}

#[test]
fn derived_names_of_everyday_words_need_the_language_citation_cue() {
    let found = check_stdin(
        "it",
        "Secondo il Gruppo internazionale di crisi, il governo ha approvato il piano.",
    );
    assert_eq!(
        found,
        [(
            "translated-name".to_owned(),
            "Gruppo internazionale di crisi".to_owned(),
            // The fix fits the Italian article: "il" + a vowel becomes "l'".
            "Secondo l'International Crisis Group, il governo ha approvato il piano.".to_owned()
        )]
    );
    // Everyday Italian words without the cue: not taken for the name.
    let found = check_stdin(
        "it",
        "Ieri il Gruppo internazionale di crisi ha pubblicato un rapporto.",
    );
    assert_eq!(found, Vec::new());
    let found = check_stdin("es", "Según Tiempos globales, el gobierno aprobó el plan.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Tiempos globales");
    // Without a capital, the same words are ordinary Spanish.
    let found = check_stdin(
        "es",
        "El gobierno habló de tiempos globales de cambio en el país.",
    );
    assert_eq!(found, Vec::new());
}

#[test]
fn an_official_name_in_the_language_is_not_a_translated_name() {
    // Amnesty International calls itself "Amnistía Internacional" in Spanish and "Anistia
    // Internacional" in Brazil; Italian keeps the English name.
    let text = "Según Amnistía Internacional, el gobierno detuvo a veinte personas.";
    assert_eq!(check_stdin("es", text), Vec::new());
    let text = "Segundo a Anistia Internacional, o governo prendeu vinte pessoas.";
    assert_eq!(check_stdin("pt", text), Vec::new());
    let text = "Secondo Amnistia internazionale, il governo ha arrestato venti persone.";
    let found = check_stdin("it", text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Amnistia internazionale");
}

#[test]
fn quotations_are_recognised_by_the_marks_of_the_target_language() {
    let severity = |lang: &str, text: &str| -> Vec<String> {
        let out = Command::cargo_bin("mtlint")
            .expect("binary built")
            .args(["check", "--format", "json", "--lang", lang, "-"])
            .write_stdin(text)
            .output()
            .expect("runs");
        let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        json["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| format!("{} {}", d["rule"], d["severity"]))
            .collect()
    };
    let quoted = "Der Minister sagte am Dienstag: „We will not give up on this country, and we \
                  will win“, und verließ den Saal.";
    assert_eq!(
        severity("de", quoted),
        ["\"untranslated-fragment\" \"info\""]
    );
    // The same words in running German text are a leftover.
    let inline = "Der Minister sagte am Dienstag, we will not give up on this country and we \
                  will win, und verließ den Saal.";
    assert_eq!(
        severity("de", inline),
        ["\"untranslated-fragment\" \"warning\""]
    );
}
