//! XLIFF 1.2 and 2.x: each non-empty target is one prose segment, paired with its source.
//!
//! XLIFF 1.2: `file` / `body` / `group` / `trans-unit` with `source` and `target`; when the unit
//! has a `seg-source` segmented with `<mrk mtype="seg" mid>`, each `mrk` of the target is its own
//! segment, paired with the source `mrk` of the same `mid`. XLIFF 2.x: `file` / `group` / `unit`
//! / `segment` with `source` and `target`; `ignorable` is not prose. Units, groups or files
//! marked `translate="no"` are not checked.
//!
//! Inside a source or target, `g`, `mrk` and `pc` wrap prose; every other element (`x`, `bx`,
//! `ex`, `ph`, `bpt`, `ept`, `it`, `sc`, `ec`, `sm`, `em`, and unknown ones) is markup whose
//! content is native code, never prose. Entities and character references are decoded in the
//! prose and map back to their bytes; CDATA content is prose as it is.
//!
//! Parsing uses quick-xml, which gives the byte position of every event; this module never
//! changes the file (fixes are escaped by [`escape`] and [`escape_cdata`]).

use super::error::Located;
use super::prose::ProseBuilder;
use super::{Bilingual, SegmentPair};
use crate::diagnostic::Span;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The XLIFF generation of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Version {
    V1,
    V2,
}

/// A piece of a source or target: original bytes that are prose as they are (text, CDATA
/// content), or a reference that stands for a decoded character.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Copy(Span),
    Decoded(Span, String),
}

/// A `<mrk mtype="seg" mid>` of XLIFF 1.2: its pieces and its content.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mark {
    mid: String,
    pieces: std::ops::Range<usize>,
    span: Span,
}

/// The content of a `source`, `target` or `seg-source` element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Content {
    /// Between the start and end tags.
    span: Span,
    pieces: Vec<Piece>,
    marks: Vec<Mark>,
}

impl Content {
    fn text(&self, text: &str, range: std::ops::Range<usize>) -> String {
        let mut out = String::new();
        for piece in &self.pieces[range] {
            match piece {
                Piece::Copy(span) => out.push_str(span.slice(text)),
                Piece::Decoded(_, decoded) => out.push_str(decoded),
            }
        }
        out
    }
}

/// Which content element is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    Source,
    SegSource,
    Target,
}

/// What an open element is to the parser.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Role {
    /// `xliff`, `file`, `body`, `group`: holds units; `no` when marked `translate="no"`.
    Structure { no: bool },
    /// A `trans-unit` (1.2) or `unit` (2.x).
    Unit,
    /// A 2.x `segment`.
    Segment,
    /// A `source`, `seg-source` or `target`.
    Content(Which),
    /// `g`, `mrk`, `pc` inside content; `Some(mid)` for a 1.2 segmentation mark and the
    /// index of its first piece.
    Wrap(Option<(String, usize, usize)>),
    /// Markup or an element mtlint does not read: its whole content is skipped.
    Skip,
}

/// The unit being read.
#[derive(Debug, Default)]
struct Unit {
    id: String,
    skipped: bool,
    source: Option<Content>,
    seg_source: Option<Content>,
    target: Option<Content>,
    /// 2.x segments in order: id, source, target.
    segments: Vec<(Option<String>, Option<Content>, Option<Content>)>,
}

/// The parser's state between events.
struct Parser<'t> {
    text: &'t str,
    version: Option<Version>,
    stack: Vec<(Vec<u8>, Role)>,
    /// How many open elements are skipped, are targets, are marked `translate="no"`: counted
    /// so that deep nesting costs nothing per event.
    skipped: usize,
    targets: usize,
    no_translate: usize,
    unit: Option<Unit>,
    /// The content element being read.
    content: Option<Content>,
    out: Bilingual,
}

/// Elements that wrap prose inside a source or target.
const WRAPPERS: &[&[u8]] = &[b"g", b"mrk", b"pc"];

