//! gettext PO and POT catalogues: each non-empty `msgstr` (and `msgstr[n]` of a plural entry) is
//! one prose segment, paired with its `msgid` (`msgid_plural` for the plural forms).
//!
//! The parser is our own: the PO crates decode strings but do not say where each character came
//! from, and every finding and fix here needs the exact bytes, through escapes (`\"`, `\n`,
//! octal, hex) and strings continued over several lines.
//!
//! Read: `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[n]`, continuation strings,
//! comments (ignored; `#, fuzzy` entries are still checked), obsolete `#~` entries (skipped),
//! the header entry (`msgid ""`, not checked; its `Language:` is the declared target language).
//! It must not change the file: escapes are decoded in the prose only, and text a fix inserts
//! is escaped by [`escape`].

use super::error::Located;
use super::prose::ProseBuilder;
use super::{Bilingual, SegmentPair};
use crate::diagnostic::{Edit, Span};

/// A part of a string literal: bytes copied as they are, or one escape sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Raw(Span),
    Escape(Span, char),
}

/// One keyword's strings (`msgid "a" "b"` over lines), in order.
#[derive(Clone, Debug, Default)]
struct Field {
    /// Where the keyword starts.
    at: usize,
    /// 1-based line of the keyword.
    line: usize,
    /// Each string literal: its whole span (quotes included) and its parts.
    strings: Vec<(Span, Vec<Part>)>,
}

impl Field {
    fn decoded(&self, text: &str) -> String {
        let mut out = String::new();
        for (_, parts) in &self.strings {
            for part in parts {
                match part {
                    Part::Raw(span) => out.push_str(span.slice(text)),
                    Part::Escape(_, c) => out.push(*c),
                }
            }
        }
        out
    }

    /// From the first opening quote to the last closing quote.
    fn span(&self) -> Span {
        match (self.strings.first(), self.strings.last()) {
            (Some(first), Some(last)) => Span::new(first.0.start, last.0.end),
            _ => Span::new(self.at, self.at),
        }
    }
}

/// Which field a continuation string extends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Context,
    Id,
    Plural,
    Str(usize),
}

/// An entry being read.
#[derive(Debug, Default)]
struct Entry {
    context: Option<Field>,
    id: Option<Field>,
    plural: Option<Field>,
    /// `msgstr` (index `None`) or `msgstr[n]`.
    strs: Vec<(Option<usize>, Field)>,
}

impl Entry {
    fn is_empty(&self) -> bool {
        self.context.is_none() && self.id.is_none()
    }
}

