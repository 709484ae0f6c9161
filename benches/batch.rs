//! A newsroom repository in CI: 10,000 generated articles (~50 MB) in a directory tree, checked
//! by the release binary with 1 and with 2 threads. Prints wall time and peak memory.
//!
//! Run with `cargo bench --bench batch` (it builds the release binary first if needed).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Sentences of our own: right and wrong names, elisions, English leftovers, clean prose.
const SENTENCES: &[&str] = &[
    "Le Premier ministre arménien Nikol Pashinyan a critiqué mardi l’Organisation du traité de sécurité collective (OTSC).",
    "Semaine d’actualités a contacté le ministère russe des Affaires étrangères, qui n’a pas répondu.",
    "Le Kazakhstan et le Kirghizistan siègent aussi à l’OTS [the Organization of Turkic States].",
    "Depuis la fin des combats au Haut-Karabakh, plus de 100 000 personnes ont quitté la région.",
    "Le Journal de Wall Street rapporte que des diplomates envisagent une médiation.",
    "Les autorités locales ont annoncé la réouverture des écoles et des commerces dès lundi.",
    "Selon un chercheur du Hudson Institute interrogé par POLITICO, le week-end a été agité.",
    "La mairie a présenté son budget pour l’année prochaine, en hausse de 3 % sur un an.",
    "Les travaux du tramway reprendront la semaine prochaine entre la gare et le centre-ville.",
    "Le club a remporté son troisième match d’affilée grâce à un but dans les arrêts de jeu.",
    "Les syndicats appellent à une nouvelle journée de mobilisation à la fin du mois.",
    "Le président a reçu son homologue à l’Élysée pour évoquer la situation au Proche-Orient.",
];

fn article(n: usize) -> String {
    let mut text = format!("Dépêche numéro {n}\n\n");
    let mut i = n;
    while text.len() < 5_000 {
        i = i.wrapping_mul(2_654_435_761).wrapping_add(12_345) % 1_000_003;
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push(if i % 3 == 0 { '\n' } else { ' ' });
        if i % 5 == 0 {
            text.push('\n');
        }
    }
    text
}

fn generate(root: &Path) -> usize {
    let mut bytes = 0;
    for n in 0..10_000 {
        let dir = root.join(format!("section-{:02}", n / 100));
        if n % 100 == 0 {
            fs::create_dir_all(&dir).expect("create a directory");
        }
        let text = article(n);
        bytes += text.len();
        fs::write(dir.join(format!("article-{n:05}.txt")), text).expect("write an article");
    }
    bytes
}

fn binary() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--bin", "mtlint"])
        .current_dir(root)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "release build failed");
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    target.join("release").join("mtlint")
}

/// Runs the binary and returns (seconds, peak RSS in MiB) of that child alone. The child is
/// reaped by `wait4`, which also reports its own resource usage.
#[allow(clippy::zombie_processes)]
fn run(binary: &Path, dir: &Path, threads: usize) -> (f64, f64) {
    let start = Instant::now();
    let child = Command::new(binary)
        .args(["check", "--format", "concise", "--fail-on", "never"])
        .arg(dir)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("mtlint starts");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; both pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    let seconds = start.elapsed().as_secs_f64();
    // Linux reports ru_maxrss in KiB.
    (seconds, usage.ru_maxrss as f64 / 1024.0)
}

fn main() {
    let binary = binary();
    let dir = tempfile::tempdir().expect("temporary directory");
    let bytes = generate(dir.path());
    println!(
        "batch: 10000 articles, {:.1} MB, in 100 directories",
        bytes as f64 / 1e6
    );
    for threads in [1, 2] {
        let _ = run(&binary, dir.path(), threads); // warm the page cache
        let (seconds, rss) = run(&binary, dir.path(), threads);
        println!(
            "batch: {threads} thread{}: {seconds:.2} s wall, {:.0} MB/s, peak RSS {rss:.0} MiB",
            if threads == 1 { "" } else { "s" },
            bytes as f64 / 1e6 / seconds
        );
    }
}
