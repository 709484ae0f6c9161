//! Benchmarks of the checking pipeline: throughput of a full check over a large generated
//! French text (with the default glossary and with a generated 100,000-concept glossary), the
//! load time of each glossary (parse, validate, compile the matcher), the cold start of the
//! binary on one article, and the full check of a hand-written article repeated to 1 MB.
//!
//! Everything checked here is generated deterministically below from word lists and sentence
//! templates of our own, plus the forms of the default glossary (right ones, and the wrong
//! ones machine translation produces, at a realistic density); `article-fr.txt` was written
//! for these benches. Run with `cargo bench --bench check`.

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use mtlint::config::Settings;
use mtlint::document::Document;
use mtlint::glossary::{self, Glossary, GlossaryMatcher, Kind, Lang};
use mtlint::input::Source;
use mtlint::lint::Linter;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

// The allocator of the `mtlint` binary, so that these timings are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // As the binary does (see `src/main.rs`): mimalloc's `mi_option_purge_delay` set to 10 ms.
    // SAFETY: set before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(15, 10) };
    // `MTLINT_BENCH_DUMP=DIR cargo bench --bench check` also writes the generated inputs to DIR,
    // to look at them or to time the binary on them.
    if let Some(dir) = std::env::var_os("MTLINT_BENCH_DUMP") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the dump directory can be created");
        for (name, content) in [
            ("large.txt", large_text()),
            ("article.txt", article_text().as_str()),
            ("generated.toml", large_glossary_toml()),
        ] {
            std::fs::write(dir.join(name), content).expect("the dump is written");
        }
    }
    divan::main();
}

/// Size of the generated text for the throughput benchmarks.
const TEXT_BYTES: usize = 6_000_000;
/// Number of concepts of the large glossary (the default glossary's included).
const LARGE_GLOSSARY_CONCEPTS: usize = 100_000;
/// Words of the article used for the cold start.
const ARTICLE_WORDS: usize = 700;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/// SplitMix64: small, fast, and the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Invented names: index → name, one-to-one
// ---------------------------------------------------------------------------------------------

const ONSETS: [&str; 20] = [
    "b", "c", "d", "f", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "br",
    "tr", "gr",
];
const VOWELS: [&str; 5] = ["a", "e", "i", "o", "u"];

/// A capitalised name of three consonant–vowel syllables, different for every `i` below
/// 1,000,000 (each syllable encodes two decimal digits; onsets never end in a vowel, so the
/// spelling decodes uniquely).
fn invented_name(i: usize) -> String {
    let mut name = String::new();
    for k in 0..3 {
        let s = (i / 100usize.pow(k)) % 100;
        name.push_str(ONSETS[s / 5]);
        name.push_str(VOWELS[s % 5]);
    }
    let mut chars = name.chars();
    let first = chars.next().expect("names have three syllables");
    first.to_uppercase().chain(chars).collect()
}

/// A four-letter code, different for every `i` below 26⁴.
fn letters(i: usize) -> String {
    (0..4)
        .map(|k| char::from(b'A' + ((i / 26usize.pow(k)) % 26) as u8))
        .collect()
}

const FIRST_NAMES: [&str; 16] = [
    "Anna", "Tigran", "Olena", "Marek", "Nadia", "Jonas", "Sofia", "Bruno", "Anahit", "Levan",
    "Irina", "Tomas", "Aliyah", "Dmitri", "Mariam", "Pavel",
];

// ---------------------------------------------------------------------------------------------
// The generated glossary
// ---------------------------------------------------------------------------------------------

/// The shape of generated concept `i`: it decides the kind and the forms.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A kept outlet with the literal translation as its wrong form.
    Outlet,
    /// An organisation with French and English names and acronyms.
    Organization,
    /// A kept think tank whose translated name is wrong.
    ThinkTank,
    /// A person whose French transliteration differs, the English one a variant.
    Person,
    /// A person with two right French spellings, the English one wrong.
    PersonAccepted,
    /// A place where French usage is split.
    Place,
    /// A named event whose English name is a leftover in French.
    Term,
}

