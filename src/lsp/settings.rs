//! Settings per document: the `mtlint.toml` found upward from the document's path, resolved as
//! the command line resolves it, and one linter per distinct configuration.
//!
//! Configuration files, lookups and linters are cached until [`SettingsStore::reload`], which
//! the server calls when a configuration or glossary file changes. A broken configuration or
//! glossary is a [`Problem`] with its place, never a crash: the documents it governs are left
//! unchecked until it is fixed.

use crate::config::{config_dir_for, find_config, ConfigFile, Resolved, CONFIG_FILE_NAME};
use crate::lint::Linter;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// A problem in a configuration or glossary file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Problem {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column (in characters), when the problem has a place.
    pub location: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.location {
            Some((l, c)) => write!(f, "{}:{l}:{c}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// How a document is to be checked.
#[derive(Clone, Debug)]
pub enum Setup {
    /// With this linter.
    Check(Rc<Linter>),
    /// Not at all: its configuration excludes it.
    Excluded,
    /// Not until these problems are fixed.
    Broken(Vec<Problem>),
}

/// Configuration files and linters met so far.
#[derive(Debug, Default)]
pub struct SettingsStore {
    /// Where documents without a path (`untitled:`) take their configuration from.
    root: Option<PathBuf>,
    /// The nearest configuration file of each directory asked about.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// Each configuration file read, parsed or with its problems.
    files: HashMap<PathBuf, Result<ConfigFile, Vec<Problem>>>,
    /// One linter per resolved configuration.
    linters: HashMap<Resolved, Result<Rc<Linter>, Vec<Problem>>>,
}

impl SettingsStore {
    /// A store whose path-less documents are configured from `root` (the workspace folder).
    pub fn new(root: Option<PathBuf>) -> SettingsStore {
        SettingsStore {
            root,
            ..SettingsStore::default()
        }
    }

    /// Forgets every file read and linter built: the next document checked reads them again.
    pub fn reload(&mut self) {
        self.nearest.clear();
        self.files.clear();
        self.linters.clear();
    }

    /// The configuration file that applies to `path` (or to the workspace, for `None`).
    fn config_file(&mut self, path: Option<&Path>) -> Option<PathBuf> {
        let dir = match (path, &self.root) {
            (Some(p), _) => config_dir_for(Some(p)),
            (None, Some(root)) => root.clone(),
            (None, None) => config_dir_for(None),
        };
        self.nearest
            .entry(dir)
            .or_insert_with_key(|dir| find_config(dir))
            .clone()
    }

    /// How to check the document at `path` (`None` for a document that is not a file).
    pub fn setup(&mut self, path: Option<&Path>) -> Setup {
        let config = self.config_file(path);
        let for_path = path.map(Path::to_path_buf).unwrap_or_else(|| {
            self.root
                .clone()
                .unwrap_or_else(|| PathBuf::from("."))
                .join("untitled")
        });
        let file = match config {
            None => None,
            Some(c) => {
                let entry = self.files.entry(c).or_insert_with_key(|c| {
                    ConfigFile::load(c).map_err(|errors| {
                        errors
                            .into_iter()
                            .map(|e| Problem {
                                path: c.clone(),
                                location: e.location,
                                message: e.message,
                            })
                            .collect()
                    })
                });
                match entry {
                    Ok(file) => Some(&*file),
                    Err(problems) => return Setup::Broken(problems.clone()),
                }
            }
        };
        if path.is_some() && file.is_some_and(|f| f.excludes(&for_path)) {
            return Setup::Excluded;
        }
        let files: Vec<&ConfigFile> = file.into_iter().collect();
        let resolved = Resolved::for_path(&for_path, &files, &Default::default());
        let config_path = files.first().map(|f| f.path.clone());
        let linter = self
            .linters
            .entry(resolved)
            .or_insert_with_key(|r| build_linter(r, config_path));
        match linter {
            Ok(l) => Setup::Check(Rc::clone(l)),
            Err(problems) => Setup::Broken(problems.clone()),
        }
    }

    /// The files whose change calls for a reload: every configuration file found and every
    /// glossary file of a configuration in use.
    pub fn watched(&self) -> BTreeSet<PathBuf> {
        let mut out: BTreeSet<PathBuf> = self.files.keys().cloned().collect();
        for resolved in self.linters.keys() {
            out.extend(resolved.glossaries.iter().cloned());
        }
        out
    }

    /// True when a change to `path` calls for a reload: it is a configuration file (found or
    /// new) or a glossary in use.
    pub fn is_watched(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| n == CONFIG_FILE_NAME)
            || self.files.contains_key(path)
            || self
                .linters
                .keys()
                .any(|r| r.glossaries.iter().any(|g| same_file(g, path)))
    }
}

/// True when two paths name the same file (compared as given, then canonicalized).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}

/// Loads the glossaries of a configuration and builds its linter.
fn build_linter(resolved: &Resolved, config: Option<PathBuf>) -> Result<Rc<Linter>, Vec<Problem>> {
    let glossary = resolved.load_glossary().map_err(|errors| {
        errors
            .into_iter()
            .map(|e| Problem {
                path: PathBuf::from(e.path),
                location: e.location,
                message: e.message,
            })
            .collect::<Vec<_>>()
    })?;
    Linter::new(&glossary, resolved.settings.clone())
        .map(Rc::new)
        .map_err(|e| {
            vec![Problem {
                path: config.unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME)),
                location: None,
                message: e.to_string(),
            }]
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_take_the_nearest_configuration_and_reload_picks_up_changes() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("desk");
        std::fs::create_dir(&sub).unwrap();
        let article = sub.join("a.md");
        let mut store = SettingsStore::new(None);
        let Setup::Check(linter) = store.setup(Some(&article)) else {
            panic!("defaults check")
        };
        assert!(linter.settings().rules.enabled("translated-name"));
        std::fs::write(
            dir.path().join(CONFIG_FILE_NAME),
            "[rules]\nignore = [\"translated-name\"]\n",
        )
        .unwrap();
        // Cached until reloaded.
        assert!(
            matches!(store.setup(Some(&article)), Setup::Check(l) if l.settings().rules.enabled("translated-name"))
        );
        store.reload();
        assert!(
            matches!(store.setup(Some(&article)), Setup::Check(l) if !l.settings().rules.enabled("translated-name"))
        );
        assert!(store.is_watched(&dir.path().join("x").join(CONFIG_FILE_NAME)));
    }

    #[test]
    fn broken_configurations_and_glossaries_are_problems_with_places() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(
            dir.path().join(CONFIG_FILE_NAME),
            "lang = \"fr\"\ncolour = 1\n",
        )
        .unwrap();
        let mut store = SettingsStore::new(None);
        let Setup::Broken(problems) = store.setup(Some(&article)) else {
            panic!("broken")
        };
        assert_eq!(problems[0].location, Some((2, 1)));
        std::fs::write(
            dir.path().join(CONFIG_FILE_NAME),
            "glossaries = [\"g.toml\"]\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("g.toml"), "[[concept]]\nid = 3\n").unwrap();
        store.reload();
        let Setup::Broken(problems) = store.setup(Some(&article)) else {
            panic!("broken glossary")
        };
        assert!(problems[0].path.ends_with("g.toml"), "{problems:?}");
        assert!(store.is_watched(&dir.path().join("g.toml")));
        std::fs::write(dir.path().join(CONFIG_FILE_NAME), "exclude = [\"*.txt\"]\n").unwrap();
        store.reload();
        assert!(matches!(store.setup(Some(&article)), Setup::Excluded));
    }
}
