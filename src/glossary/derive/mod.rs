//! Derived translated names: the literal translation that machine translation writes for a
//! kept name ("Newsweek" → French "Semaine d'actualités", Spanish "Semana de noticias", German
//! "Nachrichtenwoche"; German "Süddeutsche Zeitung" → French "Journal de l'Allemagne du Sud"),
//! built from an embedded lexicon per language pair and the target's noun-phrase grammar.
//!
//! The deriver only writes candidate forms from a name; it never reads a document and never
//! decides whether a match in a text is the name. [`super::GlossaryMatcher`] compiles the
//! forms into its one automaton, and the `translated-name` check asks the text for evidence.
//!
//! A lexicon (`glossaries/lexicon-SOURCE-TARGET.tsv`) holds one reading per line:
//! `source<TAB>pos<TAB>target|target…`, where `pos` is `n` (noun: `word:g`, `sg/pl:g` or
//! `sg/pl/stem:g`, `g` one of `m`, `f`, `n`, `mpl`, `fpl`, `npl`, `stem` the form that opens
//! a closed compound), `a` (adjective after the noun, forms in the order the `adjective`
//! grammar line gives), `ap` (adjective before the noun), `pn` (proper name: `Text` without
//! article or `Text:g` with one), `v` (verb forms), `fn` (a source function word: `of`, `for`,
//! `on`, `and`, `the`; English when a lexicon lists none), `stop` (a target phrase never
//! derived: the target language's own outlets, everyday phrases), `h` (a target word whose `h`
//! is aspirated: no elision before it) and `g` (the target grammar, see [`grammar`]).

mod grammar;
mod phrase;

use self::grammar::{gender_code, AdjSlot, Gender, Grammar};
use super::model::Lang;
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;
use std::sync::OnceLock;

/// The embedded English→French lexicon.
pub const LEXICON_EN_FR: &str = include_str!("../../../glossaries/lexicon-en-fr.tsv");
/// The embedded English→Spanish lexicon.
pub const LEXICON_EN_ES: &str = include_str!("../../../glossaries/lexicon-en-es.tsv");
/// The embedded English→German lexicon.
pub const LEXICON_EN_DE: &str = include_str!("../../../glossaries/lexicon-en-de.tsv");
/// The embedded English→Italian lexicon.
pub const LEXICON_EN_IT: &str = include_str!("../../../glossaries/lexicon-en-it.tsv");
/// The embedded English→Portuguese lexicon.
pub const LEXICON_EN_PT: &str = include_str!("../../../glossaries/lexicon-en-pt.tsv");
/// The embedded German→French lexicon.
pub const LEXICON_DE_FR: &str = include_str!("../../../glossaries/lexicon-de-fr.tsv");

/// The embedded lexicons: source, target, text.
pub const LEXICONS: &[(Lang, Lang, &str)] = &[
    (Lang::En, Lang::Fr, LEXICON_EN_FR),
    (Lang::En, Lang::Es, LEXICON_EN_ES),
    (Lang::En, Lang::De, LEXICON_EN_DE),
    (Lang::En, Lang::It, LEXICON_EN_IT),
    (Lang::En, Lang::Pt, LEXICON_EN_PT),
    (Lang::De, Lang::Fr, LEXICON_DE_FR),
];

/// The most forms derived for one name.
pub const MAX_FORMS: usize = 32;

/// The most partial combinations kept while a name's forms are built.
const MAX_PARTIAL: usize = 128;

/// A literal translation derived from a kept name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivedForm {
    /// The target-language form, first word capitalised ("Semaine d'actualités").
    pub form: String,
    /// Which word became which ("news → actualités, week → semaine").
    pub gloss: String,
}

/// A malformed lexicon line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("lexicon line {line}: {message}")]
pub struct LexiconError {
    line: usize,
    message: String,
}

#[derive(Clone, Debug)]
struct Noun {
    sg: String,
    pl: String,
    /// The form that opens a closed compound (German "Nachrichten" in "Nachrichtenwoche").
    stem: String,
    gender: Gender,
    plural_only: bool,
}

#[derive(Clone, Debug)]
struct Adj {
    ms: String,
    fs: String,
    ns: String,
    mp: String,
    fp: String,
    before_vowel: Option<String>,
    preposed: bool,
}

