//! Glossary rules: `translated-name`, `wrong-term`, `glossary-variant`, `untranslated-term`.
//!
//! Each reads the glossary matches of the analysis and turns the non-right ones into findings
//! with a safe fix: the glossary says exactly what is right.

use super::name_evidence::is_derived_name;
use super::replacement::{fitted_edit, NameGrammar};
use super::{Check, Context, Rule};
use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Fix, Severity, Span};
use crate::glossary::{Kind, Role, TermMatch};

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
lists for them, or in a literal translation mtlint derives from the name with the lexicon of
the language pair ("Courrier quotidien" for *Daily Mail* in French, "Correo de Kiev" for *Kyiv
Post* in Spanish, "Nachrichtenwoche" for *Newsweek* in German). A derived form is reported only
where it stands as a name: capitalised, and, when it is made of everyday words, cited as a
source ("selon", "a déclaré à", "… a rapporté"; "según", "secondo", "segundo", "laut").

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
Safe for the forms the glossary lists: the glossary names the original. Unsafe for derived
forms: they are a guess, so a person confirms them (`--unsafe-fixes` or interactively). The
replacement keeps the elision and the article around it right ("le Journal de Wall Street" →
"le Wall Street Journal") and takes a capital at the start of a sentence.
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
            // An English spelling inside an English title or quotation is the title's own:
            // « 20 Days in Mariupol » keeps "Mariupol".
            if matches!(m.role, Role::Variant | Role::Source) && in_source_quotation(a, m.span) {
                continue;
            }
            if let Some(d) = term_diagnostic(a, m) {
                out.push(d);
            }
        }
    }
}

/// How far around a match to look for the quotation marks that enclose it.
const QUOTE_REACH: usize = 300;

/// True when `span` lies inside quotation marks (« », “ ”, " ") whose content holds a
/// function word of the source language that the target language does not have: a title or a
/// quotation left in the source language on purpose.
fn in_source_quotation(a: &Analysis<'_>, span: Span) -> bool {
    let text = a.text;
    let Some(segment) = a
        .segments
        .iter()
        .find(|s| s.start <= span.start && span.end <= s.end)
    else {
        return false;
    };
    let mut lo = span.start.saturating_sub(QUOTE_REACH).max(segment.start);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (span.end + QUOTE_REACH).min(segment.end);
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let before = &text[lo..span.start];
    let after = &text[span.end..hi];
    // The nearest quotation mark before the match must open a quotation (one that closes
    // one means the match is outside).
    let quotes = a.target;
    let closes = |c: char| c != '"' && quotes.is_closing_quote(c);
    let Some((open_at, opener, closer)) = before
        .char_indices()
        .rev()
        .find(|&(_, c)| quotes.closing_quote(c).is_some() || closes(c))
        .filter(|&(_, c)| !closes(c))
        .and_then(|(i, c)| Some((i, c, quotes.closing_quote(c)?)))
    else {
        return false;
    };
    // Marks that open and close alike ("…"): inside when an odd number precede the match.
    if opener == closer && before.matches(opener).count() % 2 == 0 {
        return false;
    }
    let Some(close_at) = after.find(closer) else {
        return false;
    };
    let inside = Span::new(lo + open_at + opener.len_utf8(), span.end + close_at);
    a.tokens_in(inside).iter().any(|t| {
        let w = t.text(text);
        a.source.is_function_word(w) && !a.target.is_function_word(w)
    })
}

/// The finding for one glossary match, if the match is not a right form. Other checks (the
/// fragment check) reuse it to carry the glossary's fix.
pub fn term_diagnostic(a: &Analysis<'_>, m: &TermMatch) -> Option<Diagnostic> {
    let glossary = a.glossary;
    let concept = glossary.concept(m.concept);
    let found = m.span.slice(a.text);
    let right = glossary.replacement(m)?;
    // A translated name is still written as a name: "une semaine d’actualités chargée" is
    // ordinary French, "Semaine d’actualités a contacté" is the magazine.
    if m.role == Role::Wrong
        && concept.keep
        && !found.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    // A derived (not listed) translation must also stand in the text as a name.
    if m.derived && !is_derived_name(a, m, glossary.form(m)) {
        return None;
    }
    if m.role == Role::Source && !is_left_untranslated(a, m, concept.kind) {
        return None;
    }
    let (rule, message): (&Rule, String) = match m.role {
        Role::Preferred | Role::Accepted | Role::Abbr | Role::SourceAbbr => return None,
        Role::Wrong if concept.keep && m.derived => (
            &TRANSLATED_NAME,
            format!(
                "`{found}` looks like a word-for-word translation of the {} name `{right}` ({}), \
                 which stays as it is",
                concept.kind.as_str(),
                glossary.derivation(m).unwrap_or_default()
            ),
        ),
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
        // An English spelling of a person or place is a spelling matter, not a leftover.
        Role::Source if matches!(concept.kind, Kind::Person | Kind::Place) => (
            &GLOSSARY_VARIANT,
            format!(
                "`{found}` is the {} spelling; in {} write `{right}`",
                a.source.name, a.target.name
            ),
        ),
        Role::Source => (
            &UNTRANSLATED_TERM,
            format!(
                "`{found}` is left in {}; in {} it is `{right}`",
                a.source.name, a.target.name
            ),
        ),
    };
    let grammar = NameGrammar::of(concept, glossary.target());
    let edit = fitted_edit(a, m.span, &right, grammar);
    let label = format!("replace with `{}`", edit.replacement);
    // A derived form is a guess: its fix waits for a person.
    let fix = if m.derived {
        Fix::unsafe_(label, vec![edit])
    } else {
        Fix::safe(label, vec![edit])
    };
    Some(Diagnostic::new(rule.id, rule.severity, m.span, message).with_fix(fix))
}

