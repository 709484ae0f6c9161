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

use self::grammar::{gender_code, AdjSlot, Gender, Grammar};
use super::model::Lang;
use std::collections::{HashMap, HashSet};
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
    words: HashMap<String, Readings>,
    grammar: Grammar,
    functions: HashMap<String, Function>,
    stop: HashSet<String>,
    aspirated: HashSet<String>,
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
        let mut seen = HashSet::new();
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

    /// A whole name: a noun phrase with its complements, a coordination, or a verb and its
    /// object ("Save the Children").
    fn clause(&self, units: &[Unit<'_>]) -> Vec<Phrase> {
        if let Some(at) = units.iter().position(|u| u.function == Some(Function::And)) {
            let (left, right) = (self.clause(&units[..at]), self.clause(&units[at + 1..]));
            return combine(&[left, right], &format!(" {} ", self.grammar.and));
        }
        if let Some(first) = units.first() {
            let verbs = first.readings.map(|r| r.verbs.as_slice()).unwrap_or(&[]);
            if !verbs.is_empty()
                && units
                    .get(1)
                    .is_some_and(|u| u.function == Some(Function::The))
            {
                let objects: Vec<Phrase> = self
                    .noun_phrase(&units[2..])
                    .iter()
                    .flat_map(|np| self.with_article(np, ""))
                    .collect();
                let verbs: Vec<Phrase> = verbs
                    .iter()
                    .map(|v| Phrase::glossed(v.clone(), &first.en, v))
                    .collect();
                return combine(&[verbs, objects], " ");
            }
        }
        // The head phrase, then its prepositional complements.
        let split = units
            .iter()
            .position(|u| {
                matches!(
                    u.function,
                    Some(Function::Of | Function::For | Function::On)
                )
            })
            .unwrap_or(units.len());
        let mut complements: Vec<Vec<Phrase>> = Vec::new();
        let mut rest = &units[split..];
        while let Some((prep, tail)) = rest.split_first() {
            let next = tail
                .iter()
                .position(|u| {
                    matches!(
                        u.function,
                        Some(Function::Of | Function::For | Function::On)
                    )
                })
                .unwrap_or(tail.len());
            let (np_units, after) = tail.split_at(next);
            let forced = np_units
                .first()
                .is_some_and(|u| u.function == Some(Function::The));
            let nps = self.noun_phrase(np_units);
            if nps.is_empty() {
                return Vec::new();
            }
            let mut list = Vec::new();
            for np in &nps {
                match prep.function {
                    Some(Function::For) => {
                        for prep in &self.grammar.for_ {
                            list.extend(self.with_article(np, prep));
                        }
                        list.extend(self.complement(np, forced));
                    }
                    Some(Function::On) => {
                        for on in &self.grammar.on {
                            list.extend(self.with_article(np, on));
                        }
                    }
                    _ => list.extend(self.complement(np, forced)),
                }
            }
            complements.push(list);
            rest = after;
        }
        self.head_phrase(&units[..split], complements)
    }

    /// A noun phrase with no preposition inside, as a complement-to-be.
    fn noun_phrase(&self, units: &[Unit<'_>]) -> Vec<Np> {
        let units: Vec<&Unit<'_>> = units
            .iter()
            .filter(|u| u.function != Some(Function::The))
            .collect();
        if units.iter().any(|u| u.function.is_some()) || units.is_empty() {
            return Vec::new();
        }
        if units.len() == 1 || units.iter().all(|u| u.readings.is_none()) {
            if let Some(nps) = self.proper_np(&units) {
                return nps;
            }
        }
        self.head_variants(&units, &[])
            .into_iter()
            .map(|(p, gender, plural)| Np {
                phrase: p,
                gender,
                plural,
                kind: NpKind::Common,
            })
            .collect()
    }

    /// A proper name alone: a known place ("Amérique") or kept words ("Getty").
    fn proper_np(&self, units: &[&Unit<'_>]) -> Option<Vec<Np>> {
        if units.iter().all(|u| u.readings.is_none()) {
            let text = units
                .iter()
                .map(|u| u.en.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            return Some(vec![Np {
                phrase: Phrase::plain(text),
                gender: Gender::M,
                plural: false,
                kind: NpKind::Kept,
            }]);
        }
        let u = units.first()?;
        let r = u.readings?;
        if r.propers.is_empty() || !r.nouns.is_empty() {
            return None;
        }
        Some(
            r.propers
                .iter()
                .map(|p| Np {
                    phrase: Phrase::glossed(p.text.clone(), &u.en, &p.text),
                    gender: p.article.map_or(Gender::M, |a| a.0),
                    plural: p.article.is_some_and(|a| a.1),
                    kind: NpKind::Place(p.article),
                })
                .collect(),
        )
    }

    /// "of" + a noun phrase, with and without the article where the language allows both.
    fn complement(&self, np: &Np, forced_article: bool) -> Vec<Phrase> {
        let of = self.grammar.of.as_str();
        match np.kind {
            NpKind::Common if !forced_article => {
                let mut v = self.with_article(np, of);
                v.push(self.bare(np, of));
                v
            }
            NpKind::Common => self.with_article(np, of),
            NpKind::Place(Some(_)) => {
                let mut v = self.with_article(np, of);
                v.push(self.bare(np, of));
                v
            }
            NpKind::Place(None) | NpKind::Kept => vec![self.bare(np, of)],
        }
    }

    /// `prep` + definite article + phrase, contracted and elided ("du", "des", "de l'",
    /// "della", "vom").
    fn with_article(&self, np: &Np, prep: &str) -> Vec<Phrase> {
        if matches!(np.kind, NpKind::Place(None) | NpKind::Kept) {
            return vec![self.bare(np, prep)];
        }
        let text = &np.phrase.text;
        let vowel = self.starts_with_vowel(text);
        let article = self
            .grammar
            .article(prep, np.gender, np.plural, text, vowel);
        vec![np.phrase.with_text(self.grammar.join(prep, &article, text))]
    }

    /// `prep` + phrase, elided before a vowel ("d'Inde").
    fn bare(&self, np: &Np, prep: &str) -> Phrase {
        let text = &np.phrase.text;
        np.phrase
            .with_text(self.grammar.bare(prep, text, self.starts_with_vowel(text)))
    }

    /// The head noun phrase of a name with its modifiers, followed by `complements` (the
    /// realised prepositional phrases), in the target's order.
    fn head_phrase(&self, units: &[Unit<'_>], complements: Vec<Vec<Phrase>>) -> Vec<Phrase> {
        let units: Vec<&Unit<'_>> = units.iter().collect();
        if units.iter().any(|u| u.function.is_some()) {
            return Vec::new();
        }
        if units.len() == 1 && units[0].readings.is_some_and(|r| r.nouns.is_empty()) {
            // A proper name alone heads nothing ("Voice of America" has "Voice").
            return Vec::new();
        }
        let mut out = Vec::new();
        for (head, _, _) in self.head_variants(&units, &complements) {
            out.push(head);
        }
        out
    }

    /// Every realisation of a noun phrase `units` (English order, head last) followed by
    /// `complements`, with the head's gender and number.
    fn head_variants(
        &self,
        units: &[&Unit<'_>],
        complements: &[Vec<Phrase>],
    ) -> Vec<(Phrase, Gender, bool)> {
        let Some((&last, pre)) = units.split_last() else {
            return Vec::new();
        };
        // "Amnesty International": a trailing adjective follows its noun in English too.
        let (head, pre, trailing) = match last.readings {
            Some(r) if r.nouns.is_empty() && !r.adjs.is_empty() && !pre.is_empty() => {
                let Some((&h, p)) = pre.split_last() else {
                    return Vec::new();
                };
                (h, p, Some(last))
            }
            _ => (last, pre, None),
        };
        let Some(head_r) = head.readings.filter(|r| !r.nouns.is_empty()) else {
            return Vec::new();
        };
        // Each modifier is read as an adjective or as a noun (a complement), where it can be.
        let choices: Vec<Vec<Role>> = pre
            .iter()
            .map(|u| {
                let mut c = Vec::new();
                match u.readings {
                    None => c.push(Role::Noun),
                    Some(r) => {
                        if !r.adjs.is_empty() {
                            c.push(Role::Adj);
                        }
                        if !r.nouns.is_empty() || !r.propers.is_empty() {
                            c.push(Role::Noun);
                        }
                    }
                }
                c
            })
            .collect();
        let mut assignments: Vec<Vec<Role>> = vec![Vec::new()];
        for c in &choices {
            assignments = assignments
                .iter()
                .flat_map(|a| {
                    c.iter().map(move |r| {
                        let mut a = a.clone();
                        a.push(*r);
                        a
                    })
                })
                .take(16)
                .collect();
        }
        let mut out = Vec::new();
        for roles in assignments {
            let first_noun = roles
                .iter()
                .position(|r| *r == Role::Noun)
                .unwrap_or(roles.len());
            let last_noun = roles.iter().rposition(|r| *r == Role::Noun);
            // Leading adjectives go to the head or to the first modifier noun.
            let splits: Vec<usize> = if last_noun.is_some() && first_noun > 0 {
                (0..=first_noun).rev().collect()
            } else {
                vec![first_noun]
            };
            for k in splits {
                let mut head_adjs: Vec<&Unit<'_>> = pre[..k].to_vec();
                let tail_start = last_noun.map_or(0, |l| l + 1);
                if last_noun.is_some() {
                    head_adjs.extend(pre[tail_start..].iter().copied());
                }
                head_adjs.extend(trailing);
                // Modifier chunks: each noun with the adjectives before it.
                let mut chunks: Vec<Vec<&Unit<'_>>> = Vec::new();
                let mut current: Vec<&Unit<'_>> = Vec::new();
                if let Some(l) = last_noun {
                    for (i, u) in pre.iter().enumerate().take(l + 1).skip(k) {
                        current.push(u);
                        if roles[i] == Role::Noun {
                            chunks.push(std::mem::take(&mut current));
                        }
                    }
                }
                out.extend(self.realise(head, head_r, &head_adjs, &chunks, complements));
                if out.len() >= MAX_PARTIAL {
                    return out;
                }
            }
        }
        out
    }

    /// The forms a modifier chunk takes at the start of a closed compound: a noun's compound
    /// stem ("Nachrichten"), kept words with a hyphen ("Fox-"); `None` for anything else.
    fn compound_prefix(&self, chunk: &[&Unit<'_>]) -> Option<Vec<Phrase>> {
        if chunk.iter().all(|u| u.readings.is_none()) {
            let words: Vec<&str> = chunk.iter().map(|u| u.en.as_str()).collect();
            return Some(vec![Phrase::plain(format!("{}-", words.join("-")))]);
        }
        let [u] = chunk else { return None };
        let r = u.readings?;
        let v: Vec<Phrase> = r
            .nouns
            .iter()
            .map(|n| Phrase::glossed(n.stem.clone(), &u.en, &n.sg))
            .collect();
        (!v.is_empty()).then_some(v)
    }

    /// Puts a head, its adjectives, its modifier chunks and complements in the target's order.
    fn realise(
        &self,
        head: &Unit<'_>,
        head_r: &Readings,
        adjs: &[&Unit<'_>],
        chunks: &[Vec<&Unit<'_>>],
        complements: &[Vec<Phrase>],
    ) -> Vec<(Phrase, Gender, bool)> {
        // Chunks as complements: "Kept" words stand right after the head ("Institut
        // Hudson") or take "of"; others take "of", closest to the head first.
        // In a compounding language (German), a bare noun or kept words open the head
        // instead: "Nachrichtenwoche", "Fox-Nachrichten".
        let mut appositions: Vec<Vec<Phrase>> = Vec::new();
        let mut de_chunks: Vec<Vec<Phrase>> = Vec::new();
        let mut prefixes: Vec<Vec<Phrase>> = Vec::new();
        for chunk in chunks.iter().rev() {
            if self.grammar.compounds {
                if let Some(p) = self.compound_prefix(chunk) {
                    prefixes.insert(0, p);
                    continue;
                }
            }
            let refs: Vec<Unit<'_>> = chunk.iter().map(|u| (*u).clone()).collect();
            let nps = self.noun_phrase(&refs);
            if nps.is_empty() {
                return Vec::new();
            }
            if nps.iter().all(|n| n.kind == NpKind::Kept) {
                let mut v: Vec<Phrase> = nps.iter().map(|n| n.phrase.clone()).collect();
                v.extend(nps.iter().map(|n| self.bare(n, &self.grammar.of)));
                appositions.push(v);
            } else {
                de_chunks.push(nps.iter().flat_map(|n| self.complement(n, false)).collect());
            }
        }
        let mut out = Vec::new();
        for noun in &head_r.nouns {
            let numbers: Vec<bool> = if noun.plural_only {
                vec![true]
            } else if noun.sg == noun.pl {
                vec![head.plural, !head.plural]
            } else {
                vec![head.plural]
            };
            for plural in numbers {
                let text = if plural { &noun.pl } else { &noun.sg };
                let head_phrase = Phrase::glossed(text.clone(), &head.en, &noun.sg);
                let base = if prefixes.is_empty() {
                    vec![head_phrase]
                } else {
                    combine(&prefixes, "")
                        .into_iter()
                        .map(|p| {
                            let head_text = if p.text.ends_with('-') {
                                text.clone()
                            } else {
                                lowercase_first(text)
                            };
                            let mut gloss = p.gloss;
                            gloss.extend(head_phrase.gloss.iter().cloned());
                            Phrase {
                                text: format!("{}{head_text}", p.text),
                                gloss,
                            }
                        })
                        .collect()
                };
                // Adjective slots: each adjective's translations, agreeing with the head.
                let mut pre_slots: Vec<Vec<Phrase>> = Vec::new();
                let mut post_slots: Vec<Vec<Phrase>> = Vec::new();
                for a in adjs {
                    let Some(r) = a.readings else {
                        return Vec::new();
                    };
                    for preposed in [true, false] {
                        let forms: Vec<Phrase> = r
                            .adjs
                            .iter()
                            .filter(|x| x.preposed == preposed)
                            .map(|x| {
                                Phrase::glossed(
                                    x.agree(noun.gender, plural, text, self).to_owned(),
                                    &a.en,
                                    &x.ms,
                                )
                            })
                            .collect();
                        if !forms.is_empty() {
                            if preposed {
                                pre_slots.push(forms);
                            } else {
                                post_slots.push(forms);
                            }
                            break;
                        }
                    }
                }
                let mut parts: Vec<Vec<Phrase>> = pre_slots;
                parts.push(base);
                parts.extend(post_slots);
                parts.extend(appositions.iter().cloned());
                parts.extend(complements.iter().cloned());
                parts.extend(de_chunks.iter().cloned());
                for p in combine(&parts, " ") {
                    out.push((p, noun.gender, plural));
                }
            }
        }
        out
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Adj,
    Noun,
}

/// One word (or multi-word lexicon entry) of an English name.
#[derive(Clone, Debug)]
struct Unit<'a> {
    en: String,
    readings: Option<&'a Readings>,
    plural: bool,
    function: Option<Function>,
}

/// A piece of target-language text with the word translations it used.
#[derive(Clone, Debug)]
struct Phrase {
    text: String,
    gloss: Vec<String>,
}

impl Phrase {
    fn plain(text: String) -> Phrase {
        Phrase {
            text,
            gloss: Vec::new(),
        }
    }

    fn glossed(text: String, en: &str, fr: &str) -> Phrase {
        Phrase {
            text,
            gloss: vec![format!("{} → {fr}", en.to_lowercase())],
        }
    }

    fn with_text(&self, text: String) -> Phrase {
        Phrase {
            text,
            gloss: self.gloss.clone(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NpKind {
    /// A common noun phrase: takes an article or not.
    Common,
    /// A known place, with its article if it takes one.
    Place(Article),
    /// Words kept as they are.
    Kept,
}

#[derive(Clone, Debug)]
struct Np {
    phrase: Phrase,
    gender: Gender,
    plural: bool,
    kind: NpKind,
}

/// Every combination of one phrase from each list, in order, joined by `sep` (bounded).
fn combine(lists: &[Vec<Phrase>], sep: &str) -> Vec<Phrase> {
    let mut acc = vec![Phrase::plain(String::new())];
    for list in lists {
        acc = acc
            .iter()
            .flat_map(|a| {
                list.iter().map(move |p| Phrase {
                    text: if a.text.is_empty() {
                        p.text.clone()
                    } else {
                        format!("{}{sep}{}", a.text, p.text)
                    },
                    gloss: a.gloss.iter().chain(&p.gloss).cloned().collect(),
                })
            })
            .take(MAX_PARTIAL)
            .collect();
    }
    acc.retain(|p| !p.text.is_empty());
    acc
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
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