fn shape(i: usize) -> Shape {
    match i % 10 {
        0 | 1 => Shape::Outlet,
        2 | 3 => Shape::Organization,
        4 => Shape::ThinkTank,
        5 | 6 => Shape::Person,
        7 => Shape::PersonAccepted,
        8 => Shape::Place,
        _ => Shape::Term,
    }
}

/// The forms of generated concept `i`, as they appear in text.
struct GeneratedForms {
    /// Right in French text.
    right: Vec<String>,
    /// Wrong in French text (wrong forms, variants, English names).
    bad: Vec<String>,
    /// The French grammatical gender of the right form.
    gender: &'static str,
}

fn generated_forms(i: usize) -> GeneratedForms {
    let n = invented_name(i);
    let first = FIRST_NAMES[i % FIRST_NAMES.len()];
    let (right, bad, gender) = match shape(i) {
        Shape::Outlet => (
            vec![format!("{n} Herald")],
            vec![format!("Héraut de {n}")],
            "m",
        ),
        Shape::Organization => (
            vec![
                format!("Agence de développement de {n}"),
                format!("AD{}", letters(i)),
            ],
            vec![format!("{n} Development Agency")],
            "f",
        ),
        Shape::ThinkTank => (
            vec![format!("{n} Policy Institute")],
            vec![format!("Institut de politique de {n}")],
            "m",
        ),
        Shape::Person => (
            vec![format!("{first} {n}ian"), format!("{n}ian")],
            vec![format!("{first} {n}yan"), format!("{n}yan")],
            "m",
        ),
        Shape::PersonAccepted => (
            vec![
                format!("{first} {n}chenko"),
                format!("{first} {n}tchenko"),
                format!("{n}chenko"),
            ],
            vec![format!("{first} {n}shenko")],
            "m",
        ),
        Shape::Place => (vec![format!("{n}iv"), format!("{n}ev")], vec![], "f"),
        Shape::Term => (
            vec![format!("accord de {n}")],
            vec![format!("{n} Accord")],
            "m",
        ),
    };
    GeneratedForms { right, bad, gender }
}

/// One `[[concept]]` table for generated concept `i`.
fn write_concept(toml: &mut String, i: usize) {
    let n = invented_name(i);
    let first = FIRST_NAMES[i % FIRST_NAMES.len()];
    let code = letters(i);
    let w = match shape(i) {
        Shape::Outlet => {
            let case = if i % 20 == 0 { "case_sensitive = true\n" } else { "" };
            writeln!(
                toml,
                "[[concept]]\nid = \"gen-outlet-{i}\"\nkind = \"outlet\"\nkeep = true\n{case}\
                 note = \"generated regional daily\"\nen = \"{n} Herald\"\n\
                 fr.wrong = [\"Héraut de {n}\"]\nfr.gender = \"m\"\n"
            )
        }
        Shape::Organization => writeln!(
            toml,
            "[[concept]]\nid = \"gen-agency-{i}\"\nkind = \"organization\"\n\
             en = {{ preferred = \"{n} Development Agency\", abbr = \"DA{code}\" }}\n\
             fr = {{ preferred = \"Agence de développement de {n}\", abbr = \"AD{code}\", gender = \"f\" }}\n"
        ),
        Shape::ThinkTank => writeln!(
            toml,
            "[[concept]]\nid = \"gen-institute-{i}\"\nkind = \"organization\"\nkeep = true\n\
             en = \"{n} Policy Institute\"\nfr.wrong = [\"Institut de politique de {n}\"]\n"
        ),
        Shape::Person => writeln!(
            toml,
            "[[concept]]\nid = \"gen-person-{i}\"\nkind = \"person\"\n\
             en = \"{first} {n}yan\"\n\
             fr = {{ preferred = \"{first} {n}ian\", variants = [\"{first} {n}yan\"] }}\n"
        ),
        Shape::PersonAccepted => writeln!(
            toml,
            "[[concept]]\nid = \"gen-person-{i}\"\nkind = \"person\"\n\
             en = \"{first} {n}shenko\"\n\
             fr = {{ preferred = \"{first} {n}chenko\", accepted = [\"{first} {n}tchenko\"], \
             wrong = [\"{first} {n}shenko\"] }}\n"
        ),
        Shape::Place => writeln!(
            toml,
            "[[concept]]\nid = \"gen-place-{i}\"\nkind = \"place\"\n\
             note = \"French usage is split\"\n\
             en = {{ preferred = \"{n}iv\", accepted = [\"{n}ev\"] }}\n\
             fr = {{ accepted = [\"{n}ev\", \"{n}iv\"] }}\n"
        ),
        Shape::Term => writeln!(
            toml,
            "[[concept]]\nid = \"gen-term-{i}\"\nkind = \"event\"\n\
             en = \"{n} Accord\"\nfr = {{ preferred = \"accord de {n}\", gender = \"m\" }}\n"
        ),
    };
    w.expect("writing to a String cannot fail");
}

