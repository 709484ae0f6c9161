//! Unified diffs of fixed files, in the format `git apply` and `patch -p1` accept.

use similar::TextDiff;

/// The unified diff from `old` to `new` for the file `path` (`a/path` → `b/path` headers), or
/// an empty string when nothing changed.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let path = path.trim_start_matches("./").trim_start_matches('/');
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Colours a unified diff for a terminal: removed lines red, added lines green, hunk headers
/// cyan.
pub fn colorize(diff: &str) -> String {
    let mut out = String::with_capacity(diff.len() + diff.len() / 8);
    for line in diff.split_inclusive('\n') {
        let style = if line.starts_with("+++") || line.starts_with("---") {
            "\u{1b}[1m"
        } else if line.starts_with('+') {
            "\u{1b}[32m"
        } else if line.starts_with('-') {
            "\u{1b}[31m"
        } else if line.starts_with("@@") {
            "\u{1b}[36m"
        } else {
            ""
        };
        if style.is_empty() {
            out.push_str(line);
        } else {
            let body = line.trim_end_matches(['\n', '\r']);
            out.push_str(style);
            out.push_str(body);
            out.push_str("\u{1b}[0m");
            out.push_str(&line[body.len()..]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_git_headers_and_hunks() {
        let d = unified_diff("./a/b.txt", "un\ndeux\ntrois\n", "un\n2\ntrois\n");
        assert_eq!(
            d,
            "--- a/a/b.txt\n+++ b/a/b.txt\n@@ -1,3 +1,3 @@\n un\n-deux\n+2\n trois\n"
        );
        assert_eq!(unified_diff("x", "same", "same"), "");
    }

    #[test]
    fn colours_wrap_lines_but_keep_line_ends() {
        let c = colorize("-a\r\n+b\n c\n");
        assert_eq!(c, "\u{1b}[31m-a\u{1b}[0m\r\n\u{1b}[32m+b\u{1b}[0m\n c\n");
    }
}
