//! The rule as a user meets it: texts in, findings and fixes out (through the whole linter, so
//! the dedupe against glossary findings is part of what is tested).

use crate::checks::test_support::{assert_clean, assert_fixed, assert_flags, lint};
use crate::config::{ConsistencyScope, Settings};
use crate::diagnostic::{Applicability, Severity};
use crate::document::Document;
use crate::glossary::Glossary;
use crate::input::Source;
use crate::lint::Linter;

const RULE: &str = "inconsistent-spelling";

/// An article of our own in the manner of the seed: one spelling once, another three times.
const KARABAKH: &str = "Des soldats de la paix sont morts au Haut-Karabagh, a annoncé mercredi le \
Kremlin. Les séparatistes du Haut-Karabakh ont accepté de déposer les armes.\n\nLa population du \
Haut-Karabakh fuit vers l’Arménie, et le Premier ministre arménien Nikol Pashinyan a demandé de \
l’aide. Pashinyan a dénoncé l’inaction de l’OTSC au Haut-Karabakh.";

/// A text where `minority` appears once, after `majority` twice.
fn two_to_one(majority: &str, minority: &str) -> String {
    format!(
        "{majority} a parlé lundi devant la presse. Selon {majority}, rien n’a changé.\n\
         Plus tard, {minority} a démenti toute rencontre."
    )
}

#[test]
fn the_minority_spelling_is_flagged_with_the_majority_named() {
    assert_flags("", RULE, KARABAKH, &["Haut-Karabagh"]);
    let found = lint("", KARABAKH);
    let d = found.iter().find(|d| d.rule == RULE).expect("a finding");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "`Haut-Karabagh` is also spelled `Haut-Karabakh` (3 times in this document)"
    );
    assert_eq!(d.related.len(), 3, "related points at every Haut-Karabakh");
    for (span, note) in &d.related {
        assert_eq!(span.slice(KARABAKH), "Haut-Karabakh");
        assert_eq!(note, "`Haut-Karabakh` here");
    }
    assert_eq!(d.fixes[0].applicability, Applicability::Unsafe);
    assert_eq!(d.fixes[0].edits[0].replacement, "Haut-Karabakh");
}

#[test]
fn the_fix_makes_the_finding_go_away() {
    assert_fixed(
        "",
        RULE,
        KARABAKH,
        Applicability::Unsafe,
        &KARABAKH.replace("Haut-Karabagh", "Haut-Karabakh"),
    );
}

#[test]
fn every_transliteration_pattern_is_found_in_running_text() {
    // (majority, minority, flagged span, replacement)
    for (majority, minority, flagged, replacement) in [
        ("Karabakh", "Karabagh", "Karabagh", "Karabakh"), // k/g
        ("Kadyrov", "Kadirov", "Kadirov", "Kadyrov"),     // i/y
        ("Pashinyan", "Pachinian", "Pachinian", "Pashinyan"), // sh/ch, i/y
        ("Shoigu", "Choïgou", "Choïgou", "Shoigu"),       // sh/ch, ou/u
        ("Ouattara", "Wattara", "Wattara", "Ouattara"),   // ou/w
        ("Bendjedid", "Benjedid", "Benjedid", "Bendjedid"), // dj/j
        ("Gunnar", "Gunar", "Gunar", "Gunnar"),           // doubled letter
        ("Narychkine", "Narishkin", "Narishkin", "Narychkine"), // final -e
        ("Erdoğan", "Erdogan", "Erdogan", "Erdoğan"),     // diacritics
        (
            "Saint-Pétersbourg",
            "Saint Pétersbourg",
            "Saint Pétersbourg",
            "Saint-Pétersbourg",
        ), // hyphen vs space
        ("Solskjaer", "Solksjaer", "Solksjaer", "Solskjaer"), // one transposed letter
        ("Bachar al-Assad", "Bachar el-Assad", "el-Assad", "al-Assad"), // particles
    ] {
        let text = two_to_one(majority, minority);
        assert_flags("", RULE, &text, &[flagged]);
        let at = text.rfind(flagged).expect("flagged text");
        let fixed = format!(
            "{}{replacement}{}",
            &text[..at],
            &text[at + flagged.len()..]
        );
        assert_fixed("", RULE, &text, Applicability::Unsafe, &fixed);
    }
}

#[test]
fn elision_is_seen_through_and_rewritten_for_the_replacement() {
    // A vowel-initial minority after "d’" becomes "de" + a consonant-initial majority.
    assert_fixed(
        "",
        RULE,
        "Les partisans d’Ouattara manifestent. Wattara a gagné. Wattara gouverne.",
        Applicability::Unsafe,
        "Les partisans de Wattara manifestent. Wattara a gagné. Wattara gouverne.",
    );
    // And the other way round (the text has no typographic apostrophe: the fix writes none).
    assert_fixed(
        "",
        RULE,
        "Les partisans de Wattara manifestent. Ouattara a gagné. Ouattara gouverne.",
        Applicability::Unsafe,
        "Les partisans d'Ouattara manifestent. Ouattara a gagné. Ouattara gouverne.",
    );
    assert_flags(
        "",
        RULE,
        "Le chef de l’Azerbaijan parle. L’Azerbaïdjan répond. L’Azerbaïdjan attend.",
        &["Azerbaijan"],
    );
}

