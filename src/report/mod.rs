//! Editorial review reports: one self-contained HTML page, or Markdown for a pull-request
//! comment, over a batch of checked articles. This module builds the batch's model (scores,
//! counts, suggested changes, the spelling table); [`render_html`] and [`render_markdown`]
//! lay it out. Nothing here reads files or prints: the CLI reads and checks the inputs as
//! `mtlint check` does, and writes the report.
//!
//! # Quality score
//!
//! Each finding is given an MQM severity from its rule and severity
//! ([`score::MqmSeverity::of`]): an `error` of `translated-name` is *critical* (the reader
//! meets a publication or organisation that does not exist), any other `error` is *major*,
//! a `warning` *minor*, an `info` *neutral*. Each level costs penalty points (weights,
//! default `minor=1,major=5,critical=10`, neutral 0), and
//!
//! ```text
//! score = max(0, 100 − penalty points × 1000 / words)
//! ```
//!
//! An article passes when its score reaches the pass threshold (default 90). An article of
//! zero words scores 100 without findings and 0 with any. The batch score is the same formula
//! over all findings and all words. Weights and threshold come from `--weights` and
//! `--pass-threshold`.
//!
//! # Decisions file
//!
//! The HTML page lets a reviewer tick suggested fixes and export the decisions as JSON, which
//! `mtlint report --apply-decisions FILE` applies to the source files ([`decisions`]):
//!
//! ```json
//! { "version": 1, "generator": "mtlint report",
//!   "files": [ { "path": "articles/a.txt",
//!       "decisions": [ { "rule": "translated-name",
//!           "span": { "start": 2098, "end": 2121 }, "text": "Semaine d’actualités",
//!           "fix": 0,
//!           "edits": [ { "start": 2098, "end": 2121, "original": "Semaine d’actualités",
//!                        "replacement": "Newsweek" } ] } ] } ] }
//! ```
//! `path` is the article's name as given to `mtlint report` (relative paths are relative to
//! the directory it ran in); `span` and `text` are the finding's bytes and their text; `fix`
//! is the index of the chosen fix among the finding's fixes; each edit carries its byte range
//! in the original file, the text it replaces (`original`) and its `replacement`. Offsets are
//! UTF-8 byte offsets into the file as it was when the report was made; applying refuses a
//! file whose text at any span has changed since.

mod chart;
pub mod decisions;
pub mod diff;
mod html;
mod markdown;
pub mod score;
pub mod spelling;

pub use html::render_html;
pub use markdown::render_markdown;

use crate::checks;
use crate::lint::FileResult;
use diff::SuggestedChanges;
use score::{Score, Scoring};
use spelling::SpellingGroup;

/// The family of findings of unknown rules.
pub const OTHER_FAMILY: &str = "other";

/// What a report is built with.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    /// The page's title.
    pub title: String,
    /// How articles are scored.
    pub scoring: Scoring,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions {
            title: "mtlint review report".to_owned(),
            scoring: Scoring::default(),
        }
    }
}

/// One article of the batch, with what the report says of it.
#[derive(Debug)]
pub struct Article<'r> {
    /// Its position in the batch as given (anchors and decisions use it).
    pub index: usize,
    /// The checked article.
    pub result: &'r FileResult,
    /// Its quality score.
    pub score: Score,
    /// Findings per family, aligned with [`Report::families`].
    pub by_family: Vec<usize>,
    /// The default fix of every finding, applied together.
    pub changes: SuggestedChanges,
}

/// A batch report: articles worst first, totals, the spelling table.
#[derive(Debug)]
pub struct Report<'r> {
    /// The page's title.
    pub title: String,
    /// How articles were scored.
    pub scoring: Scoring,
    /// The rule families with findings in the batch, in registry order (then
    /// [`OTHER_FAMILY`]).
    pub families: Vec<&'static str>,
    /// The articles, lowest score first (then most penalty points, then by name).
    pub articles: Vec<Article<'r>>,
    /// The batch as a whole: all findings over all words.
    pub batch: Score,
    /// Findings per rule over the batch, most frequent first: `(rule, family, count)`.
    pub by_rule: Vec<(&'static str, &'static str, usize)>,
    /// Names spelled differently across the batch.
    pub spellings: Vec<SpellingGroup>,
}

/// Every rule family of the registry, in order, then [`OTHER_FAMILY`].
pub fn all_families() -> Vec<&'static str> {
    let mut families: Vec<&'static str> = Vec::new();
    for rule in checks::rules() {
        if !families.contains(&rule.family) {
            families.push(rule.family);
        }
    }
    families.push(OTHER_FAMILY);
    families
}

/// The family of a rule: its registry family, or [`OTHER_FAMILY`].
pub fn family_of(rule: &str) -> &'static str {
    checks::rule(rule).map_or(OTHER_FAMILY, |r| r.family)
}

