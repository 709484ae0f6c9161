//! JSON Lines batch mode: one article record per input line, one result line per record,
//! streamed in constant memory so mtlint can be a stage of a pipeline (Spark `RDD.pipe`, GNU
//! parallel, Beam).
//!
//! A record is `{"id": …, "text": "…", "format": "txt|md|html|xliff|po", "lang": "fr"}`; `id` is
//! echoed back as given, `format` defaults to `txt` and `lang` to the run's language. Spans in
//! the results are byte offsets into the record's `text` (UTF-8). A malformed line, or a text
//! that does not parse as its format (XLIFF, PO), yields `{"line": N, "error": "…"}` and the
//! stream goes on.

use crate::config::Settings;
use crate::document::{Document, Format};
use crate::glossary::{Glossary, Lang};
use crate::input::Source;
use crate::lint::{FileResult, Linter};
use crate::render::render_jsonl_result;
use serde::Deserialize;
use std::collections::HashMap;
use std::io::{self, BufRead, Write};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// What a JSON Lines run saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Records checked.
    pub records: usize,
    /// Lines that were not valid records.
    pub errors: usize,
    /// True when a finding reached the run's `fail_on` severity.
    pub failed: bool,
}

/// Checks every record of `input` and writes one result line per record to `output`.
/// Linters for other languages than the settings' are compiled on first use.
pub struct JsonlRunner<'g> {
    glossary: &'g Glossary,
    settings: Settings,
    linters: HashMap<Lang, Linter>,
}

impl<'g> JsonlRunner<'g> {
    /// A runner over one glossary and one set of settings.
    pub fn new(glossary: &'g Glossary, settings: Settings) -> JsonlRunner<'g> {
        JsonlRunner {
            glossary,
            settings,
            linters: HashMap::new(),
        }
    }

    fn linter(&mut self, lang: Lang) -> Result<&Linter, String> {
        if !self.linters.contains_key(&lang) {
            let settings = Settings {
                target: lang,
                ..self.settings.clone()
            };
            let linter = Linter::new(self.glossary, settings).map_err(|e| e.to_string())?;
            self.linters.insert(lang, linter);
        }
        Ok(&self.linters[&lang])
    }

    fn check_line(&mut self, line: &str) -> Result<(serde_json::Value, FileResult), String> {
        let record: Record = serde_json::from_str(line).map_err(|e| {
            let message = e.to_string();
            // serde_json says "at line 1 column N": the column is what matters here.
            match message.rsplit_once(" at line 1 column ") {
                Some((what, column)) => format!("{what} (column {column})"),
                None => message,
            }
        })?;
        let format = match record.format.as_deref() {
            None => Format::Text,
            Some(name) => Format::from_name(name).ok_or_else(|| {
                format!(
                    "unknown format `{name}`; known: {}",
                    Format::NAMES.join(", ")
                )
            })?,
        };
        let lang = match record.lang.as_deref() {
            None => self.settings.target,
            Some(code) => {
                Lang::from_code(code).ok_or_else(|| format!("unknown language `{code}`"))?
            }
        };
        let name = match &record.id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let linter = self.linter(lang)?;
        let doc = Document::parse(
            Source {
                name,
                text: record.text,
            },
            format,
        )
        .map_err(|e| e.to_string())?;
        Ok((record.id, linter.check(doc)))
    }

    /// Streams `input` to `output`. I/O errors end the run; bad records do not.
    pub fn run(
        &mut self,
        input: impl BufRead,
        mut output: impl Write,
    ) -> io::Result<StreamSummary> {
        let mut summary = StreamSummary::default();
        for (index, line) in input.lines().enumerate() {
            let line = match line {
                Ok(line) => line,
                Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                    summary.errors += 1;
                    let error = serde_json::json!({"line": index + 1, "error": "invalid UTF-8"});
                    writeln!(output, "{error}")?;
                    continue;
                }
                Err(e) => return Err(e),
            };
            if line.trim().is_empty() {
                continue;
            }
            match self.check_line(&line) {
                Ok((id, result)) => {
                    summary.records += 1;
                    let fail_on = self.settings.fail_on;
                    summary.failed |= result.diagnostics.iter().any(|d| fail_on.fails(d.severity));
                    writeln!(output, "{}", render_jsonl_result(&id, &result))?;
                }
                Err(message) => {
                    summary.errors += 1;
                    let error = serde_json::json!({"line": index + 1, "error": message});
                    writeln!(output, "{error}")?;
                }
            }
        }
        output.flush()?;
        Ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> (Vec<serde_json::Value>, StreamSummary) {
        let glossary = crate::glossary::parse(
            "[[concept]]\nid = \"newsweek\"\nkind = \"outlet\"\nkeep = true\nen = \"Newsweek\"\nfr.wrong = [\"Semaine d'actualités\"]\n",
            "t.toml",
        )
        .expect("valid");
        let mut out = Vec::new();
        let summary = JsonlRunner::new(&glossary, Settings::default())
            .run(input.as_bytes(), &mut out)
            .expect("no I/O error");
        let lines = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        (lines, summary)
    }

    #[test]
    fn one_result_per_record_and_errors_do_not_stop_the_stream() {
        let input = concat!(
            r#"{"id": "a1", "text": "Selon Semaine d’actualités, non."}"#,
            "\n",
            "{not json\n",
            "\n",
            r#"{"id": 7, "text": "<p>Selon <em>Semaine d&rsquo;actualités</em></p>", "format": "html", "lang": "fr"}"#,
            "\n",
            r#"{"id": 8, "text": "x", "format": "pdf"}"#,
            "\n",
        );
        let (lines, summary) = run(input);
        assert_eq!(
            summary,
            StreamSummary {
                records: 2,
                errors: 2,
                failed: true
            }
        );
        assert_eq!(lines[0]["id"], "a1");
        assert_eq!(lines[0]["diagnostics"][0]["span"]["start"], 6);
        assert_eq!(lines[0]["diagnostics"][0]["text"], "Semaine d’actualités");
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].as_str().unwrap().contains("column"));
        assert_eq!(lines[2]["id"], 7);
        assert_eq!(
            lines[2]["diagnostics"][0]["text"],
            "Semaine d&rsquo;actualités"
        );
        assert_eq!(lines[3]["line"], 5);
        assert_eq!(
            lines[3]["error"],
            "unknown format `pdf`; known: txt, md, html, xliff, po"
        );
    }
}