#[test]
fn a_name_in_capitals_is_replaced_in_capitals() {
    assert_fixed(
        "",
        RULE,
        "Kadyrov parle. Kadyrov répond.\nPHOTO : RAMZAN KADIROV/AFP",
        Applicability::Unsafe,
        "Kadyrov parle. Kadyrov répond.\nPHOTO : RAMZAN KADYROV/AFP",
    );
}

#[test]
fn a_tie_keeps_the_spelling_used_first() {
    assert_flags(
        "",
        RULE,
        "Kadirov est arrivé mardi. Kadyrov est reparti jeudi.",
        &["Kadyrov"],
    );
}

#[test]
fn names_that_merely_look_alike_are_not_flagged() {
    assert_clean(
        "",
        RULE,
        &[
            "L’Arménie a protesté. Les Arméniens ont fui. Un Arménien témoigne. Les Arméniennes aussi.",
            "La Russie et les Russes. L’Ukraine et les Ukrainiens. L’Iran et les Iraniens.",
            "L’Iran et l’Irak ont signé. L’Iran a démenti, l’Irak a confirmé.",
            "L’Autriche et l’Australie jouent. L’Autriche a gagné contre l’Australie.",
            "La Slovaquie et la Slovénie votent. La Slovénie a voté avant la Slovaquie.",
            "Le Mali a protesté. Bali a accueilli le sommet. Le Mali s’est retiré.",
            "Gaza manque de tout. Gaz de France livre. Gaza attend, Gaz de France aussi.",
            "L’OTS et l’OTSC se réunissent. L’OTSC a protesté, l’OTS a soutenu.",
            "L’État de Georgia vote. La Géorgie aussi. Georgia et Géorgie.",
            "La Chine et les Chinois. La France et les Français. Paris et les Parisiens.",
            "Daniel et Danielle sont venus. Martin et Martine aussi. Daniel a parlé, Martine a ri.",
            "Jean-Luc Godard et Jean-Louis Trintignant. Jean-Luc est parti, Jean-Louis est resté.",
            "Le Kazakhstan et le Kirghizistan. Le Kazakhstan a voté, le Kirghizistan aussi.",
            "Cette décision surprend. Cet accord aussi. Celle-ci, puis celles-là.",
            "Selon Salon, le salon a ouvert. Selon lui, Salon attire.",
            "Le Niger et le Nigeria. Le Niger a fermé, le Nigeria a ouvert.",
        ],
    );
}

#[test]
fn given_names_of_two_people_are_not_one_name() {
    // Two first names written before two different surnames: two people.
    assert_clean(
        "",
        RULE,
        &[
            "Le prince Mohammed ben Salmane a reçu le général Mohamed Hamdan Daglo. \
           Le prince a ensuite parlé avec Mohammed ben Zayed.",
        ],
    );
    // The same surname after both: one person, two spellings.
    assert_flags(
        "",
        RULE,
        "Le général Mohamed Hamdan Daglo parle. Le chef Mohammed Hamdan Daglo répond. \
         Enfin, Mohammed Hamdan Daglo se tait.",
        &["Mohamed"],
    );
    // Surnames after different given names: two people (Anna Meyer, Hans Meier).
    assert_clean(
        "",
        RULE,
        &["Selon Anna Meyer et Hans Meier, non. Puis Anna Meyer a parlé."],
    );
    // A surname standing alone somewhere is compared as usual.
    assert_flags(
        "",
        RULE,
        "Selon Ramzan Kadyrov, rien. Le chef Ramzan Kadirov dément. Kadyrov insiste.",
        &["Kadirov"],
    );
}

#[test]
fn a_common_word_at_the_start_of_a_sentence_is_no_name() {
    // "Partisan" opens a sentence and is written in lowercase elsewhere: a word, not a name.
    assert_clean(
        "",
        RULE,
        &["Le partisan parle. Partizan Belgrade a gagné. Partizan joue. Partisan, il l’est."],
    );
}

const MEYER: &str = r#"
[[concept]]
id = "anna-meyer"
kind = "person"
fr = "Meyer"

[[concept]]
id = "hans-meier"
kind = "person"
fr = "Meier"
"#;

#[test]
fn forms_of_two_glossary_concepts_are_never_one_name() {
    let text = "Meyer a parlé. Meyer a répondu. Meier a démenti.";
    assert_flags("", RULE, text, &["Meier"]);
    assert_flags(MEYER, RULE, text, &[]);
}

const CPJ: &str = r#"
[[concept]]
id = "committee-to-protect-journalists"
kind = "organization"
keep = true
en = "Committee to Protect Journalists"
"#;

#[test]
fn a_word_inside_a_longer_glossary_name_is_no_name_of_its_own() {
    let text = "Le Comité international a protesté, comme le Committee to Protect Journalists. \
                Le Comité a ensuite publié un rapport; le Comité insiste.";
    assert_flags("", RULE, text, &["Committee"]);
    assert_flags(CPJ, RULE, text, &[]);
}

