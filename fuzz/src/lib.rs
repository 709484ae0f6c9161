//! Shared properties of the fuzz targets: what must hold of any document, any set of findings,
//! and any fixing run, whatever the input. Each target feeds its input through the library and
//! calls these; a property that fails panics, which libFuzzer reports as a crash.
//!
//! This crate is not part of the root build; it only exists for `cargo fuzz`.

use mtlint::config::Settings;
use mtlint::diagnostic::{Applicability, Diagnostic, Span};
use mtlint::document::{Document, Format};
use mtlint::fix::{apply_edits, fix_until_stable, plan};
use mtlint::glossary::{default_glossary, parse};
use mtlint::input::Source;
use mtlint::lint::Linter;
use std::sync::OnceLock;

/// A small glossary of the repository's tests (names of our own), compiled once.
const TEST_GLOSSARY: &str = include_str!("../../tests/fixtures/glossary.toml");

/// The two linters the end-to-end targets pick from: the test glossary and the default one.
pub fn linters() -> &'static (Linter, Linter) {
    static LINTERS: OnceLock<(Linter, Linter)> = OnceLock::new();
    LINTERS.get_or_init(|| {
        let test = parse(TEST_GLOSSARY, "glossary.toml").expect("the test glossary is valid");
        (
            Linter::new(&test, Settings::default()).expect("fr is supported"),
            Linter::new(&default_glossary(), Settings::default()).expect("fr is supported"),
        )
    })
}

/// The text of fuzz input bytes: invalid UTF-8 becomes U+FFFD, so every input is exercised.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Reads `text` as `format`; `None` when it does not parse (XLIFF and PO only: the parse
/// error must then name a place inside the text).
pub fn try_document(text: &str, format: Format) -> Option<Document> {
    match Document::parse(
        Source {
            name: "fuzz".to_owned(),
            text: text.to_owned(),
        },
        format,
    ) {
        Ok(doc) => Some(doc),
        Err(e) => {
            assert!(
                matches!(format, Format::Xliff | Format::Po),
                "{format:?} never fails to parse: {e}"
            );
            assert!(e.offset <= text.len() && e.line >= 1 && e.column >= 1, "{e:?}");
            None
        }
    }
}

/// Reads `text` as `format`, which must parse (text, Markdown, HTML).
pub fn document(text: &str, format: Format) -> Document {
    try_document(text, format).expect("text, Markdown and HTML always parse")
}

/// A bilingual document's pairs: each target inside one segment of the prose, each source span
/// inside the original, all on character boundaries.
pub fn assert_pairs(doc: &Document) {
    for pair in &doc.pairs {
        assert_span(doc.prose(), pair.target, "pair target");
        assert!(
            doc.segments.iter().any(|s| s.contains(pair.target)),
            "pair {} target {:?} outside every segment",
            pair.id,
            pair.target
        );
        assert_span(&doc.original, pair.source_span, "pair source");
        assert_span(&doc.original, doc.to_original(pair.target), "pair target in the original");
    }
}

/// `span` lies inside `text` and on character boundaries.
#[track_caller]
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

/// A parsed document's segments are sorted, disjoint, inside the prose and on character
/// boundaries, and each maps back to a span of the original with the same properties.
pub fn assert_document(doc: &Document) {
    let prose = doc.prose();
    if doc.format == Format::Text {
        assert_eq!(prose, doc.original, "plain text is all prose");
    }
    let mut previous_end = 0;
    for &segment in &doc.segments {
        assert_span(prose, segment, "segment");
        assert!(
            segment.start >= previous_end,
            "segment {segment:?} overlaps or precedes the one ending at {previous_end}"
        );
        previous_end = segment.end;
        assert_span(&doc.original, doc.to_original(segment), "segment in the original");
    }
}

/// Every finding's span, related places and fix edits lie inside `text` on character
/// boundaries, and the planned fixes apply.
pub fn assert_findings(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        assert_span(text, d.span, d.rule);
        for (span, _) in &d.related {
            assert_span(text, *span, "related place");
        }
        for fix in &d.fixes {
            for edit in &fix.edits {
                assert_span(text, edit.span, "edit");
            }
        }
    }
    for min in [Applicability::Safe, Applicability::Unsafe] {
        let edits = plan(diagnostics, min).edits();
        if let Err(e) = apply_edits(text, &edits) {
            panic!("planned fixes do not apply: {e}");
        }
    }
}

/// Checks `text` with `linter`, asserting every property of the findings on the way.
pub fn check(linter: &Linter, text: &str, format: Format) -> Vec<Diagnostic> {
    let doc = document(text, format);
    assert_document(&doc);
    let diagnostics = linter.check(doc).diagnostics;
    assert_findings(text, &diagnostics);
    diagnostics
}

/// Fixing until stable succeeds, and fixing the fixed text changes nothing.
pub fn assert_fix_idempotent(linter: &Linter, text: &str, format: Format, min: Applicability) {
    let once = match fix_until_stable(text, min, |t| check(linter, t, format)) {
        Ok(outcome) => outcome,
        Err(e) => panic!("fixes do not apply: {e}"),
    };
    if once.unstable {
        return;
    }
    let twice = match fix_until_stable(&once.text, min, |t| check(linter, t, format)) {
        Ok(outcome) => outcome,
        Err(e) => panic!("fixes of the fixed text do not apply: {e}"),
    };
    assert_eq!(
        twice.text, once.text,
        "fixing the fixed text changed it ({:?})",
        twice.applied
    );
}

/// A bilingual file that parses: its document and pairs hold every property, its findings too,
/// and applying every planned fix (safe and unsafe) leaves a file that still parses, with the
/// same sources.
pub fn assert_bilingual(text: &str, format: Format) {
    let Some(doc) = try_document(text, format) else {
        return;
    };
    assert_document(&doc);
    assert_pairs(&doc);
    let sources: Vec<String> = doc.pairs.iter().map(|p| p.source.clone()).collect();
    let (test, _) = linters();
    let diagnostics = test.check(doc).diagnostics;
    assert_findings(text, &diagnostics);
    let edits = plan(&diagnostics, Applicability::Unsafe).edits();
    let fixed = apply_edits(text, &edits).expect("planned fixes apply");
    match try_document(&fixed, format) {
        Some(again) => {
            let after: Vec<String> = again.pairs.iter().map(|p| p.source.clone()).collect();
            assert_eq!(after, sources, "fixes changed a source");
        }
        None => panic!("fixes made the file unreadable:\n{fixed}"),
    }
}
