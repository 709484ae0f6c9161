//! What the termbase importers ([`super::tbx`], [`super::csv`]) produce: concepts read from a
//! foreign format, each with the line it was read from, written out as our TOML glossary and
//! loaded through the TOML loader, so that an imported glossary is validated exactly like a
//! written one and `mtlint glossary import` prints what `--glossary` would load.
//!
//! It knows nothing of TBX or CSV syntax; it must not validate on its own (the TOML loader
//! does), only map the loader's errors back to the imported file's lines.

use super::load::{parse, GlossaryError};
use super::model::{Glossary, Kind, Lang, LangForms};
use std::collections::{BTreeMap, HashSet};
use unicode_normalization::UnicodeNormalization;

/// One concept read from a termbase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedConcept {
    /// The id the file gives, if any (made kebab-case and unique on output).
    pub id: Option<String>,
    /// What it names (`term` unless the file says).
    pub kind: Kind,
    /// The source name is right in every language ("do not translate").
    pub keep: bool,
    /// Forms match only with their exact capitalisation.
    pub case_sensitive: bool,
    /// Free text.
    pub note: Option<String>,
    /// Forms per language.
    pub langs: BTreeMap<Lang, LangForms>,
    /// The 1-based line of the imported file where the concept starts.
    pub line: usize,
}

impl ImportedConcept {
    /// An empty concept starting on `line`.
    pub fn new(line: usize) -> ImportedConcept {
        ImportedConcept {
            id: None,
            kind: Kind::Term,
            keep: false,
            case_sensitive: false,
            note: None,
            langs: BTreeMap::new(),
            line,
        }
    }
}

/// The concepts read from one termbase file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The file, as the user named it.
    pub path: String,
    /// Concepts in file order.
    pub concepts: Vec<ImportedConcept>,
    /// Languages of the file mtlint has no slot for, with the number of terms skipped.
    pub skipped_languages: BTreeMap<String, usize>,
}

/// Parses a kind name (`outlet`, `place`, …), case-insensitively.
pub fn kind_from_name(name: &str) -> Option<Kind> {
    const KINDS: [Kind; 9] = [
        Kind::Outlet,
        Kind::Agency,
        Kind::Organization,
        Kind::Brand,
        Kind::Platform,
        Kind::Place,
        Kind::Person,
        Kind::Event,
        Kind::Term,
    ];
    let name = name.trim().to_lowercase();
    let name = if name == "organisation" {
        "organization"
    } else {
        name.as_str()
    };
    KINDS.into_iter().find(|k| k.as_str() == name)
}

/// The language of a tag such as `en`, `en-US`, `PT_br`: its primary subtag, if mtlint has a
/// slot for it.
pub fn lang_from_tag(tag: &str) -> Option<Lang> {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_lowercase();
    Lang::from_code(&primary)
}

/// A kebab-case id from free text: ASCII letters and digits, accents dropped, everything
/// else a single hyphen ("Organisation des États" → `organisation-des-etats`).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c.is_alphanumeric() || c.is_whitespace() || c.is_ascii_punctuation())
            && !out.is_empty()
            && !out.ends_with('-')
        {
            out.push('-');
        }
        // Combining marks and other symbols are dropped.
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Quotes a string for TOML.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn quote_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// One language's forms as an inline TOML table (or a plain string when only a preferred form
/// is given).
fn forms_toml(forms: &LangForms) -> String {
    let only_preferred = forms.accepted.is_empty()
        && forms.variants.is_empty()
        && forms.wrong.is_empty()
        && forms.abbr.is_none()
        && forms.gender.is_none();
    if let (true, Some(p)) = (only_preferred, &forms.preferred) {
        return quote(p);
    }
    let mut parts = Vec::new();
    if let Some(p) = &forms.preferred {
        parts.push(format!("preferred = {}", quote(p)));
    }
    if let Some(a) = &forms.abbr {
        parts.push(format!("abbr = {}", quote(a)));
    }
    for (name, list) in [
        ("accepted", &forms.accepted),
        ("variants", &forms.variants),
        ("wrong", &forms.wrong),
    ] {
        if !list.is_empty() {
            parts.push(format!("{name} = {}", quote_list(list)));
        }
    }
    if let Some(g) = &forms.gender {
        parts.push(format!("gender = {}", quote(g)));
    }
    format!("{{ {} }}", parts.join(", "))
}

