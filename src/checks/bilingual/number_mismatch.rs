//! Rule `number-mismatch`: the numbers of a target segment and of its source differ, compared
//! as multisets of values read with each language's conventions ([`crate::text::numbers`]).

use super::PairView;
use crate::checks::Rule;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity, Span};
use crate::text::numbers::{count_number_words, find_numbers, format_number, Number};
use std::collections::HashMap;

/// The numbers of the source and the translation differ.
pub static NUMBER_MISMATCH: Rule = Rule {
    id: "number-mismatch",
    family: "bilingual",
    severity: Severity::Error,
    summary: "The numbers of a segment and of its source differ",
    precedence: 45,
    doc: r#"## What it does
Runs when the source text is known (`--source`, XLIFF, PO). Compares the numbers of each
target segment with those of its source, by value and as many times as each is written, each
side read in its own language's conventions: `1,000.5` in English is `1 000,5` in French (with
a space, a no-break or a narrow no-break space) and `1.000,5` in German, Spanish, Italian and
Portuguese; `45%` is `45 %`; `19th` is `19e` or `XIXe`, `1st` is `1er` or `1re`. Numbers inside
URLs, e-mail addresses, @handles and #hashtags, and digits that are part of a name (`G7`,
`COVID-19`) are left out. A number written as a word on the other side (`two` / `2`, 0 to 12
in every supported language) is not a mismatch.

The finding is on the target number that differs, or on the sentence where a number of the
source is missing; the message gives both values.

## Why is this bad?
A machine translation that drops, changes or misreads a number ("1,5 million" read as fifteen,
a year or a death toll changed) states a wrong fact. Nothing in the translation alone shows it.

## Example
Source: `Some 1,500 people were evacuated on 19 March.`
```text
Quelque 1 400 personnes ont été évacuées le 19 mars.
```
Use instead:
```text
Quelque 1 500 personnes ont été évacuées le 19 mars.
```

## Fix safety
Unsafe when exactly one number differs on each side and neither is an ordinal: the source's
value is written in the target's conventions, but a person checks that the source is right.
Otherwise display-only.
"#,
};

/// Reports the numbers that differ between the target segment and its source.
pub(super) fn check(v: &PairView<'_, '_>, out: &mut Vec<Diagnostic>) {
    let a = v.a;
    let source = v.source();
    let source_numbers = find_numbers(source, Span::new(0, source.len()), a.source);
    let target_numbers = find_numbers(a.text, v.pair.target, a.target);
    if source_numbers.is_empty() && target_numbers.is_empty() {
        return;
    }
    let (mut extra_source, mut extra_target) = unmatched(&source_numbers, &target_numbers);
    if extra_source.is_empty() && extra_target.is_empty() {
        return;
    }
    // A number spelled out on the other side matches: "two" / "2".
    let mut target_words = count_number_words(a.text, v.pair.target, a.target);
    let mut source_words = count_number_words(source, Span::new(0, source.len()), a.source);
    extra_source.retain(|n| !take(&mut target_words, &n.value));
    extra_target.retain(|n| !take(&mut source_words, &n.value));
    let fixable = extra_source.len() == 1
        && extra_target.len() == 1
        && !extra_source[0].ordinal
        && !extra_target[0].ordinal;
    let mut missing = extra_source.iter().skip(extra_target.len());
    for (k, t) in extra_target.iter().enumerate() {
        let found = t.span.slice(a.text);
        let mut message = match extra_source.get(k) {
            Some(s) => format!(
                "`{found}` ({}) is not in the source, which has `{}` ({}) here; the source: “{}”",
                t.value,
                s.span.slice(source),
                s.value,
                v.source_excerpt(s.span)
            ),
            None => format!(
                "`{found}` ({}) is not in the source ({})",
                t.value, v.pair.id
            ),
        };
        // Source numbers left over after pairing are named on the last target finding.
        if k + 1 == extra_target.len() {
            let rest: Vec<String> = missing.by_ref().map(|s| describe(s, source)).collect();
            if !rest.is_empty() {
                message.push_str(&format!("; also missing: {}", rest.join(", ")));
            }
        }
        let mut d = Diagnostic::new(
            NUMBER_MISMATCH.id,
            NUMBER_MISMATCH.severity,
            t.span,
            message,
        );
        if let Some(s) = extra_source.get(k) {
            let group = a
                .target
                .numbers()
                .groups
                .iter()
                .find(|g| found.contains(g.as_str()))
                .map(String::as_str);
            let right = format_number(&s.value, a.target, group);
            let edits = vec![Edit::replace(t.span, right.clone())];
            let label = format!("replace with `{right}`");
            d = d.with_fix(if fixable {
                Fix::unsafe_(label, edits)
            } else {
                Fix::display_only(label, edits)
            });
        }
        out.push(d);
    }
    if let (true, Some(first)) = (extra_target.is_empty(), extra_source.first()) {
        let all: Vec<String> = extra_source.iter().map(|s| describe(s, source)).collect();
        out.push(
            Diagnostic::new(
                NUMBER_MISMATCH.id,
                NUMBER_MISMATCH.severity,
                v.target_place(first.span.start),
                format!(
                    "the source has {} that the translation does not have; the source: “{}”",
                    all.join(", "),
                    v.source_excerpt(first.span)
                ),
            )
            .with_fix(Fix::display_only(
                "write the number in the translation",
                Vec::new(),
            ))
            .broad(),
        );
    }
}

fn describe(n: &Number, source: &str) -> String {
    format!("`{}` ({})", n.span.slice(source), n.value)
}

/// Takes one from the count of `value`, if any is left.
fn take(counts: &mut HashMap<String, usize>, value: &str) -> bool {
    match counts.get_mut(value) {
        Some(c) if *c > 0 => {
            *c -= 1;
            true
        }
        _ => false,
    }
}

/// The numbers of each side that the other side does not match by value, in order. Of several
/// equal values the first ones are matched.
fn unmatched<'n>(source: &'n [Number], target: &'n [Number]) -> (Vec<&'n Number>, Vec<&'n Number>) {
    let mut source_counts: HashMap<&str, usize> = HashMap::new();
    for n in source {
        *source_counts.entry(&n.value).or_insert(0) += 1;
    }
    let mut target_counts: HashMap<&str, usize> = HashMap::new();
    for n in target {
        *target_counts.entry(&n.value).or_insert(0) += 1;
    }
    let leftover = |numbers: &'n [Number], other: &HashMap<&str, usize>| {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        numbers
            .iter()
            .filter(|n| {
                let k = seen.entry(&n.value).or_insert(0);
                *k += 1;
                let matched = other.get(n.value.as_str()).copied().unwrap_or(0);
                *k > matched
            })
            .collect::<Vec<_>>()
    };
    (
        leftover(source, &target_counts),
        leftover(target, &source_counts),
    )
}
