//! Unit tests of the bilingual rules, on documents with hand-made pairs.

use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic, Span};
use crate::document::{Document, SegmentPair};
use crate::glossary::{parse, Lang};
use crate::input::Source;
use crate::lint::Linter;

const GLOSSARY: &str = r#"
[[concept]]
id = "newsweek"
kind = "outlet"
keep = true
case_sensitive = true
en = "Newsweek"
fr.wrong = ["Semaine d'actualités"]

[[concept]]
id = "bright-harbor"
kind = "organization"
keep = true
en = "Bright Harbor Institute"

[[concept]]
id = "nato"
kind = "organization"
en = { preferred = "North Atlantic Treaty Organization", abbr = "NATO" }
fr = { preferred = "Organisation du traité de l'Atlantique Nord", abbr = "OTAN", gender = "f", wrong = ["NATO"] }

[[concept]]
id = "nikol-pashinyan"
kind = "person"
en = "Nikol Pashinyan"
fr = { preferred = "Nikol Pachinian", variants = ["Nikol Pashinyan"] }

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

[[concept]]
id = "ceasefire"
kind = "term"
en = "ceasefire"
fr = { preferred = "cessez-le-feu", accepted = ["trêve"] }
"#;

/// Checks a target made of `pairs`' targets (one paragraph each) against their sources.
fn check(pairs: &[(&str, &str)], source: &str, target: &str) -> (String, Vec<Diagnostic>) {
    let glossary = parse(GLOSSARY, "test.toml").expect("test glossary is valid");
    let settings = Settings {
        target: Lang::from_code(target).expect("target"),
        source: Lang::from_code(source).expect("source"),
        ..Settings::default()
    };
    let linter = Linter::new(&glossary, settings).expect("supported languages");
    let text = document_text(pairs);
    let diagnostics = linter.check(document(pairs, &text)).diagnostics;
    (text, diagnostics)
}

fn document_text(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn document(pairs: &[(&str, &str)], text: &str) -> Document {
    let mut doc = Document::plain(Source {
        name: "t.txt".into(),
        text: text.into(),
    });
    let (mut at, mut source_at) = (0, 0);
    for (i, (s, t)) in pairs.iter().enumerate() {
        doc.pairs.push(SegmentPair {
            id: format!("paragraph {}", i + 1),
            source: (*s).to_owned(),
            source_span: Span::new(source_at, source_at + s.len()),
            target: Span::new(at, at + t.len()),
        });
        at += t.len() + 2;
        source_at += s.len() + 2;
    }
    doc
}

/// The flagged texts of `rule`, in order.
fn flags(pairs: &[(&str, &str)], rule: &str) -> Vec<String> {
    flags_from(pairs, rule, "en", "fr")
}

fn flags_from(pairs: &[(&str, &str)], rule: &str, source: &str, target: &str) -> Vec<String> {
    let (text, found) = check(pairs, source, target);
    found
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.span.slice(&text).to_owned())
        .collect()
}

/// Applies the first fix of every finding of `rule` at `min` or above, then checks the fixed
/// text against the same sources: `rule` must be gone.
#[track_caller]
fn assert_fixed(pairs: &[(&str, &str)], rule: &str, min: Applicability, expected: &str) {
    let (text, found) = check(pairs, "en", "fr");
    let edits: Vec<_> = found
        .into_iter()
        .filter(|d| d.rule == rule)
        .filter_map(|d| d.fixes.into_iter().next())
        .filter(|f| f.applicability >= min)
        .flat_map(|f| f.edits)
        .collect();
    let fixed = crate::fix::apply_edits(&text, &edits).expect("fixes apply");
    assert_eq!(fixed, expected);
    let fixed_pairs: Vec<(&str, &str)> = pairs
        .iter()
        .zip(fixed.split("\n\n"))
        .map(|((s, _), t)| (*s, t))
        .collect();
    assert_eq!(flags(&fixed_pairs, rule), Vec::<String>::new());
}

// name-not-kept

#[test]
fn a_translated_kept_name_is_found_by_place_and_shape() {
    let pairs = [(
        "The Bright Harbor Institute said the storm was the worst in years.",
        "L'Institut du Port Lumineux a déclaré que la tempête était la pire depuis des années.",
    )];
    assert_eq!(
        flags(&pairs, "name-not-kept"),
        ["Institut du Port Lumineux"]
    );
    let (_, found) = check(&pairs, "en", "fr");
    let d = found
        .iter()
        .find(|d| d.rule == "name-not-kept")
        .expect("finding");
    assert!(
        d.message.contains("Bright Harbor Institute"),
        "{}",
        d.message
    );
    assert_eq!(d.fixes[0].applicability, Applicability::Unsafe);
    assert_fixed(
        &pairs,
        "name-not-kept",
        Applicability::Unsafe,
        "Le Bright Harbor Institute a déclaré que la tempête était la pire depuis des années.",
    );
}

