//! Rule `name-not-kept`: a name of the source segment (a name the glossary keeps, or a person
//! or organisation whose target form it gives) has none of its right forms in the target
//! segment. Points at the probable translation.

use super::{expected_form, is_name, PairView};
use crate::checks::replacement::{fitted_edit, NameGrammar};
use crate::checks::Rule;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::glossary::{Role, TermMatch};
use crate::text::CaseMode;
use crate::text::{Folded, TokenKind};

/// A name of the source is not in the target.
pub static NAME_NOT_KEPT: Rule = Rule {
    id: "name-not-kept",
    family: "bilingual",
    severity: Severity::Error,
    summary: "A name of the source segment is missing from its translation (translated or dropped)",
    // Below `translated-name`: when the translation is a form the glossary lists as wrong,
    // that finding (with its safe fix) already covers the span.
    precedence: 58,
    doc: r#"## What it does
Runs when the source text is known (`--source`, XLIFF, PO). For each name of the source
segment that the glossary keeps as it is (`keep = true`), or whose target form it gives (persons
and organisations), looks for one of its right forms in the target segment: the kept name,
the preferred or an accepted form, the acronym, a variant, a person's surname alone. Elision
and case are seen through ("l’OTAN" for *NATO*). When none is there, the finding points at
the probable translation: a form the glossary lists as wrong if there is one, else the
capitalised words of the target at about the same place that the source does not have.

When the translation is a form the glossary lists as wrong and written as a name,
`translated-name` reports that span with its safe fix, and this rule adds nothing.

## Why is this bad?
A name that a machine translated word for word, or dropped, leaves the reader with a
publication, a person or an organisation that does not exist, or with none at all. Only the
source shows it: a monolingual check cannot know that "Le Rapport quotidien" was *The Daily
Report*.

## Example
Source: `The Daily Report first revealed the deal.` with `keep = true` for *The Daily Report*:
```text
Le Rapport quotidien a révélé l’accord en premier.
```
Use instead:
```text
The Daily Report a révélé l’accord en premier.
```

## Fix safety
Unsafe: the candidate is a guess from its place and shape, so a person confirms it
(`--unsafe-fixes` or interactively). When no candidate is found the fix is display-only.
"#,
};

/// Reports the names of the source segment missing from the target segment.
pub(super) fn check(v: &PairView<'_, '_>, out: &mut Vec<Diagnostic>) {
    let a = v.a;
    let target_lang = a.glossary.target();
    let source_lang = a.glossary.source();
    let mut seen: Vec<usize> = Vec::new();
    for m in &v.source_terms {
        if seen.contains(&m.concept) {
            continue;
        }
        seen.push(m.concept);
        let concept = a.glossary.concept(m.concept);
        if !is_name(concept, target_lang) || v.target_has_right_form(m.concept) {
            continue;
        }
        // The English spelling of a person left in the target is `glossary-variant`'s.
        if v.target_matches(m.concept).any(|t| t.role == Role::Source) {
            continue;
        }
        let Some(right) = expected_form(concept, target_lang, source_lang) else {
            continue;
        };
        // A kept name's acronym stays an acronym.
        let right = if m.span.slice(v.source()).chars().all(|c| !c.is_lowercase()) {
            concept
                .kept_forms(source_lang)
                .filter(|_| concept.keep)
                .or_else(|| concept.forms(target_lang))
                .and_then(|f| f.abbr.as_deref())
                .unwrap_or(right)
        } else {
            right
        };
        let named = m.span.slice(v.source());
        let wrong = v.target_matches(m.concept).find(|t| t.role == Role::Wrong);
        let candidate = wrong.map(|t| t.span).or_else(|| candidate(v, m));
        let quote = v.source_excerpt(m.span);
        let diagnostic = match candidate {
            Some(span) => {
                let found = span.slice(a.text);
                let edit = fitted_edit(a, span, right, NameGrammar::of(concept, target_lang));
                Diagnostic::new(
                    NAME_NOT_KEPT.id,
                    NAME_NOT_KEPT.severity,
                    span,
                    format!(
                        "the source names `{named}` ({}: “{quote}”), but the translation does \
                         not: `{found}` looks like its translation; write `{right}`",
                        v.pair.id
                    ),
                )
                .with_fix(Fix::unsafe_(
                    format!("replace with `{}`", edit.replacement),
                    vec![edit],
                ))
            }
            None => Diagnostic::new(
                NAME_NOT_KEPT.id,
                NAME_NOT_KEPT.severity,
                v.target_place(m.span.start),
                format!(
                    "the source names `{named}` ({}: “{quote}”), but the translation does not; \
                     write `{right}`",
                    v.pair.id
                ),
            )
            .with_fix(Fix::display_only(
                format!("write `{right}` where the translation names it"),
                Vec::new(),
            ))
            .broad(),
        };
        out.push(diagnostic);
    }
}

/// The probable translation of a source name in the target segment: a run of capitalised
/// words (with name particles inside) that is no known right name, is not written in the
/// source too, and is not just a sentence's first word; the one nearest the name's relative
/// place wins.
fn candidate(v: &PairView<'_, '_>, m: &TermMatch) -> Option<Span> {
    let a = v.a;
    let text = a.text;
    let tokens = a.tokens_in(v.pair.target);
    let source_folded = Folded::fold_str(v.source(), CaseMode::Fold);
    let mut runs: Vec<Span> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k];
        if t.kind != TokenKind::Word || t.elided || !t.is_capitalized(text) {
            k += 1;
            continue;
        }
        let mut end = k;
        let mut j = k + 1;
        while j < tokens.len() {
            let gap = &text[tokens[j - 1].span.end..tokens[j].span.start];
            if !matches!(gap, " " | "-" | "\u{a0}" | "'" | "\u{2019}") {
                break;
            }
            let w = tokens[j].text(text);
            if tokens[j].is_capitalized(text) {
                end = j;
            } else if !(a.target.is_name_particle(w) || tokens[j].elided) {
                break;
            }
            j += 1;
        }
        runs.push(Span::new(t.span.start, tokens[end].span.end));
        k = end + 1;
    }
    let relative = m.span.start as f64 / v.source().len().max(1) as f64;
    runs.into_iter()
        .filter(|run| {
            let first = run.slice(text).split([' ', '-', '\'', '\u{2019}']).next();
            let lone = !run.slice(text).contains([' ', '-']);
            // A sentence's first word is capitalised anyway.
            if lone
                && a.is_sentence_start(run.start)
                && first.is_some_and(|w| {
                    let lower = w.to_lowercase();
                    a.target.is_function_word(&lower) || a.target.is_capitalized_common_word(w, 3.0)
                })
            {
                return false;
            }
            // A known right name is not a translation of another one.
            if v.target_terms
                .iter()
                .any(|t| t.role.is_right() && t.span.overlaps(*run))
            {
                return false;
            }
            // Written in the source too: a name kept as is.
            let folded = Folded::fold_str(run.slice(text), CaseMode::Fold);
            !contains_word(&source_folded, &folded)
        })
        .min_by(|x, y| {
            let place = |s: &Span| {
                let r = (s.start - v.pair.target.start) as f64 / v.pair.target.len() as f64;
                (r - relative).abs()
            };
            place(x).total_cmp(&place(y))
        })
}

/// True when `needle` occurs in `hay` as whole words.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
