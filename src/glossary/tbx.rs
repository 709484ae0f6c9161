//! Reading TBX termbases: TBX-Basic 2008 (`martif/text/body/termEntry/langSet/tig/term`, also
//! `ntig/termGrp/term`) and TBX v3 (`tbx/text/body/conceptEntry/langSec/termSec/term`) into
//! [`Imported`] concepts. Errors carry the file and line (from quick-xml's positions).
//!
//! How TBX maps onto the glossary model (documented in `glossaries/README.md`):
//! - `termNote type="administrativeStatus"`: `preferredTerm-admn-sts` → preferred (the
//!   first; later ones accepted), `admittedTerm-admn-sts` → accepted,
//!   `deprecatedTerm-admn-sts` → wrong, `supersededTerm-admn-sts` → variant (wrong when the
//!   language has no preferred form to fix it to); a term without a status is the preferred
//!   form when its language has none yet, else accepted;
//! - `termNote type="termType"` of `acronym` or `abbreviation` on a right term → `abbr`;
//! - `termNote type="grammaticalGender"` (masculine/feminine) → `gender`;
//! - a "do not translate" `note`, `descrip` or `termNote` anywhere in the entry (or a
//!   `termNote type="translatable"` of `no`) → `keep = true`;
//! - `descrip type="kind"` (or `subjectField` holding one of our kinds) → `kind`; the entry's
//!   `id` attribute → `id`; other `note`s and `definition`s → `note`.
//!
//! This module reads XML and nothing else: no validation beyond the structure (the TOML
//! loader validates the concepts).

use super::import::{kind_from_name, lang_from_tag, Imported, ImportedConcept, LineIndex};
use super::load::GlossaryError;
use super::model::{Lang, LangForms};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The role a TBX term takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Unmarked,
    Preferred,
    Admitted,
    Deprecated,
    Superseded,
}

/// A term being read, with what its notes said.
#[derive(Debug)]
struct TermGroup {
    term: String,
    status: Status,
    abbreviation: bool,
    gender: Option<String>,
    line: usize,
}

/// Which element's text is being collected.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Capture {
    Term,
    TermNote(String),
    Note,
    Descrip(String),
}

/// Reading state: the entry, language and term being read.
#[derive(Default)]
struct State {
    concept: Option<ImportedConcept>,
    /// `None` inside a language mtlint has no slot for; the tag is kept for the count.
    lang: Option<Result<Lang, String>>,
    group: Option<TermGroup>,
    capture: Option<(Capture, String)>,
    notes: Vec<String>,
}

fn error(path: &str, line: usize, message: impl Into<String>) -> GlossaryError {
    GlossaryError {
        path: path.to_owned(),
        location: Some((line, 1)),
        message: message.into(),
    }
}

/// The value of attribute `name` (matched on its local name, so `xml:lang` is `lang`).
fn attribute(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let key = a.key;
        let local = key.local_name();
        (local.as_ref() == name || key.as_ref() == name)
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

/// True for a note that says the name stays as it is.
fn says_do_not_translate(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "do not translate",
        "don't translate",
        "not to be translated",
        "untranslatable",
        "keep as is",
    ]
    .iter()
    .any(|p| t.contains(p))
}

