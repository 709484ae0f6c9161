//! Fixing through the command line: `check --fix`, `--unsafe-fixes`, `--diff`, `mtlint fix`,
//! write safety, and the interactive review driven through a real pseudo-terminal.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/glossary.toml");

fn sub(command: &str) -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    cmd.args([command, "--no-default-glossary", "--glossary", GLOSSARY]);
    cmd
}

/// A writable copy of a fixture in a fresh directory.
fn copy_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    fs::copy(fixtures.join(name), &path).expect("copy");
    (dir, path)
}

#[test]
fn check_fix_applies_safe_fixes_and_a_second_run_changes_nothing() {
    let (_dir, path) = copy_fixture("sample-fr.txt");
    let before = fs::read_to_string(&path).unwrap();
    sub("check")
        .arg("--fix")
        .arg(&path)
        .assert()
        // The bracketed English gloss is exactly a glossary term: its fix is safe.
        .stderr(predicate::str::contains(
            "mtlint: fixed 5 findings in 1 file",
        ))
        .stderr(predicate::str::contains("translated-name: 2"))
        .stderr(predicate::str::contains("untranslated-fragment: 1"));
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.contains("l’OTS [Organisation des États turciques]"));
    assert!(after.contains("Nikol Pachinian a de nouveau"));
    assert!(after.contains("Newsweek a contacté"));
    assert!(after.contains("Le Wall Street Journal rapporte"));
    // Unsafe fixes (the majority spelling) wait for --unsafe-fixes.
    assert!(after.contains("Haut-Karabagh"));
    // Only the fixed words changed.
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 4);
    assert_eq!(before.lines().count(), after.lines().count());
    sub("check")
        .arg("--fix")
        .arg(&path)
        .assert()
        .stderr(predicate::str::contains("nothing to fix"));
    assert_eq!(fs::read_to_string(&path).unwrap(), after);
    sub("check")
        .args(["--fix", "--unsafe-fixes"])
        .arg(&path)
        .assert()
        .stderr(predicate::str::contains("inconsistent-spelling: 1"));
    let unsafe_fixed = fs::read_to_string(&path).unwrap();
    assert!(!unsafe_fixed.contains("Karabagh"));
    assert!(unsafe_fixed.contains("l’OTS [Organisation des États turciques]"));
}

