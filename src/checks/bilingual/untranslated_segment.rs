//! Rule `untranslated-segment`: the target segment is its source again, or is written wholly
//! in the source language. Uses the word evidence of `untranslated-fragment`.

use super::PairView;
use crate::checks::fragment::{Languages, SOURCE_EVIDENCE, TARGET_EVIDENCE};
use crate::checks::Rule;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::text::lang::fold_word;
use crate::text::{CaseMode, Folded, TokenKind};

/// The segment was not translated.
pub static UNTRANSLATED_SEGMENT: Rule = Rule {
    id: "untranslated-segment",
    family: "bilingual",
    severity: Severity::Error,
    summary: "A segment is its source again, or wholly in the source language",
    // Above `untranslated-fragment`: the segment's finding absorbs the fragments inside it.
    precedence: 65,
    doc: r#"## What it does
Runs when the source text is known (`--source`, XLIFF, PO). Reports a target segment that is
the same text as its source (case, apostrophes, spaces and Unicode forms folded), or that is
written wholly in the source language: no word of the target language, and several words of
the source language including a function word ("the", "would"; "der", "und"), judged with the
word frequency lists of `untranslated-fragment`.

A segment needs at least four words, two of them lowercase, to be judged: names, credits,
datelines and times ("Reuters", "Joe Biden", "12:30") are the same in both languages and are
never reported. The `untranslated-fragment` findings inside a reported segment are part of
its finding.

## Why is this bad?
A machine translation that failed on a segment (a timeout, an unsupported character, a segment
taken for code) often copies it unchanged. The reader meets a paragraph of the source
language.

## Example
Source: `The talks will resume next week in Geneva.`
```text
The talks will resume next week in Geneva.
```
Use instead:
```text
Les discussions reprendront la semaine prochaine à Genève.
```

## Fix safety
Display-only: the segment has to be translated.
"#,
};

/// Fewest words a segment needs to be judged.
const MIN_WORDS: usize = 4;
/// Fewest lowercase words (not names) a segment needs to be judged.
const MIN_LOWERCASE: usize = 2;
/// Fewest source-language words a segment wholly in the source language has.
const MIN_SOURCE_WORDS: usize = 3;

/// Reports the target segment when it was not translated.
pub(super) fn check(v: &PairView<'_, '_>, out: &mut Vec<Diagnostic>) {
    let a = v.a;
    let text = a.text;
    let words: Vec<_> = a
        .tokens_in(v.pair.target)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let lowercase = words
        .iter()
        .filter(|t| t.text(text).chars().next().is_some_and(char::is_lowercase))
        .count();
    if words.len() < MIN_WORDS || lowercase < MIN_LOWERCASE {
        return;
    }
    let same = squeeze(&Folded::fold_str(v.target(), CaseMode::Fold))
        == squeeze(&Folded::fold_str(v.source(), CaseMode::Fold));
    let reason = if same {
        "it is the source text again".to_string()
    } else if wholly_source(v) {
        format!("it is written in {}", a.source.name)
    } else {
        return;
    };
    out.push(
        Diagnostic::new(
            UNTRANSLATED_SEGMENT.id,
            UNTRANSLATED_SEGMENT.severity,
            v.pair.target,
            format!("{} is not translated: {reason}", v.pair.id),
        )
        .with_fix(Fix::display_only(
            format!("translate it into {}", a.target.name),
            Vec::new(),
        )),
    );
}

/// Whitespace runs as one space, ends trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when no word of the segment is target-language evidence and enough are
/// source-language evidence, one of them a function word. Capitalised words are names or
/// sentence starts: neutral.
fn wholly_source(v: &PairView<'_, '_>) -> bool {
    let a = v.a;
    let Some(langs) = Languages::new(a.source, a.target) else {
        return false;
    };
    let mut buf = String::new();
    let (mut source, mut function) = (0, 0);
    for t in a.tokens_in(v.pair.target) {
        if t.kind != TokenKind::Word {
            continue;
        }
        // An elided article ("l’", "d’") is the target language's.
        if t.elided {
            return false;
        }
        let word = t.text(a.text);
        let folded = fold_word(word, &mut buf);
        let (evidence, source_function_word) = langs.evidence(folded);
        if evidence <= -TARGET_EVIDENCE {
            return false;
        }
        if word.chars().next().is_some_and(char::is_uppercase) && !source_function_word {
            continue;
        }
        if evidence >= SOURCE_EVIDENCE {
            source += 1;
            function += usize::from(source_function_word);
        }
    }
    source >= MIN_SOURCE_WORDS && function > 0
}
