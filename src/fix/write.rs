//! Writing a fixed file without ever losing data: the new content goes to a temporary file in
//! the same directory, is flushed and synced, takes the original's permissions, and is renamed
//! over the original. Nothing is written when the file changed on disk since it was read, or
//! when it is read-only; on any error the original is untouched.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file's content is no longer what was checked.
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// The file is read-only.
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The file system said no.
    Io {
        /// The file.
        path: PathBuf,
        /// What happened, in plain words.
        reason: String,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Changed { path } => write!(
                f,
                "{}: changed on disk since it was checked; not written (run mtlint again)",
                path.display()
            ),
            WriteError::ReadOnly { path } => {
                write!(f, "{}: is read-only; not written", path.display())
            }
            WriteError::Io { path, reason } => {
                write!(
                    f,
                    "{}: cannot write: {reason}; the file is unchanged",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Replaces the content of `path` with `new`, provided it still holds `expected`.
pub fn write_atomically(path: &Path, expected: &[u8], new: &str) -> Result<(), WriteError> {
    let io_error = |e: io::Error| WriteError::Io {
        path: path.to_owned(),
        reason: crate::input::describe_io_error(&e),
    };
    // Write through symbolic links to the file they name.
    let target = std::fs::canonicalize(path).map_err(io_error)?;
    let metadata = std::fs::metadata(&target).map_err(io_error)?;
    if metadata.permissions().readonly() {
        return Err(WriteError::ReadOnly {
            path: path.to_owned(),
        });
    }
    let current = std::fs::read(&target).map_err(io_error)?;
    if current != expected {
        return Err(WriteError::Changed {
            path: path.to_owned(),
        });
    }
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".mtlint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io_error)?;
    temp.write_all(new.as_bytes()).map_err(io_error)?;
    temp.flush().map_err(io_error)?;
    temp.as_file().sync_all().map_err(io_error)?;
    std::fs::set_permissions(temp.path(), metadata.permissions()).map_err(io_error)?;
    // Last look before the rename: a concurrent writer wins, we do not.
    if std::fs::read(&target).map_err(io_error)? != expected {
        return Err(WriteError::Changed {
            path: path.to_owned(),
        });
    }
    temp.persist(&target).map_err(|e| io_error(e.error))?;
    if let Ok(dir) = std::fs::File::open(dir) {
        // Make the rename durable; not every platform can sync a directory.
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "\u{feff}ancien\r\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(
            &path,
            "\u{feff}ancien\r\n".as_bytes(),
            "\u{feff}nouveau\r\n",
        )
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "\u{feff}nouveau\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "modifié entre-temps").unwrap();
        let err = write_atomically(&path, b"lu au debut", "corrige").unwrap_err();
        assert!(matches!(err, WriteError::Changed { .. }), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "modifié entre-temps");
    }

    #[test]
    fn refuses_a_read_only_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "texte").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = write_atomically(&path, b"texte", "autre").unwrap_err();
        assert!(
            err.to_string().ends_with("is read-only; not written"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "texte");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symbolic_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "a").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"a", "b").unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "b");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}
