//! Counts the spellings of names and decides, over a scope (one document or a whole batch),
//! which spelling of each name is the one to keep.
//!
//! A document's [`Inventory`] lists its distinct spellings with their spans and what the
//! glossary knows of them. A [`NamePool`] adds up inventories (one for file scope, all of a
//! run for batch scope) and decides once: spellings that are one name form a group, the
//! glossary's preferred form wins, then the majority, then the first used. It reports nothing
//! itself.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::candidates::{name_spans, neighbours};
use super::pairing::similar_pairs;
use super::similarity::{same_name, NameForm};
use super::RELATED_MAX;
use crate::analysis::{gallop, Analysis};
use crate::diagnostic::{Severity, Span};
use crate::glossary::{Kind, Role, TermMatch};
use crate::text::LanguageProfile;

/// What the glossary says of a spelling: the concept it names and in which role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Known {
    /// Index of the concept in the run's glossary matcher.
    pub(crate) concept: usize,
    /// The spelling's role for that concept.
    pub(crate) role: Role,
}

/// One distinct spelling of a name in one document.
#[derive(Debug)]
pub(crate) struct Spelling {
    /// The spelling with case and typographic variants (apostrophes, hyphens, spaces) folded:
    /// two occurrences with one key are one spelling.
    pub(crate) key: String,
    /// How it is written (the first occurrence not in capitals, if any).
    pub(crate) written: String,
    /// Its occurrences, in order.
    pub(crate) spans: Vec<Span>,
    /// What the glossary knows of it.
    pub(crate) known: Option<Known>,
    /// The names written right before it, when every occurrence has one.
    pub(crate) before: Neighbours,
    /// The names written right after it, when every occurrence has one.
    pub(crate) after: Neighbours,
}

/// The names one spelling is written next to, on one side: `Some` when every occurrence has
/// such a neighbour (a given name before a surname, a surname after a given name), `None`
/// when some occurrence stands alone on that side or the neighbours are too many to tell.
pub(crate) type Neighbours = Option<Vec<String>>;

/// More different neighbours than this on one side tell nothing.
const NEIGHBOURS_MAX: usize = 6;

/// Adds one occurrence's neighbour to `set`.
fn meet(set: &mut Neighbours, neighbour: Option<&str>) {
    match (set.as_mut(), neighbour) {
        (Some(names), Some(n)) => {
            if !names.iter().any(|m| m == n) {
                names.push(n.to_owned());
            }
            if names.len() > NEIGHBOURS_MAX {
                *set = None;
            }
        }
        (Some(_), None) => *set = None,
        (None, _) => {}
    }
}

/// Merges the neighbours of one spelling seen in two scopes.
fn merge_neighbours(set: &mut Neighbours, other: &Neighbours) {
    match other {
        None => *set = None,
        Some(names) => {
            for n in names {
                meet(set, Some(n));
            }
        }
    }
}

/// The spellings of names of one document, in order of first use.
#[derive(Debug, Default)]
pub(crate) struct Inventory {
    pub(crate) spellings: Vec<Spelling>,
    index: FxHashMap<String, usize>,
    /// The inflectional endings of the document's language (see [`NameForm`]).
    endings: Option<&'static [String]>,
}

impl Inventory {
    /// Finds and counts the names of a document.
    pub(crate) fn collect(a: &Analysis<'_>) -> Inventory {
        let mut spans = Vec::new();
        name_spans(a, &mut spans);
        let next_to = neighbours(a, &spans);
        let mut inventory = Inventory {
            endings: Some(a.target.inflection_endings()),
            ..Inventory::default()
        };
        // Occurrences written identically share a key computed once.
        let mut by_text: FxHashMap<&str, usize> = FxHashMap::default();
        let mut terms_before = 0;
        for (&span, &(before, after)) in spans.iter().zip(&next_to) {
            terms_before = gallop(&a.terms, terms_before, |m| m.span.start <= span.start);
            let known = match coverage(a, &a.terms[..terms_before], span) {
                Coverage::Inside => continue,
                Coverage::Known(k) => Some(k),
                Coverage::Unknown => None,
            };
            let text = span.slice(a.text);
            let at = match by_text.get(text) {
                Some(&at) => at,
                None => {
                    let at = inventory.spelling_for(text);
                    by_text.insert(text, at);
                    at
                }
            };
            let s = &mut inventory.spellings[at];
            s.spans.push(span);
            if s.known.is_none() {
                s.known = known;
            }
            meet(&mut s.before, before.map(|i| spans[i].slice(a.text)));
            meet(&mut s.after, after.map(|i| spans[i].slice(a.text)));
        }
        inventory
    }