/// Reads a PO catalogue (`text` from byte `start`, after the BOM) into `b`.
pub(super) fn parse(text: &str, start: usize, b: &mut ProseBuilder) -> Result<Bilingual, Located> {
    let mut out = Bilingual::default();
    let mut entry = Entry::default();
    let mut slot: Option<Slot> = None;
    let mut line_start = start;
    for (index, raw_line) in text[start..].split_inclusive('\n').enumerate() {
        let line_no = text[..start].matches('\n').count() + index + 1;
        let at_line = line_start;
        line_start += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let content = line.trim_start_matches([' ', '\t']);
        let at = at_line + (line.len() - content.len());
        if content.is_empty() {
            continue;
        }
        if content.starts_with('#') {
            // Comments (and obsolete `#~` entries) end the entry before them once it is whole.
            if !entry.strs.is_empty() {
                finish(text, std::mem::take(&mut entry), b, &mut out);
            }
            slot = None;
            continue;
        }
        if content.starts_with('"') {
            let Some(s) = slot else {
                return Err(Located::new(at, "a string without a keyword before it"));
            };
            let field = field_mut(&mut entry, s);
            read_strings(text, at, at_line + line.len(), field)?;
            continue;
        }
        let keyword_len = content
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']')))
            .unwrap_or(content.len());
        let keyword = &content[..keyword_len];
        let mut field = Field {
            at,
            line: line_no,
            strings: Vec::new(),
        };
        let after = at + keyword_len;
        let next = match keyword {
            "msgctxt" | "msgid" => {
                if !entry.strs.is_empty() {
                    finish(text, std::mem::take(&mut entry), b, &mut out);
                }
                if entry.id.is_some() {
                    return Err(Located::new(
                        at,
                        format!("`{keyword}` after a msgid that has no msgstr"),
                    ));
                }
                if keyword == "msgctxt" {
                    if entry.context.is_some() {
                        return Err(Located::new(at, "a second msgctxt in one entry"));
                    }
                    Slot::Context
                } else {
                    Slot::Id
                }
            }
            "msgid_plural" => {
                if entry.id.is_none() || !entry.strs.is_empty() || entry.plural.is_some() {
                    return Err(Located::new(
                        at,
                        "msgid_plural must follow a msgid, before its msgstr",
                    ));
                }
                Slot::Plural
            }
            _ if keyword.starts_with("msgstr") => {
                if entry.id.is_none() {
                    return Err(Located::new(at, format!("`{keyword}` without a msgid")));
                }
                let index = match &keyword["msgstr".len()..] {
                    "" => None,
                    rest => Some(
                        rest.strip_prefix('[')
                            .and_then(|r| r.strip_suffix(']'))
                            .and_then(|n| n.parse::<usize>().ok())
                            .ok_or_else(|| {
                                Located::new(at, format!("unknown keyword `{keyword}`"))
                            })?,
                    ),
                };
                if index.is_some() != entry.plural.is_some() {
                    let message = if index.is_some() {
                        format!("`{keyword}` in an entry without msgid_plural")
                    } else {
                        "a plural entry (msgid_plural) needs msgstr[n], not msgstr".to_owned()
                    };
                    return Err(Located::new(at, message));
                }
                entry.strs.push((index, Field::default()));
                Slot::Str(entry.strs.len() - 1)
            }
            "" => return Err(Located::new(at, "expected a keyword (msgid, msgstr…)")),
            _ => return Err(Located::new(at, format!("unknown keyword `{keyword}`"))),
        };
        let line_end = at_line + line.len();
        let rest = &text[after..line_end];
        if rest.trim().is_empty() {
            return Err(Located::new(
                after,
                format!("expected a string after `{keyword}`"),
            ));
        }
        read_strings(text, after, line_end, &mut field)?;
        match next {
            Slot::Context => entry.context = Some(field),
            Slot::Id => entry.id = Some(field),
            Slot::Plural => entry.plural = Some(field),
            Slot::Str(i) => entry.strs[i].1 = field,
        }
        slot = Some(next);
    }
    if let Some(id) = &entry.id {
        if entry.strs.is_empty() {
            return Err(Located::new(id.at, "msgid without a msgstr"));
        }
    } else if let Some(context) = &entry.context {
        return Err(Located::new(context.at, "msgctxt without a msgid"));
    }
    if !entry.is_empty() {
        finish(text, entry, b, &mut out);
    }
    Ok(out)
}

fn field_mut(entry: &mut Entry, slot: Slot) -> &mut Field {
    match slot {
        Slot::Context => entry.context.get_or_insert_with(Field::default),
        Slot::Id => entry.id.get_or_insert_with(Field::default),
        Slot::Plural => entry.plural.get_or_insert_with(Field::default),
        Slot::Str(i) => &mut entry.strs[i].1,
    }
}

/// Reads the string literals between `from` and `to` (one line) into `field`; only white space
/// may surround them.
fn read_strings(text: &str, from: usize, to: usize, field: &mut Field) -> Result<(), Located> {
    let mut at = from;
    loop {
        let rest = &text[at..to];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        at += skipped;
        if at == to {
            return Ok(());
        }
        if !text[at..].starts_with('"') {
            return Err(Located::new(at, "unexpected text after a string"));
        }
        let (end, parts) = read_string(text, at, to)?;
        field.strings.push((Span::new(at, end), parts));
        at = end;
    }
}

