//! The same article as plain text, Markdown and HTML: the same findings at corresponding
//! places, nothing found in skipped regions, and every fix applied keeps the markup intact.

use mtlint::config::Settings;
use mtlint::diagnostic::{Applicability, Diagnostic, Edit};
use mtlint::document::{Document, Format};
use mtlint::glossary::load_file;
use mtlint::input::Source;
use mtlint::lint::{FileResult, Linter};
use std::path::Path;

fn linter() -> Linter {
    let glossary = load_file(Path::new("tests/fixtures/glossary.toml")).expect("valid glossary");
    Linter::new(&glossary, Settings::default()).expect("french")
}

fn check_text(text: &str, format: Format) -> FileResult {
    linter().check(
        Document::parse(
            Source {
                name: format!("article.{}", format.as_str()),
                text: text.to_owned(),
            },
            format,
        )
        .expect("the fixtures parse"),
    )
}

fn read(format: Format) -> String {
    std::fs::read_to_string(format!("tests/fixtures/article.{}", format.as_str())).expect("fixture")
}

/// Rule and message of each finding: the message quotes the prose form found.
fn summary(diagnostics: &[Diagnostic]) -> Vec<(String, String)> {
    diagnostics
        .iter()
        .map(|d| (d.rule.to_owned(), d.message.clone()))
        .collect()
}

fn safe_edits(result: &FileResult) -> Vec<Edit> {
    result
        .diagnostics
        .iter()
        .filter_map(|d| d.fixes.first())
        .filter(|f| f.applicability == Applicability::Safe)
        .flat_map(|f| f.edits.clone())
        .collect()
}

#[test]
fn the_three_formats_give_the_same_findings() {
    let txt = check_text(&read(Format::Text), Format::Text);
    let md = check_text(&read(Format::Markdown), Format::Markdown);
    let html = check_text(&read(Format::Html), Format::Html);
    assert_eq!(txt.diagnostics.len(), 6, "{:#?}", summary(&txt.diagnostics));
    assert_eq!(summary(&txt.diagnostics), summary(&md.diagnostics));
    assert_eq!(summary(&txt.diagnostics), summary(&html.diagnostics));
}

#[test]
fn skipped_regions_are_never_flagged() {
    for format in [Format::Markdown, Format::Html] {
        let text = read(format);
        let result = check_text(&text, format);
        let skipped: Vec<(usize, usize)> = [
            ("```text", "```\n\n|"),
            ("<script>", "</script>"),
            ("<style>", "</style>"),
            ("<title>", "</title>"),
            ("<pre>", "</pre>"),
            ("<!--", "-->"),
            ("<template>", "</template>"),
            ("<div class=\"note\">", "</div>"),
            ("author:", "\n"),
            ("slug:", "\n"),
            ("(https://", ")"),
            ("href=\"", "\""),
            ("src=\"", "\""),
            ("`Pashinyan`", "a dénoncé"),
            ("<code>Pashinyan", "</code>"),
        ]
        .iter()
        .filter_map(|(open, close)| {
            let start = text.find(open)?;
            let end = start + open.len() + text[start + open.len()..].find(close)?;
            Some((start, end))
        })
        .collect();
        assert!(
            skipped.len() >= 5,
            "{format:?}: fixture lost its skipped regions"
        );
        for d in &result.diagnostics {
            for (start, end) in &skipped {
                assert!(
                    d.span.end <= *start || d.span.start >= *end,
                    "{format:?}: {} flagged in a skipped region: {:?}",
                    d.rule,
                    d.span.slice(&text)
                );
            }
        }
    }
}

