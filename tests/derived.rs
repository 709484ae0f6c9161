//! Literal translations of kept names that the glossary does not list: the deriver must find
//! most of them (tests/fixtures/derived-names.txt), and ordinary French must stay clean.

use mtlint::config::Settings;
use mtlint::diagnostic::{Applicability, Diagnostic};
use mtlint::document::Document;
use mtlint::glossary::default_glossary;
use mtlint::input::Source;
use mtlint::lint::Linter;
use std::sync::OnceLock;

const LIST: &str = include_str!("fixtures/derived-names.txt");

fn translated_names(text: &str) -> Vec<Diagnostic> {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    let linter = LINTER
        .get_or_init(|| Linter::new(&default_glossary(), Settings::default()).expect("fr and en"));
    linter
        .check(Document::plain(Source {
            name: "t.txt".into(),
            text: text.into(),
        }))
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == "translated-name")
        .collect()
}

/// The sentence without brackets, and the bracketed spans.
fn unmark(line: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut marked = Vec::new();
    let mut current: Option<String> = None;
    for c in line.chars() {
        match c {
            '[' => current = Some(String::new()),
            ']' => marked.extend(current.take()),
            c => {
                text.push(c);
                if let Some(m) = current.as_mut() {
                    m.push(c);
                }
            }
        }
    }
    (text, marked)
}

#[test]
fn most_listed_literal_translations_are_found() {
    let mut total = 0;
    let mut found = 0;
    let mut missed = Vec::new();
    for line in LIST
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (text, marked) = unmark(line);
        let findings = translated_names(&text);
        for m in marked {
            total += 1;
            let hit = findings.iter().find(|d| d.span.slice(&text) == m);
            match hit {
                Some(d) => {
                    // Not listed by the glossary: a derived finding, with an unsafe fix.
                    assert_eq!(
                        d.fixes.first().map(|f| f.applicability),
                        Some(Applicability::Unsafe),
                        "{m} is listed by the glossary: {}",
                        d.message
                    );
                    found += 1;
                }
                None => missed.push(m),
            }
        }
    }
    assert!(total >= 40, "{total} translations in the list");
    let rate = found as f64 / total as f64;
    println!("derived names: {found}/{total} found ({rate:.3}); missed: {missed:?}");
    assert!(rate >= 0.8, "{found}/{total} found; missed: {missed:?}");
}

#[test]
fn everyday_french_phrases_are_not_translated_names() {
    for text in [
        "La politique étrangère de la France reste prudente.",
        "Le ministère des Affaires étrangères a publié un communiqué.",
        "Selon le ministre des Affaires étrangères, rien n’est décidé.",
        "Le journal de 20 heures a ouvert sur la grève.",
        "Selon Le Monde, Libération et Le Point, le texte sera voté.",
        "Le Temps, quotidien suisse, a publié une enquête.",
        "L’Indépendant rapporte un incendie près de Perpignan.",
        "Les nouvelles du front sont mauvaises.",
        "Nouvelles arabes : une chronique de la semaine.",
        "La Maison de la radio a rouvert ses portes.",
        "Une dynamique générale de hausse des prix.",
        "Le Conseil de l’Atlantique Nord s’est réuni.",
        "Selon La Nouvelle République, la route est coupée.",
        "L’IA ouverte et transparente est un objectif européen.",
        "Le ciel bleu a ramené les touristes.",
        "Le gardien de but a été exclu.",
        "Temps froid sur toute la France ce week-end.",
        "Revue nationale des pompiers : une tradition.",
        "L’économiste Thomas Piketty estime que la taxe est juste.",
        "Sous le ciel bleu, les nouvelles du soir tombent.",
    ] {
        let found: Vec<String> = translated_names(text)
            .iter()
            .map(|d| d.span.slice(text).to_owned())
            .collect();
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn a_derived_finding_says_what_it_looks_like_and_fixes_unsafely() {
    let text = "Selon le Courrier quotidien, non.";
    let d = translated_names(text);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message
            .contains("word-for-word translation of the outlet name `Daily Mail`"),
        "{}",
        d[0].message
    );
    assert!(d[0].message.contains("mail → courrier"), "{}", d[0].message);
    let fix = d[0].fixes.first().expect("a fix");
    assert_eq!(fix.applicability, Applicability::Unsafe);
    let fixed = mtlint::fix::apply_edits(text, &fix.edits).expect("applies");
    assert_eq!(fixed, "Selon le Daily Mail, non.");
}