/// Whether a source-language form in the text is really left untranslated, rather than part of
/// a longer foreign name ("London School of Economics") or the title of a work ("Cold War", a
/// film): the form must not touch other capitalized words, and a common noun (`term`,
/// `event`) must follow an article of the target language ("la Cold War").
fn is_left_untranslated(a: &Analysis<'_>, m: &TermMatch, kind: Kind) -> bool {
    let text = a.text;
    // The tokens wholly before and wholly after the match.
    let from = a.tokens.partition_point(|t| t.span.end <= m.span.start);
    let to = a.tokens.partition_point(|t| t.span.start < m.span.end);
    let joined_by_space = |left: usize, right: usize| {
        let gap = &text[left..right];
        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    };
    let prev = from.checked_sub(1).map(|i| a.tokens[i]);
    let next = a.tokens.get(to).copied();
    let longer_name = |t: Option<crate::text::Token>, before: bool| {
        t.is_some_and(|t| {
            let adjacent = if before {
                joined_by_space(t.span.end, m.span.start)
            } else {
                joined_by_space(m.span.end, t.span.start)
            };
            adjacent
                && t.is_capitalized(text)
                && !a.target.is_function_word(t.text(text))
                && !(before && a.is_sentence_start(t.span.start))
        })
    };
    // A photo credit or a byline: "JOHN SMITH/World Health Organization/AFP".
    let in_credit = text[..m.span.start].ends_with('/') || text[m.span.end..].starts_with('/');
    if in_credit || longer_name(prev, true) || longer_name(next, false) {
        return false;
    }
    if matches!(kind, Kind::Term | Kind::Event) {
        return prev.is_some_and(|p| {
            let w = p.text(text);
            (p.elided || joined_by_space(p.span.end, m.span.start))
                && (a.target.is_definite_article(w) || a.target.contract_before_vowel(w).is_some())
        });
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_clean, assert_fixed, assert_flags};
    use crate::diagnostic::Applicability::Safe;

    const GLOSSARY: &str = r#"
[[concept]]
id = "newsweek"
kind = "outlet"
keep = true
en = "Newsweek"
fr.wrong = ["Semaine d'actualités"]

[[concept]]
id = "wall-street-journal"
kind = "outlet"
keep = true
en = "The Wall Street Journal"
fr.wrong = ["Journal de Wall Street"]

[[concept]]
id = "foreign-policy"
kind = "outlet"
keep = true
case_sensitive = true
en = "Foreign Policy"

[[concept]]
id = "pashinyan"
kind = "person"
en = "Nikol Pashinyan"
fr = { preferred = "Nikol Pachinian", variants = ["Nikol Pashinyan"] }

[[concept]]
id = "putin"
kind = "person"
en = "Vladimir Putin"
fr = "Vladimir Poutine"

[[concept]]
id = "london"
kind = "place"
en = "London"
fr = "Londres"

[[concept]]
id = "ots"
kind = "organization"
en = { preferred = "Organization of Turkic States", abbr = "OTS" }
fr = { preferred = "Organisation des États turciques", abbr = "OET", gender = "f" }

[[concept]]
id = "who"
kind = "organization"
en = { preferred = "World Health Organization", abbr = "WHO" }
fr = { preferred = "Organisation mondiale de la santé", abbr = "OMS", gender = "f", wrong = ["WHO", "Organisation de la santé mondiale"] }

[[concept]]
id = "cold-war"
kind = "event"
en = "Cold War"
fr = { preferred = "guerre froide", gender = "f" }

[[concept]]
id = "iran"
kind = "place"
en = "Iran"
fr = "Iran"

[[concept]]
id = "iraq"
kind = "place"
en = "Iraq"
fr = { preferred = "Irak", variants = ["Iraq"] }
"#;

    #[test]
    fn translated_names_are_flagged_with_a_fitting_fix() {
        assert_flags(
            GLOSSARY,
            "translated-name",
            "Selon Semaine d’actualités, non.",
            &["Semaine d’actualités"],
        );
        assert_fixed(
            GLOSSARY,
            "translated-name",
            "Semaine d'actualités a contacté X.",
            Safe,
            "Newsweek a contacté X.",
        );
        assert_fixed(
            GLOSSARY,
            "translated-name",
            "D’après le Journal de Wall Street, oui.",
            Safe,
            "D’après le Wall Street Journal, oui.",
        );
        assert_fixed(
            GLOSSARY,
            "translated-name",
            "Un article de SEMAINE D’ACTUALITÉS.",
            Safe,
            "Un article de Newsweek.",
        );
    }

    #[test]
    fn kept_names_and_common_phrases_are_not_translated_names() {
        assert_clean(
            GLOSSARY,
            "translated-name",
            &[
                "Newsweek a contacté le ministère.",
                "La politique étrangère de la France, selon Foreign Policy.",
                "Une semaine d’actualités chargée.",
                "Le journal de Wall Streeters.",
            ],
        );
    }

    #[test]
    fn wrong_terms_are_flagged_and_fixed() {
        assert_flags(GLOSSARY, "wrong-term", "Selon la WHO, oui.", &["WHO"]);
        assert_fixed(
            GLOSSARY,
            "wrong-term",
            "L’Organisation de la santé mondiale a réagi.",
            Safe,
            "L’Organisation mondiale de la santé a réagi.",
        );
        // Acronyms keep their case: "who" is not the organisation.
        assert_clean(
            GLOSSARY,
            "wrong-term",
            &["The man who knew.", "Selon l’OMS."],
        );
    }

    #[test]
    fn variants_and_surnames_are_flagged() {
        assert_flags(
            GLOSSARY,
            "glossary-variant",
            "Nikol Pashinyan a parlé. Pashinyan a ajouté.",
            &["Nikol Pashinyan", "Pashinyan"],
        );
        assert_fixed(
            GLOSSARY,
            "glossary-variant",
            "Selon Pashinyan, Nikol Pashinyan a tort.",
            Safe,
            "Selon Pachinian, Nikol Pachinian a tort.",
        );
        // An English spelling of a person or place is a variant too.
        assert_fixed(
            GLOSSARY,
            "glossary-variant",
            "Putin a parlé à Londres.",
            Safe,
            "Poutine a parlé à Londres.",
        );
    }

    #[test]
    fn iran_is_not_iraq_and_names_inside_words_are_not_matched() {
        assert_clean(
            GLOSSARY,
            "glossary-variant",
            &[
                "L’Iran et l’Irak.",
                "Les Iraniens, les Irakiens.",
                "Pashinyanisme.",
                "Un pashinyan.",
            ],
        );
        assert_flags(GLOSSARY, "glossary-variant", "L’Iraq.", &["Iraq"]);
    }

    #[test]
    fn untranslated_terms_are_flagged_with_elision_kept() {
        assert_fixed(
            GLOSSARY,
            "untranslated-term",
            "Deux membres de l’Organization of Turkic States.",
            Safe,
            "Deux membres de l’Organisation des États turciques.",
        );
        assert_flags(
            GLOSSARY,
            "untranslated-term",
            "Pendant la Cold War, rien.",
            &["Cold War"],
        );
    }

    #[test]
    fn english_spellings_inside_english_titles_and_quotations_are_not_flagged() {
        assert_clean(
            GLOSSARY,
            "glossary-variant",
            &[
                "Le documentaire « 20 Days in London » a été primé.",
                "Il cite “the London of my youth”.",
                "Il cite \"the London of my youth\" encore.",
            ],
        );
        // A French quotation around the name: still the English spelling.
        assert_flags(
            GLOSSARY,
            "glossary-variant",
            "Il a dit : « Je pars pour London demain ».",
            &["London"],
        );
        // Quotes closed before the name: not inside.
        assert_flags(
            GLOSSARY,
            "glossary-variant",
            "Le film « The Game » sort. Pashinyan a parlé à London.",
            &["Pashinyan", "London"],
        );
    }

    #[test]
    fn source_forms_inside_longer_names_titles_and_credits_are_not_flagged() {
        assert_clean(
            GLOSSARY,
            "untranslated-term",
            &[
                "Il enseigne à la London School of Economics.",
                "Prix de la mise en scène : Pawel Pawlikowski pour Cold War.",
                "Photo : JOHN SMITH/World Health Organization/AFP",
                "L’OTS et la WHO.",
            ],
        );
        assert_clean(
            GLOSSARY,
            "glossary-variant",
            &["Il enseigne à la London School of Economics."],
        );
    }
}