#[test]
fn a_listed_wrong_form_is_left_to_translated_name() {
    let pairs = [(
        "Newsweek contacted the ministry.",
        "Semaine d'actualités a contacté le ministère.",
    )];
    let (text, found) = check(&pairs, "en", "fr");
    let rules: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d.rule, d.span.slice(&text)))
        .collect();
    assert_eq!(rules, [("translated-name", "Semaine d'actualités")]);
}

#[test]
fn a_dropped_name_is_reported_on_its_sentence_without_an_edit() {
    let pairs = [(
        "It rained. Newsweek said the road was closed.",
        "Il a plu. La route était fermée, a-t-on appris.",
    )];
    assert_eq!(
        flags(&pairs, "name-not-kept"),
        ["La route était fermée, a-t-on appris."]
    );
    let (_, found) = check(&pairs, "en", "fr");
    let d = found
        .iter()
        .find(|d| d.rule == "name-not-kept")
        .expect("finding");
    assert_eq!(d.fixes[0].applicability, Applicability::DisplayOnly);
    assert!(d.fixes[0].edits.is_empty());
}

#[test]
fn kept_names_are_found_through_elision_acronyms_accepted_forms_and_surnames() {
    for pairs in [
        [(
            "NATO leaders met in Vilnius.",
            "Les dirigeants de l'OTAN se sont réunis à Vilnius.",
        )],
        [(
            "NATO leaders met.",
            "Les dirigeants de l’Organisation du traité de l’Atlantique Nord se sont réunis.",
        )],
        [(
            "Nikol Pashinyan spoke on Monday.",
            "Pachinian s'est exprimé lundi.",
        )],
        [(
            "Nikol Pashinyan spoke on Monday.",
            "Nikol Pachinian s'est exprimé lundi.",
        )],
        [(
            "The Bright Harbor Institute agreed.",
            "Le Bright Harbor Institute est d'accord.",
        )],
        [("Reuters", "Reuters")],
    ] {
        assert_eq!(
            flags(&pairs, "name-not-kept"),
            Vec::<String>::new(),
            "{pairs:?}"
        );
    }
}

#[test]
fn a_variant_or_wrong_form_is_the_glossary_rules_business() {
    // The variant is reported by glossary-variant, "NATO" in French by wrong-term.
    for pairs in [
        [("Nikol Pashinyan spoke.", "Nikol Pashinyan a parlé.")],
        [(
            "NATO leaders met.",
            "Les dirigeants de NATO se sont réunis.",
        )],
    ] {
        let (_, found) = check(&pairs, "en", "fr");
        assert!(found.iter().all(|d| d.rule != "name-not-kept"), "{found:?}");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}

// number-mismatch

#[test]
fn numbers_equal_in_another_locale_match() {
    for pairs in [
        [(
            "It cost 1,000.5 dollars.",
            "Cela a coûté 1\u{a0}000,5 dollars.",
        )],
        [(
            "It cost 1,000.5 dollars.",
            "Cela a coûté 1\u{202f}000,5 dollars.",
        )],
        [("It cost 12,000 dollars.", "Cela a coûté 12 000 dollars.")],
        [(
            "Prices rose 45% in 2024.",
            "Les prix ont augmenté de 45 % en 2024.",
        )],
        [("Since the 19th century.", "Depuis le XIXe siècle.")],
        [("Since the 19th century.", "Depuis le 19e siècle.")],
        [("The 1st round.", "Le 1er tour.")],
        [("Two men and 3 women.", "2 hommes et trois femmes.")],
        [(
            "At 12:30, see https://example.org/2024/05 and @desk42.",
            "À 12 h 30.",
        )],
        [(
            "G7 leaders and COVID-19.",
            "Les dirigeants du G7 et la Covid.",
        )],
    ] {
        assert_eq!(
            flags(&pairs, "number-mismatch"),
            Vec::<String>::new(),
            "{pairs:?}"
        );
    }
    let german = [("Es kostete 1.000,5 Euro.", "Cela a coûté 1 000,5 euros.")];
    assert_eq!(
        flags_from(&german, "number-mismatch", "de", "fr"),
        Vec::<String>::new()
    );
    let spanish = [("It cost 1,000.5 dollars.", "Costó 1.000,5 dólares.")];
    assert_eq!(
        flags_from(&spanish, "number-mismatch", "en", "es"),
        Vec::<String>::new()
    );
}

#[test]
fn a_changed_number_is_flagged_with_both_values_and_fixed() {
    let pairs = [(
        "Some 1,500 people fled on 19 March.",
        "Quelque 1 400 personnes ont fui le 19 mars.",
    )];
    assert_eq!(flags(&pairs, "number-mismatch"), ["1 400"]);
    let (_, found) = check(&pairs, "en", "fr");
    let d = &found[0];
    assert!(
        d.message.contains("1,500") && d.message.contains("1 400"),
        "{}",
        d.message
    );
    assert_fixed(
        &pairs,
        "number-mismatch",
        Applicability::Unsafe,
        "Quelque 1 500 personnes ont fui le 19 mars.",
    );
}

#[test]
fn a_decimal_read_as_a_group_is_a_mismatch() {
    // "1,5" in French is one and a half, not fifteen hundred.
    let pairs = [("1,500 soldiers.", "1,500 soldats.")];
    assert_eq!(flags(&pairs, "number-mismatch"), ["1,500"]);
}

#[test]
fn a_missing_number_is_reported_on_its_sentence_and_several_differences_are_not_fixed() {
    let pairs = [(
        "It rained. 12 people and 40 cars were stuck.",
        "Il a plu. Des gens et 40 voitures étaient bloqués.",
    )];
    assert_eq!(
        flags(&pairs, "number-mismatch"),
        ["Des gens et 40 voitures étaient bloqués."]
    );
    let two = [("12 people and 40 cars.", "13 personnes et 41 voitures.")];
    let (_, found) = check(&two, "en", "fr");
    assert_eq!(found.len(), 2);
    assert!(found
        .iter()
        .all(|d| d.fixes[0].applicability == Applicability::DisplayOnly));
}

// missing-term

#[test]
fn a_missing_term_names_the_expected_form_and_iran_is_not_iraq() {
    let pairs = [(
        "Aid will reach Iraq soon.",
        "L'aide arrivera bientôt en Iran.",
    )];
    assert_eq!(
        flags(&pairs, "missing-term"),
        ["L'aide arrivera bientôt en Iran."]
    );
    let (_, found) = check(&pairs, "en", "fr");
    assert!(found[0].message.contains("`Irak`"), "{}", found[0].message);
    let reverse = [(
        "Aid will reach Iran soon.",
        "L'aide arrivera bientôt en Irak.",
    )];
    let (_, found) = check(&reverse, "en", "fr");
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("`Iran`"), "{}", found[0].message);
}

