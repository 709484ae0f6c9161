//! The batch's table of names spelled differently: which spellings of one name occur, and in
//! which articles.
//!
//! It is built from findings only, generically: a finding of a spelling rule
//! ([`SPELLING_RULES`]) pairs the spelling found with the other spelling its message names
//! (the first two backquoted forms, as in "`Pashinyan` is also spelled `Pachinian`"; with one
//! form or none, the span's text and its default fix's replacement); its related places add
//! the spellings their notes name (or their text). Pairs join into
//! groups, and every spelling of a group is then counted, as written and as a whole word, in
//! the prose of every article of the batch (markup, code and URLs of Markdown and HTML
//! articles are not counted).

use crate::document::{Document, Format};
use crate::input::Source;
use crate::lint::FileResult;
use crate::text::fold::is_word_char;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::{BTreeMap, HashMap};

/// The rules whose findings are spellings of one name.
pub const SPELLING_RULES: &[&str] = &["inconsistent-spelling", "glossary-variant"];

/// One spelling of a name and where it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    /// The spelling, as written.
    pub text: String,
    /// True when a finding suggests it in place of another spelling.
    pub suggested: bool,
    /// `(article index in the batch, occurrences)`, by article index.
    pub articles: Vec<(usize, usize)>,
}

impl Spelling {
    /// Occurrences over the batch.
    pub fn total(&self) -> usize {
        self.articles.iter().map(|&(_, n)| n).sum()
    }
}

/// The spellings of one name that occur in the batch (at least two).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellingGroup {
    /// The spellings, suggested ones first, then the most frequent.
    pub spellings: Vec<Spelling>,
}

/// The backquoted parts of a message, in order.
fn quoted(message: &str) -> impl Iterator<Item = &str> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.is_empty())
}

/// A small union-find over spellings.
#[derive(Default)]
struct Groups {
    ids: HashMap<String, usize>,
    texts: Vec<String>,
    suggested: Vec<bool>,
    parent: Vec<usize>,
}

impl Groups {
    fn id(&mut self, text: &str) -> usize {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.texts.len();
        self.ids.insert(text.to_owned(), id);
        self.texts.push(text.to_owned());
        self.suggested.push(false);
        self.parent.push(id);
        id
    }

    fn root(&mut self, mut id: usize) -> usize {
        while self.parent[id] != id {
            self.parent[id] = self.parent[self.parent[id]];
            id = self.parent[id];
        }
        id
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Builds the table for a batch; `results` is in batch order (article index = position).
pub fn spelling_groups(results: &[FileResult]) -> Vec<SpellingGroup> {
    let mut groups = Groups::default();
    for r in results {
        for d in r
            .diagnostics
            .iter()
            .filter(|d| SPELLING_RULES.contains(&d.rule))
        {
            // The message names the forms as the reader sees them (without markup).
            let named: Vec<&str> = quoted(&d.message).take(2).collect();
            let found = match named.as_slice() {
                [found, _] => *found,
                _ => d.span.slice(&r.text).trim(),
            };
            if found.is_empty() {
                continue;
            }
            let other = named
                .iter()
                .find(|q| **q != found)
                .map(|q| (*q).to_owned())
                .or_else(|| {
                    d.fixes
                        .first()
                        .and_then(|f| f.edits.first())
                        .map(|e| e.replacement.trim().to_owned())
                });
            let a = groups.id(found);
            if let Some(other) = other.filter(|o| !o.is_empty() && o != found) {
                let b = groups.id(&other);
                groups.suggested[b] = true;
                groups.join(a, b);
            }
            for (span, note) in &d.related {
                let text = quoted(note)
                    .next()
                    .unwrap_or_else(|| span.slice(&r.text).trim());
                if !text.is_empty() && text != found {
                    let b = groups.id(text);
                    groups.join(a, b);
                }
            }
        }
    }
    if groups.texts.is_empty() {
        return Vec::new();
    }
    let counts = count_whole_words(&groups.texts, results);
    let mut by_root: BTreeMap<usize, Vec<Spelling>> = BTreeMap::new();
    for (id, articles) in counts.into_iter().enumerate() {
        if articles.is_empty() {
            continue;
        }
        let root = groups.root(id);
        by_root.entry(root).or_default().push(Spelling {
            text: groups.texts[id].clone(),
            suggested: groups.suggested[id],
            articles,
        });
    }
    let mut table: Vec<SpellingGroup> = by_root
        .into_values()
        .filter(|s| s.len() >= 2)
        .map(|mut spellings| {
            spellings.sort_by(|a, b| {
                b.suggested
                    .cmp(&a.suggested)
                    .then(b.total().cmp(&a.total()))
                    .then(a.text.cmp(&b.text))
            });
            SpellingGroup { spellings }
        })
        .collect();
    let total = |g: &SpellingGroup| g.spellings.iter().map(Spelling::total).sum::<usize>();
    table.sort_by(|a, b| {
        total(b)
            .cmp(&total(a))
            .then(a.spellings[0].text.cmp(&b.spellings[0].text))
    });
    table
}

/// For each form, its whole-word occurrences per article: one automaton, one pass per text.
fn count_whole_words(forms: &[String], results: &[FileResult]) -> Vec<Vec<(usize, usize)>> {
    let mut counts = vec![Vec::new(); forms.len()];
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms)
    else {
        return counts;
    };
    for (article, r) in results.iter().enumerate() {
        let parsed = prose_of(r);
        let text = parsed.as_deref().unwrap_or(&r.text);
        let mut here: BTreeMap<usize, usize> = BTreeMap::new();
        for m in automaton.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            *here.entry(m.pattern().as_usize()).or_default() += 1;
        }
        for (form, n) in here {
            counts[form].push((article, n));
        }
    }
    counts
}

