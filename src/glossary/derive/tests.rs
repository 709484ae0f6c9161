use super::*;

fn forms(name: &str) -> Vec<String> {
    Lexicon::embedded()
        .derive(name)
        .into_iter()
        .map(|d| d.form)
        .collect()
}

#[track_caller]
fn assert_derives(name: &str, expected: &[&str]) {
    let got = forms(name);
    for e in expected {
        assert!(got.iter().any(|g| g == e), "{name}: no {e:?} in {got:?}");
    }
}

#[test]
fn the_embedded_lexicon_is_valid_and_large() {
    let lex = Lexicon::parse(LEXICON_EN_FR).expect("valid");
    assert!(lex.len() >= 1000, "{} lines", lex.len());
}

#[test]
fn malformed_lines_are_reported_with_their_number() {
    let err = Lexicon::parse("# c\nnews\tn\tnouvelles\n").expect_err("no gender");
    assert_eq!(
        err.to_string(),
        "lexicon line 2: malformed n entry `nouvelles`"
    );
    assert!(Lexicon::parse("news\tx\ty\n").is_err());
}

#[test]
fn compounds_adjectives_and_complements_take_french_order() {
    assert_derives(
        "Newsweek",
        &["Semaine d'actualités", "Semaine des nouvelles"],
    );
    assert_derives("Financial Times", &["Temps financiers", "Temps financier"]);
    assert_derives("Wall Street Journal", &["Journal de Wall Street"]);
    assert_derives(
        "Human Rights Watch",
        &["Surveillance des droits de l'homme"],
    );
    assert_derives("Getty Images", &["Images Getty", "Images de Getty"]);
    assert_derives("Sydney Morning Herald", &["Héraut du matin de Sydney"]);
    assert_derives(
        "International Crisis Group",
        &["Groupe international de crise"],
    );
    assert_derives("Amnesty International", &["Amnistie internationale"]);
    assert_derives(
        "Bank of America",
        &["Banque d'Amérique", "Banque de l'Amérique"],
    );
    assert_derives("Times of India", &["Temps de l'Inde", "Temps d'Inde"]);
    assert_derives("Save the Children", &["Sauvez les enfants"]);
    assert_derives("New Statesman", &["Nouvel homme d'État"]);
    assert_derives("Globe and Mail", &["Globe et courrier"]);
    assert_derives(
        "Council on Foreign Relations",
        &["Conseil sur les relations étrangères"],
    );
}

#[test]
fn names_without_known_words_and_stop_phrases_derive_nothing() {
    assert!(forms("Politico").is_empty());
    assert!(forms("Standard & Poor's").is_empty());
    assert!(forms("Goldman Sachs").is_empty());
    // French outlets and everyday phrases are never derived.
    assert!(!forms("The Times").contains(&"Temps".to_owned()));
    assert!(!forms("Foreign Affairs").contains(&"Affaires étrangères".to_owned()));
}

fn forms_in(source: Lang, target: Lang, name: &str) -> Vec<String> {
    Lexicon::for_pair(source, target)
        .expect("embedded")
        .derive(name)
        .into_iter()
        .map(|d| d.form)
        .collect()
}

#[track_caller]
fn assert_derives_in(target: Lang, name: &str, expected: &[&str]) {
    let got = forms_in(Lang::En, target, name);
    for e in expected {
        assert!(got.iter().any(|g| g == e), "{name}: no {e:?} in {got:?}");
    }
}

#[test]
fn every_embedded_lexicon_is_valid() {
    for (source, target, text) in LEXICONS {
        let lex = Lexicon::parse(text).unwrap_or_else(|e| panic!("{source:?}→{target:?}: {e}"));
        assert!(
            lex.len() >= 40,
            "{source:?}→{target:?}: {} lines",
            lex.len()
        );
    }
    assert!(Lexicon::for_pair(Lang::Fr, Lang::En).is_none());
}

