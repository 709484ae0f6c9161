//! `inconsistent-spelling` at scale: an article with 10,000 distinct capitalized words must be
//! checked in well under a second (names are bucketed, never paired all with all).

use mtlint::config::Settings;
use mtlint::document::Document;
use mtlint::glossary::Glossary;
use mtlint::input::Source;
use mtlint::lint::Linter;

fn main() {
    divan::main();
}

/// A deterministic made-up name: consonant-vowel syllables, capitalized.
fn name(n: u64) -> String {
    const CONSONANTS: &[u8] = b"bcdfgklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5851_F42D_4C95_7F2D;
    let mut s = String::new();
    for k in 0..4 + (n % 3) {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let pool = if k % 2 == 0 { CONSONANTS } else { VOWELS };
        let c = pool[(x >> 33) as usize % pool.len()] as char;
        s.push(if k == 0 { c.to_ascii_uppercase() } else { c });
    }
    s
}

/// An article whose sentences name `count` distinct capitalized words.
fn article(count: usize) -> String {
    let mut names: Vec<String> = Vec::with_capacity(count);
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    while names.len() < count {
        let w = name(n);
        n += 1;
        if seen.insert(w.clone()) {
            names.push(w);
        }
    }
    let mut text = String::with_capacity(count * 24);
    for chunk in names.chunks(4) {
        if let [a, b, c, d] = chunk {
            text.push_str(&format!(
                "Selon {a}, le ministre {b} a rencontré {c} mardi à {d}, où la délégation est restée. "
            ));
        }
    }
    text
}

#[divan::bench(sample_count = 10)]
fn ten_thousand_distinct_names(bencher: divan::Bencher) {
    let text = article(10_000);
    let linter =
        Linter::new(&Glossary::default(), Settings::default()).expect("French is supported");
    bencher.bench(|| {
        linter.check(Document::plain(Source {
            name: "names.txt".into(),
            text: text.clone(),
        }))
    });
}