impl Adj {
    fn agree(&self, gender: Gender, plural: bool, next: &str, lex: &Lexicon) -> &str {
        match (gender, plural) {
            (Gender::M, false) => match &self.before_vowel {
                Some(v) if lex.starts_with_vowel(next) => v,
                _ => &self.ms,
            },
            (Gender::F, false) => &self.fs,
            (Gender::N, false) => &self.ns,
            (Gender::M | Gender::N, true) => &self.mp,
            (Gender::F, true) => &self.fp,
        }
    }
}

/// How a proper name takes an article: never ("Moscou"), or like a noun ("le Japon").
type Article = Option<(Gender, bool)>;

#[derive(Clone, Debug)]
struct Proper {
    text: String,
    article: Article,
}

#[derive(Clone, Debug, Default)]
struct Readings {
    nouns: Vec<Noun>,
    adjs: Vec<Adj>,
    propers: Vec<Proper>,
    verbs: Vec<String>,
}

/// A lexicon the deriver reads: source words, their target readings, the target grammar.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: FxHashMap<String, Readings>,
    grammar: Grammar,
    functions: FxHashMap<String, Function>,
    stop: FxHashSet<String>,
    aspirated: FxHashSet<String>,
    longest_key: usize,
    lines: usize,
}

fn parse_noun(s: &str, grammar: &Grammar) -> Option<Noun> {
    let (forms, code) = s.rsplit_once(':')?;
    let (gender, plural_only) = gender_code(code)?;
    let mut parts = forms.split('/');
    let sg = parts.next()?.to_owned();
    let pl = match parts.next() {
        Some(pl) => pl.to_owned(),
        None if plural_only => sg.clone(),
        None => grammar.plural_of(&sg),
    };
    let stem = parts.next().map_or_else(|| sg.clone(), str::to_owned);
    (!sg.is_empty() && parts.next().is_none()).then_some(Noun {
        sg,
        pl,
        stem,
        gender,
        plural_only,
    })
}

/// An adjective entry, its forms in the order of the grammar's `adjective` line; forms left
/// out follow from the others (plurals by the default plural rule).
fn parse_adj(s: &str, preposed: bool, grammar: &Grammar) -> Option<Adj> {
    let forms: Vec<&str> = s.split('/').collect();
    if forms.len() < 2 || forms.len() > grammar.adjective.len() {
        return None;
    }
    let slot = |want: AdjSlot| {
        grammar
            .adjective
            .iter()
            .position(|&x| x == want)
            .and_then(|i| forms.get(i))
            .map(|f| f.to_string())
    };
    let ms = slot(AdjSlot::Ms)?;
    let fs = slot(AdjSlot::Fs)?;
    let pl = slot(AdjSlot::Pl);
    Some(Adj {
        ns: slot(AdjSlot::Ns).unwrap_or_else(|| ms.clone()),
        mp: slot(AdjSlot::Mp)
            .or_else(|| pl.clone())
            .unwrap_or_else(|| grammar.plural_of(&ms)),
        fp: slot(AdjSlot::Fp)
            .or(pl)
            .unwrap_or_else(|| grammar.plural_of(&fs)),
        before_vowel: slot(AdjSlot::Vowel),
        ms,
        fs,
        preposed,
    })
}

fn parse_proper(s: &str) -> Option<Proper> {
    match s.rsplit_once(':') {
        Some((text, code)) => Some(Proper {
            text: text.to_owned(),
            article: Some(gender_code(code)?),
        }),
        None => Some(Proper {
            text: s.to_owned(),
            article: None,
        }),
    }
}

/// Lowercase with the apostrophes folded: the key stop phrases are compared under.
fn stop_key(s: &str) -> String {
    s.to_lowercase().replace(['\u{2019}', '\u{02BC}'], "'")
}