/// The large glossary's TOML: the default glossary, then generated concepts up to
/// [`LARGE_GLOSSARY_CONCEPTS`].
fn large_glossary_toml() -> &'static str {
    static TOML: OnceLock<String> = OnceLock::new();
    TOML.get_or_init(|| {
        let default_count = default_glossary().concepts.len();
        let mut toml = String::with_capacity(LARGE_GLOSSARY_CONCEPTS * 220);
        toml.push_str(glossary::DEFAULT_GLOSSARY);
        toml.push_str("\n# Generated concepts\n\n");
        for i in 0..LARGE_GLOSSARY_CONCEPTS - default_count {
            write_concept(&mut toml, i);
        }
        toml
    })
}

fn default_glossary() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(glossary::default_glossary)
}

fn large_glossary() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(|| {
        let g = glossary::parse(large_glossary_toml(), "generated.toml").unwrap_or_else(|e| {
            panic!(
                "the generated glossary is valid: {:?}",
                &e[..e.len().min(5)]
            )
        });
        assert_eq!(g.concepts.len(), LARGE_GLOSSARY_CONCEPTS);
        g
    })
}

// ---------------------------------------------------------------------------------------------
// The generated text
// ---------------------------------------------------------------------------------------------

/// A name to put in the text: the form, and its French gender for the article.
#[derive(Clone)]
struct Name {
    form: String,
    gender: &'static str,
}

/// Forms of the default glossary, sorted by what the text does with them.
struct DefaultForms {
    /// Kept names (outlets, agencies, platforms, brands, think tanks): right, wrong.
    kept: Vec<(Name, Vec<String>)>,
    /// Wire agencies, for credits.
    agencies: Vec<String>,
    /// Organisations: right forms (names and acronyms), bad forms (English names, wrong).
    organizations: Vec<(Vec<Name>, Vec<Name>)>,
    /// Places: right forms, bad forms.
    places: Vec<(Vec<String>, Vec<String>)>,
    /// Persons: right forms, bad forms.
    persons: Vec<(Vec<String>, Vec<String>)>,
}

fn gender_of(g: Option<&str>, default: &'static str) -> &'static str {
    match g {
        Some("m") => "m",
        Some("f") => "f",
        Some("mpl") => "mpl",
        Some("fpl") => "fpl",
        _ => default,
    }
}

fn default_forms() -> &'static DefaultForms {
    static FORMS: OnceLock<DefaultForms> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = DefaultForms {
            kept: Vec::new(),
            agencies: Vec::new(),
            organizations: Vec::new(),
            places: Vec::new(),
            persons: Vec::new(),
        };
        let typographic = |s: &String| s.replace('\'', "\u{2019}");
        for c in default_glossary().concepts.iter() {
            let fr = c.forms(Lang::Fr);
            let en = c.forms(Lang::En);
            let gender = gender_of(fr.and_then(|f| f.gender.as_deref()), "m");
            if c.keep {
                let Some(name) = en.and_then(|f| f.preferred.clone()) else {
                    continue;
                };
                if c.kind == Kind::Agency {
                    forms.agencies.push(name.clone());
                }
                let wrong = fr.map(|f| f.wrong.iter().map(typographic).collect());
                forms
                    .kept
                    .push((Name { form: name, gender }, wrong.unwrap_or_default()));
                continue;
            }
            let Some(fr) = fr else { continue };
            let right: Vec<String> = fr.right_forms().map(str::to_owned).collect();
            if right.is_empty() {
                continue;
            }
            let mut bad: Vec<String> = fr
                .wrong
                .iter()
                .chain(&fr.variants)
                .map(typographic)
                .collect();
            if let Some(e) = en.and_then(|e| e.preferred.as_ref()) {
                if !right.contains(e) {
                    bad.push(e.clone());
                }
            }
            match c.kind {
                Kind::Place => forms.places.push((right, bad)),
                Kind::Person => forms.persons.push((right, bad)),
                _ => {
                    let named = |v: Vec<String>| {
                        v.into_iter()
                            .map(|form| Name { form, gender })
                            .collect::<Vec<_>>()
                    };
                    forms.organizations.push((named(right), named(bad)));
                }
            }
        }
        forms
    })
}

