//! Tests of `untranslated-fragment`: must-flag and must-not-flag lists, fixes applied to the
//! text, the merge with `untranslated-term`, German as the source language. Every fixture is
//! written for these tests.

use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::document::Document;
use crate::glossary::{default_glossary, Glossary, Lang};
use crate::input::Source;
use crate::lint::Linter;
use std::sync::OnceLock;

/// A linter with the default glossary for text translated from `source`.
fn linter(source: Lang) -> &'static Linter {
    static EN: OnceLock<Linter> = OnceLock::new();
    static DE: OnceLock<Linter> = OnceLock::new();
    let make = || {
        let settings = Settings {
            source,
            ..Settings::default()
        };
        Linter::new(&default_glossary(), settings).expect("supported languages")
    };
    match source {
        Lang::De => DE.get_or_init(make),
        _ => EN.get_or_init(make),
    }
}

/// Every finding of the whole linter on `text`.
fn lint(text: &str, source: Lang) -> Vec<Diagnostic> {
    let doc = Document::plain(Source {
        name: "t.txt".into(),
        text: text.into(),
    });
    linter(source).check(doc).diagnostics
}

/// The leftover findings (this rule and `untranslated-term`) as (text, severity).
fn leftovers(text: &str, source: Lang) -> Vec<(String, Severity, &'static str)> {
    lint(text, source)
        .into_iter()
        .filter(|d| matches!(d.rule, "untranslated-fragment" | "untranslated-term"))
        .map(|d| (d.span.slice(text).to_owned(), d.severity, d.rule))
        .collect()
}

#[track_caller]
fn assert_flags(text: &str, fragment: &str, severity: Severity) {
    assert_flags_from(text, fragment, severity, Lang::En);
}

#[track_caller]
fn assert_flags_from(text: &str, fragment: &str, severity: Severity, source: Lang) {
    let found = leftovers(text, source);
    assert_eq!(
        found,
        vec![(fragment.to_owned(), severity, "untranslated-fragment")],
        "in {text:?}"
    );
}

/// No leftover finding at warning or error on any of the texts.
#[track_caller]
fn assert_clean(texts: &[&str], source: Lang) {
    for text in texts {
        let found: Vec<_> = leftovers(text, source)
            .into_iter()
            .filter(|(_, s, _)| *s >= Severity::Warning)
            .collect();
        assert!(found.is_empty(), "false alarm in {text:?}: {found:?}");
    }
}

/// Applies fix `n` of the only fragment finding and compares the result; a fix that edits
/// must leave no fragment behind.
#[track_caller]
fn assert_fixed(text: &str, n: usize, applicability: Applicability, expected: &str) {
    let d = lint(text, Lang::En)
        .into_iter()
        .find(|d| d.rule == "untranslated-fragment")
        .expect("a fragment finding");
    let fix = &d.fixes[n];
    assert_eq!(fix.applicability, applicability, "{fix:?}");
    let fixed = crate::fix::apply_edits(text, &fix.edits).expect("the edits apply");
    assert_eq!(fixed, expected);
    let left: Vec<_> = leftovers(&fixed, Lang::En)
        .into_iter()
        .filter(|(_, s, _)| *s >= Severity::Warning)
        .collect();
    assert!(left.is_empty(), "still flagged after the fix: {left:?}");
}

#[test]
fn flags_a_bracketed_gloss_after_an_acronym() {
    assert_flags(
        "Le sommet de l’OTAN [the North Atlantic Alliance] s’ouvre lundi à Vilnius.",
        "[the North Atlantic Alliance]",
        Severity::Error,
    );
    assert_flags(
        "Un rapport de l’OMS (the World Health Organization) inquiète les experts.",
        "(the World Health Organization)",
        Severity::Error,
    );
    assert_flags(
        "Le FMI [International Monetary Fund] a relevé ses prévisions.",
        "[International Monetary Fund]",
        Severity::Error,
    );
}