/// Reads an XLIFF document (`text` from byte `start`, after the BOM) into `b`.
pub(super) fn parse(text: &str, start: usize, b: &mut ProseBuilder) -> Result<Bilingual, Located> {
    // The XML reader skips a byte order mark at its start without counting it in its
    // positions: a second mark (after the one already stripped) is skipped here instead.
    let mut start = start;
    while text[start..].starts_with('\u{feff}') {
        start += '\u{feff}'.len_utf8();
    }
    let mut reader = Reader::from_str(&text[start..]);
    reader.config_mut().trim_text(false);
    let mut p = Parser {
        text,
        version: None,
        stack: Vec::new(),
        skipped: 0,
        targets: 0,
        no_translate: 0,
        unit: None,
        content: None,
        out: Bilingual::default(),
    };
    loop {
        let before = start + reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            Located::new(
                start + reader.error_position() as usize,
                format!("malformed XML: {e}"),
            )
        })?;
        let after = start + reader.buffer_position() as usize;
        match event {
            Event::Start(e) => p.open(&e, Span::new(before, after), false, b)?,
            Event::Empty(e) => p.open(&e, Span::new(before, after), true, b)?,
            Event::End(_) => p.close(before, b),
            Event::Text(_) => p.piece(Piece::Copy(Span::new(before, after))),
            Event::CData(_) => {
                // `<![CDATA[` … `]]>`: the content is prose as it is.
                let inner = Span::new(before + 9, after - 3);
                if p.in_prose() {
                    p.out.raw.push(inner);
                }
                p.piece(Piece::Copy(inner));
            }
            Event::GeneralRef(r) => {
                let span = Span::new(before, after);
                let name = span
                    .slice(text)
                    .trim_start_matches('&')
                    .trim_end_matches(';');
                let decoded = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(name)
                        .ok_or_else(|| Located::new(before, format!("unknown entity `&{name};`")))?
                        .to_owned(),
                    Err(e) => return Err(Located::new(before, format!("malformed XML: {e}"))),
                };
                p.piece(Piece::Decoded(span, decoded));
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if let Some((name, _)) = p.stack.last() {
        return Err(Located::new(
            text.len(),
            format!("the file ends inside <{}>", String::from_utf8_lossy(name)),
        ));
    }
    if p.version.is_none() {
        return Err(Located::new(
            start,
            "not an XLIFF document: no <xliff> element",
        ));
    }
    Ok(p.out)
}

