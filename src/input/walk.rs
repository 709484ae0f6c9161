//! Finding the articles under directories: `.gitignore` and hidden files respected (the
//! `ignore` crate), files chosen by extension, `--include`/`--exclude` globs, sorted paths so
//! that every run lists files in the same order.

use std::fmt;
use std::path::{Path, PathBuf};

/// Extensions of the formats mtlint reads.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xlf", "xliff", "po", "pot",
];

/// A problem met while walking (a bad glob, an unreadable directory).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkError(pub String);

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WalkError {}

/// Which files a walk keeps.
#[derive(Clone, Debug, Default)]
pub struct WalkOptions {
    /// Globs of files to check; when empty, files with a known extension are checked.
    pub include: Vec<String>,
    /// Globs of files and directories never checked.
    pub exclude: Vec<String>,
}

fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Every article file under `dir`, sorted, with the problems met on the way.
pub fn walk(dir: &Path, options: &WalkOptions) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut errors = Vec::new();
    let globs = |patterns: &[String], negate: bool, errors: &mut Vec<WalkError>| {
        let mut b = ignore::overrides::OverrideBuilder::new(dir);
        for p in patterns {
            let glob = if negate { format!("!{p}") } else { p.clone() };
            if let Err(e) = b.add(&glob) {
                errors.push(WalkError(format!("invalid glob `{p}`: {e}")));
            }
        }
        b.build().ok()
    };
    let include = (!options.include.is_empty())
        .then(|| globs(&options.include, false, &mut errors))
        .flatten();
    let exclude = (!options.exclude.is_empty())
        .then(|| globs(&options.exclude, false, &mut errors))
        .flatten();
    let mut files = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            // Excluded directories are not entered at all.
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !exclude
                .as_ref()
                .is_some_and(|m| m.matched(entry.path(), is_dir).is_whitelist())
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = entry.into_path();
                let wanted = match &include {
                    Some(m) => m.matched(&path, false).is_whitelist(),
                    None => has_known_extension(&path),
                };
                if wanted {
                    files.push(path);
                }
            }
            Err(e) => errors.push(WalkError(e.to_string().to_lowercase())),
        }
    }
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "b.txt",
            "a.md",
            "sub/c.html",
            "sub/skip.pdf",
            "sub/d.xlf",
            "sub/e.po",
            "archive/old.txt",
            ".hidden/x.txt",
            "ignored/y.txt",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "texte").unwrap();
        }
        fs::write(root.join(".gitignore"), "ignored/\n").unwrap();
        dir
    }

    fn names(dir: &Path, files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|f| f.strip_prefix(dir).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn walks_sorted_known_extensions_respecting_gitignore_and_hidden() {
        let dir = tree();
        let (files, errors) = walk(dir.path(), &WalkOptions::default());
        assert!(errors.is_empty());
        assert_eq!(
            names(dir.path(), &files),
            [
                "a.md",
                "archive/old.txt",
                "b.txt",
                "sub/c.html",
                "sub/d.xlf",
                "sub/e.po"
            ]
        );
    }

    #[test]
    fn include_and_exclude_globs() {
        let dir = tree();
        let options = WalkOptions {
            include: vec!["*.txt".into()],
            exclude: vec!["archive/**".into()],
        };
        let (files, _) = walk(dir.path(), &options);
        assert_eq!(names(dir.path(), &files), ["b.txt"]);
        let options = WalkOptions {
            include: vec![],
            exclude: vec!["sub".into()],
        };
        let (files, _) = walk(dir.path(), &options);
        assert_eq!(
            names(dir.path(), &files),
            ["a.md", "archive/old.txt", "b.txt"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_does_not_hang() {
        let dir = tree();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        let (files, _) = walk(dir.path(), &WalkOptions::default());
        assert_eq!(files.len(), 6);
    }
}
