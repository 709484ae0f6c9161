//! Realising a name in the target language: the clause, noun phrases with their adjectives,
//! complements and compounds, articles and contractions, as the lexicon's grammar says. Reads
//! the units [`Lexicon::derive`] grouped; writes candidate phrases and nothing else.

use super::grammar::Gender;
use super::{Article, Function, Lexicon, Readings, Unit, MAX_PARTIAL};
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Adj,
    Noun,
}

impl Lexicon {
    /// A whole name: a noun phrase with its complements, a coordination, or a verb and its
    /// object ("Save the Children").
    pub(super) fn clause(&self, units: &[Unit<'_>]) -> Vec<Phrase> {
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

/// A piece of target-language text with the word translations it used.
///
/// The translations are shared, not copied: every combination of phrases carries them.
#[derive(Clone, Debug)]
pub(super) struct Phrase {
    pub(super) text: String,
    pub(super) gloss: Vec<Rc<str>>,
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
            gloss: vec![format!("{} → {fr}", en.to_lowercase()).into()],
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
