//! HTML: the text of the body and the `alt` and `title` attributes (html5gum, a WHATWG
//! tokenizer with source positions). Entities are decoded for checking, and map back to their
//! exact bytes.
//!
//! Skipped: `head`, `script`, `style`, `code`, `pre`, `template`, `noscript`, `textarea`,
//! `svg`, `math`, comments. Inline elements (`a`, `em`, `strong`, `span`, …) continue the
//! sentence; every other element starts a new block.

use super::prose::ProseBuilder;
use crate::diagnostic::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose content is not prose.
const SKIPPED: &[&[u8]] = &[
    b"head",
    b"script",
    b"style",
    b"code",
    b"pre",
    b"template",
    b"noscript",
    b"textarea",
    b"svg",
    b"math",
    b"title",
];

/// Elements that stay inside the sentence around them.
const INLINE: &[&[u8]] = &[
    b"a", b"abbr", b"b", b"bdi", b"bdo", b"cite", b"data", b"dfn", b"em", b"i", b"kbd", b"mark",
    b"q", b"s", b"small", b"span", b"strong", b"sub", b"sup", b"time", b"u", b"var", b"font",
    b"ins", b"del", b"wbr", b"label", b"img",
];

/// Attributes whose value is prose.
const PROSE_ATTRIBUTES: &[&[u8]] = &[b"alt", b"title"];

/// Feeds the prose of an HTML document to `b`.
pub fn parse(text: &str, start: usize, b: &mut ProseBuilder) {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut skipped: Vec<Vec<u8>> = Vec::new();
    for token in Tokenizer::new_with_emitter(&text[start..], emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                if !skipped.is_empty() {
                    if SKIPPED.contains(&name) && !tag.self_closing {
                        skipped.push(name.to_vec());
                    }
                    continue;
                }
                if !INLINE.contains(&name) {
                    b.end_block();
                }
                for (attr, value) in &tag.attributes {
                    if PROSE_ATTRIBUTES.contains(&attr.as_slice()) {
                        let whole = Span::new(start + value.span.start, start + value.span.end);
                        if let Some(value_span) = attribute_value(text, whole) {
                            b.end_block();
                            push_text(text, value_span, b);
                            b.end_block();
                        }
                    }
                }
                if SKIPPED.contains(&name) && !tag.self_closing {
                    skipped.push(name.to_vec());
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if let Some(top) = skipped.last() {
                    if top.as_slice() == name {
                        skipped.pop();
                    }
                    continue;
                }
                if !INLINE.contains(&name) {
                    b.end_block();
                }
            }
            Token::String(s) if skipped.is_empty() => {
                push_text(text, Span::new(start + s.span.start, start + s.span.end), b);
            }
            _ => {}
        }
    }
    b.end_block();
}

/// The value inside an attribute's source (`alt="…"`), without quotes.
fn attribute_value(text: &str, attribute: Span) -> Option<Span> {
    let source = attribute.slice(text);
    let eq = source.find('=')?;
    let after = &source[eq + 1..];
    let lead = after.len() - after.trim_start().len();
    let value = &after[lead..];
    let offset = attribute.start + eq + 1 + lead;
    match value.chars().next()? {
        q @ ('"' | '\'') => {
            let end = value[1..].find(q)?;
            Some(Span::new(offset + 1, offset + 1 + end))
        }
        _ => {
            let end = value
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(value.len());
            Some(Span::new(offset, offset + end))
        }
    }
}

/// Pushes text with its entities decoded and its line breaks read as spaces.
fn push_text(text: &str, span: Span, b: &mut ProseBuilder) {
    let source = span.slice(text);
    let mut at = 0;
    while at < source.len() {
        let rest = &source[at..];
        let next = rest.find(['&', '\n', '\r']).unwrap_or(rest.len());
        if next > 0 {
            b.copy(text, Span::new(span.start + at, span.start + at + next));
            at += next;
            continue;
        }
        let piece_start = span.start + at;
        if rest.starts_with(['\n', '\r']) {
            let len = rest.len() - rest.trim_start_matches(['\n', '\r']).len();
            b.decoded(Span::new(piece_start, piece_start + len), " ");
            at += len;
            continue;
        }
        // An entity: `&name;`, `&#8217;` or `&#x2019;`.
        let entity_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .filter(|&i| rest[1 + i..].starts_with(';') && i > 0)
            .map(|i| i + 2);
        match entity_len.and_then(|len| decode_entity(&rest[..len]).map(|d| (len, d))) {
            Some((len, decoded)) => {
                b.decoded(Span::new(piece_start, piece_start + len), &decoded);
                at += len;
            }
            None => {
                b.copy(text, Span::new(piece_start, piece_start + 1));
                at += 1;
            }
        }
    }
}

/// Decodes one character reference with the HTML tokenizer itself.
fn decode_entity(entity: &str) -> Option<String> {
    let mut out = String::new();
    for token in Tokenizer::new(entity) {
        if let Ok(Token::String(s)) = token {
            out.push_str(&String::from_utf8_lossy(&s.value));
        }
    }
    (out != entity && !out.is_empty()).then_some(out)
}

/// Escapes text written into HTML by a fix.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(html: &str) -> Vec<String> {
        let mut b = ProseBuilder::new();
        parse(html, 0, &mut b);
        let (prose, _, segments) = b.finish();
        segments
            .iter()
            .map(|s| s.slice(&prose).to_owned())
            .collect()
    }

    #[test]
    fn body_text_and_prose_attributes() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\n<h1>L&rsquo;OTAN</h1>\n<p>Un <em>article</em> de\nSemaine d&#8217;actualités&nbsp;!</p><script>var x = '<p>Newsweek</p>';</script><!-- Newsweek --><pre>code</pre><figure><img src=\"a.jpg\" alt=\"Haut-Karabagh &amp; Erevan\"><figcaption>Photo AFP</figcaption></figure></body></html>";
        assert_eq!(
            segments(html),
            [
                "L’OTAN",
                "Un article de Semaine d’actualités\u{a0}!",
                "Haut-Karabagh & Erevan",
                "Photo AFP"
            ]
        );
    }

    #[test]
    fn unknown_entities_and_bare_ampersands_stay() {
        assert_eq!(
            segments("<p>A &unknown; B & C &amp D</p>"),
            ["A &unknown; B & C &amp D"]
        );
    }

    #[test]
    fn escapes_replacements() {
        assert_eq!(escape("AT&T <b> \"x\""), "AT&amp;T &lt;b&gt; &quot;x&quot;");
    }
}