/// The value of attribute `name` (compared on the whole name, `xml:lang` included).
fn attribute(e: &BytesStart<'_>, name: &[u8], at: usize) -> Result<Option<String>, Located> {
    for a in e.attributes() {
        let a = a.map_err(|err| Located::new(at, format!("malformed attribute: {err}")))?;
        if a.key.as_ref() == name {
            let value = a
                .unescape_value()
                .map_err(|err| Located::new(at, format!("malformed attribute: {err}")))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

impl Parser<'_> {
    /// True inside a target's prose (not in skipped markup).
    fn in_prose(&self) -> bool {
        self.content.is_some() && self.skipped == 0 && self.targets > 0
    }

    fn piece(&mut self, piece: Piece) {
        if self.skipped > 0 {
            return;
        }
        if let Some(content) = &mut self.content {
            content.pieces.push(piece);
        }
    }

    /// Opens an element, keeping the counts.
    fn push(&mut self, name: Vec<u8>, role: Role) {
        self.count(&role, true);
        self.stack.push((name, role));
    }

    /// Closes the innermost element, keeping the counts.
    fn pop(&mut self) -> Option<Role> {
        let (_, role) = self.stack.pop()?;
        self.count(&role, false);
        Some(role)
    }

    fn count(&mut self, role: &Role, open: bool) {
        let counter = match role {
            Role::Skip => &mut self.skipped,
            Role::Content(Which::Target) => &mut self.targets,
            Role::Structure { no: true } => &mut self.no_translate,
            _ => return,
        };
        if open {
            *counter += 1;
        } else {
            *counter -= 1;
        }
    }

    fn open(
        &mut self,
        e: &BytesStart<'_>,
        tag: Span,
        empty: bool,
        b: &mut ProseBuilder,
    ) -> Result<(), Located> {
        let name = e.name().as_ref().to_vec();
        let parent = self.stack.last().map(|(_, r)| r.clone());
        let Some(version) = self.version else {
            return self.open_root(e, &name, tag, empty);
        };
        let translate_no = attribute(e, b"translate", tag.start)?.as_deref() == Some("no");
        let role = match (&parent, name.as_slice()) {
            (Some(Role::Skip), _) => Role::Skip,
            (Some(Role::Content(_) | Role::Wrap(_)), n) if WRAPPERS.contains(&n) => {
                let segmentation = version == Version::V1
                    && n == b"mrk"
                    && attribute(e, b"mtype", tag.start)?.as_deref() == Some("seg");
                match segmentation {
                    true => {
                        let mid = attribute(e, b"mid", tag.start)?.unwrap_or_default();
                        let first = self.content.as_ref().map_or(0, |c| c.pieces.len());
                        Role::Wrap(Some((mid, first, tag.end)))
                    }
                    false => Role::Wrap(None),
                }
            }
            (Some(Role::Content(_) | Role::Wrap(_)), _) => Role::Skip,
            (Some(Role::Structure { .. }), b"file" | b"body" | b"group") => {
                Role::Structure { no: translate_no }
            }
            (Some(Role::Structure { .. }), b"trans-unit") if version == Version::V1 => Role::Unit,
            (Some(Role::Structure { .. }), b"unit") if version == Version::V2 => Role::Unit,
            (Some(Role::Unit), b"segment") if version == Version::V2 => Role::Segment,
            (Some(Role::Unit), b"source") if version == Version::V1 => Role::Content(Which::Source),
            (Some(Role::Unit), b"seg-source") if version == Version::V1 => {
                Role::Content(Which::SegSource)
            }
            (Some(Role::Unit), b"target") if version == Version::V1 => Role::Content(Which::Target),
            (Some(Role::Segment), b"source") => Role::Content(Which::Source),
            (Some(Role::Segment), b"target") => Role::Content(Which::Target),
            _ => Role::Skip,
        };
        if version == Version::V1 && name == b"file" && self.out.declared.source.is_none() {
            self.out.declared.source = attribute(e, b"source-language", tag.start)?;
            self.out.declared.target = attribute(e, b"target-language", tag.start)?;
        }
        match &role {
            Role::Unit => {
                self.unit = Some(Unit {
                    id: attribute(e, b"id", tag.start)?.unwrap_or_default(),
                    skipped: translate_no || self.no_translate > 0,
                    ..Unit::default()
                });
            }
            Role::Segment => {
                let id = attribute(e, b"id", tag.start)?;
                if let Some(unit) = &mut self.unit {
                    unit.segments.push((id, None, None));
                }
            }
            Role::Content(_) => {
                self.content = Some(Content {
                    span: Span::new(tag.end, tag.end),
                    ..Content::default()
                });
            }
            _ => {}
        }
        self.push(name, role);
        if empty {
            self.close(tag.end, b);
        }
        Ok(())
    }

    /// The root element: `<xliff version>` of a version mtlint reads.
    fn open_root(
        &mut self,
        e: &BytesStart<'_>,
        name: &[u8],
        tag: Span,
        empty: bool,
    ) -> Result<(), Located> {
        if name != b"xliff" {
            return Err(Located::new(
                tag.start,
                format!(
                    "not an XLIFF document: the root element is <{}>",
                    String::from_utf8_lossy(name)
                ),
            ));
        }
        let version = attribute(e, b"version", tag.start)?;
        self.version = Some(match version.as_deref() {
            Some("1.0" | "1.1" | "1.2") => Version::V1,
            Some(v) if v.starts_with("2.") => Version::V2,
            Some(v) => {
                return Err(Located::new(
                    tag.start,
                    format!("XLIFF version `{v}` is not supported; mtlint reads 1.2 and 2.x"),
                ))
            }
            None => {
                return Err(Located::new(
                    tag.start,
                    "the <xliff> element has no version; mtlint reads XLIFF 1.2 and 2.x",
                ))
            }
        });
        if self.version == Some(Version::V2) {
            self.out.declared.source = attribute(e, b"srcLang", tag.start)?;
            self.out.declared.target = attribute(e, b"trgLang", tag.start)?;
        }
        let translate_no = attribute(e, b"translate", tag.start)?.as_deref() == Some("no");
        if !empty {
            self.push(name.to_vec(), Role::Structure { no: translate_no });
        }
        Ok(())
    }

    /// Closes the innermost element, whose end tag starts at `at`.
    fn close(&mut self, at: usize, b: &mut ProseBuilder) {
        let Some(role) = self.pop() else {
            return;
        };
        match role {
            Role::Wrap(Some((mid, first, inner_start))) => {
                if let Some(content) = &mut self.content {
                    let end = content.pieces.len();
                    content.marks.push(Mark {
                        mid,
                        pieces: first..end,
                        span: Span::new(inner_start, at.max(inner_start)),
                    });
                }
            }
            Role::Content(which) => {
                let Some(mut content) = self.content.take() else {
                    return;
                };
                content.span.end = at.max(content.span.start);
                let Some(unit) = &mut self.unit else {
                    return;
                };
                let slot = match unit.segments.last_mut() {
                    Some((_, source, target)) => match which {
                        Which::Source => source,
                        Which::Target => target,
                        Which::SegSource => &mut unit.seg_source,
                    },
                    None => match which {
                        Which::Source => &mut unit.source,
                        Which::SegSource => &mut unit.seg_source,
                        Which::Target => &mut unit.target,
                    },
                };
                *slot = Some(content);
            }
            Role::Unit => {
                if let Some(unit) = self.unit.take() {
                    if !unit.skipped {
                        self.emit(unit, b);
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds a unit's targets to the prose and pairs them with their sources.
    fn emit(&mut self, unit: Unit, b: &mut ProseBuilder) {
        let text = self.text;
        let mut push = |id: String,
                        source: Option<(&Content, std::ops::Range<usize>, Span)>,
                        target: &Content,
                        range: std::ops::Range<usize>,
                        out: &mut Bilingual| {
            b.end_block();
            for piece in &target.pieces[range] {
                match piece {
                    Piece::Copy(span) => b.copy(text, *span),
                    Piece::Decoded(span, decoded) => b.decoded(*span, decoded),
                }
            }
            let Some(segment) = b.end_segment() else {
                return;
            };
            let (source, source_span) = match source {
                Some((content, range, span)) => (content.text(text, range), span),
                None => (
                    String::new(),
                    Span::new(target.span.start, target.span.start),
                ),
            };
            out.pairs.push(SegmentPair {
                id,
                source,
                source_span,
                target: segment,
            });
        };
        if unit.segments.is_empty() {
            let Some(target) = &unit.target else {
                return;
            };
            let seg_source = unit.seg_source.as_ref().filter(|s| !s.marks.is_empty());
            if let (Some(seg_source), false) = (seg_source, target.marks.is_empty()) {
                for mark in &target.marks {
                    let source = seg_source
                        .marks
                        .iter()
                        .find(|m| m.mid == mark.mid)
                        .map(|m| (seg_source, m.pieces.clone(), m.span));
                    let id = format!("{}/{}", unit.id, mark.mid);
                    push(id, source, target, mark.pieces.clone(), &mut self.out);
                }
                return;
            }
            let source = unit.source.as_ref().map(|c| (c, 0..c.pieces.len(), c.span));
            push(
                unit.id.clone(),
                source,
                target,
                0..target.pieces.len(),
                &mut self.out,
            );
            return;
        }
        for (index, (segment_id, source, target)) in unit.segments.iter().enumerate() {
            let Some(target) = target else {
                continue;
            };
            let id = match segment_id {
                Some(s) => format!("{}/{s}", unit.id),
                None if unit.segments.len() == 1 => unit.id.clone(),
                None => format!("{}/{}", unit.id, index + 1),
            };
            let source = source.as_ref().map(|c| (c, 0..c.pieces.len(), c.span));
            push(id, source, target, 0..target.pieces.len(), &mut self.out);
        }
    }
}

/// Escapes text a fix writes into XML content.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Text a fix writes inside a CDATA section: as it is, except that `]]>` would end the section,
/// so it is split across two sections.
pub(super) fn escape_cdata(text: &str) -> String {
    text.replace("]]>", "]]]]><![CDATA[>")
}

/// The decoded text of a source or target's content, as a pair's `source` holds it: the test
/// of what a span says.
#[cfg(test)]
fn decode_content(text: &str, span: Span) -> String {
    let inner = span.slice(text);
    let wrapped = format!("<xliff version=\"2.0\"><file><unit id=\"u\"><segment><source>{inner}</source><target>x</target></segment></unit></file></xliff>");
    let mut b = ProseBuilder::new();
    let out = parse(&wrapped, 0, &mut b).expect("a source span holds XML content");
    out.pairs[0].source.clone()
}

#[cfg(test)]
mod tests;
