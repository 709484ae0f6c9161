//! A fast reader for the shapes glossary files are written in: `[[concept]]` tables of
//! `key = value` lines, single-line strings, booleans, arrays of strings, one-line inline
//! tables, `lang.field` dotted keys, comments, and an optional `[meta]` table.
//!
//! It builds the same raw structures, with the same spans, as the `toml` crate does through
//! serde, so validation and its file:line:column messages are shared. It accepts only what it
//! fully understands as a *valid* glossary document: anything else (other TOML syntax, an
//! unknown key, a wrong type, a duplicate, a syntax error) makes it give up, and the caller
//! parses the file with the `toml` crate, which reports the problem. Differential tests keep
//! the two readers in step.

use super::load::{LangEntry, RawConcept, RawFile, RawLangForms, RawMeta, RawSurname};
use super::model::Kind;
use toml::Spanned;

/// The reader gave up: the file needs the general TOML parser.
struct GiveUp;

type R<T> = Result<T, GiveUp>;

/// Reads `source` (without BOM) when it has only the common shapes; `None` when the general
/// parser must read it.
#[cfg(test)]
pub(super) fn read(source: &str) -> Option<RawFile> {
    read_range(source, 0..source.len())
}

/// [`read`] for the concepts in `source[range]`, a range from [`chunks`]; spans are offsets
/// in `source`.
pub(super) fn read_range(source: &str, range: std::ops::Range<usize>) -> Option<RawFile> {
    let s = source.get(..range.end)?;
    Reader {
        s,
        b: s.as_bytes(),
        i: range.start,
    }
    .file()
    .ok()
}

/// Splits `source` into at most `parts` ranges of about the same size, each after the first
/// starting on a `[[concept]]` header line. Reading every range with [`read_range`] gives
/// the concepts [`read`] gives, or gives up where it does: in the shapes this reader takes,
/// a line that starts with `[[concept]]` can only be a header (strings are single-line, and
/// an array item can't be a table), and a range that starts or ends inside anything else
/// makes its reader give up.
pub(super) fn chunks(source: &str, parts: usize) -> Vec<std::ops::Range<usize>> {
    let header = memchr::memmem::Finder::new("\n[[concept]]");
    let mut starts = vec![0];
    for k in 1..parts.max(1) {
        let from = (source.len() * k / parts).max(starts[starts.len() - 1]);
        match header.find(&source.as_bytes()[from..]) {
            Some(at) => starts.push(from + at + 1),
            None => break,
        }
    }
    starts.dedup();
    let ends = starts.iter().skip(1).copied().chain([source.len()]);
    starts.iter().zip(ends).map(|(&s, e)| s..e).collect()
}

/// Where key/value lines currently go.
enum Table {
    Root,
    Meta,
    Concept,
}

/// A concept being read, with its required fields still optional.
struct Partial {
    start: usize,
    id: Option<Spanned<String>>,
    kind: Option<Kind>,
    keep: Option<bool>,
    case_sensitive: Option<bool>,
    surname: Option<RawSurname>,
    note: Option<String>,
    langs: [Option<PartialLang>; 6],
}

/// A language entry: a string, an inline table (closed), or a table built by dotted keys.
struct PartialLang {
    span: std::ops::Range<usize>,
    entry: LangEntry,
    dotted: bool,
}

const LANG_KEYS: [&str; 6] = ["en", "fr", "es", "de", "it", "pt"];

impl Partial {
    fn new(start: usize) -> Partial {
        Partial {
            start,
            id: None,
            kind: None,
            keep: None,
            case_sensitive: None,
            surname: None,
            note: None,
            langs: Default::default(),
        }
    }

    fn finish(self, end: usize) -> R<Spanned<RawConcept>> {
        let [en, fr, es, de, it, pt] = self.langs.map(|l| l.map(|l| Spanned::new(l.span, l.entry)));
        let concept = RawConcept {
            id: self.id.ok_or(GiveUp)?,
            kind: self.kind.ok_or(GiveUp)?,
            keep: self.keep.unwrap_or(false),
            case_sensitive: self.case_sensitive.unwrap_or(false),
            surname: self.surname,
            note: self.note,
            en,
            fr,
            es,
            de,
            it,
            pt,
        };
        Ok(Spanned::new(self.start..end, concept))
    }
}

