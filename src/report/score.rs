//! The MQM-style quality score of an article: each finding costs penalty points by its MQM
//! severity, and the points are normalised per 1,000 words.
//!
//! ```text
//! penalty(finding) = weight[mqm_severity(rule, severity)]
//! score(article)   = max(0, 100 − Σ penalty × 1000 / words)
//! passes           = score ≥ pass threshold
//! ```
//! An article of zero words scores 100 without findings and 0 with any. This module only
//! computes; it does not read options or render.

use crate::diagnostic::{Diagnostic, Severity};
use std::fmt;
use std::str::FromStr;

/// The MQM severity levels a finding is mapped to. Ordered by seriousness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MqmSeverity {
    /// Noted, costs nothing by default (mtlint's `info` findings).
    Neutral,
    /// Hurts style or consistency; the meaning is intact.
    Minor,
    /// Hurts understanding or house rules: a wrong term, a leftover in the source language.
    Major,
    /// Misinforms the reader: a name that must stay as it is was translated into something
    /// that does not exist.
    Critical,
}

impl MqmSeverity {
    /// Every level, from the most serious down.
    pub const ALL: [MqmSeverity; 4] = [
        MqmSeverity::Critical,
        MqmSeverity::Major,
        MqmSeverity::Minor,
        MqmSeverity::Neutral,
    ];

    /// The lowercase name, as in `--weights`.
    pub fn as_str(self) -> &'static str {
        match self {
            MqmSeverity::Neutral => "neutral",
            MqmSeverity::Minor => "minor",
            MqmSeverity::Major => "major",
            MqmSeverity::Critical => "critical",
        }
    }

    /// The level a finding counts as. Rules whose mistake misinforms are raised: an `error` of
    /// `translated-name` is critical. Otherwise `error` is major, `warning` minor and `info`
    /// neutral; a rule shown at a lower severity by configuration stays at that level.
    pub fn of(rule: &str, severity: Severity) -> MqmSeverity {
        match (rule, severity) {
            ("translated-name", Severity::Error) => MqmSeverity::Critical,
            (_, Severity::Error) => MqmSeverity::Major,
            (_, Severity::Warning) => MqmSeverity::Minor,
            (_, Severity::Info) => MqmSeverity::Neutral,
        }
    }
}

impl fmt::Display for MqmSeverity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Penalty points per finding, by MQM severity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Points of a neutral finding (default 0).
    pub neutral: f64,
    /// Points of a minor finding (default 1).
    pub minor: f64,
    /// Points of a major finding (default 5).
    pub major: f64,
    /// Points of a critical finding (default 10).
    pub critical: f64,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            neutral: 0.0,
            minor: 1.0,
            major: 5.0,
            critical: 10.0,
        }
    }
}

impl Weights {
    /// The points of one finding of this level.
    pub fn of(&self, level: MqmSeverity) -> f64 {
        match level {
            MqmSeverity::Neutral => self.neutral,
            MqmSeverity::Minor => self.minor,
            MqmSeverity::Major => self.major,
            MqmSeverity::Critical => self.critical,
        }
    }

    fn set(&mut self, level: MqmSeverity, points: f64) {
        match level {
            MqmSeverity::Neutral => self.neutral = points,
            MqmSeverity::Minor => self.minor = points,
            MqmSeverity::Major => self.major = points,
            MqmSeverity::Critical => self.critical = points,
        }
    }
}

impl fmt::Display for Weights {
    /// `minor=1,major=5,critical=10` (and `neutral=…` when it costs something).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "minor={},major={},critical={}",
            self.minor, self.major, self.critical
        )?;
        if self.neutral != 0.0 {
            write!(f, ",neutral={}", self.neutral)?;
        }
        Ok(())
    }
}

/// Why a `--weights` value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeightsError(String);

impl fmt::Display for WeightsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WeightsError {}

impl FromStr for Weights {
    type Err = WeightsError;

    /// Parses `minor=1,major=5,critical=10`; levels not named keep their default.
    fn from_str(s: &str) -> Result<Weights, WeightsError> {
        let mut weights = Weights::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((name, value)) = part.split_once('=') else {
                return Err(WeightsError(format!(
                    "`{part}` is not LEVEL=POINTS (e.g. `major=5`)"
                )));
            };
            let name = name.trim();
            let level = MqmSeverity::ALL
                .into_iter()
                .find(|l| l.as_str().eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    WeightsError(format!(
                        "unknown severity `{name}`; known: critical, major, minor, neutral"
                    ))
                })?;
            let points: f64 = value.trim().parse().map_err(|_| {
                WeightsError(format!("`{}` is not a number of points", value.trim()))
            })?;
            if !points.is_finite() || points < 0.0 {
                return Err(WeightsError(format!(
                    "the points of `{name}` must be zero or more, not `{}`",
                    value.trim()
                )));
            }
            weights.set(level, points);
        }
        Ok(weights)
    }
}

