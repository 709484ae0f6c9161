//! Properties of fixing, on generated articles: every planned set of fixes applies (no edit
//! splits a UTF-8 character, none overlaps another), and fixing is idempotent.

use mtlint::config::Settings;
use mtlint::diagnostic::Applicability;
use mtlint::document::{Document, Format};
use mtlint::fix::{apply_edits, fix_until_stable, plan};
use mtlint::glossary::{default_glossary, load_file};
use mtlint::input::Source;
use mtlint::lint::Linter;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// Pieces of our own that articles are made of: right and wrong names, elisions, accents,
/// English leftovers, markup, odd spaces.
const PIECES: &[&str] = &[
    "Semaine d’actualités",
    "Newsweek",
    "Nikol Pashinyan",
    "Pachinian",
    "Pashinyan",
    "l’",
    "d’",
    "de ",
    "le ",
    "la ",
    "du ",
    "Haut-Karabakh",
    "Haut-Karabagh",
    "Erevan",
    "Yerevan",
    "Organization of Turkic States",
    "OTS",
    "[the Organization of Turkic States]",
    "OTSC",
    "Journal de Wall Street",
    "é",
    "œ",
    "\u{a0}",
    "\u{200b}",
    "e\u{301}",
    " ",
    ", ",
    ". ",
    "\n",
    "« ",
    " »",
    "*",
    "**",
    "`",
    "<b>",
    "</b>",
    "&rsquo;",
    "&amp;",
    "a déclaré",
    "selon ",
    "the talks would resume",
    "adding that",
    "Zelensky",
    "Zelenski",
    "😀",
    "NATO",
    "OTAN",
];

fn linters() -> &'static (Linter, Linter) {
    static LINTERS: OnceLock<(Linter, Linter)> = OnceLock::new();
    LINTERS.get_or_init(|| {
        let test = load_file(Path::new("tests/fixtures/glossary.toml")).expect("valid");
        (
            Linter::new(&test, Settings::default()).expect("fr"),
            Linter::new(&default_glossary(), Settings::default()).expect("fr"),
        )
    })
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html])
}

fn check(linter: &Linter, text: &str, format: Format) -> Vec<mtlint::diagnostic::Diagnostic> {
    linter
        .check(
            Document::parse(
                Source {
                    name: "a".into(),
                    text: text.into(),
                },
                format,
            )
            .expect("text, Markdown and HTML always parse"),
        )
        .diagnostics
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn planned_fixes_always_apply(text in article(), format in format(), default in any::<bool>(), unsafe_ in any::<bool>()) {
        let (test, full) = linters();
        let linter = if default { full } else { test };
        let min = if unsafe_ { Applicability::Unsafe } else { Applicability::Safe };
        let diagnostics = check(linter, &text, format);
        for d in &diagnostics {
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            prop_assert!(d.span.end <= text.len());
        }
        let plan = plan(&diagnostics, min);
        let applied = apply_edits(&text, &plan.edits());
        prop_assert!(applied.is_ok(), "{:?}", applied);
    }

    #[test]
    fn fixing_is_idempotent(text in article(), format in format(), default in any::<bool>()) {
        let (test, full) = linters();
        let linter = if default { full } else { test };
        let once = fix_until_stable(&text, Applicability::Unsafe, |t| check(linter, t, format))
            .expect("fixes apply");
        let twice = fix_until_stable(&once.text, Applicability::Unsafe, |t| check(linter, t, format))
            .expect("fixes apply");
        if !once.unstable {
            prop_assert_eq!(twice.total(), 0, "second run changed {:?} into {:?}", once.text, twice.text);
            prop_assert_eq!(&twice.text, &once.text);
        }
    }
}
