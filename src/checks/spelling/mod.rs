//! `inconsistent-spelling`: one name spelled two ways in one document (or across the files
//! of a batch), found from the text itself, with the glossary's knowledge when it has some.
//!
//! [`candidates`] finds the names, [`similarity`] decides whether two forms are one name,
//! [`pairing`] keeps that from being quadratic, [`pool`] counts and decides which spelling to
//! keep; this module turns the decision into findings with an unsafe fix.

mod candidates;
mod pairing;
mod pool;
mod similarity;
#[cfg(test)]
mod tests;

pub use pool::NamePool;

use super::replacement::{fitted_edit, NameGrammar};
use super::{BatchFacts, Check, Context, Rule};
use crate::config::ConsistencyScope;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::glossary::Role;
use pool::{is_all_caps, Inventory, PooledSpelling, Verdict};

/// One name spelled two ways.
pub static INCONSISTENT_SPELLING: Rule = Rule {
    id: "inconsistent-spelling",
    family: "consistency",
    severity: Severity::Warning,
    summary: "The same name is spelled two ways in one document",
    precedence: 30,
    doc: r#"## What it does
Finds names (capitalized words and hyphenated names, seen through elision) that the document
spells in two ways that differ the way transliterations and slips differ: k/g/q/c, i/y/j,
sh/ch/sch, ou/u/w, dj/j, doubled letters, a final -e, diacritics, hyphen or space, one
transposed letter. Inflections and derivations (Arménie, Arméniens), different places
(Iran, Irak) and acronyms (OTS, OTSC) are not one name. Each occurrence of the spelling that
is not kept is reported: the glossary's preferred form is kept, then the one used most, then
the one used first. Two forms that the glossary gives to one concept but that are different
names (Nagorny-Karabakh, Haut-Karabakh) are reported at info severity.

With `--consistency-scope batch`, the spellings of all files of the run are counted together
and each file is told which spelling the batch keeps.

## Why is this bad?
Machine translation transliterates a name afresh in each sentence. Two spellings look sloppy,
make the reader wonder whether two people or places are meant, and break search and tagging.

## Example
```text
Des soldats sont morts au Haut-Karabagh. […] Les Arméniens du Haut-Karabakh ont accepté
un cessez-le-feu. […] la région du Haut-Karabakh.
```
Use instead:
```text
Des soldats sont morts au Haut-Karabakh. […]
```

## Fix safety
Unsafe: the kept spelling is a majority vote (unless the glossary prefers it), and the
majority can be wrong. The replacement keeps the elision before it right ("d’" before a
vowel, "de" before a consonant).
"#,
};

/// The most occurrences of the kept spelling a finding points at.
const RELATED_MAX: usize = 8;

static RULES: [&Rule; 1] = [&INCONSISTENT_SPELLING];

/// The consistency check for names.
pub struct SpellingCheck;

impl Check for SpellingCheck {
    fn rules(&self) -> &'static [&'static Rule] {
        &RULES
    }

    fn collect(&self, cx: &Context<'_>, facts: &mut BatchFacts) {
        let inventory = Inventory::collect(cx.analysis);
        match cx.chunk {
            Some(base) => facts.names.add_chunk(&inventory, base),
            None => facts.names.add(&inventory),
        }
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let inventory = Inventory::collect(cx.analysis);
        match (cx.chunk, cx.settings.consistency_scope, cx.batch) {
            // One piece of a large document: the pool is the whole document's, and so are
            // the places shown. (A document checked in pieces is a run's only one: its batch
            // is itself.)
            (Some(_), scope, Some(facts)) => {
                let scope = match scope {
                    ConsistencyScope::Batch => "in this batch",
                    ConsistencyScope::File => "in this document",
                };
                report(cx, &inventory, &facts.names, scope, true, out);
            }
            (None, ConsistencyScope::Batch, Some(facts)) => {
                report(cx, &inventory, &facts.names, "in this batch", false, out);
            }
            _ => {
                let mut pool = NamePool::default();
                pool.add(&inventory);
                report(cx, &inventory, &pool, "in this document", false, out);
            }
        }
    }
}

/// Reports every occurrence of a spelling that the pool does not keep.
fn report(
    cx: &Context<'_>,
    inventory: &Inventory,
    pool: &NamePool,
    scope: &str,
    pooled_places: bool,
    out: &mut Vec<Diagnostic>,
) {
    for spelling in &inventory.spellings {
        let Some(verdict) = pool.verdict(&spelling.key) else {
            continue;
        };
        let keep = pool.spelling(verdict.keep);
        // A piece of a document writes its names as the whole document does.
        let found = match pool.get(&spelling.key) {
            Some(pooled) if pooled_places => &pooled.written,
            _ => &spelling.written,
        };
        let message = message(found, keep, verdict, scope);
        let here = if pooled_places {
            &keep.first[..]
        } else {
            inventory.get(&keep.key).map_or(&[][..], |s| &s.spans[..])
        };
        for &span in &spelling.spans {
            out.push(finding(cx, span, keep, verdict, &message, here));
        }
    }
}

/// One finding on one occurrence.
fn finding(
    cx: &Context<'_>,
    span: Span,
    keep: &PooledSpelling,
    verdict: Verdict,
    message: &str,
    here: &[Span],
) -> Diagnostic {
    let a = cx.analysis;
    let replacement = if is_all_caps(span.slice(a.text)) {
        keep.written.to_uppercase()
    } else {
        keep.written.clone()
    };
    let grammar = keep.known.map_or_else(NameGrammar::default, |k| {
        NameGrammar::of(a.glossary.concept(k.concept), a.glossary.target())
    });
    let edit = fitted_edit(a, span, &replacement, grammar);
    let mut d =
        Diagnostic::new(INCONSISTENT_SPELLING.id, verdict.severity, span, message).with_fix(
            Fix::unsafe_(format!("replace with `{}`", edit.replacement), vec![edit]),
        );
    // The message gives the count; a few places are enough to show (and a long article
    // with two spellings must not get a quadratic number of notes).
    for &other in here.iter().take(RELATED_MAX) {
        d = d.with_related(other, format!("`{}` here", keep.written));
    }
    d
}

/// The message for a spelling that is not kept.
fn message(found: &str, keep: &PooledSpelling, verdict: Verdict, scope: &str) -> String {
    let times = match keep.count {
        1 => "once".to_owned(),
        n => format!("{n} times"),
    };
    let preferred = keep.known.is_some_and(|k| k.role == Role::Preferred);
    let other = &keep.written;
    match (verdict.severity, preferred) {
        (Severity::Info, true) => format!(
            "`{found}` and `{other}` ({times} {scope}) name one thing; the glossary prefers `{other}`"
        ),
        (Severity::Info, false) => {
            format!("`{found}` and `{other}` ({times} {scope}) name one thing; use one of them")
        }
        (_, true) => format!(
            "`{found}` is also spelled `{other}` ({times} {scope}), the glossary's preferred form"
        ),
        (_, false) => format!("`{found}` is also spelled `{other}` ({times} {scope})"),
    }
}