const KARABAKH_GLOSSARY: &str = r#"
[[concept]]
id = "nagorno-karabakh"
kind = "place"
en = "Nagorno-Karabakh"
fr = { preferred = "Haut-Karabakh", accepted = ["Haut-Karabagh", "Nagorny-Karabakh"], gender = "m" }

[[concept]]
id = "yerevan"
kind = "place"
en = "Yerevan"
fr = { preferred = "Erevan", variants = ["Yerevan"] }
"#;

#[test]
fn the_glossary_preferred_form_wins_over_the_majority() {
    let text = "Au Haut-Karabagh, on fuit. Le Haut-Karabagh se vide. Le Haut-Karabakh disparaît.";
    assert_flags(
        KARABAKH_GLOSSARY,
        RULE,
        text,
        &["Haut-Karabagh", "Haut-Karabagh"],
    );
    let d = lint(KARABAKH_GLOSSARY, text);
    assert!(
        d[0].message.ends_with("the glossary's preferred form"),
        "{}",
        d[0].message
    );
}

#[test]
fn two_names_of_one_concept_are_an_info() {
    let text = "Le Haut-Karabakh se vide. Le Haut-Karabakh disparaît. Le Nagorny-Karabakh aussi.";
    let found = lint(KARABAKH_GLOSSARY, text);
    let d: Vec<_> = found.iter().filter(|d| d.rule == RULE).collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.slice(text), "Nagorny-Karabakh");
    assert_eq!(d[0].severity, Severity::Info);
    assert_eq!(
        d[0].message,
        "`Nagorny-Karabakh` and `Haut-Karabakh` (2 times in this document) name one thing; \
         the glossary prefers `Haut-Karabakh`"
    );
    // Without the glossary they are two names.
    assert_flags("", RULE, text, &[]);
}

#[test]
fn a_glossary_variant_gets_no_second_finding() {
    let text = "Erevan proteste. Yerevan répond. Erevan insiste.";
    assert_flags(KARABAKH_GLOSSARY, RULE, text, &[]);
    assert_flags(KARABAKH_GLOSSARY, "glossary-variant", text, &["Yerevan"]);
}

fn check_all(scope: ConsistencyScope, texts: &[&str]) -> Vec<Vec<(String, String)>> {
    let settings = Settings {
        consistency_scope: scope,
        ..Settings::default()
    };
    let linter = Linter::new(&Glossary::default(), settings).expect("supported languages");
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Document::plain(Source {
                name: format!("{i}.txt"),
                text: (*t).into(),
            })
        })
        .collect();
    linter
        .check_all(docs)
        .into_iter()
        .map(|r| {
            r.diagnostics
                .iter()
                .filter(|d| d.rule == RULE)
                .map(|d| (d.span.slice(&r.text).to_owned(), d.message.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn batch_scope_pools_the_spellings_of_every_file() {
    let texts = [
        "Kadyrov parle. Kadyrov répond.",
        "Kadirov se tait.",
        "Le Haut-Karabakh se vide.",
    ];
    assert!(check_all(ConsistencyScope::File, &texts)
        .iter()
        .all(Vec::is_empty));
    let batch = check_all(ConsistencyScope::Batch, &texts);
    assert_eq!(batch[0], []);
    assert_eq!(
        batch[1],
        [(
            "Kadirov".to_owned(),
            "`Kadirov` is also spelled `Kadyrov` (2 times in this batch)".to_owned()
        )]
    );
    assert_eq!(batch[2], []);
}

#[test]
fn a_name_after_a_capitalized_particle_is_joined_when_the_text_writes_it_in_one_word() {
    let text = two_to_one("Ron DeSantis", "Ron De Santis");
    assert_flags("", RULE, &text, &["De Santis"]);
    let fixed = two_to_one("Ron DeSantis", "Ron DeSantis");
    assert_fixed("", RULE, &text, Applicability::Unsafe, &fixed);
    // A particle before a name the text never writes in one word: two words, no finding.
    assert_clean(
        "",
        RULE,
        &[
            "Le général De Gaulle est arrivé. Charles de Gaulle a parlé. Gaulle est un nom rare.",
            "La Fontaine a écrit des fables. Jean de La Fontaine est né à Château-Thierry.",
        ],
    );
}

#[test]
fn words_of_handles_hashtags_and_urls_are_no_names() {
    assert_clean(
        "",
        RULE,
        &[
            "La ministre de l’Énergie a parlé. L’Énergie manque, et le compte @EU_Energy le dit.",
            "Le Kremlin dément. Le Kremlin, cité par #KremlinWatch, a répété son démenti.",
            "Ouattara parle. Ouattara, selon https://example.org/Wattara/news, a fermé la frontière.",
        ],
    );
    // The same spelling in prose is still one name spelled two ways.
    assert_flags(
        "",
        RULE,
        "Ouattara parle. Ouattara a fermé la frontière. Plus tard, Wattara a démenti.",
        &["Wattara"],
    );
}
