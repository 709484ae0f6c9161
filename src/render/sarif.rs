//! `--format sarif`: SARIF 2.1.0, the format code-scanning services read (GitHub code scanning
//! through `github/codeql-action/upload-sarif`, Azure DevOps, IDE viewers).
//!
//! One run: the tool with every rule's metadata and documentation, one artifact per file
//! checked, one result per finding with its region, a stable fingerprint, the related places
//! and the fixes as `artifactChanges`. Regions give 1-based lines and columns — columns count
//! Unicode code points (`columnKind: unicodeCodePoints`), like every other mtlint format — and
//! the same region again as `byteOffset`/`byteLength` into the file's bytes, the offsets mtlint
//! works with. This module only renders: it neither filters findings nor decides exit codes.

use super::fingerprint::{Fingerprinter, FINGERPRINT_KEY};
use super::LineIndex;
use crate::checks::{self, Rule};
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::lint::FileResult;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The schema the output conforms to (the OASIS standard with its errata).
const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base a relative artifact URI is resolved against: the directory mtlint ran in, which
/// is the repository root in CI. Code-scanning uploaders fill it in.
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<RuleDescriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Text<'a>>,
    default_configuration: Configuration,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<RuleProperties<'a>>,
}

/// A SARIF message: plain text, and optionally the same in Markdown.
#[derive(Serialize)]
struct Text<'a> {
    text: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<&'a str>,
}

impl<'a> Text<'a> {
    fn plain(text: impl Into<Cow<'a, str>>) -> Text<'a> {
        Text {
            text: text.into(),
            markdown: None,
        }
    }
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    tags: [&'a str; 1],
}

#[derive(Serialize)]
struct Artifact {
    location: ArtifactLocation,
    length: usize,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

/// A region given twice, as SARIF allows when both describe the same bytes: 1-based lines and
/// code-point columns (end column exclusive), and byte offset and length.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<'a>,
    artifact_changes: [ArtifactChange<'a>; 1],
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    applicability: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region<'a>,
    inserted_content: Text<'a>,
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The body of a Markdown section (`## heading` up to the next `## `), trimmed.
fn section<'d>(doc: &'d str, heading: &str) -> Option<&'d str> {
    let start = doc.find(heading)? + heading.len();
    let body = &doc[start..];
    let end = body.find("\n## ").unwrap_or(body.len());
    Some(body[..end].trim()).filter(|s| !s.is_empty())
}

/// Markdown prose as plain text: the lines of each paragraph joined with spaces.
fn unwrap_lines(markdown: &str) -> String {
    markdown
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn rule_descriptor(rule: &'static Rule) -> RuleDescriptor<'static> {
    RuleDescriptor {
        id: rule.id,
        short_description: Some(Text::plain(rule.summary)),
        full_description: Some(Text::plain(unwrap_lines(
            section(rule.doc, "## What it does").unwrap_or(rule.summary),
        ))),
        help: Some(Text {
            text: Cow::Borrowed(rule.doc),
            markdown: Some(rule.doc),
        }),
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: Some(RuleProperties {
            tags: [rule.family],
        }),
    }
}

/// Percent-encodes everything in a path but unreserved characters and `/`, so that any file
/// name (spaces, accents, `#`, a colon that would read as a URI scheme) is a valid URI path.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The artifact location of a file name as the user gave it: a relative path stays relative
/// (resolved against `%SRCROOT%`, without a leading `./`); an absolute path (`/…`, or `C:\…` on
/// Windows) becomes a `file:` URI.
fn artifact_location(name: &str) -> ArtifactLocation {
    let name = if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.to_owned()
    };
    let bytes = name.as_bytes();
    let windows_drive = cfg!(windows)
        && bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && bytes[2] == b'/';
    if name.starts_with('/') {
        return ArtifactLocation {
            uri: format!("file://{}", percent_encode(&name)),
            uri_base_id: None,
            index: None,
        };
    }
    if windows_drive {
        return ArtifactLocation {
            uri: format!("file:///{}:{}", &name[..1], percent_encode(&name[2..])),
            uri_base_id: None,
            index: None,
        };
    }
    let mut relative = name.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest.trim_start_matches('/');
    }
    ArtifactLocation {
        uri: percent_encode(relative),
        uri_base_id: Some(SRCROOT),
        index: None,
    }
}

/// Renders the results of one file: its line index, text and artifact location.
struct FileRenderer<'a> {
    index: LineIndex<'a>,
    text: &'a str,
    location: ArtifactLocation,
}

impl<'a> FileRenderer<'a> {
    fn region(&self, span: Span, snippet: bool) -> Region<'a> {
        let start = self.index.position(span.start);
        let end = self.index.position(span.end);
        Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
            byte_offset: span.start,
            byte_length: span.len(),
            snippet: snippet.then(|| Text::plain(span.slice(self.text))),
        }
    }

    fn location(&self, span: Span) -> Location<'a> {
        Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: self.location.clone(),
                region: self.region(span, true),
            },
            message: None,
        }
    }

    fn fix(&self, fix: &'a Fix) -> SarifFix<'a> {
        SarifFix {
            description: Text::plain(&fix.message),
            artifact_changes: [ArtifactChange {
                artifact_location: self.location.clone(),
                replacements: fix
                    .edits
                    .iter()
                    .map(|e| Replacement {
                        deleted_region: self.region(e.span, false),
                        inserted_content: Text::plain(&e.replacement),
                    })
                    .collect(),
            }],
            properties: FixProperties {
                applicability: fix.applicability.as_str(),
            },
        }
    }

    fn result(&self, d: &'a Diagnostic, rule_index: usize, fingerprint: String) -> SarifResult<'a> {
        SarifResult {
            rule_id: d.rule,
            rule_index,
            level: level(d.severity),
            message: Text::plain(&d.message),
            locations: [self.location(d.span)],
            partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint)]),
            related_locations: d
                .related
                .iter()
                .enumerate()
                .map(|(i, (span, message))| Location {
                    id: Some(i + 1),
                    message: Some(Text::plain(message)),
                    ..self.location(*span)
                })
                .collect(),
            // SARIF requires at least one replacement per change: a display-only fix with no
            // edit ("translate this fragment") has nothing to carry.
            fixes: d
                .fixes
                .iter()
                .filter(|f| !f.edits.is_empty())
                .map(|f| self.fix(f))
                .collect(),
        }
    }
}