/// Reads one string literal starting at the quote at `open`, ending before `to`; returns the
/// offset after its closing quote and its parts.
fn read_string(text: &str, open: usize, to: usize) -> Result<(usize, Vec<Part>), Located> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    // Octal and hex escapes of bytes above 0x7F: together they spell UTF-8 characters.
    let mut run: Vec<(Span, u8)> = Vec::new();
    let mut raw_start = open + 1;
    let mut at = open + 1;
    let flush = |parts: &mut Vec<Part>, from: usize, to: usize| {
        if from < to {
            parts.push(Part::Raw(Span::new(from, to)));
        }
    };
    while at < to {
        match bytes[at] {
            b'"' => {
                flush(&mut parts, raw_start, at);
                flush_bytes(&mut run, &mut parts)?;
                return Ok((at + 1, parts));
            }
            b'\\' => {
                flush(&mut parts, raw_start, at);
                let (len, value) =
                    read_escape(&text[at..to]).ok_or_else(|| bad_escape(text, at, to))?;
                let span = Span::new(at, at + len);
                match value {
                    Escaped::Byte(b) => run.push((span, b)),
                    Escaped::Char(c) => {
                        flush_bytes(&mut run, &mut parts)?;
                        parts.push(Part::Escape(span, c));
                    }
                }
                at += len;
                raw_start = at;
            }
            _ => {
                flush_bytes(&mut run, &mut parts)?;
                at += 1;
            }
        }
    }
    Err(Located::new(
        open,
        "unclosed string: no closing `\"` on this line",
    ))
}

/// Turns a run of byte escapes into the characters they spell, each mapped to its escapes.
fn flush_bytes(run: &mut Vec<(Span, u8)>, parts: &mut Vec<Part>) -> Result<(), Located> {
    if run.is_empty() {
        return Ok(());
    }
    let bytes: Vec<u8> = run.iter().map(|&(_, b)| b).collect();
    let decoded = std::str::from_utf8(&bytes).map_err(|e| {
        Located::new(
            run[e.valid_up_to()].0.start,
            "these escaped bytes are not UTF-8 (the file is read as UTF-8)",
        )
    })?;
    let mut i = 0;
    for c in decoded.chars() {
        let n = c.len_utf8();
        parts.push(Part::Escape(
            Span::new(run[i].0.start, run[i + n - 1].0.end),
            c,
        ));
        i += n;
    }
    run.clear();
    Ok(())
}

fn bad_escape(text: &str, at: usize, to: usize) -> Located {
    let shown: String = text[at..to].chars().take(2).collect();
    Located::new(at, format!("invalid escape `{shown}`"))
}

/// What an escape sequence stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Escaped {
    Char(char),
    /// A byte above 0x7F, part of a UTF-8 sequence.
    Byte(u8),
}

/// The length and value of the escape sequence at the start of `s` (which starts with `\`), as
/// gettext reads them: `\n \t \r \b \f \v \a \\ \"`, octal `\NNN` (one to three digits)
/// and hex `\xHH…`, both bytes. `None` for anything else, NUL, or a value above a byte.
fn read_escape(s: &str) -> Option<(usize, Escaped)> {
    let b = s.as_bytes();
    let simple = match *b.get(1)? {
        b'n' => Some('\n'),
        b't' => Some('\t'),
        b'r' => Some('\r'),
        b'b' => Some('\u{8}'),
        b'f' => Some('\u{c}'),
        b'v' => Some('\u{b}'),
        b'a' => Some('\u{7}'),
        b'\\' => Some('\\'),
        b'"' => Some('"'),
        _ => None,
    };
    if let Some(c) = simple {
        return Some((2, Escaped::Char(c)));
    }
    let (digits, radix, skip) = match b[1] {
        b'0'..=b'7' => (
            b[1..]
                .iter()
                .take(3)
                .take_while(|d| (b'0'..=b'7').contains(d))
                .count(),
            8,
            1,
        ),
        b'x' => (
            b[2..]
                .iter()
                .take(8)
                .take_while(|d| d.is_ascii_hexdigit())
                .count(),
            16,
            2,
        ),
        _ => return None,
    };
    if digits == 0 {
        return None;
    }
    let value = u8::try_from(u32::from_str_radix(&s[skip..skip + digits], radix).ok()?).ok()?;
    match value {
        0 => None,
        1..=0x7f => Some((skip + digits, Escaped::Char(char::from(value)))),
        _ => Some((skip + digits, Escaped::Byte(value))),
    }
}

