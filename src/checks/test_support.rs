//! Test helpers shared by the checks' unit tests: lint a text with a glossary, assert what is
//! flagged, that a list of texts is clean, and that applying fixes removes the findings.

use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::Document;
use crate::glossary::{parse, Glossary};
use crate::input::Source;
use crate::lint::Linter;

/// Lints `text` with the glossary in `toml` (empty: no glossary) and default settings.
pub fn lint(toml: &str, text: &str) -> Vec<Diagnostic> {
    lint_with(toml, text, Settings::default())
}

/// Lints `text` with the glossary in `toml` and the given settings.
pub fn lint_with(toml: &str, text: &str, settings: Settings) -> Vec<Diagnostic> {
    let glossary = if toml.is_empty() {
        Glossary::default()
    } else {
        parse(toml, "test.toml").expect("test glossary is valid")
    };
    let linter = Linter::new(&glossary, settings).expect("supported languages");
    linter
        .check(Document::plain(Source {
            name: "test.txt".into(),
            text: text.into(),
        }))
        .diagnostics
}

/// Asserts the findings of `rule` on `text`, as the flagged texts in order.
#[track_caller]
pub fn assert_flags(toml: &str, rule: &str, text: &str, expected: &[&str]) {
    let found: Vec<&str> = lint(toml, text)
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.span.slice(text))
        .collect();
    assert_eq!(found, expected, "{rule} on {text:?}");
}

/// Asserts that `rule` flags nothing in any of `texts`.
#[track_caller]
pub fn assert_clean(toml: &str, rule: &str, texts: &[&str]) {
    for text in texts {
        assert_flags(toml, rule, text, &[]);
    }
}

/// Applies the first fix (at least `min` applicability) of every finding of `rule`, asserts
/// the result, and re-lints it: the rule must not fire again.
#[track_caller]
pub fn assert_fixed(toml: &str, rule: &str, text: &str, min: Applicability, expected: &str) {
    let edits: Vec<_> = lint(toml, text)
        .into_iter()
        .filter(|d| d.rule == rule)
        .filter_map(|d| d.fixes.into_iter().next())
        .filter(|f| f.applicability >= min)
        .flat_map(|f| f.edits)
        .collect();
    let fixed = crate::fix::apply_edits(text, &edits).expect("fixes apply");
    assert_eq!(fixed, expected);
    assert_flags(toml, rule, &fixed, &[]);
}
