//! Hostile inputs: what lands in a repository unattended. Each either works (findings at
//! exact offsets of the original) or fails with a clear message, and none takes time that
//! grows faster than its size: the sizes here would take minutes if any step were quadratic,
//! so a regression shows as a hung test, not as a flaky timer.

use assert_cmd::Command;
use mtlint::config::Settings;
use mtlint::diagnostic::{Diagnostic, Span};
use mtlint::document::{Document, Format};
use mtlint::glossary::{load_file, parse};
use mtlint::input::walk::{walk, WalkOptions};
use mtlint::input::{read_path, Source};
use mtlint::lint::Linter;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

const FORMATS: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

/// The linter of the repository's test glossary.
fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let glossary = load_file(Path::new("tests/fixtures/glossary.toml")).expect("valid");
        Linter::new(&glossary, Settings::default()).expect("fr")
    })
}

fn check(text: &str, format: Format) -> Vec<Diagnostic> {
    let diagnostics = linter()
        .check(
            Document::parse(
                Source {
                    name: "hostile".into(),
                    text: text.into(),
                },
                format,
            )
            .expect("text, Markdown and HTML always parse"),
        )
        .diagnostics;
    for d in &diagnostics {
        assert_inside(text, d.span);
        for fix in &d.fixes {
            for edit in &fix.edits {
                assert_inside(text, edit.span);
            }
        }
    }
    diagnostics
}

#[track_caller]
fn assert_inside(text: &str, span: Span) {
    assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
}

/// The spans of one rule's findings.
fn spans(diagnostics: &[Diagnostic], rule: &str) -> Vec<Span> {
    diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.span)
        .collect()
}

const WRONG: &str = "Semaine d’actualités";

/// French prose of our own with a translated name in it, and no full stop: repeated, it is
/// one sentence, the hardest case for anything that looks back to a sentence's start.
const SENTENCE: &str = "Le ministre a répondu aux questions de Semaine d’actualités mardi, \
                        après une réunion avec les représentants des régions voisines, ";

#[test]
fn a_50_mb_single_line_is_checked_with_every_finding_at_its_offset() {
    let copies = 50_000_000 / SENTENCE.len() + 1;
    let text = SENTENCE.repeat(copies);
    assert!(text.len() >= 50_000_000 && !text.contains('\n'));
    let found = spans(&check(&text, Format::Text), "translated-name");
    assert_eq!(found.len(), copies);
    let last = text.rfind(WRONG).expect("present");
    assert_eq!(
        found.last(),
        Some(&Span::new(last, last + WRONG.len())),
        "the last finding is at its byte offset"
    );
}

#[test]
fn a_million_brackets_in_every_format() {
    let texts = [
        "[".repeat(1_000_000),
        "]".repeat(1_000_000),
        format!("{}{WRONG}{}", "[".repeat(500_000), "]".repeat(500_000)),
        "[the ".repeat(200_000),
        "[a](".repeat(250_000),
        "<".repeat(1_000_000),
        "(".repeat(1_000_000),
    ];
    for text in &texts {
        for format in FORMATS {
            check(text, format);
        }
    }
    let nested = &texts[2];
    let at = nested.find(WRONG).expect("present");
    assert_eq!(
        spans(&check(nested, Format::Text), "translated-name"),
        [Span::new(at, at + WRONG.len())]
    );
}

/// A deterministic pseudo-random capitalized name, distinct for each `n`.
fn name(n: usize) -> String {
    let consonants = b"bcdfgklmnprstvz";
    let vowels = b"aeiou";
    let mut s = String::new();
    let mut x = n;
    loop {
        s.push(consonants[x % consonants.len()] as char);
        x /= consonants.len();
        s.push(vowels[x % vowels.len()] as char);
        x /= vowels.len();
        if x == 0 {
            break;
        }
    }
    let mut chars = s.chars();
    let first = chars.next().expect("non-empty").to_ascii_uppercase();
    format!("{first}{}ski", chars.as_str())
}

#[test]
fn a_hundred_thousand_distinct_names_are_paired_in_linear_time() {
    let mut text = String::new();
    for n in 0..100_000 {
        let _ = write!(text, "Selon {} et {}, rien. ", name(n), name(n));
    }
    // Not a glossary name: no finding is required, only that it ends.
    check(&text, Format::Text);
}