/// The whole run as one SARIF 2.1.0 log (pretty-printed, trailing newline).
pub fn render_sarif(results: &[FileResult]) -> String {
    let mut rules: Vec<RuleDescriptor<'static>> = checks::rules().map(rule_descriptor).collect();
    let mut rule_index: BTreeMap<&'static str, usize> =
        rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut artifacts = Vec::with_capacity(results.len());
    let mut sarif_results = Vec::new();
    for r in results {
        let mut location = artifact_location(&r.name);
        artifacts.push(Artifact {
            location: location.clone(),
            length: r.text.len(),
        });
        location.index = Some(artifacts.len() - 1);
        let file = FileRenderer {
            index: LineIndex::new(&r.text),
            text: &r.text,
            location,
        };
        let mut fingerprints = Fingerprinter::new(&r.text);
        for d in &r.diagnostics {
            // A finding of a rule outside the registry still gets a descriptor of its own.
            let i = *rule_index.entry(d.rule).or_insert_with(|| {
                rules.push(RuleDescriptor {
                    id: d.rule,
                    short_description: None,
                    full_description: None,
                    help: None,
                    default_configuration: Configuration {
                        level: level(d.severity),
                    },
                    properties: None,
                });
                rules.len() - 1
            });
            sarif_results.push(file.result(d, i, fingerprints.next(d)));
        }
    }
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "mtlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
                        .into_iter()
                        .find(|u| !u.is_empty()),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            artifacts,
            results: sarif_results,
        }],
    };
    let mut out = serde_json::to_string_pretty(&log).expect("plain data serializes");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_relative_and_absolute_ones_become_file_uris() {
        let rel = artifact_location("./articles/été 2024.md");
        assert_eq!(rel.uri, "articles/%C3%A9t%C3%A9%202024.md");
        assert_eq!(rel.uri_base_id, Some("%SRCROOT%"));
        let colon = artifact_location("a:b.txt");
        assert_eq!(colon.uri, "a%3Ab.txt");
        let abs = artifact_location("/srv/news/a#1.txt");
        assert_eq!(abs.uri, "file:///srv/news/a%231.txt");
        assert_eq!(abs.uri_base_id, None);
    }

    #[test]
    fn sections_of_the_rule_doc_are_found() {
        let doc = "## What it does\nFinds things.\n\n## Why is this bad?\nBecause.";
        assert_eq!(section(doc, "## What it does"), Some("Finds things."));
        assert_eq!(section(doc, "## Why is this bad?"), Some("Because."));
        assert_eq!(section(doc, "## Example"), None);
        assert_eq!(unwrap_lines("a\nb\n\nc"), "a b\n\nc");
    }
}