const DAYS: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lundi soir",
    "jeudi matin",
    "la semaine dernière",
    "dans la nuit de samedi à dimanche",
    "hier",
];

const ROLES: &[&str] = &[
    "porte-parole du gouvernement",
    "ministre des Affaires étrangères",
    "Premier ministre",
    "président du Parlement",
    "ambassadeur",
    "chef de la diplomatie",
    "conseiller à la sécurité nationale",
    "vice-ministre de l’Économie",
    "maire",
    "ancien ministre de la Défense",
];

const CLAIMS: &[&str] = &[
    "les négociations avancent lentement",
    "aucun accord n’a encore été trouvé",
    "la situation reste tendue à la frontière",
    "les sanctions pèseront durablement sur l’économie",
    "le cessez-le-feu est globalement respecté",
    "l’aide humanitaire arrive enfin dans les zones isolées",
    "le calendrier électoral sera maintenu",
    "les exportations d’énergie ont chuté de moitié en un an",
    "l’inflation a dépassé les prévisions du gouvernement",
    "des élections anticipées ne sont pas exclues",
    "le réseau électrique a été en partie rétabli",
    "les pourparlers reprendront après l’été",
];

const OBJECTS: &[&str] = &[
    "un nouveau cycle de négociations",
    "la reprise des exportations de céréales",
    "l’ouverture d’un corridor humanitaire",
    "une réforme de la Constitution",
    "un accord de libre-échange",
    "la levée progressive des sanctions",
    "l’élargissement de l’alliance",
    "un prêt de plusieurs milliards d’euros",
    "le déploiement d’observateurs internationaux",
    "la construction d’un gazoduc",
    "un échange de prisonniers",
    "l’organisation d’un référendum",
    "des garanties de sécurité",
    "la réouverture de la frontière",
];

const QUOTES: &[&str] = &[
    "Nous ne céderons pas à la pression",
    "Le dialogue reste la seule voie possible",
    "Il est trop tôt pour parler de victoire",
    "Personne n’a intérêt à une escalade",
    "Nous attendons des actes, pas des promesses",
    "C’est une journée historique pour notre pays",
    "La porte reste ouverte",
];

const SUBJECTS: &[&str] = &[
    "Le gouvernement",
    "L’opposition",
    "Le Parlement",
    "La Commission électorale",
    "Le ministère de l’Intérieur",
    "L’armée",
    "Le président",
    "La banque centrale",
    "Un haut responsable",
    "L’ambassade",
];

const VERBS: &[&str] = &[
    "a annoncé",
    "a démenti",
    "a confirmé",
    "a dénoncé",
    "a salué",
    "a rejeté",
    "envisage",
    "prépare",
    "réclame",
    "soutient",
];

const ENGLISH_INLINE: &[&str] = &[
    "a senior official said",
    "according to people familiar with the matter",
    "on condition of anonymity",
    "the talks were constructive",
    "we are monitoring the situation closely",
    "this is a developing story",
];

const ENGLISH_GLOSS: &[&str] = &[
    "the regional security bloc",
    "the ministry of foreign affairs",
    "the state news agency",
    "the ruling coalition",
];

/// Builds French news prose, sentence by sentence.
struct Writer<'a> {
    rng: Rng,
    forms: &'a DefaultForms,
    out: String,
    /// The surname of the last person named, for "Pachinian a ajouté".
    last_surname: String,
    /// Percent of names taken from the default glossary (the rest: generated concepts and
    /// names no glossary knows).
    default_share: usize,
    /// Percent of glossary names written in a wrong form.
    wrong_share: usize,
}