#[test]
fn html_nested_100_000_levels_deep() {
    let depth = 100_000;
    for tag in ["div", "b", "p", "table", "li"] {
        let text = format!(
            "{}Selon {WRONG}.{}",
            format!("<{tag}>").repeat(depth),
            format!("</{tag}>").repeat(depth)
        );
        let found = spans(&check(&text, Format::Html), "translated-name");
        let at = text.find(WRONG).expect("present");
        assert_eq!(found, [Span::new(at, at + WRONG.len())], "<{tag}>");
    }
}

#[test]
fn markdown_nested_100_000_levels_deep() {
    let depth = 100_000;
    let texts = [
        format!("{} Selon {WRONG}.\n", ">".repeat(depth)),
        (0..depth).fold(String::new(), |mut s, level| {
            let _ = writeln!(s, "{}- Selon {WRONG}", " ".repeat(2 * (level % 50)));
            s
        }),
        format!("{}Selon {WRONG}{}", "*".repeat(depth), "*".repeat(depth)),
    ];
    for text in &texts {
        check(text, Format::Markdown);
    }
}

#[test]
fn nul_bytes_are_text_and_offsets_stay_exact() {
    let text = format!("\0\0Selon \0{WRONG}\0, non.\0");
    let at = text.find(WRONG).expect("present");
    for format in FORMATS {
        let found = spans(&check(&text, format), "translated-name");
        assert_eq!(found, [Span::new(at, at + WRONG.len())], "{format:?}");
    }
    for format in FORMATS {
        check(&"\0".repeat(1_000_000), format);
    }
}

#[test]
fn only_whitespace_has_no_findings() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\r\n\t \u{a0}\u{202f}\u{3000}\u{2028}",
        "\u{feff}   ",
    ] {
        for format in FORMATS {
            assert!(check(text, format).is_empty(), "{text:?} as {format:?}");
        }
    }
    assert!(check(&" \n".repeat(5_000_000), Format::Text).is_empty());
}

#[test]
fn bidi_marks_and_zero_width_joiners_inside_a_name_are_seen_through() {
    for mark in [
        "\u{200d}", "\u{200b}", "\u{200e}", "\u{202b}", "\u{2066}", "\u{ad}",
    ] {
        let name = format!("Semaine{mark} d’ac{mark}tualités");
        let text = format!("Selon {name}, non.");
        let at = text.find(&name).expect("present");
        for format in FORMATS {
            let found = spans(&check(&text, format), "translated-name");
            assert_eq!(
                found,
                [Span::new(at, at + name.len())],
                "{mark:?} as {format:?}"
            );
        }
    }
}

#[test]
fn nfd_input_has_the_findings_of_nfc_at_offsets_of_the_original() {
    let nfc = format!("Selon {WRONG}, Erevan et Yerevan, Haut-Karabakh et Haut-Karabagh.");
    let nfd = nfc.replace('é', "e\u{301}");
    assert_ne!(nfc, nfd);
    for format in FORMATS {
        let composed = check(&nfc, format);
        let decomposed = check(&nfd, format);
        let rules = |ds: &[Diagnostic]| ds.iter().map(|d| d.rule).collect::<Vec<_>>();
        assert_eq!(rules(&composed), rules(&decomposed), "{format:?}");
        for (c, d) in composed.iter().zip(&decomposed) {
            let same = c.span.slice(&nfc).replace('é', "e\u{301}");
            assert_eq!(d.span.slice(&nfd), same, "{format:?}");
        }
    }
    let wrong_nfd = WRONG.replace('é', "e\u{301}");
    let at = nfd.find(&wrong_nfd).expect("present");
    assert_eq!(
        spans(&check(&nfd, Format::Text), "translated-name"),
        [Span::new(at, at + wrong_nfd.len())]
    );
}

#[test]
fn a_glossary_form_of_punctuation_only_is_rejected_with_its_place() {
    let source = "[[concept]]\nid = \"a\"\nkind = \"term\"\nen = \"A\"\nfr.wrong = [\"?!…\"]\n";
    let errors = parse(source, "g.toml").expect_err("rejected");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["g.toml:5:13: concept `a`: form `?!…` in `fr.wrong` has no letter or digit"]
    );
}

