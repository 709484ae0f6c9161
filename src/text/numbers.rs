//! Numbers in prose, read by value with a language's conventions: "1,000.5" (English),
//! "1 000,5" (French), "1.000,5" (German) are one value; "19th", "19e", "XIXe" are 19. Also
//! small numbers written as words ("two", "deux"). What a language writes is data of its
//! profile ([`crate::text::lang::NumberFormat`]); this module only reads text, it knows nothing
//! of checks.

use super::lang::LanguageProfile;
use crate::diagnostic::Span;
use std::collections::HashMap;

/// A number found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    /// Its bytes, suffix included ("19th", "45 %" without the sign: "45").
    pub span: Span,
    /// Its value, normalised: digits without groups or leading zeros, a `.` before the
    /// decimals, no trailing zero after it ("1000.5", "19", "0.25").
    pub value: String,
    /// True for an ordinal ("19th", "1er", "XIXe").
    pub ordinal: bool,
}

/// Every number of `text` inside `within`, in order. Numbers inside URLs, e-mail addresses,
/// @handles and #hashtags are skipped, and so are digits glued to letters before them
/// ("G7", "COVID-19", "F-16"): they are parts of names.
pub fn find_numbers(text: &str, within: Span, profile: &LanguageProfile) -> Vec<Number> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = within.start;
    while i < within.end {
        let b = bytes[i];
        if b.is_ascii_digit() {
            let chunk = chunk_around(text, i, within);
            if is_address(chunk.slice(text)) || glued_to_name(text, i, within.start) {
                i = chunk.end.max(i + 1);
                continue;
            }
            let n = read_number(text, i, within.end, profile);
            i = n.span.end;
            out.push(n);
        } else if b.is_ascii_uppercase() && !profile.numbers().roman_ordinal_suffixes.is_empty() {
            match read_roman_ordinal(text, i, within, profile) {
                Some(n) => {
                    i = n.span.end;
                    out.push(n);
                }
                None => i = skip_word(text, i, within.end),
            }
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// How many times each value is written as a word in `text` inside `within`.
pub fn count_number_words(
    text: &str,
    within: Span,
    profile: &LanguageProfile,
) -> HashMap<String, usize> {
    let words = &profile.numbers().words;
    let mut counts = HashMap::new();
    if words.is_empty() {
        return counts;
    }
    for word in within
        .slice(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        if let Some(v) = words.get(&lower) {
            *counts.entry(v.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// Writes a value (as in [`Number::value`]) the way the language writes numbers: the
/// profile's group separator when the integer is long enough, or `group` (the separator of the
/// number it replaces) from four digits on.
pub fn format_number(value: &str, profile: &LanguageProfile, group: Option<&str>) -> String {
    let f = profile.numbers();
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    let (sep, from) = match group {
        Some(g) => (g, 4),
        None => (f.group_format.as_str(), f.group_from_digits.max(1)),
    };
    let mut out = String::new();
    if int.len() >= from && !sep.is_empty() {
        for (k, c) in int.chars().enumerate() {
            if k > 0 && (int.len() - k) % 3 == 0 {
                out.push_str(sep);
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if !frac.is_empty() {
        out.push_str(if f.decimal.is_empty() {
            "."
        } else {
            &f.decimal
        });
        out.push_str(frac);
    }
    out
}

/// The whitespace-delimited chunk holding byte `i`.
fn chunk_around(text: &str, i: usize, within: Span) -> Span {
    let start = text[within.start..i]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(within.start, |(k, c)| within.start + k + c.len_utf8());
    let end = text[i..within.end]
        .find(char::is_whitespace)
        .map_or(within.end, |k| i + k);
    Span::new(start, end)
}

/// True for a URL, an e-mail address, a @handle or a #hashtag.
fn is_address(chunk: &str) -> bool {
    let chunk = chunk.trim_start_matches(['(', '[', '"', '«', '“', '\'']);
    chunk.contains("://")
        || chunk.starts_with("www.")
        || chunk.starts_with('@')
        || chunk.starts_with('#')
        || chunk.contains('@')
}

/// True when the digits at `i` continue a word: a letter, or a letter and a hyphen, comes
/// right before them.
fn glued_to_name(text: &str, i: usize, floor: usize) -> bool {
    let mut before = text[floor..i].chars().rev();
    match before.next() {
        Some(c) if c.is_alphabetic() => true,
        Some('-' | '\u{2010}' | '\u{2011}') => before.next().is_some_and(char::is_alphabetic),
        _ => false,
    }
}

/// The end of the run of ASCII digits starting at `i`.
fn digits_end(bytes: &[u8], i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end && bytes[j].is_ascii_digit() {
        j += 1;
    }
    j
}

/// Reads the number starting with the digit at `start`.
fn read_number(text: &str, start: usize, end: usize, profile: &LanguageProfile) -> Number {
    let f = profile.numbers();
    let bytes = text.as_bytes();
    let mut j = digits_end(bytes, start, end);
    let mut int = text[start..j].to_string();
    // Groups: only after a first group of one to three digits, and each exactly three digits.
    if int.len() <= 3 {
        'groups: loop {
            for sep in &f.groups {
                let after = j + sep.len();
                if text[j..end].starts_with(sep.as_str()) {
                    let k = digits_end(bytes, after, end);
                    if k - after == 3 {
                        int.push_str(&text[after..k]);
                        j = k;
                        continue 'groups;
                    }
                }
            }
            break;
        }
    }
    let mut frac = String::new();
    if !f.decimal.is_empty() && text[j..end].starts_with(f.decimal.as_str()) {
        let after = j + f.decimal.len();
        let k = digits_end(bytes, after, end);
        // "1,000" in French is one thousand only with a space: a decimal needs digits after
        // the separator, and a lone group of three after a comma is still read as decimals.
        if k > after {
            frac = text[after..k].to_string();
            j = k;
        }
    }
    let mut ordinal = false;
    let letters_end = text[j..end]
        .char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || matches!(c, 'º' | 'ª' | '°' | 'ᵉ' | 'ʳ')))
        .map_or(end, |(k, _)| j + k);
    if letters_end > j {
        let suffix = text[j..letters_end].to_lowercase();
        if f.ordinal_suffixes.contains(&suffix) {
            ordinal = true;
            j = letters_end;
        }
    } else if let Some(s) = f
        .ordinal_suffixes
        .iter()
        .find(|s| s.starts_with('.') && text[j..end].starts_with(s.as_str()))
    {
        ordinal = true;
        j += s.len();
    }
    Number {
        span: Span::new(start, j),
        value: normalise(&int, &frac),
        ordinal,
    }
}

/// Digits and decimals as a value: no leading zeros, no trailing decimal zeros.
fn normalise(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// The end of the word starting at `i`.
fn skip_word(text: &str, i: usize, end: usize) -> usize {
    text[i..end]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(end, |(k, _)| i + k)
}

/// A Roman numeral with an ordinal suffix ("XIXe", "Ier") starting at `i`, as a whole word.
fn read_roman_ordinal(
    text: &str,
    i: usize,
    within: Span,
    profile: &LanguageProfile,
) -> Option<Number> {
    if text[within.start..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let word_end = skip_word(text, i, within.end);
    let word = &text[i..word_end];
    let roman_len = word.bytes().take_while(|b| b"IVXLCDM".contains(b)).count();
    if roman_len == 0 {
        return None;
    }
    let suffix = &word[roman_len..];
    // One letter is a century only as "Ier": "Le", "Ce", "De" are words.
    if roman_len < 2 && !suffix.ends_with('r') && !suffix.ends_with('ʳ') {
        return None;
    }
    if !profile
        .numbers()
        .roman_ordinal_suffixes
        .iter()
        .any(|s| s == suffix)
    {
        return None;
    }
    let value = roman_value(&word[..roman_len])?;
    Some(Number {
        span: Span::new(i, word_end),
        value: value.to_string(),
        ordinal: true,
    })
}

/// The value of a well-formed Roman numeral up to 3999.
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: u8| match c {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        b'C' => 100,
        b'D' => 500,
        _ => 1000,
    };
    let b = s.as_bytes();
    let mut total = 0u32;
    for k in 0..b.len() {
        let v = digit(b[k]);
        if b.get(k + 1).is_some_and(|&n| digit(n) > v) {
            total = total.checked_sub(v)?;
        } else {
            total += v;
        }
    }
    // Only the canonical spelling counts ("IIII" is no numeral, "MIX" no century).
    (to_roman(total) == s && total > 0 && total < 4000).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: &str) -> Vec<(String, bool)> {
        let p = LanguageProfile::get(lang).expect("profile");
        find_numbers(text, Span::new(0, text.len()), p)
            .into_iter()
            .map(|n| (n.value, n.ordinal))
            .collect()
    }

    fn plain(v: &[&str]) -> Vec<(String, bool)> {
        v.iter().map(|s| (s.to_string(), false)).collect()
    }

    #[test]
    fn one_value_in_every_locale() {
        assert_eq!(values("It cost 1,000.5 dollars", "en"), plain(&["1000.5"]));
        assert_eq!(
            values("Il a coûté 1 000,5 dollars", "fr"),
            plain(&["1000.5"])
        );
        assert_eq!(
            values("1\u{a0}000,5 et 1\u{202f}000,5", "fr"),
            plain(&["1000.5", "1000.5"])
        );
        assert_eq!(values("Es kostete 1.000,5 Euro", "de"), plain(&["1000.5"]));
        assert_eq!(values("Costó 1.000,5 euros", "es"), plain(&["1000.5"]));
        assert_eq!(values("45% and 45 %", "en"), plain(&["45", "45"]));
        assert_eq!(values("3,000,000 people", "en"), plain(&["3000000"]));
    }

    #[test]
    fn separators_do_not_glue_separate_numbers() {
        assert_eq!(values("In 2019, 300 people", "en"), plain(&["2019", "300"]));
        assert_eq!(
            values("en 2019 300 personnes", "fr"),
            plain(&["2019", "300"])
        );
        assert_eq!(values("1, 2 and 3", "en"), plain(&["1", "2", "3"]));
        assert_eq!(values("à 12:30", "fr"), plain(&["12", "30"]));
        assert_eq!(values("le 07", "fr"), plain(&["7"]));
    }

    #[test]
    fn ordinals_and_roman_centuries() {
        let ord = |v: &str| (v.to_string(), true);
        assert_eq!(values("the 19th and 1st", "en"), vec![ord("19"), ord("1")]);
        assert_eq!(
            values("le 19e, le 1er, la 1re et le XIXe siècle", "fr"),
            vec![ord("19"), ord("1"), ord("1"), ord("19")]
        );
        // A Roman numeral needs its suffix, and a canonical spelling.
        assert!(values("Louis XIV et MIX", "fr").is_empty());
        assert!(values("Le texte, Ce matin, De plus", "fr").is_empty());
        assert_eq!(values("François Ier", "fr"), vec![ord("1")]);
    }

    #[test]
    fn addresses_and_names_are_not_numbers() {
        assert!(values("see https://example.org/2024/05 or @user42", "en").is_empty());
        assert!(values("the G7 and COVID-19 and #tag2024", "en").is_empty());
    }

    #[test]
    fn number_words_are_counted_by_value() {
        let p = LanguageProfile::get("fr").expect("fr");
        let text = "Deux hommes et deux femmes, puis trois";
        let counts = count_number_words(text, Span::new(0, text.len()), p);
        assert_eq!(counts.get("2"), Some(&2));
        assert_eq!(counts.get("3"), Some(&1));
    }

    #[test]
    fn formats_in_the_target_locale() {
        let fr = LanguageProfile::get("fr").expect("fr");
        let de = LanguageProfile::get("de").expect("de");
        assert_eq!(format_number("12000.5", fr, None), "12\u{202f}000,5");
        assert_eq!(format_number("2026", fr, None), "2026");
        assert_eq!(format_number("12000", fr, Some(" ")), "12 000");
        assert_eq!(format_number("1500", fr, Some(" ")), "1 500");
        assert_eq!(format_number("1000000", de, None), "1.000.000");
        assert_eq!(format_number("1.5", de, None), "1,5");
    }
}