    /// The spelling with this key, if the document uses it.
    pub(crate) fn get(&self, key: &str) -> Option<&Spelling> {
        self.index.get(key).map(|&i| &self.spellings[i])
    }

    /// The index of the spelling of `text`, added if new.
    fn spelling_for(&mut self, text: &str) -> usize {
        let key = spelling_key(text);
        if let Some(&at) = self.index.get(&key) {
            let s = &mut self.spellings[at];
            if is_all_caps(&s.written) && !is_all_caps(text) {
                s.written = text.to_owned();
            }
            return at;
        }
        self.spellings.push(Spelling {
            key: key.clone(),
            written: text.to_owned(),
            spans: Vec::new(),
            known: None,
            before: Some(Vec::new()),
            after: Some(Vec::new()),
        });
        self.index.insert(key, self.spellings.len() - 1);
        self.spellings.len() - 1
    }
}

/// What the glossary says of a name's span.
enum Coverage {
    /// Nothing.
    Unknown,
    /// The span is a form of a concept, or the surname of a person's full name ("Pachinian"
    /// in "Nikol Pachinian").
    Known(Known),
    /// The span is part of a longer glossary form ("Committee" in "Committee to Protect
    /// Journalists"): that name's spelling is the glossary's business, not a name of its own.
    Inside,
}

/// What the glossary says of `span`, given the glossary matches that start at or before it.
/// Acronyms, wrong and source-language forms are known to the glossary rules, not here.
fn coverage(a: &Analysis<'_>, terms_before: &[TermMatch], span: Span) -> Coverage {
    // Matches are sorted and do not overlap: only the last one starting at or before the span
    // can hold it.
    let Some(m) = terms_before.last().filter(|m| m.span.contains(span)) else {
        return Coverage::Unknown;
    };
    let surname = m.span.end == span.end
        && m.span.start < span.start
        && a.glossary.concept(m.concept).kind == Kind::Person;
    if m.span != span && !surname {
        return Coverage::Inside;
    }
    if matches!(m.role, Role::Preferred | Role::Accepted | Role::Variant) {
        Coverage::Known(Known {
            concept: m.concept,
            role: m.role,
        })
    } else {
        Coverage::Unknown
    }
}

/// The key under which occurrences count as one spelling: NFC, lowercase, one apostrophe, one
/// hyphen and one space character.
pub(crate) fn spelling_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut push = |c: char| match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => key.push('\''),
        '\u{2010}' | '\u{2011}' => key.push('-'),
        c if c.is_whitespace() => key.push(' '),
        c => key.extend(c.to_lowercase()),
    };
    // Text is nearly always NFC already: normalizing it again would change nothing.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().for_each(&mut push);
    } else {
        text.nfc().for_each(&mut push);
    }
    key
}

/// True for text with at least two letters, all capitals.
pub(crate) fn is_all_caps(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// A spelling counted over the scope.
#[derive(Debug)]
pub(crate) struct PooledSpelling {
    /// See [`Spelling::key`].
    pub(crate) key: String,
    /// How it is written (first document that uses it).
    pub(crate) written: String,
    /// Occurrences in the whole scope.
    pub(crate) count: usize,
    /// What the glossary knows of it.
    pub(crate) known: Option<Known>,
    /// See [`Spelling::before`].
    pub(crate) before: Neighbours,
    /// See [`Spelling::after`].
    pub(crate) after: Neighbours,
    /// Its first occurrences (at most [`RELATED_MAX`]), in the pieces' document when the pool
    /// holds pieces of one document.
    pub(crate) first: Vec<Span>,
}

/// For a spelling that is not the one to keep: which one is, and how serious the mix is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// Index of the spelling to keep in the pool.
    pub(crate) keep: usize,
    /// `Warning` for two spellings of one name; `Info` for two names the glossary gives one
    /// concept (a house-style matter).
    pub(crate) severity: Severity,
}