#[test]
fn spanish_takes_articles_contractions_and_adjectives_after_the_noun() {
    assert_derives_in(
        Lang::Es,
        "Newsweek",
        &["Semana de noticias", "Semana de las noticias"],
    );
    assert_derives_in(Lang::Es, "Financial Times", &["Tiempos financieros"]);
    assert_derives_in(Lang::Es, "Wall Street Journal", &["Diario de Wall Street"]);
    assert_derives_in(Lang::Es, "Bank of America", &["Banco de América"]);
    assert_derives_in(
        Lang::Es,
        "Institute for the Study of War",
        &["Instituto para el estudio de la guerra"],
    );
    assert_derives_in(
        Lang::Es,
        "Human Rights Watch",
        &["Vigilancia de los derechos humanos"],
    );
    assert_derives_in(Lang::Es, "Save the Children", &["Salven a los niños"]);
    assert_derives_in(Lang::Es, "New Republic", &["Nueva república"]);
}

#[test]
fn italian_elides_and_contracts_its_articles() {
    assert_derives_in(
        Lang::It,
        "Newsweek",
        &["Settimana delle notizie", "Settimana di notizie"],
    );
    assert_derives_in(
        Lang::It,
        "Voice of America",
        &["Voce dell'America", "Voce d'America"],
    );
    assert_derives_in(
        Lang::It,
        "Institute for the Study of War",
        &["Istituto per lo studio della guerra"],
    );
    assert_derives_in(Lang::It, "Financial Times", &["Tempi finanziari"]);
    assert_derives_in(Lang::It, "Fox News", &["Notizie Fox"]);
}

#[test]
fn portuguese_contracts_de_with_its_articles() {
    assert_derives_in(
        Lang::Pt,
        "Newsweek",
        &["Semana de notícias", "Semana das notícias"],
    );
    assert_derives_in(Lang::Pt, "Bank of America", &["Banco da América"]);
    assert_derives_in(Lang::Pt, "Wall Street Journal", &["Jornal de Wall Street"]);
    assert_derives_in(Lang::Pt, "Save the Children", &["Salvem as crianças"]);
}

#[test]
fn german_makes_compounds_and_puts_adjectives_first() {
    assert_derives_in(Lang::De, "Newsweek", &["Nachrichtenwoche"]);
    assert_derives_in(Lang::De, "Fox News", &["Fox-Nachrichten"]);
    assert_derives_in(Lang::De, "Financial Times", &["Finanzielle Zeiten"]);
    assert_derives_in(Lang::De, "Voice of America", &["Stimme von Amerika"]);
    assert_derives_in(Lang::De, "Save the Children", &["Rettet die Kinder"]);
    assert_derives_in(Lang::De, "Human Rights Watch", &["Menschenrechtswache"]);
}

#[test]
fn german_names_are_calqued_into_french() {
    let got = forms_in(Lang::De, Lang::Fr, "Süddeutsche Zeitung");
    assert!(
        got.contains(&"Journal de l'Allemagne du Sud".to_owned()),
        "{got:?}"
    );
    assert!(got.contains(&"Journal sud-allemand".to_owned()), "{got:?}");
    let got = forms_in(Lang::De, Lang::Fr, "Handelsblatt");
    assert!(got.contains(&"Feuille du commerce".to_owned()), "{got:?}");
    // English names mean nothing to the German lexicon.
    assert!(forms_in(Lang::De, Lang::Fr, "Washington Post").is_empty());
}

#[test]
#[ignore = "prints every derivation of the default glossary"]
fn print_default_derivations() {
    let g = crate::glossary::default_glossary();
    for (source, target, _) in LEXICONS {
        for c in g.concepts.iter().filter(|c| c.keep) {
            let name = c.right_form(*target, *source).unwrap_or("");
            println!("{target:?} {name}: {:?}", forms_in(*source, *target, name));
        }
    }
}

#[test]
fn the_number_of_forms_is_bounded() {
    for name in [
        "International Institute for Strategic Studies",
        "Human Rights Watch",
    ] {
        assert!(forms(name).len() <= MAX_FORMS);
    }
}
