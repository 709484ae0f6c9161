//! Splits prose into word tokens and sentences, as byte spans of the original text.
//!
//! Words are runs of letters, digits and combining marks. An apostrophe joins two runs into
//! one word ("aujourd’hui", "don't") unless the left run is an elision of the language
//! ("l’|OTSC", "d’|Erevan"); hyphens always split ("Haut|-|Karabakh"), and
//! [`Token::hyphen_joined`] tells when two tokens form one hyphenated word.

use super::fold::{is_word_char, ASCII_ALNUM};
use super::lang::LanguageProfile;
use crate::diagnostic::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits: "G7", "19e").
    Word,
    /// Digits only.
    Number,
}

/// A word or number of the prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Its bytes in the original text.
    pub span: Span,
    /// Word or number.
    pub kind: TokenKind,
    /// True when the token is an elided particle followed by its apostrophe ("l" in "l’OTSC");
    /// the apostrophe is not part of the span.
    pub elided: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        self.span.slice(original)
    }

    /// True when the token starts with an uppercase letter.
    pub fn is_capitalized(&self, original: &str) -> bool {
        match original.as_bytes().get(self.span.start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self
                .text(original)
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        }
    }

    /// True when `next` follows this token after exactly one hyphen ("Haut-Karabakh").
    pub fn hyphen_joined(&self, next: &Token, original: &str) -> bool {
        // On the bytes: the gap is one hyphen, U+2010 or U+2011.
        let gap = original.as_bytes().get(self.span.end..next.span.start);
        matches!(gap, Some(b"-" | b"\xe2\x80\x90" | b"\xe2\x80\x91"))
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// The character at byte `i` of `s` and its length, without decoding plain ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    let b = *bytes.get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    // `i` starts a character of valid UTF-8 (the tokenizer steps by whole characters): decode
    // it from the bytes, without the boundary checks of slicing the string.
    let tail = |k: usize| u32::from(bytes.get(i + k).map_or(0, |&c| c & 0x3f));
    let lead = u32::from(b);
    let (code, len) = match b {
        0xc0..=0xdf => ((lead & 0x1f) << 6 | tail(1), 2),
        0xe0..=0xef => ((lead & 0x0f) << 12 | tail(1) << 6 | tail(2), 3),
        _ => (
            (lead & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3),
            4,
        ),
    };
    Some((char::from_u32(code)?, len))
}

/// Tokenizes `segment` of `text` into words and numbers.
pub fn tokenize(text: &str, segment: Span, profile: &LanguageProfile, out: &mut Vec<Token>) {
    let src = &text[segment.start..segment.end];
    let bytes = src.as_bytes();
    let mut i = 0;
    'words: while i < bytes.len() {
        // Between words: plain ASCII punctuation and spaces are skipped at once.
        let b = bytes[i];
        if b.is_ascii() && !ASCII_ALNUM[usize::from(b)] {
            i += 1 + bytes[i + 1..]
                .iter()
                .position(|&b| !b.is_ascii() || ASCII_ALNUM[usize::from(b)])
                .unwrap_or(bytes.len() - i - 1);
            continue;
        }
        if !b.is_ascii() {
            let Some((c, len)) = char_at(src, i) else {
                break;
            };
            if !is_word_char(c) {
                i += len;
                continue;
            }
        }
        let start = i;
        let mut end = i;
        // Set when an apostrophe joins the word ("aujourd’hui"): it is no number then.
        let mut joined = false;
        loop {
            // The common case: an ASCII letter or digit continues the word.
            end += bytes[end..]
                .iter()
                .position(|&d| !ASCII_ALNUM[usize::from(d)])
                .unwrap_or(bytes.len() - end);
            // Any other ASCII byte ends it but the apostrophe; other characters are decoded.
            let apostrophe = match bytes.get(end) {
                Some(b'\'') => 1,
                Some(d) if !d.is_ascii() => match char_at(src, end) {
                    Some((d, n)) if is_word_char(d) => {
                        end += n;
                        continue;
                    }
                    Some((a, n)) if is_apostrophe(a) => n,
                    _ => break,
                },
                _ => break,
            };
            let after = end + apostrophe;
            let continues = char_at(src, after).is_some_and(|(w, _)| is_word_char(w));
            if !continues {
                break;
            }
            if profile.is_elision(&src[start..end]) {
                out.push(Token {
                    span: Span::new(segment.start + start, segment.start + end),
                    kind: TokenKind::Word,
                    elided: true,
                });
                i = after;
                continue 'words;
            }
            end = after;
            joined = true;
        }
        let all_digits = !joined && bytes[start..end].iter().all(u8::is_ascii_digit);
        out.push(Token {
            span: Span::new(segment.start + start, segment.start + end),
            kind: if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            elided: false,
        });
        i = end;
    }
}