/// Adds a whole entry: its translations become segments, the header its languages.
fn finish(text: &str, entry: Entry, b: &mut ProseBuilder, out: &mut Bilingual) {
    let Some(id) = &entry.id else {
        return;
    };
    let source = id.decoded(text);
    if source.is_empty() && entry.context.is_none() {
        // The header entry: metadata, not a translation.
        if let Some((_, header)) = entry.strs.first() {
            read_header(&header.decoded(text), out);
        }
        return;
    }
    let mut name = format!("line {}", id.line);
    if let Some(context) = &entry.context {
        name.push_str(&format!(", msgctxt \"{}\"", context.decoded(text)));
    }
    let plural_source = entry.plural.as_ref().map(|p| (p.decoded(text), p.span()));
    for (index, field) in &entry.strs {
        b.end_block();
        for (_, parts) in &field.strings {
            for part in parts {
                match part {
                    Part::Raw(span) => b.copy(text, *span),
                    Part::Escape(span, c) => b.decoded(*span, c.encode_utf8(&mut [0; 4])),
                }
            }
        }
        let Some(target) = b.end_segment() else {
            continue;
        };
        let (source, source_span) = match (index, &plural_source) {
            (Some(n), Some((plural, span))) if *n > 0 => (plural.clone(), *span),
            _ => (source.clone(), id.span()),
        };
        out.pairs.push(SegmentPair {
            id: match index {
                Some(n) => format!("{name}, msgstr[{n}]"),
                None => name.clone(),
            },
            source,
            source_span,
            target,
        });
    }
}

/// Reads `Language:` (and `X-Source-Language:`) from the header's fields.
fn read_header(header: &str, out: &mut Bilingual) {
    for line in header.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "language" => out.declared.target = Some(value.to_owned()),
            "x-source-language" => out.declared.source = Some(value.to_owned()),
            _ => {}
        }
    }
}

/// Escapes text a fix writes into a PO string.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes the replacement of `edit`, an edit of the PO file `original`, so that the file
/// says what the replacement says: besides [`escape`], a digit that would lengthen an octal or
/// hex escape just before the edit ("\6" then "10" would read `\610`) is written as an
/// escape of its own, and a deletion that would bring such a digit against the escape takes
/// the digit in.
pub(super) fn escape_edit(original: &str, edit: &mut Edit) {
    let mut replacement = escape(&edit.replacement);
    if let Some(open) = open_escape(&original[..edit.span.start]) {
        if replacement.is_empty() {
            let next = original[edit.span.end..].chars().next();
            if let Some(c) = next.filter(|&c| lengthens(open, c)) {
                edit.span.end += c.len_utf8();
                replacement = format!("\\{:03o}", c as u32);
            }
        } else if let Some(c) = replacement.chars().next().filter(|&c| lengthens(open, c)) {
            replacement = format!("\\{:03o}{}", c as u32, &replacement[1..]);
        }
    }
    edit.replacement = replacement;
}

/// The octal or hex escape `before` ends with (`\6`, `\x4`), if it ends with one.
fn open_escape(before: &str) -> Option<&str> {
    let body = before.trim_end_matches(|c: char| c.is_ascii_hexdigit() || c == 'x');
    let at = body.strip_suffix('\\')?.len();
    // The backslash that opens an escape is not itself escaped (an odd run of them).
    let run = body.bytes().rev().take_while(|&b| b == b'\\').count();
    let tail = &before[at..];
    (run % 2 == 1 && read_escape(tail).is_some_and(|(n, _)| n == tail.len())).then_some(tail)
}

/// Whether `c` written right after the escape `open` would be read as part of it, as
/// [`read_escape`] reads escapes.
fn lengthens(open: &str, c: char) -> bool {
    read_escape(&format!("{open}{c}")).is_none_or(|(n, _)| n != open.len())
}

