//! A 100 MB JSON Lines stream through `mtlint check --jsonl`'s engine: throughput, and peak
//! memory before and after to show that streaming keeps it flat.
//!
//! Run with `cargo bench --bench jsonl_stream`. The stream is generated on the fly (never held
//! in memory) from article templates of our own; results go to a sink that only counts lines.

use mtlint::config::Settings;
use mtlint::glossary::default_glossary;
use mtlint::jsonl::JsonlRunner;
use std::io::{self, BufRead, Read, Write};
use std::time::Instant;

/// Paragraphs of our own, with the mistakes mtlint looks for and plenty of clean prose.
const PARAGRAPHS: &[&str] = &[
    "Le Premier ministre arménien Nikol Pashinyan a critiqué mardi l’Organisation du traité de sécurité collective (OTSC), selon l’agence Reuters.",
    "Semaine d’actualités a contacté le ministère russe des Affaires étrangères, qui n’a pas répondu à nos questions.",
    "Le Kazakhstan et le Kirghizistan siègent aussi à l’OTS [the Organization of Turkic States], une organisation qui soutient l’Azerbaïdjan.",
    "Depuis la fin des combats au Haut-Karabakh, plus de 100 000 personnes ont quitté la région pour rejoindre Erevan.",
    "Le Journal de Wall Street rapporte que des diplomates envisagent une médiation entre les deux pays voisins.",
    "Les autorités locales ont annoncé la réouverture des écoles et des commerces dès la semaine prochaine.",
    "Selon un chercheur du Hudson Institute interrogé par POLITICO, le week-end a été marqué par des manifestations.",
];

/// Generates `target` bytes of JSON Lines records, one article per line.
struct Stream {
    produced: usize,
    target: usize,
    next: usize,
    line: Vec<u8>,
    at: usize,
}

impl Stream {
    fn new(target: usize) -> Stream {
        Stream {
            produced: 0,
            target,
            next: 0,
            line: Vec::new(),
            at: 0,
        }
    }

    fn refill(&mut self) {
        let n = self.next;
        self.next += 1;
        let mut text = String::new();
        for i in 0..12 {
            text.push_str(PARAGRAPHS[(n * 7 + i * 3) % PARAGRAPHS.len()]);
            text.push_str("\n\n");
        }
        let record = serde_json::json!({"id": n, "text": text, "format": "txt", "lang": "fr"});
        self.line = format!("{record}\n").into_bytes();
        self.at = 0;
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at == self.line.len() {
            if self.produced >= self.target {
                return Ok(0);
            }
            self.refill();
        }
        let n = buf.len().min(self.line.len() - self.at);
        buf[..n].copy_from_slice(&self.line[self.at..self.at + n]);
        self.at += n;
        self.produced += n;
        Ok(n)
    }
}

/// Counts result lines without keeping them.
#[derive(Default)]
struct CountingSink {
    lines: usize,
    bytes: usize,
}

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.lines += buf.iter().filter(|&&b| b == b'\n').count();
        self.bytes += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Peak resident memory of this process so far, in MiB (Linux), from /proc/self/status.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn run(bytes: usize) -> (f64, usize, CountingSink) {
    let glossary = default_glossary();
    let mut runner = JsonlRunner::new(&glossary, Settings::default());
    let input: Box<dyn BufRead> =
        Box::new(io::BufReader::with_capacity(1 << 16, Stream::new(bytes)));
    let mut sink = CountingSink::default();
    let start = Instant::now();
    let summary = runner.run(input, &mut sink).expect("in-memory I/O");
    (start.elapsed().as_secs_f64(), summary.records, sink)
}

fn main() {
    // Filtering arguments from `cargo bench` are accepted and ignored.
    let size_mb: usize = std::env::var("MTLINT_BENCH_JSONL_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let (_, _, _) = run(1 << 20); // warm up: glossary compiled, allocator settled
    let before = peak_rss_mib();
    let (seconds, records, sink) = run(size_mb << 20);
    let after = peak_rss_mib();
    let mb = (size_mb << 20) as f64 / 1e6;
    println!(
        "jsonl_stream: {size_mb} MiB in, {records} records, {} result lines ({:.1} MB out)",
        sink.lines,
        sink.bytes as f64 / 1e6
    );
    println!(
        "jsonl_stream: {seconds:.2} s, {:.1} MB/s on one core",
        mb / seconds
    );
    match (before, after) {
        (Some(b), Some(a)) => println!("jsonl_stream: peak RSS {b:.1} MiB after a 1 MiB warm-up, {a:.1} MiB after {size_mb} MiB"),
        _ => println!("jsonl_stream: peak RSS not available on this platform"),
    }
}