#[test]
fn flags_inline_clauses_as_warnings() {
    assert_flags(
        "La réunion a été reportée, a indiqué le porte-parole, noting that no date had been set.",
        "noting that no date had been set",
        Severity::Warning,
    );
    assert_flags(
        "Le porte-parole, who declined to be named, a confirmé la rencontre.",
        "who declined to be named",
        Severity::Warning,
    );
    assert_flags(
        "Les négociations reprendront lundi, according to two people familiar with the matter.",
        "according to two people familiar with the matter",
        Severity::Warning,
    );
    assert_flags(
        "Le plan, which critics say comes far too late, sera présenté jeudi.",
        "which critics say comes far too late",
        Severity::Warning,
    );
}

#[test]
fn flags_whole_sentences_as_errors() {
    assert_flags(
        "Le ministère a été sollicité. The spokesman was not available for comment on Monday. La décision est attendue.",
        "The spokesman was not available for comment on Monday.",
        Severity::Error,
    );
    assert_flags(
        "Les secours sont sur place. Reporting by our correspondents in the region. Le bilan reste provisoire.",
        "Reporting by our correspondents in the region.",
        Severity::Error,
    );
}

#[test]
fn a_gloss_is_judged_on_its_own_inside_a_longer_run() {
    assert_flags_from(
        "La Bundeswehr [die deutschen Streitkräfte] a envoyé des renforts.",
        "[die deutschen Streitkräfte]",
        Severity::Error,
        Lang::De,
    );
}

#[test]
fn a_run_extends_over_shared_words_and_names_up_to_punctuation() {
    assert_flags(
        "L’armée a annoncé le retrait de ses troupes, in a statement released on Tuesday.",
        "in a statement released on Tuesday",
        Severity::Warning,
    );
}

#[test]
fn a_paragraph_wholly_in_english_is_only_info() {
    let text = "Le président a réagi jeudi.\n\nWe have done more for this country than anyone, and they know it.\n";
    assert_eq!(
        leftovers(text, Lang::En),
        [(
            "We have done more for this country than anyone, and they know it.".to_owned(),
            Severity::Info,
            "untranslated-fragment"
        )]
    );
}

#[test]
fn an_english_quotation_is_only_info() {
    assert_flags(
        "« I'm a very proud man standing here tonight », a lancé l'acteur.",
        "« I'm a very proud man standing here tonight »",
        Severity::Info,
    );
    assert_flags(
        "L'acteur a conclu. “We will be back next year, and we will win.” Le public a applaudi.",
        "“We will be back next year, and we will win.”",
        Severity::Info,
    );
    // The same words without quotation marks are a leftover.
    assert_flags(
        "L'acteur a conclu, we will be back next year and we will win, devant le public.",
        "we will be back next year and we will win",
        Severity::Warning,
    );
    assert_flags(
        "L'acteur a conclu. We will be back next year, and we will win. Le public a applaudi.",
        "We will be back next year, and we will win.",
        Severity::Error,
    );
}

#[test]
fn does_not_flag_loanwords() {
    assert_clean(
        &[
            "Le think tank a publié son rapport ce week-end, avant le meeting du parti.",
            "La start-up mise sur le streaming et les podcasts pour élargir son audience.",
            "Les fake news prolifèrent, selon le leadership du parti, qui dénonce un bad buzz.",
            "Le label made in France séduit, et le ministre parle en off the record.",
            "Les play-offs débutent samedi ; le coach attend un feed-back de son staff.",
            "Un hold-up a visé un fast-food ; le suspect a été arrêté in extremis.",
            "Le soft power américain passe aussi par le box-office et les blockbusters.",
            "Le one-man-show affiche complet, un vrai best-seller de la saison.",
            "Il a marqué un but à la dernière minute, un an après sa blessure ; as du dribble, il se sait attendu.",
            "Un sit-in puis un lock-out ont paralysé l’usine ; le black-out a duré deux heures.",
            "Le centre de données fonctionne in situ, a priori sans risque, et le statu quo demeure.",
            "La stratégie du name and shame a ses limites, comme le too big to fail des banques.",
            "Le business as usual des checks and balances, et last but not least, le deep state.",
        ],
        Lang::En,
    );
}

