//! Markdown: the prose of paragraphs, headings, list items, block quotes, table cells, link
//! text and image alt text (pulldown-cmark with source offsets), and the `title`,
//! `description` and `summary` fields of YAML (`---`) or TOML (`+++`) front matter.
//!
//! Skipped: code blocks and code spans, link destinations, autolinks, raw HTML, other
//! front-matter fields. Inline markup is not prose, so "*Semaine d’actualités*" and
//! "Haut-**Karabagh**" read as plain words.

use super::prose::ProseBuilder;
use crate::diagnostic::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Front-matter fields that are prose.
const PROSE_FIELDS: &[&str] = &["title", "description", "summary"];

/// Feeds the prose of a Markdown document (starting at `start`, after any BOM) to `b`.
pub fn parse(text: &str, start: usize, b: &mut ProseBuilder) {
    let body = front_matter(text, start, b);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut code_depth = 0usize;
    let mut autolink_depth = 0usize;
    for (event, range) in Parser::new_ext(&text[body..], options).into_offset_iter() {
        let span = Span::new(body + range.start, body + range.end);
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => autolink_depth += 1,
            Event::End(TagEnd::Link) if autolink_depth > 0 => autolink_depth -= 1,
            Event::Start(tag) if is_block(&tag) => b.end_block(),
            Event::End(tag) if is_block_end(&tag) => b.end_block(),
            Event::Text(t) if code_depth == 0 && autolink_depth == 0 => {
                if span.slice(text) == &*t {
                    b.copy(text, span);
                } else {
                    b.decoded(span, &t);
                }
            }
            // A code span is not prose, but it separates the words around it.
            Event::Code(_) if code_depth == 0 => b.decoded(span, " "),
            Event::SoftBreak => b.decoded(span, " "),
            Event::HardBreak => b.end_block(),
            _ => {}
        }
    }
    b.end_block();
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::Item
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

/// Reads YAML or TOML front matter at `start`, feeds its prose fields, and returns where the
/// Markdown body starts.
fn front_matter(text: &str, start: usize, b: &mut ProseBuilder) -> usize {
    let rest = &text[start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return start;
    };
    let mut lines = line_spans(text, start);
    match lines.next() {
        Some(first) if first.slice(text).trim_end() == fence => {}
        _ => return start,
    }
    let separator = if fence == "---" { ':' } else { '=' };
    let mut fields = Vec::new();
    for line in lines {
        let content = line.slice(text).trim_end_matches(['\r', '\n']);
        if content.trim_end() == fence || (fence == "---" && content.trim_end() == "...") {
            for value in fields {
                b.copy(text, value);
                b.end_block();
            }
            return line.end;
        }
        if let Some(value) = field_value(text, line, content, separator) {
            fields.push(value);
        }
    }
    // No closing fence: not front matter.
    start
}

/// The lines of `text` from `start`, each with its line break.
fn line_spans(text: &str, start: usize) -> impl Iterator<Item = Span> + '_ {
    let mut at = start;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let span = Span::new(at, end);
        at = end;
        Some(span)
    })
}

/// The byte span of a prose field's value on a front-matter line (`title: …`, `title = "…"`),
/// without quotes. Values with escapes are left alone.
fn field_value(text: &str, line: Span, content: &str, separator: char) -> Option<Span> {
    let (key, value) = content.split_once(separator)?;
    if !PROSE_FIELDS.contains(&key.trim()) || key.starts_with(' ') {
        return None;
    }
    let value_start = line.start + key.len() + 1;
    let trimmed = value.trim();
    if trimmed.is_empty() || trimmed.starts_with(['|', '>', '[', '{']) {
        return None;
    }
    let lead = value.len() - value.trim_start().len();
    let mut s = value_start + lead;
    let mut e = s + trimmed.len();
    let quoted = |q: char| trimmed.len() >= 2 && trimmed.starts_with(q) && trimmed.ends_with(q);
    if quoted('"') || quoted('\'') {
        if trimmed.contains('\\') {
            return None;
        }
        s += 1;
        e -= 1;
    } else if separator == '=' {
        return None; // TOML strings are always quoted
    }
    let span = Span::new(s, e);
    (!span.slice(text).trim().is_empty()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> (String, Vec<String>) {
        let mut b = ProseBuilder::new();
        parse(text, 0, &mut b);
        let (prose, _, segments) = b.finish();
        let segs = segments
            .iter()
            .map(|s| s.slice(&prose).to_owned())
            .collect();
        (prose, segs)
    }

    #[test]
    fn keeps_prose_and_skips_code_links_and_html() {
        let md = "# Titre\n\nUn *article* de [Semaine d’actualités](https://example.com/newsweek) et `code`.\n\n```\nNewsweek code\n```\n\n<div class=\"x\">raw</div>\n\n- item **un**\n- <https://example.com>\n\n![Haut-Karabagh au loin](photo.jpg)\n";
        let (_, segs) = prose(md);
        assert_eq!(
            segs,
            [
                "Titre",
                "Un article de Semaine d’actualités et  .",
                "item un",
                "Haut-Karabagh au loin"
            ]
        );
    }

    #[test]
    fn tables_and_soft_breaks() {
        let (_, segs) = prose("| a | b |\n|---|---|\n| Kiev | Kyiv |\n\nune ligne\nsuite\n");
        assert_eq!(segs, ["a", "b", "Kiev", "Kyiv", "une ligne suite"]);
    }

    #[test]
    fn front_matter_prose_fields_only() {
        let md = "---\ntitle: \"Erevan et l’OTSC\"\nauthor: Semaine d'actualités\nsummary: Un résumé\ntags: [a]\n---\nCorps.\n";
        let (_, segs) = prose(md);
        assert_eq!(segs, ["Erevan et l’OTSC", "Un résumé", "Corps."]);
        let toml = "+++\ntitle = 'Titre'\ndescription = \"Desc\"\nslug = \"x\"\n+++\nCorps.\n";
        assert_eq!(prose(toml).1, ["Titre", "Desc", "Corps."]);
        assert_eq!(prose("---\nnot closed\n").1.len(), 1);
    }
}
