//! Document URIs and file paths: `file:` URIs are turned into paths (to find a document's
//! `mtlint.toml` and format) and paths into URIs (to publish findings on configuration files).
//!
//! Only the `file` scheme maps to paths; any other (`untitled:`, …) has none. Percent-encoding
//! is decoded byte-wise, so any UTF-8 path round-trips.

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The local path of a `file:` URI; `None` for other schemes or a URI naming another host.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let scheme_end = text.find(':')?;
    if !text[..scheme_end].eq_ignore_ascii_case("file") {
        return None;
    }
    let rest = &text[scheme_end + 1..];
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let path = match rest.strip_prefix("//") {
        Some(authority_and_path) => {
            let slash = authority_and_path
                .find('/')
                .unwrap_or(authority_and_path.len());
            let host = &authority_and_path[..slash];
            if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
                return None;
            }
            &authority_and_path[slash..]
        }
        None => rest,
    };
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    // `file:///C:/dir` names `C:/dir` on Windows.
    if cfg!(windows) {
        let b = decoded.as_bytes();
        if b.len() >= 3 && b[0] == b'/' && b[1].is_ascii_alphabetic() && b[2] == b':' {
            return Some(PathBuf::from(&decoded[1..]));
        }
    }
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of an absolute path; `None` when the path is not absolute or not UTF-8.
pub fn from_path(path: &Path) -> Option<Uri> {
    if !path.is_absolute() {
        return None;
    }
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&uri).ok()
}

/// Decodes `%XX` escapes; `None` when the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        Uri::from_str(s).unwrap()
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            to_path(&uri("file:///srv/articles/a%20b/%C3%A9t%C3%A9.md")),
            Some(PathBuf::from("/srv/articles/a b/été.md"))
        );
        assert_eq!(
            to_path(&uri("file://localhost/srv/a.txt")),
            Some(PathBuf::from("/srv/a.txt"))
        );
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(to_path(&uri("file://elsewhere/srv/a.txt")), None);
    }

    #[cfg(unix)]
    #[test]
    fn paths_round_trip() {
        for p in ["/srv/articles/été 2024/l’OTS #1.md", "/a/b%c/[x].txt"] {
            let u = from_path(Path::new(p)).unwrap();
            assert!(u.as_str().starts_with("file:///"), "{}", u.as_str());
            assert_eq!(to_path(&u), Some(PathBuf::from(p)));
        }
        assert_eq!(from_path(Path::new("relative.md")), None);
    }
}
