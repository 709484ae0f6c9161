//! URLs, e-mail addresses, @handles and #hashtags: stretches of a text written for machines,
//! whose words are neither prose in a language nor names spelled by the writer.
//!
//! A barrier is one whitespace-delimited chunk: `https://example.org/the-plan`, `www.x.fr`,
//! `@EU_Energy`, `#StopEnergyPoverty`, `presse@example.fr`, without the punctuation that closes
//! the sentence after it or the bracket or quote that opens before it.

use crate::diagnostic::Span;

/// Appends the barriers of `span` of `text` to `out`, in order.
pub fn barriers_in(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.slice(text);
    let mut marks = Marks::new(s.as_bytes());
    let mut i = 0;
    // Every barrier holds one of these marks: only the chunks around them are looked at.
    while let Some(at) = marks.next_from(i) {
        let (from, to) = chunk_around(s, at);
        if let Some(b) = barrier(s, from, to) {
            out.push(b.shifted(span.start));
        }
        i = to.max(at + 1);
    }
}

/// The bytes of a text that [`is_mark`], found with vector searches: prose has few, and the
/// search runs over every byte of a document.
struct Marks<'b> {
    bytes: &'b [u8],
    /// The first `www.` at or after the last place asked, if any (`None` once none is left).
    www: Option<usize>,
}

impl<'b> Marks<'b> {
    fn new(bytes: &'b [u8]) -> Marks<'b> {
        Marks {
            bytes,
            www: memchr::memmem::find(bytes, b"www."),
        }
    }

    /// The first mark at or after `from`; asked with `from` never decreasing.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let bytes = self.bytes;
        if self.www.is_some_and(|w| w < from) {
            // Searched again only past the last answer: each byte is searched once.
            self.www = bytes
                .get(from..)
                .and_then(|rest| memchr::memmem::find(rest, b"www."))
                .map(|k| from + k);
        }
        let limit = self.www.unwrap_or(bytes.len());
        // `@`, `#` and `:`, the last a mark only before `//` ("10:30" is none).
        let mut at = from;
        while at < limit {
            match memchr::memchr3(b'@', b'#', b':', &bytes[at..limit]) {
                Some(k) if is_mark(bytes, at + k) => return Some(at + k),
                Some(k) => at += k + 1,
                None => break,
            }
        }
        self.www
    }
}

/// True when byte `i` of `bytes` may belong to a barrier: `@`, `#`, the `:` of `://`, the
/// first `w` of `www.`.
fn is_mark(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'@' | b'#' => true,
        b':' => bytes[i + 1..].starts_with(b"//"),
        b'w' => bytes[i + 1..].starts_with(b"ww."),
        _ => false,
    }
}

/// The whitespace-delimited chunk of `s` holding byte `at`.
fn chunk_around(s: &str, at: usize) -> (usize, usize) {
    let from = s[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = s[at..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(s.len(), |(i, _)| at + i);
    (from, to)
}

/// The barrier of the chunk `from..to` of `s`, if it is one: the chunk without the closing
/// punctuation after it.
fn barrier(s: &str, from: usize, to: usize) -> Option<Span> {
    let chunk = &s[from..to];
    let trimmed = chunk.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
    let bare = trimmed.trim_start_matches(['(', '«', '"', '“']);
    let is_barrier = trimmed.contains("://")
        || bare.starts_with("www.")
        || bare.starts_with(['@', '#'])
        || (trimmed.contains('@') && trimmed.contains('.'));
    is_barrier.then(|| Span::new(from, from + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        barriers_in(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|b| b.slice(text)).collect()
    }

    #[test]
    fn urls_addresses_handles_and_hashtags() {
        assert_eq!(
            found("Voir https://example.org/the-plan. Écrire à presse@example.fr, suivre @EU_Energy et #StopEnergyPoverty (www.exemple.fr)."),
            [
                "https://example.org/the-plan",
                "presse@example.fr",
                "@EU_Energy",
                "#StopEnergyPoverty",
                "(www.exemple.fr"
            ]
        );
    }

    #[test]
    fn prose_has_none() {
        assert!(
            found("Le prix a baissé de 4 % : une bonne nouvelle. Il était 10:30, à www").is_empty()
        );
        assert!(
            found("Le mot « show » et le n° 3 # sans suite, un rendez-vous @ midi.").is_empty()
        );
        assert!(found("").is_empty());
    }

    #[test]
    fn marks_inside_multibyte_text_and_at_the_ends() {
        assert_eq!(found("#Élysée"), ["#Élysée"]);
        assert_eq!(found("écrit à « @Zélia »"), ["@Zélia"]);
        assert_eq!(found("x@"), Vec::<&str>::new());
        assert_eq!(found("a@b.fr"), ["a@b.fr"]);
    }

    #[test]
    fn a_span_inside_the_text_gives_offsets_of_the_text() {
        let text = "Début. Suivez @EU_Energy ici.";
        let mut out = Vec::new();
        barriers_in(text, Span::new(7, text.len()), &mut out);
        assert_eq!(
            out.iter().map(|b| b.slice(text)).collect::<Vec<_>>(),
            ["@EU_Energy"]
        );
    }

    #[test]
    fn the_mark_search_finds_what_a_look_at_every_byte_finds() {
        let texts = [
            "Voir https://example.org/the-plan, www.x.fr et @a #b 10:30 a:b :// wwww.",
            "w ww www ww.www. @@ ## :/ :// é@é #",
            "",
            "www.",
            "x:",
            "aucune marque ici",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for step in 1..4 {
                let mut marks = Marks::new(bytes);
                for from in (0..=bytes.len()).step_by(step) {
                    let plain = (from..bytes.len()).find(|&k| is_mark(bytes, k));
                    assert_eq!(marks.next_from(from), plain, "{text:?} from {from}");
                }
            }
        }
    }

    #[test]
    fn barriers_are_appended() {
        let text = "@a et @b";
        let mut out = vec![Span::new(0, 0)];
        barriers_in(text, Span::new(0, text.len()), &mut out);
        assert_eq!(out.len(), 3);
    }
}