#[test]
fn terms_present_in_any_form_and_names_are_not_missing_terms() {
    for pairs in [
        [("Aid will reach Iran.", "L'aide arrivera en Iran.")],
        [("The ceasefire held.", "La trêve a tenu.")],
        [("The ceasefire held.", "Le cessez-le-feu a tenu.")],
        // The variant is glossary-variant's, the English term untranslated-term's.
        [("Aid will reach Iraq.", "L'aide arrivera en Iraq.")],
        [("The ceasefire held.", "Le ceasefire a tenu.")],
        // A kept name is name-not-kept's.
        [("Newsweek said so.", "Le magazine l'a dit.")],
    ] {
        assert_eq!(
            flags(&pairs, "missing-term"),
            Vec::<String>::new(),
            "{pairs:?}"
        );
    }
}

// untranslated-segment

#[test]
fn a_segment_left_as_its_source_is_one_finding() {
    let text = "Officials said that the road would reopen once the water had receded.";
    let pairs = [("Il a plu.", "Il a plu."), (text, text)];
    let (out, found) = check(&pairs, "en", "fr");
    let rules: Vec<(&str, &str)> = found.iter().map(|d| (d.rule, d.span.slice(&out))).collect();
    // The fragment finding is absorbed.
    assert_eq!(rules, [("untranslated-segment", text)]);
}

#[test]
fn a_segment_wholly_in_the_source_language_is_flagged() {
    let pairs = [(
        "The officials said the road would reopen soon.",
        "The officials said that the road would be reopened soon.",
    )];
    assert_eq!(flags(&pairs, "untranslated-segment").len(), 1);
}

#[test]
fn names_times_short_and_translated_segments_are_not_untranslated() {
    for pairs in [
        [("Reuters", "Reuters")],
        [("Joe Biden and Xi Jinping", "Joe Biden and Xi Jinping")],
        [("12:30", "12:30")],
        [("By Anna Smith, Reuters", "By Anna Smith, Reuters")],
        [(
            "Officials said that the road would reopen.",
            "Les responsables ont dit que la route rouvrirait.",
        )],
        [(
            "The week-end was quiet.",
            "Le week-end a été calme, selon les habitants de la ville.",
        )],
    ] {
        assert_eq!(
            flags(&pairs, "untranslated-segment"),
            Vec::<String>::new(),
            "{pairs:?}"
        );
    }
}

#[test]
fn without_pairs_no_bilingual_rule_runs() {
    let text = "Officials said that the road would reopen once the water had receded. 12 morts.";
    let (_, found) = check(&[], "en", "fr");
    assert!(found.is_empty());
    let glossary = parse(GLOSSARY, "test.toml").expect("valid");
    let linter = Linter::new(&glossary, Settings::default()).expect("languages");
    let found = linter
        .check(Document::plain(Source {
            name: "t.txt".into(),
            text: text.into(),
        }))
        .diagnostics;
    assert!(
        found
            .iter()
            .all(|d| crate::checks::rule(d.rule).is_some_and(|r| r.family != "bilingual")),
        "{found:?}"
    );
}