fn starts_with_vowel(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| "AEIOUYÉÈÊÂÎÔaeiouyéèêâîô".contains(c))
}

impl Writer<'_> {
    fn apostrophe(&mut self) -> &'static str {
        if self.rng.chance(90) {
            "\u{2019}"
        } else {
            "'"
        }
    }

    /// "le Figaro", "la Banque mondiale", "l’OTAN": the definite article before a name.
    fn with_article(&mut self, name: &Name) -> String {
        if starts_with_vowel(&name.form) {
            let a = self.apostrophe();
            format!("l{a}{}", name.form)
        } else {
            match name.gender {
                "f" => format!("la {}", name.form),
                "mpl" | "fpl" => format!("les {}", name.form),
                _ => format!("le {}", name.form),
            }
        }
    }

    /// "de l’OTAN", "du Conseil", "de la Banque".
    fn of_article(&mut self, name: &Name) -> String {
        let with = self.with_article(name);
        if let Some(rest) = with.strip_prefix("le ") {
            format!("du {rest}")
        } else if let Some(rest) = with.strip_prefix("les ") {
            format!("des {rest}")
        } else {
            format!("de {with}")
        }
    }

    /// "à l’OTAN", "au Conseil", "à la Banque".
    fn at_article(&mut self, name: &Name) -> String {
        let with = self.with_article(name);
        if let Some(rest) = with.strip_prefix("le ") {
            format!("au {rest}")
        } else if let Some(rest) = with.strip_prefix("les ") {
            format!("aux {rest}")
        } else {
            format!("à {with}")
        }
    }

    /// "d’Erevan", "de Kiev".
    fn of_place(&mut self, place: &str) -> String {
        if starts_with_vowel(place) {
            let a = self.apostrophe();
            format!("d{a}{place}")
        } else {
            format!("de {place}")
        }
    }

    fn generated_index(&mut self, wanted: &[Shape]) -> usize {
        loop {
            let i = self.rng.below(LARGE_GLOSSARY_CONCEPTS - 1_000);
            if wanted.contains(&shape(i)) {
                return i;
            }
        }
    }

    /// A generated concept's form: usually right, sometimes bad.
    fn generated(&mut self, wanted: &[Shape]) -> (Name, GeneratedForms) {
        let i = self.generated_index(wanted);
        let g = generated_forms(i);
        let pool = if !g.bad.is_empty() && self.rng.chance(self.wrong_share) {
            &g.bad
        } else {
            &g.right
        };
        let form = self.rng.pick(pool).clone();
        (
            Name {
                form,
                gender: g.gender,
            },
            g,
        )
    }

    fn person(&mut self) -> String {
        let roll = self.rng.below(100);
        let full = if roll < self.default_share && !self.forms.persons.is_empty() {
            let (right, bad) = self.rng.pick(&self.forms.persons);
            let pool = if !bad.is_empty() && self.rng.chance(self.wrong_share) {
                bad
            } else {
                right
            };
            self.rng.pick(pool).clone()
        } else if roll < 80 {
            let (name, _) = self.generated(&[Shape::Person, Shape::PersonAccepted]);
            if name.form.contains(' ') {
                name.form
            } else {
                format!("{} {}", self.rng.pick(&FIRST_NAMES), name.form)
            }
        } else {
            // Nobody any glossary knows.
            let i = 100_000 + self.rng.below(900_000);
            format!("{} {}", self.rng.pick(&FIRST_NAMES), invented_name(i))
        };
        self.last_surname = full.rsplit(' ').next().unwrap_or(&full).to_owned();
        full
    }

    fn surname(&mut self) -> String {
        if self.last_surname.is_empty() {
            self.person();
        }
        self.last_surname.clone()
    }

    fn organization(&mut self) -> Name {
        if self.rng.below(100) < self.default_share + 10 {
            let (right, bad) = self.rng.pick(&self.forms.organizations);
            let pool = if !bad.is_empty() && self.rng.chance(self.wrong_share) {
                bad
            } else {
                right
            };
            self.rng.pick(pool).clone()
        } else {
            self.generated(&[Shape::Organization, Shape::ThinkTank]).0
        }
    }

    fn outlet(&mut self) -> String {
        if self.rng.below(100) < self.default_share + 20 {
            let (right, wrong) = self.rng.pick(&self.forms.kept);
            if !wrong.is_empty() && self.rng.chance(self.wrong_share) {
                self.rng.pick(wrong).clone()
            } else {
                right.form.clone()
            }
        } else {
            self.generated(&[Shape::Outlet]).0.form
        }
    }

    fn place(&mut self) -> String {
        let roll = self.rng.below(100);
        if roll < self.default_share + 10 {
            let (right, bad) = self.rng.pick(&self.forms.places);
            let pool = if !bad.is_empty() && self.rng.chance(self.wrong_share) {
                bad
            } else {
                right
            };
            self.rng.pick(pool).clone()
        } else if roll < 85 {
            self.generated(&[Shape::Place]).0.form
        } else {
            format!("{}a", invented_name(100_000 + self.rng.below(900_000)))
        }
    }

    fn agency(&mut self) -> String {
        if self.forms.agencies.is_empty() {
            "AFP".to_owned()
        } else {
            self.rng.pick(&self.forms.agencies).clone()
        }
    }

    fn english_gloss(&mut self) -> String {
        if self.rng.chance(50) {
            let (_, g) = self.generated(&[Shape::Organization]);
            format!("[the {}]", g.bad[0])
        } else {
            format!("[{}]", self.rng.pick(ENGLISH_GLOSS))
        }
    }

    /// "« … »" with the no-break spaces of French typography.
    fn quote(&mut self, s: &str) -> String {
        let space = if self.rng.chance(50) {
            "\u{a0}"
        } else {
            "\u{202f}"
        };
        format!("«{space}{s}{space}»")
    }

    /// One sentence, ending with its punctuation.
    fn sentence(&mut self) -> String {
        let r = &mut self.rng;
        let day = *r.pick(DAYS);
        let role = *r.pick(ROLES);
        let claim = *r.pick(CLAIMS);
        let object = *r.pick(OBJECTS);
        let quote = *r.pick(QUOTES);
        let subject = *r.pick(SUBJECTS);
        let verb = *r.pick(VERBS);
        let n = 2 + r.below(4_998);
        let year = 1991 + r.below(34);
        match self.rng.below(20) {
            0 => {
                let p = self.person();
                let place = self.place();
                let of = self.of_place(&place);
                format!("{p}, {role} {of}, a déclaré {day} que {claim}.")
            }
            1 => {
                let m = self.outlet();
                let o = self.organization();
                let o = self.with_article(&o);
                format!("Selon {m}, {o} {verb} {object}.")
            }
            2 => {
                let p = self.person();
                let place = self.place();
                let of = self.of_place(&place);
                let q = self.quote(quote);
                format!("{q}, a affirmé {p} lors d’une conférence de presse {of}.")
            }
            3 => {
                let o = self.organization();
                let o = capitalize(&self.with_article(&o));
                let place = self.place();
                format!("{o} a annoncé {day} l’envoi de {n} observateurs à {place}.")
            }
            4 => {
                let m = self.outlet();
                let s = self.surname();
                format!("Interrogé par {m}, {s} a refusé de commenter ces informations.")
            }
            5 => {
                let a = self.organization();
                let a = self.of_article(&a);
                let b = self.organization();
                let b = self.of_article(&b);
                let place = self.place();
                format!("Les représentants {a} et {b} se réuniront {day} à {place}.")
            }
            6 => {
                let o = self.organization();
                let o = self.of_article(&o);
                format!("D’après un rapport {o} publié {day}, {claim}.")
            }
            7 => {
                let s = self.surname();
                format!("{s} a ajouté qu’il n’excluait pas {object}.")
            }
            8 => {
                let place = self.place();
                format!("L’accord, signé à {place} en {year}, prévoit {object}.")
            }
            9 => {
                let a = self.organization();
                let a = self.with_article(&a);
                let b = self.organization();
                let b = self.with_article(&b);
                format!("Cette décision intervient alors que {a} et {b} peinent à s’entendre sur {object}.")
            }
            10 => {
                let o = self.organization();
                let o = capitalize(&self.with_article(&o));
                let gloss = self.english_gloss();
                format!("{o} {gloss} {verb} {object}.")
            }
            11 => {
                let english = *self.rng.pick(ENGLISH_INLINE);
                let q = self.quote(english);
                let m = self.outlet();
                format!("Un responsable a parlé d’une situation {q}, selon {m}.")
            }
            12 => {
                let place = self.place();
                let of = self.of_place(&place);
                let p = self.person();
                format!("Le ministre des Affaires étrangères {of}, {p}, s’est rendu {day} à Bruxelles pour rencontrer son homologue.")
            }
            13 => {
                let place = self.place();
                let of = self.of_place(&place);
                let a = self.agency();
                format!(
                    "Plus de {n} personnes ont manifesté {day} dans les rues {of}, selon l’{a}."
                )
            }
            14 => {
                let m = self.outlet();
                let pct = 10 + self.rng.below(80);
                format!("{m} rapporte que {pct}\u{a0}% des électeurs soutiennent {object}.")
            }
            15 => {
                let place = self.place();
                let of = self.of_place(&place);
                format!("Aujourd’hui, l’économie {of} mise sur {object}.")
            }
            16 => {
                let o = self.organization();
                let o = self.with_article(&o);
                let p = self.person();
                let t = self.organization();
                let t = self.at_article(&t);
                format!("Il s’agit d’une étape importante pour {o}, a estimé {p}, chercheur associé {t}.")
            }
            17 => format!("{subject} {verb} {day} {object}."),
            18 => {
                let english = *self.rng.pick(ENGLISH_INLINE);
                format!("Les discussions ont été qualifiées de productives, {english}.")
            }
            _ => {
                let q = self.quote(quote);
                let s = self.surname();
                format!("{q}, a conclu {s}.")
            }
        }
    }

    /// One article: a title, paragraphs of sentences, a photo credit.
    fn article(&mut self, words: usize) {
        let place = self.place();
        let claim = *self.rng.pick(CLAIMS);
        let title = format!("{place}\u{a0}: {}", capitalize(claim));
        self.out.push_str(&title);
        self.out.push_str("\n\n");
        let mut written = 0;
        while written < words {
            for k in 0..3 + self.rng.below(4) {
                if k > 0 {
                    self.out.push(' ');
                }
                let s = self.sentence();
                written += s.split_whitespace().count();
                self.out.push_str(&s);
            }
            self.out.push_str("\n\n");
        }
        let p = self.person();
        let a = self.agency();
        let _ = writeln!(self.out, "Photo\u{a0}: {p} / {a}\n");
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn writer(seed: u64) -> Writer<'static> {
    Writer {
        rng: Rng(seed),
        forms: default_forms(),
        out: String::new(),
        last_surname: String::new(),
        default_share: 35,
        wrong_share: 8,
    }
}

