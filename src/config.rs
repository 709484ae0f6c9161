//! Settings of a run: languages, failure threshold and rule options. Built from the command
//! line today; `mtlint.toml` discovery merges into the same struct.

use crate::diagnostic::Severity;
use crate::glossary::Lang;

/// From which severity a finding fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    /// Fail on findings at or above this severity.
    Severity(Severity),
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// True when a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Severity(min) => severity >= min,
            FailOn::Never => false,
        }
    }
}

/// Where the forms of a name are pooled for the consistency check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ConsistencyScope {
    /// Each file on its own.
    #[default]
    File,
    /// All files of the run together.
    Batch,
}

/// Everything a run needs to know besides its inputs and glossary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The language of the text being checked.
    pub target: Lang,
    /// The language it was translated from.
    pub source: Lang,
    /// Exit code threshold.
    pub fail_on: FailOn,
    /// Pooling of spellings.
    pub consistency_scope: ConsistencyScope,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            target: Lang::Fr,
            source: Lang::En,
            fail_on: FailOn::Severity(Severity::Error),
            consistency_scope: ConsistencyScope::File,
        }
    }
}