/// How articles are scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scoring {
    /// Points per finding.
    pub weights: Weights,
    /// The lowest passing score, 0 to 100 (default 90).
    pub pass_threshold: f64,
}

impl Default for Scoring {
    fn default() -> Scoring {
        Scoring {
            weights: Weights::default(),
            pass_threshold: 90.0,
        }
    }
}

/// An article's score and what it is made of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// Findings per MQM level, indexed like [`MqmSeverity::ALL`] (critical first).
    pub counts: [usize; 4],
    /// Total penalty points.
    pub penalty: f64,
    /// Words of prose.
    pub words: usize,
    /// `max(0, 100 − penalty × 1000 / words)`.
    pub value: f64,
    /// True when `value` reaches the pass threshold.
    pub passes: bool,
}

impl Score {
    /// The number of findings of one level.
    pub fn count(&self, level: MqmSeverity) -> usize {
        let i = MqmSeverity::ALL
            .iter()
            .position(|&l| l == level)
            .expect("every level is in ALL");
        self.counts[i]
    }
}

impl Scoring {
    /// Scores findings over `words` words of prose.
    pub fn score<'a>(
        &self,
        diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
        words: usize,
    ) -> Score {
        let mut counts = [0; 4];
        let mut penalty = 0.0;
        for d in diagnostics {
            let level = MqmSeverity::of(d.rule, d.severity);
            if let Some(i) = MqmSeverity::ALL.iter().position(|&l| l == level) {
                counts[i] += 1;
            }
            penalty += self.weights.of(level);
        }
        self.from_penalty(counts, penalty, words)
    }

    /// The score of a known penalty (used for the batch as a whole).
    pub fn from_penalty(&self, counts: [usize; 4], penalty: f64, words: usize) -> Score {
        let value = if words == 0 {
            if penalty > 0.0 {
                0.0
            } else {
                100.0
            }
        } else {
            (100.0 - penalty * 1000.0 / words as f64).max(0.0)
        };
        Score {
            counts,
            penalty,
            words,
            value,
            passes: value >= self.pass_threshold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;

    fn d(rule: &'static str, severity: Severity) -> Diagnostic {
        Diagnostic::new(rule, severity, Span::new(0, 1), "m")
    }

    #[test]
    fn translated_names_are_critical_errors_major_warnings_minor() {
        assert_eq!(
            MqmSeverity::of("translated-name", Severity::Error),
            MqmSeverity::Critical
        );
        assert_eq!(
            MqmSeverity::of("translated-name", Severity::Warning),
            MqmSeverity::Minor
        );
        assert_eq!(
            MqmSeverity::of("wrong-term", Severity::Error),
            MqmSeverity::Major
        );
        assert_eq!(
            MqmSeverity::of("glossary-variant", Severity::Warning),
            MqmSeverity::Minor
        );
        assert_eq!(
            MqmSeverity::of("anything", Severity::Info),
            MqmSeverity::Neutral
        );
    }

    #[test]
    fn score_is_penalty_per_thousand_words_floored_at_zero() {
        let scoring = Scoring::default();
        let findings = [
            d("translated-name", Severity::Error),
            d("wrong-term", Severity::Error),
            d("glossary-variant", Severity::Warning),
        ];
        // 10 + 5 + 1 = 16 points over 800 words: 100 − 16 × 1000 / 800 = 80.
        let s = scoring.score(&findings, 800);
        assert_eq!(s.penalty, 16.0);
        assert_eq!(s.value, 80.0);
        assert!(!s.passes);
        assert_eq!(s.count(MqmSeverity::Critical), 1);
        assert_eq!(s.count(MqmSeverity::Minor), 1);
        // Many findings in a short text: floored at zero.
        assert_eq!(scoring.score(&findings, 50).value, 0.0);
        // No words: 100 without findings, 0 with.
        assert_eq!(scoring.score(&[], 0).value, 100.0);
        assert_eq!(scoring.score(&findings, 0).value, 0.0);
        let one_minor = scoring.score(&findings[2..], 1000);
        assert_eq!(one_minor.value, 99.0);
        assert!(one_minor.passes);
    }

    #[test]
    fn weights_parse_with_defaults_and_clear_errors() {
        let w: Weights = "major=4, critical=25".parse().unwrap();
        assert_eq!(w.major, 4.0);
        assert_eq!(w.critical, 25.0);
        assert_eq!(w.minor, 1.0);
        assert_eq!(w.to_string(), "minor=1,major=4,critical=25");
        assert_eq!(
            "huge=3".parse::<Weights>().unwrap_err().to_string(),
            "unknown severity `huge`; known: critical, major, minor, neutral"
        );
        assert_eq!(
            "major".parse::<Weights>().unwrap_err().to_string(),
            "`major` is not LEVEL=POINTS (e.g. `major=5`)"
        );
        assert_eq!(
            "minor=x".parse::<Weights>().unwrap_err().to_string(),
            "`x` is not a number of points"
        );
        assert!("minor=-1".parse::<Weights>().is_err());
        assert!("minor=NaN".parse::<Weights>().is_err());
    }
}