impl<'r> Report<'r> {
    /// Builds the report of checked articles (in batch order).
    pub fn build(results: &'r [FileResult], options: &ReportOptions) -> Report<'r> {
        let mut families: Vec<&'static str> = Vec::new();
        for family in all_families() {
            let present = results
                .iter()
                .flat_map(|r| &r.diagnostics)
                .any(|d| family_of(d.rule) == family);
            if present {
                families.push(family);
            }
        }
        let scoring = options.scoring;
        let mut by_rule: Vec<(&'static str, &'static str, usize)> = Vec::new();
        let mut counts = [0; 4];
        let mut penalty = 0.0;
        let mut words = 0;
        let mut articles: Vec<Article<'r>> = results
            .iter()
            .enumerate()
            .map(|(index, result)| {
                let score = scoring.score(&result.diagnostics, result.words);
                let mut by_family = vec![0; families.len()];
                for d in &result.diagnostics {
                    let family = family_of(d.rule);
                    if let Some(i) = families.iter().position(|f| *f == family) {
                        by_family[i] += 1;
                    }
                    match by_rule.iter_mut().find(|(rule, _, _)| *rule == d.rule) {
                        Some(entry) => entry.2 += 1,
                        None => by_rule.push((d.rule, family, 1)),
                    }
                }
                for (total, n) in counts.iter_mut().zip(score.counts) {
                    *total += n;
                }
                penalty += score.penalty;
                words += result.words;
                Article {
                    index,
                    result,
                    score,
                    by_family,
                    changes: diff::suggested_changes(&result.text, &result.diagnostics),
                }
            })
            .collect();
        articles.sort_by(|a, b| {
            a.score
                .value
                .total_cmp(&b.score.value)
                .then(b.score.penalty.total_cmp(&a.score.penalty))
                .then(a.result.name.cmp(&b.result.name))
                .then(a.index.cmp(&b.index))
        });
        by_rule.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        Report {
            title: options.title.clone(),
            scoring,
            batch: scoring.from_penalty(counts, penalty, words),
            families,
            articles,
            by_rule,
            spellings: spelling::spelling_groups(results),
        }
    }

    /// Number of findings in the batch.
    pub fn findings(&self) -> usize {
        self.articles
            .iter()
            .map(|a| a.result.diagnostics.len())
            .sum()
    }

    /// Number of articles that pass.
    pub fn passing(&self) -> usize {
        self.articles.iter().filter(|a| a.score.passes).count()
    }

    /// The article at a batch position.
    pub fn article(&self, index: usize) -> Option<&Article<'r>> {
        self.articles.iter().find(|a| a.index == index)
    }
}

/// A score for display: one decimal, no `-0.0`.
pub fn format_score(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0 + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::document::Document;
    use crate::glossary::parse;
    use crate::input::Source;
    use crate::lint::Linter;

    pub(super) const GLOSSARY: &str = r#"
[[concept]]
id = "newsweek"
kind = "outlet"
keep = true
en = "Newsweek"
fr.wrong = ["Semaine d'actualités"]

[[concept]]
id = "pashinyan"
kind = "person"
en = "Nikol Pashinyan"
fr = { preferred = "Nikol Pachinian", variants = ["Nikol Pashinyan"] }
"#;

    pub(super) fn check(articles: &[(&str, &str)]) -> Vec<FileResult> {
        let glossary = parse(GLOSSARY, "test.toml").expect("valid glossary");
        let linter = Linter::new(&glossary, Settings::default()).expect("fr/en");
        articles
            .iter()
            .map(|(name, text)| {
                linter.check(Document::plain(Source {
                    name: (*name).into(),
                    text: (*text).into(),
                }))
            })
            .collect()
    }

    #[test]
    fn articles_are_sorted_worst_first_with_counts_per_family() {
        let results = check(&[
            (
                "clean.txt",
                "Le Premier ministre Nikol Pachinian a parlé longuement hier.",
            ),
            (
                "minor.txt",
                "Pashinyan a parlé. Puis il est parti vers le sud du pays en voiture.",
            ),
            ("worst.txt", "Semaine d’actualités a contacté Pashinyan."),
        ]);
        let report = Report::build(&results, &ReportOptions::default());
        let names: Vec<_> = report
            .articles
            .iter()
            .map(|a| a.result.name.as_str())
            .collect();
        assert_eq!(names, ["worst.txt", "minor.txt", "clean.txt"]);
        let worst = &report.articles[0];
        assert_eq!(worst.index, 2);
        assert_eq!(worst.score.value, 0.0);
        assert!(!worst.score.passes);
        let glossary = report
            .families
            .iter()
            .position(|f| *f == "glossary")
            .unwrap();
        assert_eq!(worst.by_family[glossary], 2);
        assert_eq!(worst.changes.edits.len(), 2);
        assert_eq!(report.findings(), 3);
        assert_eq!(report.passing(), 1);
        assert_eq!(report.by_rule[0], ("glossary-variant", "glossary", 2));
        assert_eq!(report.spellings.len(), 1);
        assert_eq!(format_score(-0.0), "0.0");
        assert_eq!(format_score(99.96), "100.0");
    }
}
