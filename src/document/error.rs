//! Why a bilingual file could not be read, and where: the file, line and column of the problem.

use std::fmt;

/// A problem found by a format parser at a byte offset of the text it read; the caller turns it
/// into a [`ParseError`] with the file's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Located {
    /// Byte offset of the problem in the whole original text.
    pub offset: usize,
    /// What is wrong, lowercase, without a trailing period.
    pub message: String,
}

impl Located {
    /// A problem at `offset`.
    pub fn new(offset: usize, message: impl Into<String>) -> Located {
        Located {
            offset,
            message: message.into(),
        }
    }
}

/// A file that breaks its format's grammar (malformed XML, an XLIFF version mtlint does not
/// know, an unclosed PO string…). Shown as `file:line:column: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The name the file is reported under.
    pub name: String,
    /// Byte offset of the problem in the file.
    pub offset: usize,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    pub(super) fn new(name: &str, text: &str, located: Located) -> ParseError {
        let (line, column) = line_column(text, located.offset);
        ParseError {
            name: name.to_owned(),
            offset: located.offset.min(text.len()),
            line,
            column,
            message: located.message,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.name, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// The 1-based line and column (in characters) of a byte offset; an offset inside a character
/// counts from that character, one past the end from the end.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..]
        .trim_start_matches('\u{feff}')
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_file_line_and_column_in_characters() {
        let text = "un\nété <x";
        let e = ParseError::new("a.xlf", text, Located::new(text.find('<').unwrap(), "bad"));
        assert_eq!(e.to_string(), "a.xlf:2:5: bad");
    }

    #[test]
    fn the_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}<x";
        let e = ParseError::new("a.po", text, Located::new(3, "bad"));
        assert_eq!((e.line, e.column), (1, 1));
    }
}
