//! Reading CSV and TSV glossaries (one concept per row, a header naming the columns) into
//! [`Imported`] concepts, with the `csv` crate. Errors carry the file and line.
//!
//! The header (documented in `glossaries/README.md`), column names case-insensitive, any
//! order, only one language column required:
//! - `id`, `kind`, `keep`, `case_sensitive`, `note`: the concept's fields (`keep` and
//!   `case_sensitive` take `true`/`yes`/`1`/`x`, empty is false);
//! - `XX` (a language code: `en`, `fr`, `es`, `de`, `it`, `pt`): the preferred form;
//! - `XX_ROLE` or `XX.ROLE` with ROLE one of `preferred`, `accepted`, `variants` (or
//!   `variant`), `wrong`, `abbr`, `gender`: that role; several forms in one cell are separated
//!   by `|`.
//!
//! Empty cells are skipped. This module reads rows and nothing else: the TOML loader validates
//! the concepts.

use super::import::{kind_from_name, lang_from_tag, Imported, ImportedConcept};
use super::load::GlossaryError;
use super::model::{Lang, LangForms};

/// What one column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Kind,
    Keep,
    CaseSensitive,
    Note,
    Form(Lang, Role),
}

/// A role of a language column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Preferred,
    Accepted,
    Variants,
    Wrong,
    Abbr,
    Gender,
}

fn error(path: &str, line: usize, message: impl Into<String>) -> GlossaryError {
    GlossaryError {
        path: path.to_owned(),
        location: Some((line, 1)),
        message: message.into(),
    }
}

/// What a header cell names.
fn column(name: &str) -> Result<Column, String> {
    let lower = name.trim().to_lowercase();
    match lower.as_str() {
        "id" => return Ok(Column::Id),
        "kind" => return Ok(Column::Kind),
        "keep" => return Ok(Column::Keep),
        "case_sensitive" => return Ok(Column::CaseSensitive),
        "note" => return Ok(Column::Note),
        _ => {}
    }
    let (lang, role) = match lower.split_once(['_', '.']) {
        Some((lang, role)) => (lang, role),
        None => (lower.as_str(), "preferred"),
    };
    let unknown = || {
        format!(
            "unknown column `{name}`; expected id, kind, keep, case_sensitive, note, a language (en, fr, es, de, it, pt) or LANG_ROLE with ROLE preferred, accepted, variants, wrong, abbr or gender"
        )
    };
    let lang = lang_from_tag(lang)
        .filter(|_| lang.len() == 2)
        .ok_or_else(unknown)?;
    let role = match role {
        "preferred" => Role::Preferred,
        "accepted" => Role::Accepted,
        "variants" | "variant" => Role::Variants,
        "wrong" => Role::Wrong,
        "abbr" => Role::Abbr,
        "gender" => Role::Gender,
        _ => return Err(unknown()),
    };
    Ok(Column::Form(lang, role))
}

/// True for a cell that says yes.
fn truthy(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "0" => Some(false),
        "true" | "yes" | "1" | "x" => Some(true),
        _ => None,
    }
}

/// Reads a CSV (`delimiter` `,`) or TSV (`\t`) file's text. `path` names it in errors.
pub fn import_delimited(
    source: &str,
    path: &str,
    delimiter: u8,
) -> Result<Imported, Vec<GlossaryError>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(source.as_bytes());
    let line_of = |e: &csv::Error| e.position().map_or(1, |p| p.line() as usize);
    let headers = reader
        .headers()
        .map_err(|e| {
            vec![error(
                path,
                line_of(&e),
                format!("cannot read the header: {e}"),
            )]
        })?
        .clone();
    let mut errors = Vec::new();
    let columns: Vec<Column> = headers
        .iter()
        .filter_map(|h| column(h).map_err(|m| errors.push(error(path, 1, m))).ok())
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    if !columns.iter().any(|c| matches!(c, Column::Form(..))) {
        return Err(vec![error(
            path,
            1,
            "the header names no language column (en, fr, es, de, it, pt)",
        )]);
    }
    let mut out = Imported {
        path: path.to_owned(),
        ..Imported::default()
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(error(path, line_of(&e), format!("invalid row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(1, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut c = ImportedConcept::new(line);
        for (col, cell) in columns.iter().zip(record.iter()) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match *col {
                Column::Id => c.id = Some(cell.to_owned()),
                Column::Kind => match kind_from_name(cell) {
                    Some(k) => c.kind = k,
                    None => errors.push(error(
                        path,
                        line,
                        format!("unknown kind `{cell}`; expected outlet, agency, organization, brand, platform, place, person, event or term"),
                    )),
                },
                Column::Keep | Column::CaseSensitive => match truthy(cell) {
                    Some(v) if *col == Column::Keep => c.keep = v,
                    Some(v) => c.case_sensitive = v,
                    None => errors.push(error(
                        path,
                        line,
                        format!("`{cell}` is not a yes or no (true, yes, 1, x / false, no, 0, empty)"),
                    )),
                },
                Column::Note => c.note = Some(cell.to_owned()),
                Column::Form(lang, role) => add(c.langs.entry(lang).or_default(), role, cell),
            }
        }
        out.concepts.push(c);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Files a cell's forms under a role (`|` separates several forms).
fn add(forms: &mut LangForms, role: Role, cell: &str) {
    let mut items = cell
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from);
    match role {
        Role::Preferred => {
            forms.preferred = items.next();
            forms.accepted.extend(items);
        }
        Role::Abbr => forms.abbr = items.next(),
        Role::Gender => forms.gender = items.next(),
        Role::Accepted => forms.accepted.extend(items),
        Role::Variants => forms.variants.extend(items),
        Role::Wrong => forms.wrong.extend(items),
    }
}