/// Reads a TBX file's text. `path` names it in errors.
pub fn import_tbx(source: &str, path: &str) -> Result<Imported, Vec<GlossaryError>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines = LineIndex::new(source);
    let mut reader = Reader::from_str(source);
    let mut out = Imported {
        path: path.to_owned(),
        ..Imported::default()
    };
    let mut errors = Vec::new();
    let mut st = State::default();
    let mut saw_root = false;
    loop {
        let at = lines.line(reader.buffer_position() as usize);
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let line = lines.line(reader.error_position() as usize);
                errors.push(error(path, line, format!("invalid XML: {e}")));
                return Err(errors);
            }
        };
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                start(name.as_ref(), &e, at, &mut st, &mut saw_root);
            }
            Event::Empty(e) => {
                let name = e.local_name();
                start(name.as_ref(), &e, at, &mut st, &mut saw_root);
                end(name.as_ref(), at, &mut st, &mut out, &mut errors, path);
            }
            Event::End(e) => {
                let name = e.local_name();
                end(name.as_ref(), at, &mut st, &mut out, &mut errors, path);
            }
            Event::Text(t) => {
                if let Some((_, buf)) = &mut st.capture {
                    match t.decode() {
                        Ok(s) => buf.push_str(&s),
                        Err(e) => errors.push(error(path, at, format!("invalid text: {e}"))),
                    }
                }
            }
            Event::CData(t) => {
                if let Some((_, buf)) = &mut st.capture {
                    buf.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, buf)) = &mut st.capture {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => buf.push(c),
                        _ => {
                            let name = String::from_utf8_lossy(&r).into_owned();
                            match resolve_predefined_entity(&name) {
                                Some(s) => buf.push_str(s),
                                None => errors.push(error(
                                    path,
                                    at,
                                    format!("unknown entity `&{name};`"),
                                )),
                            }
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        errors.push(error(
            path,
            1,
            "not a TBX file: no `martif` (TBX 2008) or `tbx` (TBX v3) root element",
        ));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// An element opens.
fn start(name: &[u8], e: &BytesStart<'_>, line: usize, st: &mut State, saw_root: &mut bool) {
    match name {
        b"martif" | b"tbx" => *saw_root = true,
        b"termEntry" | b"conceptEntry" => {
            let mut c = ImportedConcept::new(line);
            c.id = attribute(e, b"id");
            st.concept = Some(c);
            st.notes.clear();
        }
        b"langSet" | b"langSec" => {
            st.lang = attribute(e, b"lang").map(|tag| lang_from_tag(&tag).ok_or(tag));
        }
        b"tig" | b"ntig" | b"termSec" => {
            st.group = Some(TermGroup {
                term: String::new(),
                status: Status::Unmarked,
                abbreviation: false,
                gender: None,
                line,
            });
        }
        b"term" => st.capture = Some((Capture::Term, String::new())),
        b"termNote" => {
            let kind = attribute(e, b"type").unwrap_or_default();
            st.capture = Some((Capture::TermNote(kind), String::new()));
        }
        b"note" | b"definition" => st.capture = Some((Capture::Note, String::new())),
        b"descrip" | b"admin" => {
            let kind = attribute(e, b"type").unwrap_or_default();
            st.capture = Some((Capture::Descrip(kind), String::new()));
        }
        _ => {}
    }
}

/// An element closes.
fn end(
    name: &[u8],
    line: usize,
    st: &mut State,
    out: &mut Imported,
    errors: &mut Vec<GlossaryError>,
    path: &str,
) {
    match name {
        b"term" | b"termNote" | b"note" | b"definition" | b"descrip" | b"admin" => {
            if let Some((capture, text)) = st.capture.take() {
                captured(capture, text.trim(), line, st, errors, path);
            }
        }
        b"tig" | b"ntig" | b"termSec" => {
            if let Some(group) = st.group.take() {
                add_term(group, st, out, errors, path);
            }
        }
        b"langSet" | b"langSec" => st.lang = None,
        b"termEntry" | b"conceptEntry" => {
            if let Some(mut c) = st.concept.take() {
                if !st.notes.is_empty() {
                    c.note = Some(st.notes.join("; "));
                }
                finish_concept(&mut c);
                out.concepts.push(c);
            }
        }
        _ => {}
    }
}

/// The text of a captured element.
fn captured(
    capture: Capture,
    text: &str,
    line: usize,
    st: &mut State,
    errors: &mut Vec<GlossaryError>,
    path: &str,
) {
    let Some(concept) = st.concept.as_mut() else {
        return;
    };
    match capture {
        Capture::Term => match st.group.as_mut() {
            Some(g) => g.term = text.to_owned(),
            None => errors.push(error(
                path,
                line,
                "`term` outside a `tig`, `ntig` or `termSec`",
            )),
        },
        Capture::TermNote(kind) => {
            if says_do_not_translate(text)
                || (kind == "translatable" && text.eq_ignore_ascii_case("no"))
            {
                concept.keep = true;
                return;
            }
            let Some(g) = st.group.as_mut() else { return };
            match kind.as_str() {
                "administrativeStatus" => {
                    g.status = match text {
                        "preferredTerm-admn-sts" => Status::Preferred,
                        "admittedTerm-admn-sts" => Status::Admitted,
                        "deprecatedTerm-admn-sts" => Status::Deprecated,
                        "supersededTerm-admn-sts" => Status::Superseded,
                        other => {
                            errors.push(error(
                                path,
                                line,
                                format!("unknown administrativeStatus `{other}`; expected preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts"),
                            ));
                            Status::Unmarked
                        }
                    }
                }
                "termType" => {
                    g.abbreviation = matches!(
                        text,
                        "acronym" | "abbreviation" | "shortForm" | "initialism"
                    );
                }
                "grammaticalGender" => {
                    g.gender = match text {
                        "masculine" => Some("m".into()),
                        "feminine" => Some("f".into()),
                        _ => None,
                    };
                }
                _ => {}
            }
        }
        Capture::Note => {
            if says_do_not_translate(text) {
                concept.keep = true;
            } else if !text.is_empty() {
                st.notes.push(text.to_owned());
            }
        }
        Capture::Descrip(kind) => {
            if says_do_not_translate(text) {
                concept.keep = true;
            } else if kind == "kind" || kind == "subjectField" {
                match kind_from_name(text) {
                    Some(k) => concept.kind = k,
                    None if kind == "kind" => errors.push(error(
                        path,
                        line,
                        format!("unknown kind `{text}`; expected outlet, agency, organization, brand, platform, place, person, event or term"),
                    )),
                    None => st.notes.push(text.to_owned()),
                }
            } else if kind == "definition" && !text.is_empty() {
                st.notes.push(text.to_owned());
            }
        }
    }
}

/// Files a finished term under its language and role.
fn add_term(
    g: TermGroup,
    st: &mut State,
    out: &mut Imported,
    errors: &mut Vec<GlossaryError>,
    path: &str,
) {
    let Some(concept) = st.concept.as_mut() else {
        return;
    };
    let lang = match &st.lang {
        Some(Ok(lang)) => *lang,
        Some(Err(tag)) => {
            *out.skipped_languages.entry(tag.clone()).or_default() += 1;
            return;
        }
        None => {
            errors.push(error(
                path,
                g.line,
                "term without a language (`xml:lang` on its `langSet` or `langSec`)",
            ));
            return;
        }
    };
    if g.term.is_empty() {
        errors.push(error(path, g.line, "empty `term`"));
        return;
    }
    let forms = concept.langs.entry(lang).or_default();
    if g.gender.is_some() && forms.gender.is_none() {
        forms.gender = g.gender;
    }
    match g.status {
        Status::Deprecated => forms.wrong.push(g.term),
        // Kept as variant here; `finish_concept` turns it wrong when nothing is preferred.
        Status::Superseded => forms.variants.push(g.term),
        Status::Preferred | Status::Admitted | Status::Unmarked => {
            if g.abbreviation && forms.abbr.is_none() {
                forms.abbr = Some(g.term);
            } else if forms.preferred.is_none()
                && matches!(g.status, Status::Preferred | Status::Unmarked)
            {
                forms.preferred = Some(g.term);
            } else {
                forms.accepted.push(g.term);
            }
        }
    }
}

/// Settles what needs the whole entry: a superseded term with no preferred form to fix it to
/// is wrong.
fn finish_concept(c: &mut ImportedConcept) {
    for forms in c.langs.values_mut() {
        normalize(forms);
    }
}

fn normalize(forms: &mut LangForms) {
    if forms.preferred.is_none() && !forms.variants.is_empty() {
        forms.wrong.append(&mut forms.variants);
    }
}