fn set<T>(slot: &mut Option<T>, value: T) -> R<()> {
    if slot.is_some() {
        return Err(GiveUp);
    }
    *slot = Some(value);
    Ok(())
}

fn kind(name: &str) -> R<Kind> {
    Ok(match name {
        "outlet" => Kind::Outlet,
        "agency" => Kind::Agency,
        "organization" => Kind::Organization,
        "brand" => Kind::Brand,
        "platform" => Kind::Platform,
        "place" => Kind::Place,
        "person" => Kind::Person,
        "event" => Kind::Event,
        "term" => Kind::Term,
        _ => return Err(GiveUp),
    })
}

/// A value of the subset.
enum Value {
    Str(Spanned<String>),
    Bool(bool),
    Strings(Vec<Spanned<String>>),
    Forms(RawLangForms),
}

struct Reader<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, byte: u8) -> R<()> {
        if self.peek() == Some(byte) {
            self.i += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    /// A comment up to the end of the line (not included).
    fn comment(&mut self) -> R<()> {
        if self.peek() != Some(b'#') {
            return Ok(());
        }
        while let Some(b) = self.peek() {
            match b {
                b'\n' | b'\r' => break,
                // Control characters other than tab are not allowed in comments.
                b'\t' => {}
                0..=0x1f | 0x7f => return Err(GiveUp),
                _ => {}
            }
            self.i += 1;
        }
        Ok(())
    }

    /// The end of a line: spaces, an optional comment, and a newline or the end of the file.
    fn end_of_line(&mut self) -> R<()> {
        self.spaces();
        self.comment()?;
        self.newline_or_end()
    }

    fn newline_or_end(&mut self) -> R<()> {
        match self.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.i += 1;
                Ok(())
            }
            Some(b'\r') if self.b.get(self.i + 1) == Some(&b'\n') => {
                self.i += 2;
                Ok(())
            }
            _ => Err(GiveUp),
        }
    }

    /// Spaces, newlines and comments (between lines, and inside arrays).
    fn blank(&mut self) -> R<()> {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'#') => self.comment()?,
                Some(b'\n' | b'\r') => self.newline_or_end()?,
                _ => return Ok(()),
            }
        }
    }

    fn bare_key(&mut self) -> R<&'a str> {
        let start = self.i;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.i += 1;
        }
        if self.i == start {
            return Err(GiveUp);
        }
        let s: &'a str = self.s;
        Ok(&s[start..self.i])
    }

    fn keyword(&mut self, word: &str) -> bool {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            true
        } else {
            false
        }
    }

    fn file(mut self) -> R<RawFile> {
        let mut meta: Option<RawMeta> = None;
        // Every concept header is counted, so the vector is allocated once.
        let mut concepts =
            Vec::with_capacity(memchr::memmem::find_iter(&self.b[self.i..], "[[concept]]").count());
        let mut current: Option<Partial> = None;
        let mut table = Table::Root;
        // Where the last key/value or header of the current concept ended: its span's end.
        let mut last_end = 0;
        loop {
            self.blank()?;
            let Some(b) = self.peek() else { break };
            if b == b'[' {
                let start = self.i;
                if self.keyword("[[concept]]") {
                    if let Some(c) = current.take() {
                        concepts.push(c.finish(last_end)?);
                    }
                    current = Some(Partial::new(start));
                    table = Table::Concept;
                    last_end = self.i;
                } else if self.keyword("[meta]") {
                    if meta.is_some() {
                        return Err(GiveUp);
                    }
                    if let Some(c) = current.take() {
                        concepts.push(c.finish(last_end)?);
                    }
                    meta = Some(RawMeta::default());
                    table = Table::Meta;
                } else {
                    return Err(GiveUp);
                }
                self.end_of_line()?;
                continue;
            }
            let key = self.bare_key()?;
            let field = if self.peek() == Some(b'.') {
                self.i += 1;
                Some(self.bare_key()?)
            } else {
                None
            };
            self.spaces();
            self.eat(b'=')?;
            self.spaces();
            match table {
                Table::Root => return Err(GiveUp),
                Table::Meta => {
                    let m = meta.as_mut().ok_or(GiveUp)?;
                    let Value::Str(v) = self.value(false)? else {
                        return Err(GiveUp);
                    };
                    let slot = match (key, field) {
                        ("name", None) => &mut m.name,
                        ("version", None) => &mut m.version,
                        ("description", None) => &mut m.description,
                        ("source", None) => &mut m.source,
                        ("license", None) => &mut m.license,
                        _ => return Err(GiveUp),
                    };
                    set(slot, v.into_inner())?;
                }
                Table::Concept => {
                    let c = current.as_mut().ok_or(GiveUp)?;
                    self.concept_key(c, key, field)?;
                    last_end = self.i;
                }
            }
            self.end_of_line()?;
        }
        if let Some(c) = current.take() {
            concepts.push(c.finish(last_end)?);
        }
        Ok(RawFile {
            meta,
            concept: concepts,
        })
    }

    fn concept_key(&mut self, c: &mut Partial, key: &str, field: Option<&str>) -> R<()> {
        if let Some(lang) = LANG_KEYS.iter().position(|&l| l == key) {
            let slot = &mut c.langs[lang];
            return match field {
                None => {
                    let start = self.i;
                    let entry = match self.value(true)? {
                        Value::Str(s) => LangEntry::Name(s.into_inner()),
                        Value::Forms(f) => LangEntry::Table(Box::new(f)),
                        _ => return Err(GiveUp),
                    };
                    set(
                        slot,
                        PartialLang {
                            span: start..self.i,
                            entry,
                            dotted: false,
                        },
                    )
                }
                Some(field) => {
                    let value = self.value(false)?;
                    let entry = slot.get_or_insert_with(|| PartialLang {
                        span: 0..0,
                        entry: LangEntry::Table(Box::default()),
                        dotted: true,
                    });
                    match (&mut entry.entry, entry.dotted) {
                        (LangEntry::Table(forms), true) => set_form(forms, field, value),
                        _ => Err(GiveUp),
                    }
                }
            };
        }
        if field.is_some() {
            return Err(GiveUp);
        }
        match (key, self.value(false)?) {
            ("id", Value::Str(s)) => set(&mut c.id, s),
            ("kind", Value::Str(s)) => set(&mut c.kind, kind(s.get_ref())?),
            ("keep", Value::Bool(v)) => set(&mut c.keep, v),
            ("case_sensitive", Value::Bool(v)) => set(&mut c.case_sensitive, v),
            ("surname", Value::Bool(v)) => set(&mut c.surname, RawSurname::Flag(v)),
            ("surname", Value::Str(s)) => set(&mut c.surname, RawSurname::Name(s.into_inner())),
            ("note", Value::Str(s)) => set(&mut c.note, s.into_inner()),
            _ => Err(GiveUp),
        }
    }

    /// A value: a string, a boolean, an array of strings, or (when `table`) a one-line inline
    /// table of forms.
    fn value(&mut self, table: bool) -> R<Value> {
        match self.peek() {
            Some(b'"' | b'\'') => Ok(Value::Str(self.string()?)),
            Some(b't') if self.keyword("true") => Ok(Value::Bool(true)),
            Some(b'f') if self.keyword("false") => Ok(Value::Bool(false)),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.blank()?;
                    if self.peek() == Some(b']') {
                        self.i += 1;
                        break;
                    }
                    items.push(self.string()?);
                    self.blank()?;
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            break;
                        }
                        _ => return Err(GiveUp),
                    }
                }
                Ok(Value::Strings(items))
            }
            Some(b'{') if table => {
                self.i += 1;
                let mut forms = RawLangForms::default();
                self.spaces();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                    return Ok(Value::Forms(forms));
                }
                loop {
                    self.spaces();
                    let field = self.bare_key()?;
                    self.spaces();
                    self.eat(b'=')?;
                    self.spaces();
                    let value = self.value(false)?;
                    set_form(&mut forms, field, value)?;
                    self.spaces();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            break;
                        }
                        _ => return Err(GiveUp),
                    }
                }
                Ok(Value::Forms(forms))
            }
            _ => Err(GiveUp),
        }
    }

    /// A one-line basic (`"…"`, common escapes) or literal (`'…'`) string; its span covers
    /// the quotes.
    fn string(&mut self) -> R<Spanned<String>> {
        let start = self.i;
        let quote = self.peek().ok_or(GiveUp)?;
        // Anything else is no string (an array or table may hold any byte here).
        if quote != b'"' && quote != b'\'' {
            return Err(GiveUp);
        }
        if self.b[start..].starts_with(if quote == b'"' { b"\"\"\"" } else { b"'''" }) {
            return Err(GiveUp);
        }
        self.i += 1;
        let mut out = String::new();
        let mut from = self.i;
        loop {
            let b = self.peek().ok_or(GiveUp)?;
            match b {
                _ if b == quote => break,
                b'\\' if quote == b'"' => {
                    out.push_str(&self.s[from..self.i]);
                    self.i += 1;
                    let e = self.peek().ok_or(GiveUp)?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'n' => out.push('\n'),
                        b't' => out.push('\t'),
                        b'r' => out.push('\r'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'u' | b'U' => {
                            let len = if e == b'u' { 4 } else { 8 };
                            let hex = self.s.get(self.i..self.i + len).ok_or(GiveUp)?;
                            if !hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                                return Err(GiveUp);
                            }
                            let code = u32::from_str_radix(hex, 16).map_err(|_| GiveUp)?;
                            out.push(char::from_u32(code).ok_or(GiveUp)?);
                            self.i += len;
                        }
                        _ => return Err(GiveUp),
                    }
                    from = self.i;
                    continue;
                }
                b'\t' => {}
                0..=0x1f | 0x7f => return Err(GiveUp),
                _ => {}
            }
            self.i += 1;
        }
        out.push_str(&self.s[from..self.i]);
        self.i += 1;
        Ok(Spanned::new(start..self.i, out))
    }
}