impl Lexicon {
    /// Reads a lexicon in the format described in the module documentation.
    pub fn parse(source: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        let mut rows = Vec::new();
        for (i, line) in source.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| LexiconError {
                line: i + 1,
                message: message.to_owned(),
            };
            let mut cols = line.split('\t');
            let (Some(src), Some(pos), Some(tgt), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(err("expected three tab-separated columns"));
            };
            lex.lines += 1;
            // The grammar first: entries are read with it, wherever its lines stand.
            if pos == "g" {
                lex.grammar.set(src, tgt).map_err(|m| err(&m))?;
            } else {
                rows.push((i + 1, src, pos, tgt));
            }
        }
        for (line, src, pos, tgt) in rows {
            let err = |message: &str| LexiconError {
                line,
                message: message.to_owned(),
            };
            match pos {
                "stop" => {
                    lex.stop.insert(stop_key(tgt));
                    continue;
                }
                "h" => {
                    lex.aspirated.insert(tgt.to_lowercase());
                    continue;
                }
                "fn" => {
                    let f = match tgt {
                        "of" => Function::Of,
                        "for" => Function::For,
                        "on" => Function::On,
                        "and" => Function::And,
                        "the" => Function::The,
                        _ => return Err(err(&format!("unknown function `{tgt}`"))),
                    };
                    lex.functions.insert(src.to_lowercase(), f);
                    continue;
                }
                _ => {}
            }
            let key = src.to_lowercase();
            lex.longest_key = lex.longest_key.max(key.split(' ').count());
            let grammar = &lex.grammar;
            let r = lex.words.entry(key).or_default();
            for t in tgt.split('|') {
                let ok = match pos {
                    "n" => parse_noun(t, grammar).map(|n| r.nouns.push(n)),
                    "a" | "ap" => parse_adj(t, pos == "ap", grammar).map(|a| r.adjs.push(a)),
                    "pn" => parse_proper(t).map(|p| r.propers.push(p)),
                    "v" => (!t.is_empty()).then(|| r.verbs.push(t.to_owned())),
                    _ => return Err(err("unknown part of speech")),
                };
                if ok.is_none() {
                    return Err(err(&format!("malformed {pos} entry `{t}`")));
                }
            }
        }
        if lex.functions.is_empty() {
            for (w, f) in [
                ("of", Function::Of),
                ("for", Function::For),
                ("on", Function::On),
                ("and", Function::And),
                ("the", Function::The),
            ] {
                lex.functions.insert(w.to_owned(), f);
            }
        }
        Ok(lex)
    }

    /// The embedded English→French lexicon, parsed on first use.
    pub fn embedded() -> &'static Lexicon {
        Lexicon::for_pair(Lang::En, Lang::Fr).expect("an English→French lexicon is embedded")
    }

    /// The embedded lexicon from `source` into `target`, parsed on first use (only the pair
    /// in use is ever parsed), or `None` when mtlint has none.
    pub fn for_pair(source: Lang, target: Lang) -> Option<&'static Lexicon> {
        static PARSED: [OnceLock<Lexicon>; LEXICONS.len()] =
            [const { OnceLock::new() }; LEXICONS.len()];
        let i = LEXICONS
            .iter()
            .position(|&(s, t, _)| (s, t) == (source, target))?;
        Some(PARSED[i].get_or_init(|| {
            Lexicon::parse(LEXICONS[i].2)
                .expect("the embedded lexicons are valid (checked by a test)")
        }))
    }

    /// Number of readings (lines) in the lexicon.
    pub fn len(&self) -> usize {
        self.lines
    }

    /// True when the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.lines == 0
    }

    fn starts_with_vowel(&self, text: &str) -> bool {
        let Some(c) = text.chars().next().and_then(|c| c.to_lowercase().next()) else {
            return false;
        };
        if c == 'h' {
            let word: String = text
                .split([' ', '-', '\''])
                .next()
                .unwrap_or_default()
                .to_lowercase();
            return !self.aspirated.contains(&word);
        }
        self.grammar.is_vowel(c)
    }

    /// The readings of a source word, and whether it was found as a plural.
    fn lookup(&self, word: &str) -> Option<(&Readings, bool)> {
        let lower = word.to_lowercase();
        if let Some(r) = self.words.get(&lower) {
            return Some((r, false));
        }
        // Plural endings of the source language, in the order the grammar lists them.
        self.grammar
            .stems
            .iter()
            .filter_map(|(from, to)| {
                lower
                    .strip_suffix(from.as_str())
                    .map(|s| format!("{s}{to}"))
            })
            .filter(|s| s.len() >= 2)
            .find_map(|s| self.words.get(&s))
            .filter(|r| !r.nouns.is_empty())
            .map(|r| (r, true))
    }

    /// Splits a closed compound into two known words ("Newsweek" → "News", "week").
    fn split_compound<'w>(&self, word: &'w str) -> Option<[&'w str; 2]> {
        if word.chars().count() < 6 || !word.is_ascii() {
            return None;
        }
        // CamelCase first: "BlackRock", "OpenAI".
        let camel = word.char_indices().skip(1).find(|&(i, c)| {
            c.is_ascii_uppercase() && word[..i].ends_with(|p: char| p.is_ascii_lowercase())
        });
        let candidates: Vec<usize> = match camel {
            Some((i, _)) => vec![i],
            None => (3..=word.len() - 3).rev().collect(),
        };
        candidates.into_iter().find_map(|i| {
            let (a, b) = word.split_at(i);
            let known = |w: &str| {
                self.lookup(w)
                    .is_some_and(|(r, _)| !r.nouns.is_empty() || !r.adjs.is_empty())
            };
            (known(a) && known(b)).then_some([a, b])
        })
    }

    /// The literal target-language translations of a source name, most likely first, at most
    /// [`MAX_FORMS`]. Empty when no word of the name is in the lexicon or the name has a shape
    /// the deriver does not know (possessives, verbs without objects).
    pub fn derive(&self, name: &str) -> Vec<DerivedForm> {
        if name.contains(['\'', '\u{2019}', '&', '.', ',', '(']) {
            return Vec::new();
        }
        let mut words: Vec<&str> = name.split_whitespace().collect();
        if words
            .first()
            .is_some_and(|w| self.function(w) == Some(Function::The))
        {
            words.remove(0);
        }
        let mut pieces: Vec<&str> = Vec::new();
        for w in words {
            match self.lookup(w) {
                None if !w.contains('-') => match self.split_compound(w) {
                    Some(parts) => pieces.extend(parts),
                    None => pieces.push(w),
                },
                _ => pieces.push(w),
            }
        }
        let units = self.units(&pieces);
        if !units.iter().any(|u| u.readings.is_some()) {
            return Vec::new();
        }
        let phrases = self.clause(&units);
        let english = stop_key(name);
        let mut seen = FxHashSet::default();
        let mut out = Vec::new();
        for p in phrases {
            let form = capitalize(&p.text);
            let key = stop_key(&form);
            if key == english || self.stop.contains(&key) || !seen.insert(key) {
                continue;
            }
            out.push(DerivedForm {
                form,
                gloss: p.gloss.join(", "),
            });
            if out.len() == MAX_FORMS {
                break;
            }
        }
        out
    }

    /// Groups words into units, multi-word lexicon entries first ("Human Rights", "Wall
    /// Street").
    fn units<'a>(&'a self, pieces: &[&'a str]) -> Vec<Unit<'a>> {
        let mut units = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            let mut found = None;
            for n in (2..=self.longest_key.min(pieces.len() - i)).rev() {
                let key = pieces[i..i + n].join(" ").to_lowercase();
                if let Some(r) = self.words.get(&key) {
                    found = Some((n, r, pieces[i..i + n].join(" ")));
                    break;
                }
            }
            if let Some((n, r, en)) = found {
                units.push(Unit {
                    en,
                    readings: Some(r),
                    plural: false,
                    function: None,
                });
                i += n;
                continue;
            }
            let w = pieces[i];
            // Unknown words in a row are one kept name ("Los Angeles", "Pew").
            if let Some(prev) = units
                .last_mut()
                .filter(|u: &&mut Unit<'_>| u.readings.is_none() && u.function.is_none())
            {
                if self.is_kept_word(w) {
                    prev.en = format!("{} {w}", prev.en);
                    i += 1;
                    continue;
                }
            }
            let function = self.function(w);
            let found = function.is_none().then(|| self.lookup(w)).flatten();
            // Acronyms and numbers stay as they are ("CBS News", "Channel 4").
            let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
            let found = found.filter(|_| !acronym);
            units.push(Unit {
                en: w.to_owned(),
                readings: found.map(|f| f.0),
                plural: found.is_some_and(|f| f.1),
                function,
            });
            i += 1;
        }
        units
    }

    /// What a source function word does ("of", "für"), if it is one.
    fn function(&self, w: &str) -> Option<Function> {
        self.functions.get(&w.to_lowercase()).copied()
    }

    fn is_kept_word(&self, w: &str) -> bool {
        let acronym = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
        self.function(w).is_none() && (acronym || self.lookup(w).is_none())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Function {
    Of,
    For,
    On,
    And,
    The,
}

/// One word (or multi-word lexicon entry) of an English name.
#[derive(Clone, Debug)]
struct Unit<'a> {
    en: String,
    readings: Option<&'a Readings>,
    plural: bool,
    function: Option<Function>,
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl fmt::Display for DerivedForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.form, self.gloss)
    }
}

#[cfg(test)]
mod tests;
