//! Baselines: adopt mtlint on an archive without fixing it first. `--write-baseline FILE`
//! records today's findings; `--baseline FILE` then reports only new ones.
//!
//! A finding is recorded by path, rule, flagged text and a few words of context on each side —
//! not by line — so findings stay matched when lines move. Counts matter: if a baseline has two
//! identical findings and the file now has three, one is new.

use crate::lint::FileResult;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// Words of context kept on each side of a finding.
const CONTEXT_WORDS: usize = 3;

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, as given on the command line (with `/` separators).
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The flagged text.
    pub text: String,
    /// A few words around it, whitespace collapsed.
    pub context: String,
}

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// Recorded findings, sorted.
    pub findings: Vec<Entry>,
}

/// A baseline file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineError {
    /// The file.
    pub path: String,
    /// What is wrong, with line and column when JSON is malformed.
    pub message: String,
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path, self.message)
    }
}

impl std::error::Error for BaselineError {}

fn normalize_path(path: &str) -> String {
    path.replace('\\', "/").trim_start_matches("./").to_owned()
}

/// A few words before and after `start..end` on the same line, whitespace collapsed.
fn context(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before: Vec<&str> = text[line_start..start].split_whitespace().collect();
    let after: Vec<&str> = text[end..line_end].split_whitespace().collect();
    let before = &before[before.len().saturating_sub(CONTEXT_WORDS)..];
    let after = &after[..after.len().min(CONTEXT_WORDS)];
    format!("{} … {}", before.join(" "), after.join(" "))
}

fn entries(result: &FileResult) -> impl Iterator<Item = Entry> + '_ {
    result.diagnostics.iter().map(move |d| Entry {
        path: normalize_path(&result.name),
        rule: d.rule.to_owned(),
        text: d.span.slice(&result.text).to_owned(),
        context: context(&result.text, d.span.start, d.span.end),
    })
}

impl Baseline {
    /// Records every finding of a run.
    pub fn of(results: &[FileResult]) -> Baseline {
        let mut findings: Vec<Entry> = results.iter().flat_map(entries).collect();
        findings.sort_by(|a, b| {
            (&a.path, &a.rule, &a.text, &a.context).cmp(&(&b.path, &b.rule, &b.text, &b.context))
        });
        Baseline {
            version: 1,
            findings,
        }
    }

    /// The baseline as JSON text.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("plain data serializes");
        s.push('\n');
        s
    }

    /// Parses a baseline file's content.
    pub fn parse(text: &str, path: &str) -> Result<Baseline, BaselineError> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| BaselineError {
            path: path.to_owned(),
            message: format!(
                "{}:{}: {}",
                e.line(),
                e.column(),
                e.to_string().split(" at line ").next().unwrap_or_default()
            ),
        })?;
        if baseline.version != 1 {
            return Err(BaselineError {
                path: path.to_owned(),
                message: format!(
                    " unsupported baseline version {}; this mtlint writes 1",
                    baseline.version
                ),
            });
        }
        Ok(baseline)
    }

    /// Removes from `results` the findings the baseline records; returns how many.
    pub fn filter(&self, results: &mut [FileResult]) -> usize {
        let mut budget: HashMap<&Entry, usize> = HashMap::new();
        for e in &self.findings {
            *budget.entry(e).or_default() += 1;
        }
        let mut removed = 0;
        for r in results.iter_mut() {
            let keep: Vec<bool> = entries(r)
                .map(|e| match budget.get_mut(&e) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                })
                .collect();
            let mut keep = keep.into_iter();
            let before = r.diagnostics.len();
            r.diagnostics.retain(|_| keep.next().unwrap_or(true));
            removed += before - r.diagnostics.len();
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::document::Document;
    use crate::glossary::parse;
    use crate::input::Source;
    use crate::lint::Linter;

    fn check(text: &str) -> Vec<FileResult> {
        let g = parse(
            "[[concept]]\nid = \"n\"\nkind = \"outlet\"\nkeep = true\nen = \"Newsweek\"\nfr.wrong = [\"Semaine d'actualités\"]\n",
            "t.toml",
        )
        .unwrap();
        let linter = Linter::new(&g, Settings::default()).unwrap();
        vec![linter.check(Document::plain(Source {
            name: "./a.txt".into(),
            text: text.into(),
        }))]
    }

    #[test]
    fn round_trip_and_robust_to_moved_lines() {
        let old = "Titre\n\nSelon Semaine d’actualités, oui.\n";
        let baseline = Baseline::of(&check(old));
        assert_eq!(baseline.findings[0].path, "a.txt");
        assert_eq!(baseline.findings[0].context, "Selon … , oui.");
        let parsed = Baseline::parse(&baseline.to_json(), "b.json").unwrap();
        assert_eq!(parsed, baseline);
        // Lines added above: still matched. A second occurrence elsewhere: new.
        let new = "Un chapeau.\nTitre\n\nSelon Semaine d’actualités, oui.\nMais Semaine d’actualités encore.\n";
        let mut results = check(new);
        assert_eq!(parsed.filter(&mut results), 1);
        assert_eq!(results[0].diagnostics.len(), 1);
        assert_eq!(
            results[0].diagnostics[0].span.slice(new),
            "Semaine d’actualités"
        );
        assert!(new[results[0].diagnostics[0].span.end..].starts_with(" encore"));
    }

    #[test]
    fn bad_files_are_reported_with_their_place() {
        let err = Baseline::parse("{\"version\": 1,\n \"findings\": [}", "b.json").unwrap_err();
        assert!(err.to_string().starts_with("b.json:2:15: "), "{err}");
        let err = Baseline::parse("{\"version\": 2, \"findings\": []}", "b.json").unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.json: unsupported baseline version 2; this mtlint writes 1"
        );
    }
}
