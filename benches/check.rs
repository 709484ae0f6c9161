//! Throughput of the whole check (analysis, every rule, finalize) on a French news article
//! written for this bench, repeated to about 1 MB. Run with `cargo bench`.

use divan::counter::BytesCount;
use mtlint::config::Settings;
use mtlint::document::Document;
use mtlint::glossary::default_glossary;
use mtlint::input::Source;
use mtlint::lint::Linter;

fn main() {
    divan::main();
}

/// About 1 MB of French prose: the article repeated.
fn corpus() -> String {
    include_str!("article-fr.txt").repeat(440)
}

#[divan::bench(sample_count = 20)]
fn full_check(bencher: divan::Bencher) {
    let text = corpus();
    let linter =
        Linter::new(&default_glossary(), Settings::default()).expect("supported languages");
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| Source {
            name: "bench.txt".into(),
            text: text.clone(),
        })
        .bench_local_values(|source| linter.check(Document::plain(source)));
}

/// Loading the default glossary: parse the TOML and compile the matcher, derived translations
/// of kept names included.
#[divan::bench(sample_count = 20)]
fn load_default_glossary() -> usize {
    let g = default_glossary();
    mtlint::glossary::GlossaryMatcher::new(
        &g,
        mtlint::glossary::Lang::Fr,
        mtlint::glossary::Lang::En,
    )
    .pattern_count()
}

/// The share of the load spent deriving: parse the lexicon and derive every kept name (the
/// glossary is parsed outside the timing).
#[divan::bench(sample_count = 20)]
fn derive_kept_names(bencher: divan::Bencher) {
    let g = default_glossary();
    let names: Vec<&str> = g
        .concepts
        .iter()
        .filter(|c| c.keep)
        .filter_map(|c| c.right_form(mtlint::glossary::Lang::Fr, mtlint::glossary::Lang::En))
        .collect();
    bencher.bench_local(|| {
        let lexicon = mtlint::glossary::Lexicon::parse(mtlint::glossary::LEXICON_EN_FR)
            .expect("the embedded lexicon is valid");
        names.iter().map(|n| lexicon.derive(n).len()).sum::<usize>()
    });
}

/// Parsing the default glossary alone.
#[divan::bench(sample_count = 20)]
fn parse_default_glossary() -> usize {
    default_glossary().concepts.len()
}