#[test]
fn does_not_flag_names_and_titles() {
    assert_clean(
        &[
            "Selon l’Institute for the Study of War, les troupes progressent près de Bakhmout.",
            "Le Council on Foreign Relations et la Brookings Institution ont publié une note.",
            "Une chercheuse de la Heritage Foundation, Jane Miller, a répondu au Guardian.",
            "La série The Last of Us a été diffusée sur HBO.",
            "Le roman Gone with the Wind a été adapté au cinéma en 1939.",
            "« Make America Great Again », scandaient les partisans du candidat.",
            "The Economist consacre sa une à la dette française.",
            "Il a été désigné Person of the Year par le magazine Time.",
            "Les Red Devils affrontent les Spurs en Premier League dimanche.",
            "Ursula von der Leyen a rencontré Charles Michel à Bruxelles.",
            "Le groupe The Rolling Stones entame une tournée européenne.",
            "Prix du court métrage : Into the Silent Woods, du Canadien Paul Martin.",
            "Le jeu vidéo Call of Duty reste un succès mondial.",
            "L’Iran et l’Irak ont signé un accord gazier avec le Qatar.",
            "Elle travaille pour Human Rights Watch et Amnesty International.",
            "Il a réagi sur X, le réseau autrefois appelé Twitter, puis sur Truth Social.",
        ],
        Lang::En,
    );
}

#[test]
fn does_not_flag_credits_handles_hashtags_urls_numbers_acronyms() {
    assert_clean(
        &[
            "Photo : JEAN DUPONT/AFP/Getty Images",
            "Des manifestants devant le Parlement. (Photo by Anna Berg/Reuters)",
            "Suivez-nous sur @redaction_info avec le mot-dièse #BlackLivesMatter ou #StandWithUkraine.",
            "Le rapport est en ligne sur https://example.org/reports/the-state-of-the-world-2024.",
            "Écrivez à press-office@example.org pour obtenir le dossier.",
            "Il a gagné 3-0 le 12 mars 2023 devant 56 000 spectateurs.",
            "La BCE, le FMI et l’OCDE s’inquiètent ; le CEO de la SNCF aussi.",
            "Le magazine POLITICO et la BBC ont confirmé l’information.",
        ],
        Lang::En,
    );
}

#[test]
fn the_glossary_term_inside_a_gloss_merges_into_one_finding_with_its_fix() {
    let text = "Deux membres de l’OTS [the Organization of Turkic States] siègent aussi à l’OTSC.";
    assert_flags(text, "[the Organization of Turkic States]", Severity::Error);
    // The gloss is exactly a glossary term: its fix is as safe as the glossary's.
    assert_fixed(
        text,
        0,
        Applicability::Safe,
        "Deux membres de l’OTS [Organisation des États turciques] siègent aussi à l’OTSC.",
    );
    assert_fixed(
        text,
        1,
        Applicability::Unsafe,
        "Deux membres de l’OTS siègent aussi à l’OTSC.",
    );
}

#[test]
fn a_term_inside_a_longer_fragment_keeps_its_glossary_fix() {
    let text =
        "Le texte a été adopté, as the United Nations had demanded for months, à l’unanimité.";
    let d = lint(text, Lang::En);
    let leftover: Vec<_> = d
        .iter()
        .filter(|d| matches!(d.rule, "untranslated-fragment" | "untranslated-term"))
        .collect();
    assert_eq!(leftover.len(), 1, "{leftover:?}");
    let f = leftover[0];
    assert_eq!(f.rule, "untranslated-fragment");
    assert_eq!(f.fixes[0].applicability, Applicability::DisplayOnly);
    assert!(
        f.fixes[1..]
            .iter()
            .any(|x| x.message.contains("Organisation des Nations unies")),
        "{:?}",
        f.fixes
    );
}

#[test]
fn a_gloss_without_glossary_term_offers_deletion() {
    assert_fixed(
        "Le rapport du GIEC [the Intergovernmental Panel] sort lundi.",
        0,
        Applicability::Unsafe,
        "Le rapport du GIEC sort lundi.",
    );
}