#[test]
fn fix_keeps_bom_crlf_final_newline_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, "\u{feff}Titre\r\nSelon Semaine d’actualités.\r\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    sub("fix").arg(&path).assert().code(0);
    assert_eq!(
        fs::read(&path).unwrap(),
        "\u{feff}Titre\r\nSelon Newsweek.\r\n".as_bytes()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn a_read_only_file_is_left_untouched() {
    let (_dir, path) = copy_fixture("sample-fr.txt");
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let before = fs::read(&path).unwrap();
    sub("check")
        .arg("--fix")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is read-only; not written"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn stdin_fixes_go_to_stdout_and_findings_to_stderr() {
    sub("check")
        .args(["--fix", "--format", "concise", "-"])
        .write_stdin("Selon Semaine d’actualités, Nikol Pashinyan.\n")
        .assert()
        .code(0)
        .stdout("Selon Newsweek, Nikol Pachinian.\n")
        .stderr(predicate::str::contains("No findings in 1 file."));
}

#[test]
fn diff_prints_a_patch_that_git_and_patch_accept_and_touches_nothing() {
    let (dir, path) = copy_fixture("sample-fr.txt");
    let before = fs::read(&path).unwrap();
    let out = sub("check")
        .current_dir(dir.path())
        .args(["--diff", "--color", "never", "sample-fr.txt"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let patch = String::from_utf8(out).unwrap();
    assert!(patch.starts_with("--- a/sample-fr.txt\n+++ b/sample-fr.txt\n"));
    assert!(patch.contains("-Le Premier ministre arménien Nikol Pashinyan"));
    assert!(patch.contains("+Le Premier ministre arménien Nikol Pachinian"));
    assert_eq!(fs::read(&path).unwrap(), before, "--diff writes nothing");
    let patch_file = dir.path().join("fix.patch");
    fs::write(&patch_file, &patch).unwrap();
    // `patch -p1` and `git apply` accept it, when they are installed.
    if let Ok(status) = std::process::Command::new("patch")
        .current_dir(dir.path())
        .args(["-p1", "--dry-run", "-i", "fix.patch"])
        .output()
    {
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stdout)
        );
    }
    if let Ok(status) = std::process::Command::new("git")
        .current_dir(dir.path())
        .args(["apply", "--check", "fix.patch"])
        .output()
    {
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
    // Nothing to fix: empty diff, exit 0.
    sub("check")
        .args(["--diff", "tests/fixtures/clean-fr.txt"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fix_in_markdown_and_html_keeps_the_markup() {
    for name in ["article.md", "article.html"] {
        let (_dir, path) = copy_fixture(name);
        sub("fix").arg(&path).assert().code(1);
        let fixed = fs::read_to_string(&path).unwrap();
        assert!(fixed.contains("Pachinian"), "{name}");
        assert!(
            !fixed.contains("Nikol Pashinyan</strong>") && !fixed.contains("**Nikol Pashinyan**")
        );
        // The English gloss is exactly a glossary term: fixed with the safe fixes.
        assert!(
            fixed.contains("[Organisation des États turciques]"),
            "{name}"
        );
        // What is left is a warning (a spelling by majority), fixed only on request.
        sub("check").arg(&path).assert().code(0);
        sub("fix").arg("--unsafe-fixes").arg(&path).assert().code(0);
        let fixed = fs::read_to_string(&path).unwrap();
        assert!(!fixed.contains("Karabagh"), "{name}");
        sub("check").arg(&path).assert().code(0);
    }
}

#[test]
fn interactive_refuses_without_a_terminal() {
    let (_dir, path) = copy_fixture("sample-fr.txt");
    sub("fix")
        .arg("-i")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--interactive needs a terminal"));
}

#[cfg(unix)]
mod pty {
    use super::*;
    use expectrl::{Eof, Expect, Session};
    use std::time::Duration;

    type Pty = expectrl::session::OsSession;

    fn session(path: &Path) -> Pty {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_mtlint"));
        cmd.args(["fix", "-i", "--no-default-glossary", "--glossary", GLOSSARY])
            .arg(path)
            .env("TERM", "xterm")
            .env_remove("NO_COLOR");
        let mut p = Session::spawn(cmd).expect("spawn in a pseudo-terminal");
        p.set_expect_timeout(Some(Duration::from_secs(20)));
        p
    }

    const PROMPT: &str = "Apply? [y,n,1-9,e,a,s,q,?]";

    #[test]
    fn accept_skip_choose_and_edit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(
            &path,
            "Nikol Pashinyan et Semaine d’actualités. Pashinyan encore, et Erevan ou Yerevan.\n",
        )
        .unwrap();
        let mut p = session(&path);
        // 1: Nikol Pashinyan → accept
        p.expect("Nikol Pachinian").unwrap();
        p.expect(PROMPT).unwrap();
        p.send("y").unwrap();
        // 2: Semaine d’actualités → skip
        p.expect("translated-name").unwrap();
        p.expect(PROMPT).unwrap();
        p.send("n").unwrap();
        // 3: Pashinyan → choose the first fix by its number
        p.expect("(3/4)").unwrap();
        p.expect(PROMPT).unwrap();
        p.send("1").unwrap();
        // 4: Yerevan → edit the replacement
        p.expect("(4/4)").unwrap();
        p.expect(PROMPT).unwrap();
        p.send("e").unwrap();
        p.expect("Replacement:").unwrap();
        for _ in 0.."Erevan".len() {
            p.send("\u{8}").unwrap();
        }
        p.send("Érévan\r").unwrap();
        p.expect("3 fixes applied, 1 skipped").unwrap();
        p.expect(Eof).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "Nikol Pachinian et Semaine d’actualités. Pachinian encore, et Erevan ou Érévan.\n"
        );
    }

    #[test]
    fn help_then_quit_keeps_what_was_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "Nikol Pashinyan et Semaine d’actualités.\n").unwrap();
        let mut p = session(&path);
        p.expect(PROMPT).unwrap();
        p.send("?").unwrap();
        p.expect("q quit (keeping what was accepted)").unwrap();
        p.expect(PROMPT).unwrap();
        p.send("y").unwrap();
        p.expect("(2/2)").unwrap();
        p.expect(PROMPT).unwrap();
        p.send("q").unwrap();
        p.expect(Eof).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "Nikol Pachinian et Semaine d’actualités.\n"
        );
    }
}