/// Articles of 400 to 1,000 words, [`TEXT_BYTES`] in all.
fn articles() -> &'static [String] {
    static ARTICLES: OnceLock<Vec<String>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        let mut w = writer(0x6d74_6c69_6e74);
        let mut articles = Vec::new();
        let mut bytes = 0;
        while bytes < TEXT_BYTES {
            let words = 400 + w.rng.below(600);
            w.article(words);
            bytes += w.out.len();
            articles.push(std::mem::take(&mut w.out));
        }
        articles
    })
}

/// The articles as one large text.
fn large_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| articles().concat())
}

/// One article of about [`ARTICLE_WORDS`] words.
fn article_text() -> String {
    let mut w = writer(0x0a27_1c1e);
    w.article(ARTICLE_WORDS);
    w.out
}

fn document(text: &str) -> Document {
    Document::plain(Source {
        name: "generated.txt".to_owned(),
        text: text.to_owned(),
    })
}

// ---------------------------------------------------------------------------------------------
// Benchmarks
// ---------------------------------------------------------------------------------------------

fn bench_check(bencher: Bencher, glossary: &Glossary) {
    let text = large_text();
    let linter = Linter::new(glossary, Settings::default()).expect("French is supported");
    bencher
        .counter(BytesCount::of_str(text))
        .with_inputs(|| document(text))
        .bench_local_values(|doc| linter.check(doc));
}