#[test]
fn an_inline_run_offers_only_display_only_translation() {
    let text = "La réunion a été reportée, noting that no date had been set.";
    let d = lint(text, Lang::En);
    let f = d
        .iter()
        .find(|d| d.rule == "untranslated-fragment")
        .expect("finding");
    assert_eq!(f.fixes.len(), 1);
    assert_eq!(f.fixes[0].applicability, Applicability::DisplayOnly);
    assert!(f.fixes[0].edits.is_empty());
}

#[test]
fn a_glossary_term_alone_is_left_to_untranslated_term() {
    // A film title: neither rule fires.
    assert_clean(
        &["Prix de la mise en scène : Pawel Nowak pour Cold War."],
        Lang::En,
    );
    // A common noun after a French article: the glossary rule alone, not a fragment too.
    let common = "Les tensions rappellent la Cold War, selon les diplomates.";
    assert_eq!(
        leftovers(common, Lang::En),
        [("Cold War".to_owned(), Severity::Error, "untranslated-term")]
    );
}

#[test]
fn german_leftovers_with_source_lang_de() {
    assert_flags_from(
        "Le chancelier a salué l’accord, so der Sprecher der Regierung, avant de partir.",
        "so der Sprecher der Regierung",
        Severity::Warning,
        Lang::De,
    );
    assert_flags_from(
        "Le texte a été adopté. Die Bundesregierung hat die Pläne am Montag vorgestellt. Les syndicats protestent.",
        "Die Bundesregierung hat die Pläne am Montag vorgestellt.",
        Severity::Error,
        Lang::De,
    );
    assert_flags_from(
        "Le BND [der Bundesnachrichtendienst] a démenti.",
        "[der Bundesnachrichtendienst]",
        Severity::Error,
        Lang::De,
    );
    assert_flags_from(
        "La coalition Ampel, die seit 2021 regiert, a perdu sa majorité.",
        "Ampel, die seit 2021 regiert",
        Severity::Warning,
        Lang::De,
    );
}

#[test]
fn german_names_and_borrowings_are_not_flagged() {
    assert_clean(
        &[
            "Ursula von der Leyen a rencontré le chancelier à Berlin.",
            "Le Spiegel et la Frankfurter Allgemeine Zeitung ont publié l’enquête.",
            "La Deutsche Bahn annonce une grève, selon Die Zeit.",
            "Les Länder ont voté au Bundesrat ; le Mittelstand s’inquiète.",
            "Un leitmotiv de la campagne : la Realpolitik face à l’ersatz de débat.",
        ],
        Lang::De,
    );
}

#[test]
fn no_finding_when_source_and_target_are_the_same() {
    let settings = Settings {
        source: Lang::Fr,
        ..Settings::default()
    };
    let linter = Linter::new(&Glossary::default(), settings).expect("supported");
    let text = "La réunion a été reportée, noting that no date had been set.";
    let doc = Document::plain(Source {
        name: "t.txt".into(),
        text: text.into(),
    });
    assert!(linter.check(doc).diagnostics.is_empty());
}

#[test]
fn a_foreign_phrase_the_glossary_accepts_is_not_flagged() {
    use crate::checks::test_support;
    let text = "Une technologie state of the art, selon le fabricant.";
    let rule = "untranslated-fragment";
    test_support::assert_flags("", rule, text, &["state of the art"]);
    let glossary = r#"
[[concept]]
id = "state-of-the-art"
kind = "term"
en = "state of the art"
fr = { preferred = "de pointe", accepted = ["state of the art"] }
"#;
    test_support::assert_clean(glossary, rule, &[text]);
}

#[test]
fn acronyms_are_what_their_definition_says_in_one_pass() {
    let literal = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let words = [
        "OTAN", "UE", "G7", "A", "É.-U.", "Les", "iPhone", "OTSC-x", "ÉLYSÉE", "ß", "SS", "1990",
        "", "X-Æ", "ǅX", "Ⅻ", "ⅻ", "BBC's",
    ];
    for w in words {
        assert_eq!(super::is_acronym(w), literal(w), "{w:?}");
    }
}