/// The spellings of names over a scope, and the decision of which to keep.
#[derive(Debug, Default)]
pub struct NamePool {
    /// True when the pool holds pieces of one document: a spelling is then written as the
    /// document writes it (its first occurrence not in capitals), as [`Inventory`] does.
    chunks: bool,
    spellings: Vec<PooledSpelling>,
    index: FxHashMap<String, usize>,
    verdicts: OnceLock<Vec<Option<Verdict>>>,
    /// The inflectional endings of the first document's language.
    endings: Option<&'static [String]>,
}

impl NamePool {
    /// Adds a document's spellings; documents are added in run order (it decides "first used").
    pub(crate) fn add(&mut self, inventory: &Inventory) {
        self.add_at(inventory, 0);
    }

    /// Adds the spellings of one piece of a document that starts at byte `base` of it; pieces
    /// are added in order.
    pub(crate) fn add_chunk(&mut self, inventory: &Inventory, base: usize) {
        self.chunks = true;
        self.add_at(inventory, base);
    }

    fn add_at(&mut self, inventory: &Inventory, base: usize) {
        self.endings = self.endings.or(inventory.endings);
        for s in &inventory.spellings {
            self.add_counted(PooledSpelling {
                key: s.key.clone(),
                written: s.written.clone(),
                count: s.spans.len(),
                known: s.known,
                before: s.before.clone(),
                after: s.after.clone(),
                first: s
                    .spans
                    .iter()
                    .take(RELATED_MAX)
                    .map(|sp| Span::new(sp.start + base, sp.end + base))
                    .collect(),
            });
        }
    }

    /// The first occurrences (see [`PooledSpelling::first`]) of every spelling that another
    /// spelling is told to become: the places its findings show.
    pub(crate) fn first_places(&self) -> Vec<Span> {
        let verdicts = self.verdicts.get_or_init(|| self.decide());
        let mut kept: Vec<usize> = verdicts.iter().flatten().map(|v| v.keep).collect();
        kept.sort_unstable();
        kept.dedup();
        kept.into_iter()
            .flat_map(|i| self.spellings[i].first.iter().copied())
            .collect()
    }

    /// Adds another pool after this one.
    pub(crate) fn merge(&mut self, other: NamePool) {
        self.endings = self.endings.or(other.endings);
        self.chunks |= other.chunks;
        for s in other.spellings {
            self.add_counted(s);
        }
    }

    fn add_counted(&mut self, s: PooledSpelling) {
        self.verdicts = OnceLock::new();
        match self.index.get(&s.key) {
            Some(&at) => {
                let p = &mut self.spellings[at];
                p.count += s.count;
                if self.chunks && is_all_caps(&p.written) && !is_all_caps(&s.written) {
                    p.written = s.written;
                }
                let room = RELATED_MAX.saturating_sub(p.first.len());
                p.first.extend(s.first.into_iter().take(room));
                if p.known.is_none() {
                    p.known = s.known;
                }
                merge_neighbours(&mut p.before, &s.before);
                merge_neighbours(&mut p.after, &s.after);
            }
            None => {
                self.index.insert(s.key.clone(), self.spellings.len());
                self.spellings.push(s);
            }
        }
    }

    /// The pooled spelling of a key.
    pub(crate) fn get(&self, key: &str) -> Option<&PooledSpelling> {
        self.index.get(key).map(|&at| &self.spellings[at])
    }

    /// A pooled spelling by index.
    pub(crate) fn spelling(&self, at: usize) -> &PooledSpelling {
        &self.spellings[at]
    }

