//! Glossary rules: `translated-name`, `wrong-term`, `glossary-variant`, `untranslated-term`.
//!
//! Each reads the glossary matches of the analysis and turns the non-right ones into findings
//! with a safe fix: the glossary says exactly what is right.

use super::replacement::fitted_edit;
use super::{Check, Context, Rule};
use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::glossary::{Role, TermMatch};

/// A kept name appears translated.
pub static TRANSLATED_NAME: Rule = Rule {
    id: "translated-name",
    family: "glossary",
    severity: Severity::Error,
    summary: "A name that must stay as it is (outlet, brand, organisation) appears translated",
    precedence: 60,
    doc: r#"## What it does
Finds names that the glossary keeps as they are in every language (`keep = true`: outlets,
agencies, brands, think tanks, platforms) written in one of the translated forms the glossary
lists for them.

## Why is this bad?
Machine translation translates names word for word: *Newsweek* becomes "Semaine
d’actualités", *The Wall Street Journal* "le Journal de Wall Street". The reader meets a
publication that does not exist, and cannot find the one that does.

## Example
```text
Semaine d’actualités a contacté le ministère russe de la Défense.
```
Use instead:
```text
Newsweek a contacté le ministère russe de la Défense.
```

## Fix safety
Safe: the glossary names the original. The replacement keeps the elision and the article
around it right ("le Journal de Wall Street" → "le Wall Street Journal") and takes a capital at
the start of a sentence.
"#,
};

/// A form the glossary marks wrong.
pub static WRONG_TERM: Rule = Rule {
    id: "wrong-term",
    family: "glossary",
    severity: Severity::Error,
    summary: "A form the glossary marks as wrong for the target language",
    precedence: 60,
    doc: r#"## What it does
Finds forms that the glossary lists as `wrong` for the target language (a mistranslated
organisation, a false friend, a wrong official name).

## Why is this bad?
The glossary records the mistakes that the newsroom has decided are wrong; publishing them
misinforms the reader and contradicts the house's own corrections.

## Example
```text
L’Organisation des Nations Unies pour l’Éducation a réagi.
```
With `fr.wrong = ["Organisation des Nations Unies pour l'Éducation"]`, use the preferred form:
```text
L’Unesco a réagi.
```

## Fix safety
Safe: the fix writes the glossary's preferred form, with elision and capitals adjusted.
"#,
};

/// A non-house spelling listed by the glossary.
pub static GLOSSARY_VARIANT: Rule = Rule {
    id: "glossary-variant",
    family: "glossary",
    severity: Severity::Warning,
    summary: "A spelling the glossary lists as a variant, not the house form",
    precedence: 50,
    doc: r#"## What it does
Finds spellings that the glossary lists as `variants` of a concept: correct somewhere (often
the English transliteration), but not the house form in the target language.

## Why is this bad?
French usage is settled for many names (Pachinian, Zelensky, Erevan, Tbilissi). An English
transliteration left by machine translation looks careless and breaks search and tagging.

## Example
```text
Le Premier ministre arménien Nikol Pashinyan a déclaré…
```
Use instead:
```text
Le Premier ministre arménien Nikol Pachinian a déclaré…
```
A person's surname alone is matched too ("Pashinyan a dénoncé…").

## Fix safety
Safe: the glossary names the house form.
"#,
};

/// A source-language glossary term left in the text.
pub static UNTRANSLATED_TERM: Rule = Rule {
    id: "untranslated-term",
    family: "glossary",
    severity: Severity::Error,
    summary: "A source-language glossary term left untranslated in the target text",
    precedence: 40,
    doc: r#"## What it does
Finds the source-language name of a glossary concept (one that is not kept as is) in the
target text: an English organisation name inside French prose.

## Why is this bad?
The concept has an established name in the target language; the English one is a leftover of
machine translation.

## Example
```text
Deux membres de l’Organization of Turkic States sont présents.
```
Use instead:
```text
Deux membres de l’Organisation des États turciques sont présents.
```
Source-language acronyms (OTS, NATO) are not reported by default: list them in the target
language's `wrong` or `variants` when your house style forbids them.

## Fix safety
Safe: the glossary names the target form. When the term sits inside a longer untranslated
fragment, the fragment's finding carries this fix instead.
"#,
};

static RULES: [&Rule; 4] = [
    &TRANSLATED_NAME,
    &WRONG_TERM,
    &GLOSSARY_VARIANT,
    &UNTRANSLATED_TERM,
];

/// The glossary rules.
pub struct GlossaryCheck;

impl Check for GlossaryCheck {
    fn rules(&self) -> &'static [&'static Rule] {
        &RULES
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        for m in &a.terms {
            if let Some(d) = term_diagnostic(a, m) {
                out.push(d);
            }
        }
    }
}

/// The finding for one glossary match, if the match is not a right form. Other checks (the
/// fragment check) reuse it to carry the glossary's fix.
pub fn term_diagnostic(a: &Analysis<'_>, m: &TermMatch) -> Option<Diagnostic> {
    let glossary = a.glossary;
    let concept = glossary.concept(m.concept);
    let found = m.span.slice(a.text);
    let right = glossary.replacement(m)?;
    let (rule, message): (&Rule, String) = match m.role {
        Role::Preferred | Role::Accepted | Role::Abbr | Role::SourceAbbr => return None,
        Role::Wrong if concept.keep => (
            &TRANSLATED_NAME,
            format!(
                "`{found}` translates the {} name `{right}`, which stays as it is",
                concept.kind.as_str()
            ),
        ),
        Role::Wrong => (
            &WRONG_TERM,
            format!(
                "`{found}` is wrong for this {}; the glossary says `{right}`",
                concept.kind.as_str()
            ),
        ),
        Role::Variant => (
            &GLOSSARY_VARIANT,
            format!("`{found}` is not the house spelling; write `{right}`"),
        ),
        Role::Source => (
            &UNTRANSLATED_TERM,
            format!(
                "`{found}` is left in {}; in {} it is `{right}`",
                a.source.name, a.target.name
            ),
        ),
    };
    let gender = concept
        .forms(glossary.target())
        .and_then(|f| f.gender.as_deref());
    let edit = fitted_edit(a, m.span, &right, gender);
    Some(
        Diagnostic::new(rule.id, rule.severity, m.span, message).with_fix(Fix::safe(
            format!("replace with `{}`", edit.replacement),
            vec![edit],
        )),
    )
}
