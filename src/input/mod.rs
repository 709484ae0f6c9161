//! Reading articles: files and standard input, decoded as UTF-8 with the BOM and line endings
//! kept, so that every offset is an offset into the bytes on disk.

pub mod walk;

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// An article's content and the name it is reported under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The path as given, or the `--stdin-filename` (or `-`) for standard input.
    pub name: String,
    /// The whole content, BOM and CRLF included.
    pub text: String,
}

impl Source {
    /// Length of the UTF-8 byte order mark at the start, if any (0 or 3).
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }
}

/// Why an input could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Opening or reading failed.
    Io {
        /// The input's name.
        name: String,
        /// What the system said, in plain words.
        reason: String,
    },
    /// The content is not UTF-8.
    InvalidUtf8 {
        /// The input's name.
        name: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The path is a directory.
    Directory {
        /// The path.
        name: String,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io { name, reason } => write!(f, "{name}: cannot read: {reason}"),
            InputError::InvalidUtf8 { name, offset, line } => write!(
                f,
                "{name}:{line}: invalid UTF-8 at byte {offset}; mtlint reads UTF-8 text only"
            ),
            InputError::Directory { name } => write!(f, "{name}: is a directory"),
        }
    }
}

impl std::error::Error for InputError {}

/// A lowercase description of an I/O error without the OS error number.
pub fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            text.to_lowercase()
        }
    }
}

/// Decodes bytes as UTF-8, keeping them unchanged.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Source, InputError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source {
            name: name.to_owned(),
            text,
        }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            Err(InputError::InvalidUtf8 {
                name: name.to_owned(),
                offset,
                line,
            })
        }
    }
}

/// Reads a file.
pub fn read_path(path: &Path) -> Result<Source, InputError> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(InputError::Directory { name });
    }
    let bytes = std::fs::read(path).map_err(|e| InputError::Io {
        name: name.clone(),
        reason: describe_io_error(&e),
    })?;
    decode(&name, bytes)
}

/// Reads all of standard input, reported under `name`.
pub fn read_stdin(name: &str) -> Result<Source, InputError> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io {
            name: name.to_owned(),
            reason: describe_io_error(&e),
        })?;
    decode(name, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset_and_line() {
        let err = decode("a.txt", b"ab\ncd\xffe".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt:2: invalid UTF-8 at byte 5; mtlint reads UTF-8 text only"
        );
    }

    #[test]
    fn keeps_bom_and_crlf() {
        let s = decode("a.txt", b"\xef\xbb\xbfa\r\nb".to_vec()).unwrap();
        assert_eq!(s.bom_len(), 3);
        assert_eq!(s.text.len(), 7);
    }
}