    /// What to do with the spelling of this key: `None` when it is the one to keep (or alone).
    pub(crate) fn verdict(&self, key: &str) -> Option<Verdict> {
        let at = *self.index.get(key)?;
        self.verdicts
            .get_or_init(|| self.decide())
            .get(at)
            .copied()
            .flatten()
    }

    /// The verdicts of every spelling, with the endings of the pool's language.
    fn decide(&self) -> Vec<Option<Verdict>> {
        let endings = self
            .endings
            .unwrap_or_else(|| LanguageProfile::french().inflection_endings());
        decide(&self.spellings, endings)
    }
}

/// Groups the spellings that are one name and picks the one to keep in each group.
fn decide(spellings: &[PooledSpelling], endings: &'static [String]) -> Vec<Option<Verdict>> {
    let forms: Vec<NameForm> = spellings
        .iter()
        .map(|s| NameForm::with_endings(&s.written, endings))
        .collect();
    let concept = |i: usize| spellings[i].known.map(|k| k.concept);
    // Two concepts of the glossary are never one name.
    let apart =
        |i: usize, j: usize| matches!((concept(i), concept(j)), (Some(x), Some(y)) if x != y);
    let mut groups = UnionFind::new(spellings.len());
    for (i, j) in similar_pairs(&forms) {
        if !apart(i, j) {
            groups.union(i, j);
        }
    }
    // The forms of one concept are one name, however they look.
    let mut first_of_concept: FxHashMap<usize, usize> = FxHashMap::default();
    for i in 0..spellings.len() {
        if let Some(c) = concept(i) {
            let first = *first_of_concept.entry(c).or_insert(i);
            groups.union(first, i);
        }
    }
    // Members listed under their group's root, in order; most names are alone in their
    // group, and get no list.
    let roots: Vec<usize> = (0..spellings.len()).map(|i| groups.find(i)).collect();
    let mut sizes = vec![0u32; spellings.len()];
    for &root in &roots {
        sizes[root] += 1;
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); spellings.len()];
    for (i, &root) in roots.iter().enumerate() {
        if sizes[root] > 1 {
            members[root].push(i);
        }
    }
    let mut verdicts = vec![None; spellings.len()];
    for group in members.iter().filter(|g| g.len() > 1) {
        // Preferred by the glossary, then the most used, then the first used (lowest index).
        let Some(&keep) = group.iter().min_by_key(|&&i| {
            let preferred = spellings[i]
                .known
                .is_some_and(|k| k.role == Role::Preferred);
            (!preferred, std::cmp::Reverse(spellings[i].count), i)
        }) else {
            continue;
        };
        for &i in group.iter().filter(|&&i| i != keep) {
            let severity = if !apart(i, keep)
                && same_name(&forms[i], &forms[keep])
                && !different_company(&spellings[i], &spellings[keep], endings)
            {
                Severity::Warning
            } else if concept(i).is_some() && concept(i) == concept(keep) {
                Severity::Info
            } else {
                // Only linked through a third spelling: not this one's business.
                continue;
            };
            verdicts[i] = Some(Verdict { keep, severity });
        }
    }
    verdicts
}

/// True when two spellings always keep different company on one side: each is always written
/// next to a name, and none of one's neighbours is a neighbour of the other. "Mohamed Hamdan"
/// and "Mohammed ben Salmane" are two people; "Ole Gunar Solskjaer" and "Ole Gunnar
/// Solskjaer" are one.
fn different_company(x: &PooledSpelling, y: &PooledSpelling, endings: &'static [String]) -> bool {
    let disjoint = |a: &Neighbours, b: &Neighbours| {
        let (Some(a), Some(b)) = (a, b) else {
            return false;
        };
        !a.iter().any(|p| {
            let p = NameForm::with_endings(p, endings);
            b.iter()
                .any(|q| same_name(&p, &NameForm::with_endings(q, endings)))
        })
    };
    disjoint(&x.before, &y.before) || disjoint(&x.after, &y.after)
}

/// Disjoint sets over `0..n`, with path halving.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index is the root: groups are listed by first use.
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}