/// Splits `segment` into sentences: after `.`, `!`, `?` or `…` (and closing quotes or
/// brackets) followed by a space and an uppercase letter, a digit or an opening quote; at
/// every line break. Spanish opening marks (`¿`, `¡`) and German quotes (`„`) open a
/// sentence too. Abbreviations of the profile ("M.", "Dr.") and initials ("J.") do not end
/// a sentence.
pub fn sentences(text: &str, segment: Span, profile: &LanguageProfile, out: &mut Vec<Span>) {
    let src = &text[segment.start..segment.end];
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let piece = &src[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.trim_end().len();
        if trail > lead {
            out.push(Span::new(
                segment.start + s + lead,
                segment.start + s + trail,
            ));
        }
    };
    let mut at = 0;
    let mut marks = SentenceMarks::new(src);
    while let Some((i, c)) = marks.next(at) {
        at = i + c.len_utf8();
        if c == '\n' {
            push(start, i, out);
            start = i + 1;
            continue;
        }
        // Closing punctuation that belongs to this sentence.
        let mut end = at;
        while let Some(d) = src[end..].chars().next() {
            if matches!(
                d,
                '.' | '!' | '?' | '…' | '"' | '»' | '”' | ')' | ']' | '’' | '\''
                    // German closing quotes, right after the period: „Ja.“ »Ja.«
                    | '“' | '«'
            ) || (d == '\u{a0}' || d == '\u{202f}') && src[end + d.len_utf8()..].starts_with('»')
            {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        at = end;
        let rest = &src[end..];
        let after_space = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue; // "3.5", "e.g", no space after
        }
        let next_char = after_space.chars().next();
        let starts_sentence = match next_char {
            None | Some('\n') | Some('\r') => true,
            Some(n) => {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(
                        n,
                        '«' | '"' | '“' | '„' | '‚' | '(' | '[' | '-' | '–' | '—' | '¿' | '¡'
                    )
            }
        };
        if !starts_sentence {
            continue;
        }
        if c == '.' && ends_with_abbreviation(&src[start..i], profile) {
            continue;
        }
        push(start, end, out);
        start = end;
    }
    push(start, src.len(), out);
}

/// Finds the `.`, `!`, `?`, `…` and line breaks of a text in order, byte-wise (all but `…`
/// are ASCII; `…` is the only one starting with byte E2 that counts). Periods, line breaks
/// and E2 bytes are looked for with one vectorised search, the rarer `!` and `?` with
/// another whose answer is kept until the scan passes it: both skip most of the text at
/// once.
struct SentenceMarks<'a> {
    src: &'a str,
    /// The next `.`, line break or E2 byte at or after the scan, once searched for.
    common: Option<Option<usize>>,
    /// The next `!` or `?` at or after the scan, once searched for.
    rare: Option<Option<usize>>,
}

