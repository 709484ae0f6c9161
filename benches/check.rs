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