/// The prose of a Markdown, HTML, XLIFF or PO article (markup, code, URLs and sources left
/// out); `None` for plain text, which is all prose.
fn prose_of(r: &FileResult) -> Option<String> {
    if r.format == Format::Text {
        return None;
    }
    let doc = Document::parse(
        Source {
            name: r.name.clone(),
            text: r.text.clone(),
        },
        r.format,
    )
    .ok()?;
    Some(doc.prose().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Edit, Fix, Severity, Span};
    use crate::glossary::Lang;

    fn result(name: &str, text: &str, diagnostics: Vec<Diagnostic>) -> FileResult {
        FileResult {
            name: name.into(),
            text: text.into(),
            language: Lang::Fr,
            format: crate::document::Format::Text,
            fixed: Default::default(),
            words: text.split_whitespace().count(),
            diagnostics,
        }
    }

    fn at(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        Span::new(start, start + needle.len())
    }

    #[test]
    fn spellings_join_across_articles_and_count_whole_words() {
        let a = "Pashinyan a parlé. Pashinyanisme.";
        let b = "Pachinian a parlé, puis Pachinian encore.";
        let c = "Le Haut-Karabakh et le Haut-Karabagh.";
        let variant = Diagnostic::new(
            "glossary-variant",
            Severity::Warning,
            at(a, "Pashinyan"),
            "`Pashinyan` is not the house spelling; write `Pachinian`",
        );
        let spelling = Diagnostic::new(
            "inconsistent-spelling",
            Severity::Warning,
            at(c, "Haut-Karabagh"),
            "no forms named here",
        )
        .with_fix(Fix::unsafe_(
            "r",
            vec![Edit::replace(at(c, "Haut-Karabagh"), "Haut-Karabakh")],
        ))
        .with_related(at(c, "Haut-Karabakh"), "`Haut-Karabakh` here");
        let not_a_spelling = Diagnostic::new(
            "translated-name",
            Severity::Error,
            at(b, "Pachinian"),
            "`Pachinian` translates `X`",
        );
        let results = [
            result("a.txt", a, vec![variant]),
            result("b.txt", b, vec![not_a_spelling]),
            result("c.txt", c, vec![spelling]),
        ];
        let table = spelling_groups(&results);
        assert_eq!(table.len(), 2);
        let pach = &table[0];
        assert_eq!(pach.spellings[0].text, "Pachinian");
        assert!(pach.spellings[0].suggested);
        assert_eq!(pach.spellings[0].articles, [(1, 2)]);
        // "Pashinyanisme" is another word.
        assert_eq!(pach.spellings[1].articles, [(0, 1)]);
        let karabakh = &table[1];
        assert_eq!(karabakh.spellings[0].text, "Haut-Karabakh");
        assert_eq!(karabakh.spellings[1].text, "Haut-Karabagh");
    }

    #[test]
    fn no_spelling_findings_no_table() {
        assert!(spelling_groups(&[result("a.txt", "Rien.", vec![])]).is_empty());
    }
}