impl Imported {
    /// The concepts as a TOML glossary, and for each concept the TOML line where it starts
    /// paired with its line in the imported file.
    pub fn to_toml(&self) -> (String, Vec<(usize, usize)>) {
        let mut out = format!(
            "# Imported by mtlint from {}; see glossaries/README.md for the format.\n",
            self.path
        );
        let mut lines = Vec::with_capacity(self.concepts.len());
        let mut used: HashSet<String> = HashSet::new();
        for (n, c) in self.concepts.iter().enumerate() {
            let base =
                c.id.as_deref()
                    .map(slug)
                    .filter(|s| !s.is_empty())
                    .or_else(|| {
                        c.langs
                            .values()
                            .find_map(|f| f.preferred.as_deref())
                            .map(slug)
                            .filter(|s| !s.is_empty())
                    })
                    .unwrap_or_else(|| format!("concept-{}", n + 1));
            let mut id = base.clone();
            let mut k = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{k}");
                k += 1;
            }
            out.push('\n');
            lines.push((out.matches('\n').count() + 1, c.line));
            out.push_str("[[concept]]\n");
            out.push_str(&format!("id = {}\n", quote(&id)));
            out.push_str(&format!("kind = {}\n", quote(c.kind.as_str())));
            if c.keep {
                out.push_str("keep = true\n");
            }
            if c.case_sensitive {
                out.push_str("case_sensitive = true\n");
            }
            if let Some(note) = &c.note {
                out.push_str(&format!("note = {}\n", quote(note)));
            }
            for (lang, forms) in &c.langs {
                out.push_str(&format!("{lang} = {}\n", forms_toml(forms)));
            }
        }
        (out, lines)
    }

    /// Loads the imported concepts as a glossary, validated like a TOML file; errors name the
    /// imported file and the line of the concept they concern.
    pub fn into_glossary(self) -> Result<Glossary, Vec<GlossaryError>> {
        let (toml, lines) = self.to_toml();
        parse(&toml, &self.path).map_err(|errors| {
            errors
                .into_iter()
                .map(|mut e| {
                    e.location = e.location.map(|(toml_line, _)| {
                        let i = lines.partition_point(|&(start, _)| start <= toml_line);
                        let line = i.checked_sub(1).map_or(1, |i| lines[i].1);
                        (line, 1)
                    });
                    e
                })
                .collect()
        })
    }
}

/// Line numbers of byte offsets in a text.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_kebab_case() {
        assert_eq!(
            slug("Organisation des États turciques"),
            "organisation-des-etats-turciques"
        );
        assert_eq!(slug("  New York Times!"), "new-york-times");
        assert_eq!(slug("北京"), "");
    }

    #[test]
    fn languages_come_from_the_primary_subtag() {
        assert_eq!(lang_from_tag("en-US"), Some(Lang::En));
        assert_eq!(lang_from_tag("PT_br"), Some(Lang::Pt));
        assert_eq!(lang_from_tag("zh"), None);
    }

    #[test]
    fn writes_loadable_toml_with_unique_ids() {
        let mut a = ImportedConcept::new(3);
        a.keep = true;
        a.kind = Kind::Outlet;
        a.langs.insert(
            Lang::En,
            LangForms {
                preferred: Some("Newsweek".into()),
                ..LangForms::default()
            },
        );
        a.langs.insert(
            Lang::Fr,
            LangForms {
                wrong: vec!["Semaine d'actualités".into()],
                ..LangForms::default()
            },
        );
        let mut b = a.clone();
        b.line = 9;
        b.keep = false;
        b.langs.remove(&Lang::Fr);
        let imported = Imported {
            path: "t.tbx".into(),
            concepts: vec![a, b],
            ..Imported::default()
        };
        let g = imported.into_glossary().expect("valid");
        assert_eq!(g.concepts[0].id, "newsweek");
        assert_eq!(g.concepts[1].id, "newsweek-2");
    }

    #[test]
    fn errors_point_at_the_imported_line() {
        let mut a = ImportedConcept::new(12);
        a.keep = true;
        a.langs.insert(
            Lang::Fr,
            LangForms {
                preferred: Some("Semaine".into()),
                ..LangForms::default()
            },
        );
        let imported = Imported {
            path: "t.tbx".into(),
            concepts: vec![a],
            ..Imported::default()
        };
        let errors = imported.into_glossary().expect_err("keep without en");
        assert_eq!(
            errors[0].to_string(),
            "t.tbx:12:1: concept `semaine` keeps its name (`keep = true`) but has no `en` name"
        );
    }
}