#[test]
fn a_10_mb_glossary_loads_and_matches() {
    let mut source = String::new();
    let mut n = 0;
    while source.len() < 10_000_000 {
        let _ = write!(
            source,
            "[[concept]]\nid = \"c{n}\"\nkind = \"person\"\nen = \"{a} {b}\"\n\
             fr = {{ preferred = \"{a} {b}\", variants = [\"{a} {b}e\"] }}\n\n",
            a = name(n),
            b = name(n + 1_000_000),
        );
        n += 1;
    }
    let glossary = parse(&source, "big.toml").expect("valid");
    let linter = Linter::new(&glossary, Settings::default()).expect("fr");
    let variant = format!("{} {}e", name(n - 1), name(n - 1 + 1_000_000));
    let text = format!("Selon {variant}, non.");
    let diagnostics = linter
        .check(Document::plain(Source {
            name: "a.txt".into(),
            text: text.clone(),
        }))
        .diagnostics;
    assert_eq!(
        spans(&diagnostics, "glossary-variant"),
        [Span::new(6, 6 + variant.len())]
    );
}

#[test]
fn errors_far_apart_in_a_large_glossary_are_all_reported_with_their_places() {
    // Over 1 MB: read and checked in chunks at the same time.
    let mut source = String::new();
    let mut n = 0;
    while source.len() < 2_000_000 {
        let _ = write!(
            source,
            "[[concept]]\nid = \"c{n}\"\nkind = \"organization\"\nen = \"{a} Group\"\n\
             fr = {{ preferred = \"Groupe {a}\", variants = [\"Groupe {a}e\"] }}\n\n",
            a = name(n),
        );
        n += 1;
    }
    // The last concept reuses the first id, and lists the second concept's name as wrong.
    let last = n - 1;
    let source = source
        .replace(&format!("id = \"c{last}\""), "id = \"c0\"")
        .replace(
            &format!("[\"Groupe {}e\"]", name(last)),
            &format!("[\"Groupe {}\"]", name(1)),
        );
    let errors = parse(&source, "big.toml").expect_err("two errors");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let line = 6 * last + 2;
    let wrong = format!("\"Groupe {}\"]", name(1));
    let column = source
        .lines()
        .nth(line + 2)
        .and_then(|l| l.find(&wrong))
        .expect("there")
        + 1;
    assert_eq!(
        messages,
        [
            format!("big.toml:{line}:6: concept id `c0` is already used on line 2"),
            format!(
                "big.toml:{}:{column}: form `Groupe {a}` is wrong in concept `c0` (`fr.variants`) \
                 but right in concept `c1` (`fr.preferred`, big.toml:7)",
                line + 3,
                a = name(1)
            ),
        ]
    );
}

fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_walked_directory_is_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    fs::create_dir(root.join("sub")).expect("mkdir");
    fs::write(root.join("sub/a.txt"), format!("Selon {WRONG}.")).expect("write");
    symlink(root, root.join("sub/loop")).expect("symlink");
    symlink(root.join("self.txt"), root.join("self.txt")).expect("symlink");
    let (files, errors) = walk(root, &WalkOptions::default());
    assert_eq!(files, [root.join("sub/a.txt")]);
    assert!(errors.is_empty(), "{errors:?}");
    mtlint()
        .args(["check", "--format", "concise"])
        .arg(root)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("translated-name"));
}

#[cfg(unix)]
#[test]
fn a_file_gone_between_walking_and_reading_is_a_clear_error() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let kept = root.join("a.txt");
    let gone = root.join("b.txt");
    fs::write(&kept, format!("Selon {WRONG}.")).expect("write");
    fs::write(&gone, "texte").expect("write");
    let (files, _) = walk(root, &WalkOptions::default());
    assert_eq!(files, [kept.clone(), gone.clone()]);
    fs::remove_file(&gone).expect("remove");
    let error = read_path(&gone).expect_err("gone");
    assert_eq!(
        error.to_string(),
        format!("{}: cannot read: no such file", gone.display())
    );
    // The same through the command line, with a dangling link: the other file is checked.
    let dangling = root.join("c.txt");
    symlink(&gone, &dangling).expect("symlink");
    mtlint()
        .args(["check", "--format", "concise"])
        .arg(&kept)
        .arg(&dangling)
        .assert()
        .code(2)
        .stdout(predicates::str::contains("translated-name"))
        .stderr(predicates::str::contains(format!(
            "{}: cannot read: no such file",
            dangling.display()
        )));
}