/// Full check of the large text (one document) with the default glossary.
#[divan::bench(sample_count = 10)]
fn check_default_glossary(bencher: Bencher) {
    bench_check(bencher, default_glossary());
}

/// Full check of the same text as separate articles, the way a newsroom's CI checks them.
#[divan::bench(sample_count = 10)]
fn check_articles_default_glossary(bencher: Bencher) {
    let linter = Linter::new(default_glossary(), Settings::default()).expect("French is supported");
    bencher
        .counter(BytesCount::of_str(large_text()))
        .bench_local(|| {
            articles()
                .iter()
                .map(|a| linter.check(document(a)).diagnostics.len())
                .sum::<usize>()
        });
}

/// Full check of the large text (one document) with the 100,000-concept glossary.
#[divan::bench(sample_count = 10)]
fn check_100k_glossary(bencher: Bencher) {
    bench_check(bencher, large_glossary());
}

/// Parse, validate and compile the embedded default glossary.
#[divan::bench(sample_count = 50)]
fn load_default_glossary(bencher: Bencher) {
    let toml = glossary::DEFAULT_GLOSSARY;
    bencher
        .counter(ItemsCount::new(default_glossary().concepts.len()))
        .bench(|| {
            let g = glossary::parse(black_box(toml), glossary::DEFAULT_GLOSSARY_NAME)
                .expect("the default glossary is valid");
            GlossaryMatcher::new(&g, Lang::Fr, Lang::En)
        });
}