#[test]
fn markdown_fixes_keep_the_markup() {
    let text = read(Format::Markdown);
    let result = check_text(&text, Format::Markdown);
    let fixed = mtlint::fix::apply_edits(&text, &safe_edits(&result)).expect("fixes apply");
    assert!(fixed.contains("**Nikol Pachinian**"));
    assert!(fixed.contains("*Newsweek* a contacté"));
    assert!(fixed.contains("Le *Wall Street Journal* rapporte"));
    assert!(fixed.contains("[Reuters](https://www.reuters.com/semaine-d-actualites)"));
    assert!(fixed.contains("author: Semaine d'actualités"));
    assert!(fixed.contains("(https://example.com/pashinyan.jpg)"));
    // Every event but text is the same before and after.
    let shape = |s: &str| -> Vec<String> {
        pulldown_cmark::Parser::new_ext(s, pulldown_cmark::Options::ENABLE_TABLES)
            .filter(|e| !matches!(e, pulldown_cmark::Event::Text(_)))
            .map(|e| format!("{e:?}"))
            .collect()
    };
    assert_eq!(shape(&text), shape(&fixed));
    let again = check_text(&fixed, Format::Markdown);
    assert!(
        safe_edits(&again).is_empty(),
        "{:#?}",
        summary(&again.diagnostics)
    );
}

#[test]
fn html_fixes_keep_the_markup_and_stay_valid() {
    let text = read(Format::Html);
    let result = check_text(&text, Format::Html);
    let fixed = mtlint::fix::apply_edits(&text, &safe_edits(&result)).expect("fixes apply");
    assert!(fixed.contains("<strong>Nikol Pachinian</strong>"));
    assert!(fixed.contains("<em>Newsweek</em> a contacté"));
    assert!(fixed.contains("alt=\"Manifestation à Erevan, selon Newsweek\""));
    assert!(fixed.contains("var source = \"Semaine d'actualités\""));
    let tags = |s: &str| -> Vec<String> {
        html5gum::Tokenizer::new(s)
            .filter_map(|t| match t {
                Ok(html5gum::Token::StartTag(t)) => {
                    Some(String::from_utf8_lossy(&t.name).into_owned())
                }
                Ok(html5gum::Token::EndTag(t)) => {
                    Some(format!("/{}", String::from_utf8_lossy(&t.name)))
                }
                _ => None,
            })
            .collect()
    };
    assert_eq!(tags(&text), tags(&fixed));
    let again = check_text(&fixed, Format::Html);
    assert!(
        safe_edits(&again).is_empty(),
        "{:#?}",
        summary(&again.diagnostics)
    );
}

#[test]
fn a_fix_across_inline_markup_changes_only_the_letters() {
    let md = "Le Haut-**Karabagh** et Nikol **Pashinyan**.\n";
    let result = check_text(md, Format::Markdown);
    let fixed = mtlint::fix::apply_edits(md, &safe_edits(&result)).expect("applies");
    assert_eq!(fixed, "Le Haut-**Karabagh** et Nikol **Pachinian**.\n");
    // (A bracketed English gloss would be an untranslated fragment, whose fix is unsafe: the
    // term stands alone here.)
    let html = "<p>Nikol <b>Pashinyan</b> &amp; l&rsquo;Organization of Turkic States</p>";
    let result = check_text(html, Format::Html);
    let fixed = mtlint::fix::apply_edits(html, &safe_edits(&result)).expect("applies");
    assert_eq!(
        fixed,
        "<p>Nikol <b>Pachinian</b> &amp; l&rsquo;Organisation des États turciques</p>"
    );
}

#[test]
fn replacements_are_escaped_in_html() {
    let glossary = mtlint::glossary::parse(
        "[[concept]]\nid = \"att\"\nkind = \"brand\"\nkeep = true\nen = \"AT&T <US>\"\nfr.wrong = [\"Téléphone américain\"]\n",
        "t.toml",
    )
    .expect("valid");
    let linter = Linter::new(&glossary, Settings::default()).expect("fr");
    let html = "<p>Selon Téléphone américain.</p>";
    let result = linter.check(
        Document::parse(
            Source {
                name: "a.html".into(),
                text: html.into(),
            },
            Format::Html,
        )
        .expect("HTML always parses"),
    );
    let fixed = mtlint::fix::apply_edits(html, &safe_edits(&result)).expect("applies");
    assert_eq!(fixed, "<p>Selon AT&amp;T &lt;US&gt;.</p>");
}