/// Decodes the string literals of `span` (as a pair's `source_span` holds them): the test of
/// what a span says.
#[cfg(test)]
fn decode_span(text: &str, span: Span) -> String {
    let mut field = Field::default();
    let mut at = span.start;
    for line in span.slice(text).split_inclusive('\n') {
        let end = at + line.trim_end_matches(['\n', '\r']).len();
        read_strings(text, at, end, &mut field).expect("a pair's source span holds strings");
        at += line.len();
    }
    field.decoded(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::input::Source;

    fn doc(text: &str) -> Document {
        Document::parse(
            Source {
                name: "t.po".into(),
                text: text.into(),
            },
            Format::Po,
        )
        .unwrap()
    }

    fn error(text: &str) -> String {
        Document::parse(
            Source {
                name: "t.po".into(),
                text: text.into(),
            },
            Format::Po,
        )
        .unwrap_err()
        .to_string()
    }

    /// Every pair's source span decodes to its source, and every target lies in a segment on
    /// character boundaries.
    #[track_caller]
    fn assert_pairs_exact(d: &Document) {
        for pair in &d.pairs {
            assert_eq!(decode_span(&d.original, pair.source_span), pair.source);
            assert!(d.segments.iter().any(|s| s.contains(pair.target)));
            assert!(d.prose().is_char_boundary(pair.target.start));
            assert!(d.prose().is_char_boundary(pair.target.end));
        }
    }

    const CATALOGUE: &str = r#"# Traduction
msgid ""
msgstr ""
"Language: fr_FR\n"
"Content-Type: text/plain; charset=UTF-8\n"

#. a comment
#, fuzzy
msgctxt "titre"
msgid "Newsweek reports"
msgstr "Semaine d'actualités "
"rapporte \"tout\"\n"
"à\tla\101\x42"

#~ msgid "old"
#~ msgstr "vieux"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "Un fichier"
msgstr[1] "%d fichiers"
"#;

    #[test]
    fn reads_entries_plurals_and_escapes() {
        let d = doc(CATALOGUE);
        let targets: Vec<&str> = d.segments.iter().map(|s| s.slice(d.prose())).collect();
        assert_eq!(
            targets,
            [
                "Semaine d'actualités rapporte \"tout\"\nà\tlaAB",
                "Un fichier",
                "%d fichiers"
            ]
        );
        let ids: Vec<&str> = d.pairs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "line 10, msgctxt \"titre\"",
                "line 18, msgstr[0]",
                "line 18, msgstr[1]"
            ]
        );
        assert_eq!(d.pairs[0].source, "Newsweek reports");
        assert_eq!(d.pairs[2].source, "%d files");
        assert_eq!(d.declared_languages().target.as_deref(), Some("fr_FR"));
        assert!(!d.prose().contains("vieux"));
        assert_pairs_exact(&d);
    }

    #[test]
    fn prose_maps_back_through_escapes_and_continuations() {
        let d = doc(CATALOGUE);
        let prose = d.prose();
        for (word, original) in [("tout", "tout"), ("à", "à"), ("\"tout", "\\\"tout")] {
            let at = prose.find(word).unwrap();
            let span = d.to_original(Span::new(at, at + word.len()));
            assert_eq!(span.slice(&d.original), original);
        }
        // A span across the line continuation covers the closing and opening quotes.
        let at = prose.find("actualités rapporte").unwrap();
        let span = d.to_original(Span::new(at, at + "actualités rapporte".len()));
        assert_eq!(span.slice(&d.original), "actualités \"\n\"rapporte");
    }

    #[test]
    fn fixes_are_escaped_and_keep_the_quotes_between_lines() {
        let d = doc(CATALOGUE);
        let prose = d.prose();
        let at = prose.find("actualités rapporte").unwrap();
        let edit = crate::diagnostic::Edit::replace(
            Span::new(at - "Semaine d'".len(), at + "actualités rapporte".len()),
            "Newsweek \"dit\"\\ rapporte",
        );
        let edits = d.edits_to_original(&edit);
        let fixed = crate::fix::apply_edits(&d.original, &edits).unwrap();
        assert!(
            fixed.contains("msgstr \"Newsweek \\\"dit\\\"\\\\ \"\n\"rapporte"),
            "{fixed}"
        );
        let again = doc(&fixed);
        assert!(again
            .prose()
            .starts_with("Newsweek \"dit\"\\ rapporte \"tout\""));
        assert_eq!(again.pairs[0].source, "Newsweek reports");
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}msgid \"A\"\r\nmsgstr \"\"\r\n\"B\\n\"\r\n\"C\"\r\n";
        let d = doc(text);
        assert_eq!(d.segments.len(), 1);
        assert_eq!(d.segments[0].slice(d.prose()), "B\nC");
        assert_eq!(d.pairs[0].id, "line 1");
        assert_pairs_exact(&d);
    }

    #[test]
    fn empty_translations_are_not_segments() {
        let d = doc("msgid \"A\"\nmsgstr \"\"\n\nmsgid \"B\"\nmsgstr \"b\"\n");
        assert_eq!(d.segments.len(), 1);
        assert_eq!(d.pairs.len(), 1);
        assert_eq!(d.pairs[0].id, "line 4");
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        for (text, expected) in [
            ("msgid \"a\nmsgstr \"b\"\n", "t.po:1:7: unclosed string"),
            ("msgstr \"b\"\n", "t.po:1:1: `msgstr` without a msgid"),
            (
                "msgid \"a\"\nmsgstr \"b\\q\"\n",
                "t.po:2:10: invalid escape `\\q`",
            ),
            (
                "msgid \"a\"\nmsgstr \"\\x\"\n",
                "t.po:2:9: invalid escape `\\x`",
            ),
            ("msgid \"a\"\n", "t.po:1:1: msgid without a msgstr"),
            (
                "msgid \"a\" x\nmsgstr \"\"\n",
                "t.po:1:11: unexpected text after a string",
            ),
            ("\"a\"\n", "t.po:1:1: a string without a keyword before it"),
            (
                "msgid \"a\"\nmsgstr[0] \"b\"\n",
                "t.po:2:1: `msgstr[0]` in an entry without",
            ),
            ("msgfoo \"a\"\n", "t.po:1:1: unknown keyword `msgfoo`"),
            (
                "msgid\nmsgstr \"\"\n",
                "t.po:1:6: expected a string after `msgid`",
            ),
            (
                "  msgid \"é\" \"\\0\"\nmsgstr \"\"",
                "t.po:1:14: invalid escape `\\0`",
            ),
        ] {
            let message = error(text);
            assert!(message.starts_with(expected), "{text:?}: {message}");
        }
    }

    #[test]
    fn octal_and_hex_escapes_as_gettext_reads_them() {
        assert_eq!(read_escape("\\101"), Some((4, Escaped::Char('A'))));
        assert_eq!(read_escape("\\1011"), Some((4, Escaped::Char('A'))));
        assert_eq!(read_escape("\\x41g"), Some((4, Escaped::Char('A'))));
        assert_eq!(read_escape("\\xe9"), Some((4, Escaped::Byte(0xe9))));
        assert_eq!(read_escape("\\x2019"), None);
        assert_eq!(read_escape("\\q"), None);
        assert_eq!(read_escape("\\"), None);
    }

    #[test]
    fn escaped_bytes_spell_utf8_characters() {
        let d = doc("msgid \"a\"\nmsgstr \"actualit\\303\\251s \\xc3\\xa9t\\xc3\\xa9\"\n");
        assert_eq!(d.prose(), "actualités été");
        let at = d.prose().find('é').unwrap();
        let span = d.to_original(Span::new(at, at + 'é'.len_utf8()));
        assert_eq!(span.slice(&d.original), "\\303\\251");
        let message = error("msgid \"a\"\nmsgstr \"x\\303y\"\n");
        assert!(
            message.starts_with("t.po:2:10: these escaped bytes are not UTF-8"),
            "{message}"
        );
    }

    /// Fuzz crash 87e95964 (`parse_po`): "8" after the escape `\6` replaced by "10" wrote
    /// `\610`, which is no byte, and the fixed file no longer parsed.
    #[test]
    fn fuzz_crash_87e95964_a_fix_after_a_short_escape_keeps_the_file_readable() {
        let cases = [
            ("msgid \"10\"\nmsgstr \"\\68\"\n", "8", "10", "\u{6}10"),
            ("msgid \"a\"\nmsgstr \"\\x4g\"\n", "g", "1", "\u{4}1"),
            ("msgid \"a\"\nmsgstr \"\\x4g1\"\n", "g", "", "\u{4}1"),
            ("msgid \"a\"\nmsgstr \"\\\\6x\"\n", "x", "1", "\\61"),
        ];
        for (text, old, new, want) in cases {
            let d = doc(text);
            let target = d.pairs[0].target;
            let at = target.slice(d.prose()).find(old).unwrap() + target.start;
            let edit = Edit::replace(Span::new(at, at + old.len()), new);
            let mut fixed = text.to_owned();
            let mut edits = d.edits_to_original(&edit);
            edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
            for e in edits {
                fixed.replace_range(e.span.start..e.span.end, &e.replacement);
            }
            let again = doc(&fixed);
            assert_eq!(again.pairs[0].target.slice(again.prose()), want, "{fixed}");
        }
    }

    #[test]
    fn escape_round_trips_through_the_parser() {
        let inserted = "a\\b \"c\"\nd\te";
        let text = format!("msgid \"x\"\nmsgstr \"{}\"\n", escape(inserted));
        assert_eq!(doc(&text).prose(), inserted);
    }
}