/// Parse, validate and compile the generated 100,000-concept glossary.
#[divan::bench(sample_count = 5)]
fn load_100k_glossary(bencher: Bencher) {
    let toml = large_glossary_toml();
    bencher
        .counter(ItemsCount::new(LARGE_GLOSSARY_CONCEPTS))
        .bench(|| {
            let g = glossary::parse(black_box(toml), "generated.toml")
                .expect("the generated glossary is valid");
            GlossaryMatcher::new(&g, Lang::Fr, Lang::En)
        });
}

/// The release binary built next to this benchmark.
fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_mtlint"))
}

/// `mtlint check ARTICLE` from process start to exit, one ~700-word article.
#[divan::bench(sample_count = 100)]
fn cold_start_one_article(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("article.txt");
    std::fs::write(&path, article_text()).expect("the article is written");
    let run = || {
        Command::new(binary())
            .args(["check", "--color", "never"])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("mtlint runs")
    };
    assert_eq!(run().code(), Some(1), "the article has findings");
    bencher.bench_local(run);
}

/// About 1 MB of French prose: the hand-written article repeated.
fn corpus() -> String {
    include_str!("article-fr.txt").repeat(440)
}

/// Full check of [`corpus`].
#[divan::bench(sample_count = 20)]
fn full_check(bencher: Bencher) {
    let text = corpus();
    let linter = Linter::new(default_glossary(), Settings::default()).expect("supported languages");
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| Source {
            name: "bench.txt".into(),
            text: text.clone(),
        })
        .bench_local_values(|source| linter.check(Document::plain(source)));
}

/// The share of the load spent deriving: parse the lexicon and derive every kept name (the
/// glossary is parsed outside the timing).
#[divan::bench(sample_count = 20)]
fn derive_kept_names(bencher: divan::Bencher) {
    let g = default_glossary();
    let names: Vec<&str> = g
        .concepts
        .iter()
        .filter(|c| c.keep)
        .filter_map(|c| c.right_form(mtlint::glossary::Lang::Fr, mtlint::glossary::Lang::En))
        .collect();
    bencher.bench_local(|| {
        let lexicon = mtlint::glossary::Lexicon::parse(mtlint::glossary::LEXICON_EN_FR)
            .expect("the embedded lexicon is valid");
        names.iter().map(|n| lexicon.derive(n).len()).sum::<usize>()
    });
}

/// Parsing and validating the default glossary alone (no matcher).
#[divan::bench(sample_count = 20)]
fn parse_default_glossary() -> usize {
    glossary::parse(
        black_box(glossary::DEFAULT_GLOSSARY),
        glossary::DEFAULT_GLOSSARY_NAME,
    )
    .expect("the default glossary is valid")
    .concepts
    .len()
}