impl<'a> SentenceMarks<'a> {
    fn new(src: &'a str) -> SentenceMarks<'a> {
        SentenceMarks {
            src,
            common: None,
            rare: None,
        }
    }

    /// The next mark at or after byte `from` (never less than the last `from`).
    fn next(&mut self, mut from: usize) -> Option<(usize, char)> {
        let bytes = self.src.as_bytes();
        loop {
            // A cached answer before `from` is stale: search again from `from`.
            let search3 =
                |from| memchr::memchr3(b'.', b'\n', 0xe2, &bytes[from..]).map(|i| from + i);
            let search2 = |from| memchr::memchr2(b'!', b'?', &bytes[from..]).map(|i| from + i);
            let common = match self.common {
                Some(Some(i)) if i >= from => Some(i),
                Some(None) => None,
                _ => search3(from),
            };
            let rare = match self.rare {
                Some(Some(i)) if i >= from => Some(i),
                Some(None) => None,
                _ => search2(from),
            };
            self.common = Some(common);
            self.rare = Some(rare);
            let i = match (common, rare) {
                (Some(c), Some(r)) => c.min(r),
                (Some(c), None) => c,
                (None, Some(r)) => r,
                (None, None) => return None,
            };
            match bytes[i] {
                0xe2 if self.src[i..].starts_with('…') => return Some((i, '…')),
                0xe2 => from = i + 1,
                b => return Some((i, char::from(b))),
            }
        }
    }
}

/// True when the text before a period ends with an abbreviation or an initial.
fn ends_with_abbreviation(before: &str, profile: &LanguageProfile) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_uppercase() => true,
        (None, _) => false,
        _ => profile.is_abbreviation(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_and_hyphens_are_read_from_the_bytes_as_from_the_characters() {
        let text = "Haut-Karabakh É-u a\u{2010}b c\u{2011}D e\u{2012}f g--h 1-2 ǅx";
        let tokens = french_tokens(text);
        for (i, t) in tokens.iter().enumerate() {
            let first = t.text(text).chars().next().expect("tokens are not empty");
            assert_eq!(t.is_capitalized(text), first.is_uppercase(), "{t:?}");
            if let Some(next) = tokens.get(i + 1) {
                let gap = &text[t.span.end..next.span.start];
                let plain = matches!(gap, "-" | "\u{2010}" | "\u{2011}");
                assert_eq!(t.hyphen_joined(next, text), plain, "{gap:?}");
            }
        }
    }

    #[test]
    fn characters_are_decoded_from_the_bytes_as_the_string_decodes_them() {
        let text = "aé’\u{10348}ß\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}z";
        for (i, c) in text.char_indices() {
            assert_eq!(char_at(text, i), Some((c, c.len_utf8())), "at {i}");
        }
        assert_eq!(char_at(text, text.len()), None);
    }

    fn french_tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            LanguageProfile::french(),
            &mut out,
        );
        out
    }

    fn words(text: &str) -> Vec<&str> {
        french_tokens(text).iter().map(|t| t.text(text)).collect()
    }

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(
            text,
            Span::new(0, text.len()),
            LanguageProfile::french(),
            &mut out,
        );
        out.iter().map(|s| s.slice(text)).collect()
    }

    /// The tokenizer's rules read one character at a time, as its documentation states them.
    fn tokenize_by_characters(text: &str, profile: &LanguageProfile) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
        let word = |k: usize| chars.get(k).is_some_and(|&(_, c)| is_word_char(c));
        let mut out = Vec::new();
        let mut k = 0;
        'words: while k < chars.len() {
            if !word(k) {
                k += 1;
                continue;
            }
            let start = k;
            let mut end = k;
            let mut joined = false;
            loop {
                while word(end) {
                    end += 1;
                }
                let apostrophe = chars.get(end).is_some_and(|&(_, c)| is_apostrophe(c));
                if !(apostrophe && word(end + 1)) {
                    break;
                }
                if profile.is_elision(&text[at(start)..at(end)]) {
                    out.push(Token {
                        span: Span::new(at(start), at(end)),
                        kind: TokenKind::Word,
                        elided: true,
                    });
                    k = end + 1;
                    continue 'words;
                }
                end += 1;
                joined = true;
            }
            let piece = &text[at(start)..at(end)];
            let number = !joined && piece.bytes().all(|b| b.is_ascii_digit());
            out.push(Token {
                span: Span::new(at(start), at(end)),
                kind: if number {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
                elided: false,
            });
            k = end;
        }
        out
    }

    #[test]
    fn tokens_are_those_of_the_rules_read_character_by_character() {
        let pieces = [
            "l",
            "qu",
            "aujourd",
            "hui",
            "L",
            "D",
            "12",
            "G7",
            "'",
            "\u{2019}",
            "\u{2bc}",
            "-",
            " ",
            "é",
            "É",
            "e\u{301}",
            "\u{301}",
            "«",
            "\u{a0}",
            "\u{10348}",
            "ß",
            ".",
            "@",
        ];
        let mut rng = crate::test_rng::Xorshift::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        let fr = LanguageProfile::french();
        for _ in 0..3000 {
            let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let mut got = Vec::new();
            tokenize(&text, Span::new(0, text.len()), fr, &mut got);
            assert_eq!(got, tokenize_by_characters(&text, fr), "{text:?}");
        }
    }

    #[test]
    fn sentence_marks_are_found_in_order_as_a_plain_scan_finds_them() {
        let text = "Il a dit… « Non ! » — Pourquoi ? C’est fini.\nVoilà… ?!.\n\n–Fin—…";
        let plain: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '…' | '\n'))
            .collect();
        // Asked from every mark in turn, and from places between marks.
        let mut marks = SentenceMarks::new(text);
        let mut found = Vec::new();
        let mut at = 0;
        while let Some((i, c)) = marks.next(at) {
            found.push((i, c));
            at = i + c.len_utf8();
        }
        assert_eq!(found, plain);
        let mut marks = SentenceMarks::new(text);
        for from in (0..text.len()).filter(|&k| text.is_char_boundary(k)) {
            let want = plain.iter().copied().find(|&(i, _)| i >= from);
            assert_eq!(marks.next(from), want, "from {from}");
        }
    }

    #[test]
    fn elision_splits_but_inner_apostrophes_join() {
        assert_eq!(
            words("l’OTSC d'Erevan aujourd’hui"),
            ["l", "OTSC", "d", "Erevan", "aujourd’hui"]
        );
        assert_eq!(words("jusqu’à lorsqu'il"), ["jusqu", "à", "lorsqu", "il"]);
        assert_eq!(words("don't O’Brien"), ["don't", "O’Brien"]);
    }

    #[test]
    fn marks_elided_tokens_and_numbers() {
        let text = "l’OTAN en 2023";
        let mut out = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            LanguageProfile::french(),
            &mut out,
        );
        assert!(out[0].elided && !out[1].elided);
        assert_eq!(out[3].kind, TokenKind::Number);
    }

    #[test]
    fn hyphens_split_and_join() {
        let text = "Haut-Karabakh";
        let mut out = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            LanguageProfile::french(),
            &mut out,
        );
        assert_eq!(out.len(), 2);
        assert!(out[0].hyphen_joined(&out[1], text));
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        assert_eq!(
            words("Te\u{301}he\u{301}ran, Irak"),
            ["Te\u{301}he\u{301}ran", "Irak"]
        );
    }

    #[test]
    fn sentences_split_on_punctuation_and_lines() {
        assert_eq!(
            split("Il pleut. M. Dupont est là ! « Oui », dit-il.\nTitre sans point\nFin"),
            [
                "Il pleut.",
                "M. Dupont est là !",
                "« Oui », dit-il.",
                "Titre sans point",
                "Fin"
            ]
        );
        assert_eq!(
            split("Le taux est de 3.5 %. J. Biden a parlé."),
            ["Le taux est de 3.5 %.", "J. Biden a parlé."]
        );
    }
}