/// Sets one field of a language's forms.
fn set_form(forms: &mut RawLangForms, field: &str, value: Value) -> R<()> {
    match (field, value) {
        ("preferred", Value::Str(s)) => set(&mut forms.preferred, s),
        ("abbr", Value::Str(s)) => set(&mut forms.abbr, s),
        ("gender", Value::Str(s)) => set(&mut forms.gender, s),
        ("accepted", Value::Strings(v)) => set_list(&mut forms.accepted, v),
        ("variants", Value::Strings(v)) => set_list(&mut forms.variants, v),
        ("wrong", Value::Strings(v)) => set_list(&mut forms.wrong, v),
        _ => Err(GiveUp),
    }
}

/// Lists start empty (serde's default); a second assignment is a duplicate key. An empty
/// list given twice cannot be told from one given once, so empty lists are left to the
/// general parser.
fn set_list(list: &mut Vec<Spanned<String>>, items: Vec<Spanned<String>>) -> R<()> {
    if !list.is_empty() || items.is_empty() {
        return Err(GiveUp);
    }
    *list = items;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::load::parse_with;

    /// Both readers give the same glossary, or the same errors.
    #[track_caller]
    fn assert_same(source: &str) {
        let general = parse_with(source, "g.toml", false, true);
        let quick = parse_with(source, "g.toml", true, true);
        assert_eq!(quick, general, "for {source:?}");
    }

    /// The quick reader reads this file itself, and agrees with the general one.
    #[track_caller]
    fn assert_quick(source: &str) {
        assert!(
            read(source).is_some(),
            "the quick reader gives up on {source:?}"
        );
        assert_same(source);
    }

    /// The quick reader leaves this file to the general one.
    #[track_caller]
    fn assert_gives_up(source: &str) {
        assert!(read(source).is_none(), "the quick reader takes {source:?}");
    }

    /// Found by the `glossary` fuzz target: an array item that was no string, starting with a
    /// multi-byte character, was read as a string quoted by that character's first byte and
    /// sliced inside it.
    #[test]
    fn fuzz_crash_57d29af4_an_array_item_that_is_no_string() {
        for item in ["\u{fffd}\u{fffd}\"", "é", "x\"", "1"] {
            let source = format!(
                "[[concept]]\nid = \"a\"\nkind = \"place\"\nen = \"Yerevan\"\n\
                 fr = {{ preferred = \"Erevan\", variants = [{item}] }}\n"
            );
            assert_gives_up(&source);
            assert_same(&source);
        }
        // The same line with a string is read.
        assert_quick(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nen = \"Yerevan\"\n\
             fr = { preferred = \"Erevan\", variants = [\"Iérévan\"] }\n",
        );
    }

    #[test]
    fn the_default_glossary_is_read_quickly_and_the_same() {
        assert_quick(crate::glossary::DEFAULT_GLOSSARY);
    }

    #[test]
    fn common_shapes_are_read_quickly_with_the_same_spans() {
        assert_quick("");
        assert_quick("# only a comment\n");
        assert_quick(
            "[meta]\nname = \"team\"\n\n[[concept]] # first\nid = \"a\"\r\nkind = \"outlet\"\nkeep = true\n\
             en = 'Le \"A\"'\nfr.wrong = [\n  \"Le B\", # a comment\n  \"Le C\",\n]\nfr.gender = \"m\"\n",
        );
        assert_quick(
            "[[concept]]\nid = \"p\"\nkind = \"person\"\nsurname = \"Li\"\nnote = \"tab\\there \\u00e9\"\n\
             en = \"Ann Li\"\nfr = { preferred = \"Anne Li\", accepted = [\"Ann Li\"], gender = \"f\" }\n\
             [[concept]]\nid=\"q\"\nkind=\"person\"\nsurname=false\nen=\"Bo Q\"\nfr={}\n",
        );
        // Validation errors keep their places: empty forms, conflicts, duplicates.
        assert_quick("[[concept]]\nid = \"a\"\nkind = \"place\"\nfr.accepted = [\"\"]\n");
        assert_quick(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"Géorgie\"\n\n[[concept]]\nid = \"b\"\n\
             kind = \"place\"\nfr = { preferred = \"Géorgie du Sud\", variants = [\"Georgie\", \"géorgie\"] }\n",
        );
        assert_quick(
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"A\"\n[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"B\"\n",
        );
        assert_quick("[[concept]]\nid = \"Bad Id\"\nkind = \"outlet\"\nkeep = true\nfr = \"A\"\n");
    }

    #[test]
    fn anything_else_is_left_to_the_general_reader() {
        for source in [
            "[[concept]]\nid = \"a\"\nkind = \"planet\"\n",
            "[[concept]\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = { preferred = \"A\", prefered = \"B\" }\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nspelling = 1\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"A\"\nfr.wrong = [\"B\"]\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr.wrong = [\"B\"]\nfr.wrong = [\"C\"]\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nid = \"b\"\n",
            "[[concept]]\nkind = \"place\"\nfr = \"A\"\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nnote = \"\"\"\nlong\"\"\"\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nnote = \"bad \\q escape\"\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\n[concept.fr]\npreferred = \"A\"\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nkeep = yes\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"A\" trailing\n",
            "[[ concept ]]\nid = \"a\"\nkind = \"place\"\n",
            "[meta]\nname = \"x\"\n[meta]\nname = \"y\"\n",
            "name = \"x\"\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr = \"A\r\"\n",
            "[[concept]]\nid = \"a\"\nkind = \"place\"\nfr.accepted = []\n",
        ] {
            assert_gives_up(source);
            assert_same(source);
        }
    }
}
