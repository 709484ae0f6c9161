//! Rule `missing-term`: a glossary term of the source segment (a place, an event, a term) has
//! none of its target forms in the target segment. Names are `name-not-kept`'s.

use super::{expected_form, is_name, PairView};
use crate::checks::Rule;
use crate::diagnostic::{Diagnostic, Fix, Severity};

/// A glossary term of the source has no translation in the target.
pub static MISSING_TERM: Rule = Rule {
    id: "missing-term",
    family: "bilingual",
    severity: Severity::Warning,
    summary:
        "A glossary term of the source segment has none of its target forms in the translation",
    // Its span is a whole sentence: any more precise finding there goes first.
    precedence: 5,
    doc: r#"## What it does
Runs when the source text is known (`--source`, XLIFF, PO). For each glossary term of the
source segment (the source-language forms and acronyms the glossary lists), except the names
`name-not-kept` looks after, looks for one of the concept's target forms in the target
segment: preferred, accepted, acronym or a variant, elision and case seen through. When none is
there, and no wrong or untranslated form of it either (the glossary rules report those), the
finding is on the target sentence that probably translates the term's sentence, and names
the expected form.

A place that keeps its name in the target language ("Iran") is found as that name; two
concepts are never confused ("Iran" does not stand for *Iraq*).

## Why is this bad?
The translation dropped the term, or rendered it with words the glossary does not know: the
house terminology is lost and the reader may not recognise the thing named.

## Example
Source: `The Organization of Turkic States met in Astana.`
```text
Les États turcs se sont réunis à Astana.
```
Use instead:
```text
L’Organisation des États turciques s’est réunie à Astana.
```

## Fix safety
Display-only: where the term belongs in the sentence, and how the sentence must change around
it, is for a person to decide.
"#,
};

/// Reports the source terms whose translation is missing from the target segment.
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
        // Any form of it in the target (right, variant, wrong, left in the source language)
        // is the glossary rules' business, not a missing term.
        if is_name(concept, target_lang) || v.target_matches(m.concept).next().is_some() {
            continue;
        }
        let Some(right) = concept
            .forms(target_lang)
            .and_then(|_| expected_form(concept, target_lang, source_lang))
        else {
            continue;
        };
        let found = m.span.slice(v.source());
        out.push(
            Diagnostic::new(
                MISSING_TERM.id,
                MISSING_TERM.severity,
                v.target_place(m.span.start),
                format!(
                    "the source has `{found}` ({}: “{}”); the translation has no `{right}` or \
                     other form of it",
                    v.pair.id,
                    v.source_excerpt(m.span)
                ),
            )
            .with_fix(Fix::display_only(
                format!("translate `{found}` as `{right}`"),
                Vec::new(),
            ))
            .broad(),
        );
    }
}
