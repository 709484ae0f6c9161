//! The glossary's forms, walked from word starts only.
//!
//! Every glossary form is a whole word or phrase, so the search starts only where a word
//! starts and follows the forms anchored: a few steps per word, where an unanchored scan
//! steps through every byte and throws away its matches inside words ("iran" in
//! "irangate"). The forms are split by their first byte into a few parts (one per core,
//! for large glossaries), built at the same time: building dominates loading a glossary, and
//! an anchored walk from one place only ever needs the part of that place's first byte.
//!
//! A part is its forms sorted by their bytes, walked by narrowing the range of forms that
//! share the text's bytes so far: a trie's answers from a sort alone. An Aho–Corasick NFA
//! (the first design) also computes a failure transition for every state, which an anchored
//! walk never takes, and a transducer (the `fst` crate) minimizes its states; both cost many
//! times the sort to build, for walks that take as many instructions (see [`SortedForms`]).

use crate::text::fold::{is_word_char, ASCII_ALNUM};
use rustc_hash::FxHashMap;

/// Below this many pattern bytes the forms are one part: the default glossary's 1,600 sort
/// in well under a millisecond, less than starting a thread costs.
const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// At most this many parts, whatever the number of cores.
const MAX_PARTS: usize = 8;

const _: () = assert!(MAX_PARTS < NONE as usize);

/// No part has a pattern starting with this byte.
const NONE: u8 = u8::MAX;

/// Forms sorted by their bytes, all in one buffer: a trie's answers from a sort alone. A walk
/// starts past its first word, found by hash, and a stretch that all forms of the range share
/// ("agence de développement de …") costs two reads per byte. Measured against what it
/// replaced: for 100,000 concepts, with a transducer (the `fst` crate) in its place, the whole
/// load took 3.68 G instructions against 3.05 G, and checking 6 MB of text 2.25 G against
/// 2.05 G; for the default glossary, with an Aho–Corasick NFA, its load took 5.6 ms against
/// 3.9 ms (median), a one-article run 11.0 ms against 9.1 ms, and checking 1 MB of prose the
/// same 194 M instructions.
struct SortedForms {
    /// The forms' bytes, one after the other, in order.
    bytes: Vec<u8>,
    /// Where each form starts in `bytes`, and where the last ends.
    starts: Vec<u32>,
    /// The caller's index of each form.
    ids: Vec<u32>,
    /// For the hash of each form's first word (see [`word_run`]): the range from the first
    /// to the last form with that first word, and the word's length. A walk from a word start
    /// begins past its word, in that range.
    by_first_word: FxHashMap<u64, (u32, u32, u32)>,
}

impl std::fmt::Debug for SortedForms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SortedForms({} forms)", self.ids.len())
    }
}

impl SortedForms {
    /// `group` (indices into `patterns`) in byte order; of ids naming the same bytes, the
    /// first in `group` is kept.
    fn new(patterns: &[String], mut group: Vec<u32>) -> SortedForms {
        let form = |i: u32| patterns[i as usize].as_bytes();
        // Stable, so that equal forms keep their order for `dedup_by`.
        group.sort_by(|&a, &b| form(a).cmp(form(b)));
        group.dedup_by(|later, first| form(*later) == form(*first));
        let mut bytes = Vec::with_capacity(group.iter().map(|&i| form(i).len()).sum());
        let mut starts = Vec::with_capacity(group.len() + 1);
        for &i in &group {
            starts.push(bytes.len() as u32);
            bytes.extend_from_slice(form(i));
        }
        starts.push(bytes.len() as u32);
        let mut sorted = SortedForms {
            bytes,
            starts,
            ids: group,
            by_first_word: FxHashMap::default(),
        };
        // Forms share first words: a quarter as many words as forms is room enough to start.
        let mut by_first_word: FxHashMap<u64, (u32, u32, u32)> =
            FxHashMap::with_capacity_and_hasher(sorted.ids.len() / 4, Default::default());
        for i in 0..sorted.ids.len() {
            let form = sorted.form(i);
            if !starts_with_word_char(form) {
                continue;
            }
            let (end, hash) = word_run(form, 0);
            // From the first to the last form with this first word: a form that matches at a
            // word start has the text's word as its first word, so it lies in between. Of two
            // words with one hash (never seen), the first keeps it, and a walk from the other
            // finds that the range's first word is not its own and searches all forms.
            let i = i as u32;
            let range = by_first_word.entry(hash).or_insert((i, i + 1, end as u32));
            if range.2 == end as u32
                && sorted.form_bytes(range.0 as usize)[..end] == form.as_bytes()[..end]
            {
                range.1 = i + 1;
            }
        }
        sorted.by_first_word = by_first_word;
        sorted
    }

    /// The bytes of form `i`.
    fn form_bytes(&self, i: usize) -> &[u8] {
        &self.bytes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// Form `i`.
    fn form(&self, i: usize) -> &str {
        std::str::from_utf8(self.form_bytes(i)).expect("forms are copied whole from strings")
    }

    /// The length of form `i`.
    fn len_of(&self, i: usize) -> usize {
        (self.starts[i + 1] - self.starts[i]) as usize
    }

    /// Byte `k` of form `i`, which is longer than `k`.
    fn byte(&self, i: usize, k: usize) -> u8 {
        self.bytes[self.starts[i] as usize + k]
    }

    /// The end and caller's pattern index of the longest form starting at `start` that no
    /// word character follows; `word` is the end and hash of the word starting there, if one
    /// does.
    fn longest_whole_word(
        &self,
        hay: &str,
        start: usize,
        word: Option<(usize, u64)>,
    ) -> Option<(usize, u32)> {
        let text = &hay.as_bytes()[start..];
        // The forms in `lo..hi` include every form that starts with the text's first `skip`
        // bytes and can match here; sorted, so that narrowing the range keeps them.
        let (mut lo, mut hi, mut skip) = (0, self.ids.len(), 0);
        if let Some((end, hash)) = word {
            // No form starting with this word: none matches here (a form's first word is
            // followed by no word character, so it is the text's whole word).
            let &(from, to, len) = self.by_first_word.get(&hash)?;
            let (from, to, len) = (from as usize, to as usize, len as usize);
            if len == end - start && self.form_bytes(from).get(..len) == text.get(..len) {
                (lo, hi, skip) = (from, to, len);
            }
        }
        // In byte order, a form equal to the text's first `k` bytes comes first in the range,
        // and the others follow sorted by their byte `k`.
        let mut longest = None;
        if skip > 0 && self.len_of(lo) == skip && !starts_with_word_char(&hay[start + skip..]) {
            longest = Some((start + skip, self.ids[lo]));
        }
        for (k, &next) in text.iter().enumerate().skip(skip) {
            if lo < hi && self.len_of(lo) == k {
                lo += 1;
            }
            if lo == hi {
                break;
            }
            // Within a shared stretch ("agence de développement de …") the whole range
            // continues: its first and last forms tell, without a search.
            if self.byte(lo, k) != next || self.byte(hi - 1, k) != next {
                lo = partition(lo, hi, |i| self.byte(i, k) < next);
                hi = partition(lo, hi, |i| self.byte(i, k) <= next);
                if lo == hi {
                    break;
                }
            }
            let end = k + 1;
            if self.len_of(lo) == end && !starts_with_word_char(&hay[start + end..]) {
                longest = Some((start + end, self.ids[lo]));
            }
        }
        longest
    }
}

/// The first index of `lo..hi` where `below` is false, for a `below` that is true and then
/// false.
fn partition(mut lo: usize, mut hi: usize, below: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// A set of patterns, sorted in parts split by first byte, walked anchored from word starts.
#[derive(Debug)]
pub struct WordStartAutomata {
    parts: Vec<SortedForms>,
    /// For each byte, the part holding the patterns that start with it, or [`NONE`].
    part_of: [u8; 256],
    /// Bit `first << 8 | second` is set when some pattern that starts with a character other
    /// than a word character ("&", "#") starts with these two bytes (or is the one byte
    /// `first`): such starts are turned away here, with one load, before the walk's first
    /// steps through the sorted forms.
    pairs: BitSet,
    /// The first words of the patterns that start with a word character: a walk from a word
    /// start is only tried when its word is one of them.
    first_words: FirstWords,
    /// True for the ASCII bytes that are no word character and start no pattern (spaces,
    /// most punctuation): the scan steps over a run of them at once.
    between_words: [bool; 256],
}

/// A set of words as a bitmap of their hashes: no false negatives, few false positives.
/// Looking up a word here costs less than one step of a walk, and most word
/// starts of a text (its "le", "de", "que") are the first word of no pattern.
#[derive(Debug)]
struct FirstWords {
    bits: BitSet,
    /// `64 - log2(number of bits)`: the hash's top bits index the bitmap.
    shift: u32,
}

impl FirstWords {
    /// About sixteen bits per word keep false positives near 1 in 16.
    fn with_words(words: usize) -> FirstWords {
        let len = (words * 16).next_power_of_two().clamp(1 << 12, 1 << 26);
        FirstWords {
            bits: BitSet::new(len),
            shift: 64 - len.trailing_zeros(),
        }
    }

    fn insert(&mut self, hash: u64) {
        self.bits.insert((hash >> self.shift) as usize);
    }

    fn may_contain(&self, hash: u64) -> bool {
        self.bits.contains((hash >> self.shift) as usize)
    }
}

/// A fixed number of bits, each tested with one load.
#[derive(Debug)]
struct BitSet(Box<[u64]>);

impl BitSet {
    fn new(bits: usize) -> BitSet {
        BitSet(vec![0; bits.div_ceil(64)].into_boxed_slice())
    }

    fn insert(&mut self, bit: usize) {
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn contains(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The end of the run of word characters starting at `start` (a word character), and a
/// hash of its characters.
#[inline]
fn word_run(hay: &str, start: usize) -> (usize, u64) {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let bytes = hay.as_bytes();
    // Rotate and mix in each character, and scramble once at the end: one multiplication per
    // word, not per byte.
    let mut hash = 0u64;
    let mut at = start;
    loop {
        // ASCII letters and digits, the bulk of news text, in a tight loop (the table is
        // false for every byte of a multi-byte character).
        while let Some(&b) = bytes.get(at) {
            if !ASCII_ALNUM[usize::from(b)] {
                break;
            }
            hash = hash.rotate_left(7) ^ u64::from(b);
            at += 1;
        }
        match bytes.get(at) {
            Some(&b) if !b.is_ascii() => match hay[at..].chars().next() {
                Some(c) if is_word_char(c) => {
                    hash = hash.rotate_left(7) ^ u64::from(u32::from(c));
                    at += c.len_utf8();
                }
                _ => break,
            },
            _ => break,
        }
    }
    (at, hash.wrapping_mul(SEED))
}

impl WordStartAutomata {
    /// Sorts `ids` (indices into `patterns`, each non-empty) into as many parts as the
    /// machine has cores, up to [`MAX_PARTS`], or into one for a small set.
    pub fn new(patterns: &[String], ids: &[u32]) -> WordStartAutomata {
        let bytes: usize = ids.iter().map(|&i| patterns[i as usize].len()).sum();
        let parts = if bytes < PARALLEL_MIN_BYTES {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_PARTS))
        };
        WordStartAutomata::with_parts(patterns, ids, parts)
    }

    /// Sorts `ids` into at most `parts` parts, built in parallel.
    fn with_parts(patterns: &[String], ids: &[u32], parts: usize) -> WordStartAutomata {
        let (part_of, parts) = assign_first_bytes(patterns, ids, parts);
        let mut groups: Vec<Vec<u32>> = vec![Vec::new(); parts];
        for &i in ids {
            let first = patterns[i as usize].as_bytes()[0];
            groups[usize::from(part_of[usize::from(first)])].push(i);
        }
        // Each job sorts its own copy of its group.
        let built = super::jobs::run(groups.len(), |i| {
            SortedForms::new(patterns, groups[i].clone())
        });
        let mut pairs = BitSet::new(1 << 16);
        let mut first_words = FirstWords::with_words(ids.len());
        for &i in ids {
            let pattern = patterns[i as usize].as_str();
            if starts_with_word_char(pattern) {
                first_words.insert(word_run(pattern, 0).1);
                continue;
            }
            let p = pattern.as_bytes();
            let seconds = match p.get(1) {
                Some(&second) => second..=second,
                None => 0..=u8::MAX,
            };
            for second in seconds {
                let bit = usize::from(p[0]) << 8 | usize::from(second);
                pairs.insert(bit);
            }
        }
        let mut between_words = [false; 256];
        for (b, skip) in between_words.iter_mut().enumerate().take(128) {
            *skip = !ASCII_ALNUM[b] && part_of[b] == NONE;
        }
        WordStartAutomata {
            parts: built,
            part_of,
            between_words,
            pairs,
            first_words,
        }
    }

    /// The whole-word matches in `hay`, in order and not overlapping, as (start, end,
    /// pattern index): from each place no word character precedes, the longest pattern
    /// that no word character follows.
    pub fn whole_word_matches<'h>(
        &'h self,
        hay: &'h str,
    ) -> impl Iterator<Item = (usize, usize, u32)> + 'h {
        let bytes = hay.as_bytes();
        let mut at = 0;
        // Whether the character before `at` is a word character.
        let mut after_word = false;
        std::iter::from_fn(move || {
            loop {
                let gap = bytes[at..]
                    .iter()
                    .position(|&b| !self.between_words[usize::from(b)])
                    .unwrap_or(bytes.len() - at);
                if gap > 0 {
                    at += gap;
                    after_word = false;
                }
                let &b = bytes.get(at)?;
                let here = at;
                let part = self.part_of[usize::from(b)];
                let word;
                if starts_with_word_char(&hay[here..]) {
                    // A word start (never inside a word: its whole run is skipped at once).
                    let (run_end, hash) = word_run(hay, here);
                    word = Some((run_end, hash));
                    at = run_end;
                    after_word = true;
                    if part == NONE || !self.first_words.may_contain(hash) {
                        continue;
                    }
                } else {
                    // A pattern may also start with a character that is not a word
                    // character ("&"), where no word character precedes it.
                    word = None;
                    at += utf8_width(b);
                    let starts = !after_word && part != NONE;
                    after_word = false;
                    if !starts {
                        continue;
                    }
                    // At the end of the text only a one-byte pattern could start here.
                    if let Some(&second) = bytes.get(here + 1) {
                        let bit = usize::from(b) << 8 | usize::from(second);
                        if !self.pairs.contains(bit) {
                            continue;
                        }
                    }
                }
                let part = &self.parts[usize::from(part)];
                if let Some((end, pattern)) = part.longest_whole_word(hay, here, word) {
                    // The next match starts after this one; a pattern ends on a character
                    // boundary, and no word character follows it. A form that ends with a
                    // word character ("x" before "-2") lets no form start right after it.
                    at = end;
                    after_word = hay[..end].chars().next_back().is_some_and(is_word_char);
                    return Some((here, end, pattern));
                }
            }
        })
    }
}

/// Assigns each first byte to one of at most `parts` parts, balancing the pattern bytes of
/// each (heaviest first byte to the lightest part), and returns the number of parts: never
/// more than there are first bytes, so that each part has patterns.
fn assign_first_bytes(patterns: &[String], ids: &[u32], parts: usize) -> ([u8; 256], usize) {
    let mut weight = [0usize; 256];
    for &i in ids {
        let p = patterns[i as usize].as_bytes();
        weight[usize::from(p[0])] += p.len();
    }
    let mut firsts: Vec<usize> = (0..256).filter(|&b| weight[b] > 0).collect();
    firsts.sort_by_key(|&b| std::cmp::Reverse(weight[b]));
    let parts = parts.clamp(1, firsts.len().max(1));
    let mut load = vec![0usize; parts];
    let mut part_of = [NONE; 256];
    for b in firsts {
        let lightest = (0..parts).min_by_key(|&p| load[p]).unwrap_or(0);
        load[lightest] += weight[b];
        part_of[b] = lightest as u8;
    }
    (part_of, parts)
}

/// The length of the UTF-8 sequence starting with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

/// True when `s` starts with a word character.
#[inline]
fn starts_with_word_char(s: &str) -> bool {
    match s.as_bytes().first() {
        None => false,
        Some(&b) if b.is_ascii() => ASCII_ALNUM[usize::from(b)],
        Some(_) => s.chars().next().is_some_and(is_word_char),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(forms: &[&str]) -> (Vec<String>, Vec<u32>) {
        let p: Vec<String> = forms.iter().map(|s| s.to_string()).collect();
        let ids = (0..p.len() as u32).collect();
        (p, ids)
    }

    fn matches<'a>(a: &WordStartAutomata, p: &[String], hay: &'a str) -> Vec<(&'a str, String)> {
        a.whole_word_matches(hay)
            .map(|(s, e, i)| (&hay[s..e], p[i as usize].clone()))
            .collect()
    }

    #[test]
    fn longest_whole_word_form_from_each_word_start() {
        let (p, ids) = patterns(&["new york", "new york times", "iran", "éteignoir"]);
        let a = WordStartAutomata::with_parts(&p, &ids, 1);
        let got = matches(
            &a,
            &p,
            "le new york timesquare, le new york times, irangate, iran, préiran, éteignoir",
        );
        let forms: Vec<&str> = got.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(forms, ["new york", "new york times", "iran", "éteignoir"]);
    }

    #[test]
    fn the_first_two_bytes_filter_keeps_one_byte_forms_and_forms_at_the_end() {
        let (p, ids) = patterns(&["&", "é", "otan", "ot"]);
        let a = WordStartAutomata::with_parts(&p, &ids, 1);
        let got: Vec<&str> = a
            .whole_word_matches("& et l'otan, ou, é, &")
            .map(|(s, e, _)| &"& et l'otan, ou, é, &"[s..e])
            .collect();
        assert_eq!(got, ["&", "otan", "é", "&"]);
        // "ou" shares its first byte with "otan" but no pattern starts with "ou".
        assert!(a.whole_word_matches("ou oui").next().is_none());
    }

    #[test]
    fn split_automata_find_what_one_finds() {
        let forms = [
            "agence france-presse",
            "afp",
            "bbc",
            "new york times",
            "new york",
            "newsweek",
            "zelensky",
            "erevan",
            "états-unis",
            "état islamique",
            "organisation des états turciques",
            "otan",
        ];
        let (p, ids) = patterns(&forms);
        let hay = "selon l'afp et la bbc, le new york times et newsweek : zelensky à erevan, \
                   les états-unis, l'état islamique, l'otan et l'organisation des états \
                   turciques ; newsweeks, otanien, new yorkais";
        let one = matches(&WordStartAutomata::with_parts(&p, &ids, 1), &p, hay);
        let found: Vec<&str> = one.iter().map(|(m, _)| *m).collect();
        assert_eq!(
            found,
            [
                "afp",
                "bbc",
                "new york times",
                "newsweek",
                "zelensky",
                "erevan",
                "états-unis",
                "état islamique",
                "otan",
                "organisation des états turciques"
            ]
        );
        for parts in 2..=5 {
            let split = WordStartAutomata::with_parts(&p, &ids, parts);
            assert_eq!(split.parts.len(), parts);
            assert_eq!(matches(&split, &p, hay), one, "{parts} parts");
        }
    }

    #[test]
    fn first_bytes_are_spread_and_all_assigned() {
        let (p, ids) = patterns(&["aaaa", "ab", "b", "cc", "é"]);
        let (part_of, parts) = assign_first_bytes(&p, &ids, 2);
        assert_eq!(parts, 2);
        // "a…" weighs 6, the rest 5: two parts.
        assert_ne!(part_of[usize::from(b'a')], part_of[usize::from(b'b')]);
        for b in [b'a', b'b', b'c', "é".as_bytes()[0]] {
            assert!(part_of[usize::from(b)] < 2);
        }
        assert_eq!(part_of[usize::from(b'z')], NONE);
        // More parts than first bytes: one part per byte.
        let (p, ids) = patterns(&["x", "y"]);
        let a = WordStartAutomata::with_parts(&p, &ids, 6);
        assert_eq!(a.parts.len(), 2);
    }

    #[test]
    fn a_form_given_twice_keeps_its_first_id_in_either_kind_of_part() {
        let p: Vec<String> = ["otan", "bbc", "otan", "nato", "bbc"]
            .map(String::from)
            .to_vec();
        for parts in [1, 2] {
            let a = WordStartAutomata::with_parts(&p, &[4, 2, 1, 0], parts);
            let got: Vec<u32> = a
                .whole_word_matches("otan, bbc, nato")
                .map(|(_, _, i)| i)
                .collect();
            assert_eq!(got, [2, 4], "{parts} parts");
        }
    }

    #[test]
    fn a_form_ending_inside_a_longer_one_is_found_where_it_starts() {
        // "york" ends where "new york" ends, inside "new york times": that match starts
        // later, at its own word.
        let (p, ids) = patterns(&["new york times", "york"]);
        let hay = "a new york deal, new york times";
        for parts in [1, 2] {
            let a = WordStartAutomata::with_parts(&p, &ids, parts);
            let got: Vec<(usize, usize, u32)> = a.whole_word_matches(hay).collect();
            assert_eq!(got, [(6, 10, 1), (17, 31, 0)], "{parts} parts");
        }
    }

    /// From each place no word character precedes, the longest pattern no word character
    /// follows: the definition, looked up the slow way.
    fn naive(p: &[String], hay: &str) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < hay.len() {
            let after_word = hay[..at].chars().next_back().is_some_and(is_word_char);
            let found = (!after_word)
                .then(|| {
                    (0..p.len())
                        .filter(|&i| {
                            hay[at..].starts_with(p[i].as_str())
                                && !starts_with_word_char(&hay[at + p[i].len()..])
                        })
                        .max_by_key(|&i| (p[i].len(), std::cmp::Reverse(i)))
                })
                .flatten();
            match found {
                Some(i) => {
                    out.push((at, at + p[i].len(), i as u32));
                    at += p[i].len();
                }
                None => at += hay[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }

    #[test]
    fn sorted_forms_in_one_part_or_two_find_what_a_plain_search_finds() {
        // Families of forms that share their first words, or their first word's bytes
        // ("agence", "agences", "agence2"), over a small alphabet, so that random texts meet
        // them often.
        let pieces = [
            "ag", "agence", "agences", "de", "d'", "-", " ", "é", "2", "&", "x",
        ];
        let mut rng = crate::test_rng::Xorshift::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        for round in 0..300 {
            let mut forms = Vec::new();
            for _ in 0..30 {
                let mut form = String::new();
                for _ in 0..1 + next(4) {
                    form.push_str(pieces[next(pieces.len())]);
                }
                if !form.trim().is_empty() && !form.starts_with(' ') {
                    forms.push(form);
                }
            }
            let (p, ids) = patterns(&forms.iter().map(String::as_str).collect::<Vec<_>>());
            let one = WordStartAutomata::with_parts(&p, &ids, 1);
            let sorted = WordStartAutomata::with_parts(&p, &ids, 2);
            for _ in 0..20 {
                let mut hay = String::new();
                for _ in 0..12 {
                    hay.push_str(pieces[next(pieces.len())]);
                }
                let want = naive(&p, &hay);
                let got: Vec<_> = sorted.whole_word_matches(&hay).collect();
                assert_eq!(got, want, "round {round}: {forms:?} in {hay:?}");
                let got: Vec<_> = one.whole_word_matches(&hay).collect();
                assert_eq!(got, want, "round {round}, one part: {forms:?} in {hay:?}");
            }
        }
    }

    #[test]
    fn no_form_starts_right_after_a_form_that_ends_with_a_word_character() {
        let (p, ids) = patterns(&["x", "-2", "&"]);
        for parts in [1, 2] {
            let a = WordStartAutomata::with_parts(&p, &ids, parts);
            let got: Vec<_> = a.whole_word_matches("x-2 x& -2").collect();
            assert_eq!(got, [(0, 1, 0), (4, 5, 0), (7, 9, 1)], "{parts} parts");
        }
    }

    #[test]
    fn a_walk_from_a_word_the_index_does_not_hold_searches_every_form() {
        // As after a collision of two words' hashes: the walk is told of a word whose range
        // is another's, and still finds the longest form.
        let (p, _) = patterns(&["agence de presse", "agence", "ag"]);
        let sorted = SortedForms::new(&p, vec![0, 1, 2]);
        let hay = "agence de presse";
        let (end, hash) = word_run(hay, 0);
        assert_eq!(
            sorted.longest_whole_word(hay, 0, Some((end, hash))),
            Some((16, 0))
        );
        let (_, other) = word_run("ag", 0);
        let wrong = sorted.by_first_word[&other];
        let mut collided = SortedForms::new(&p, vec![0, 1, 2]);
        collided.by_first_word.insert(hash, wrong);
        assert_eq!(
            collided.longest_whole_word(hay, 0, Some((end, hash))),
            Some((16, 0))
        );
        assert_eq!(sorted.longest_whole_word(hay, 0, None), Some((16, 0)));
        assert_eq!(sorted.longest_whole_word("agences", 0, None), None);
    }

    #[test]
    fn the_first_word_filter_loses_no_match() {
        let (p, ids) = patterns(&[
            "état islamique",
            "état",
            "états-unis",
            "de gaulle",
            "g7",
            "3m",
            "&",
            "#metoo",
            "l'otan",
            "otan",
            "über",
            "ça",
            "new york",
            "new york times",
            "naïveté",
        ]);
        let hays = [
            "l'état islamique et l'état, les états-unis, étatisme, de gaulle, degaulle",
            "le g7 de 3m & cie, #metoo et l'otan ; otanien, über uber, ça çava",
            "new york, new yorkais, the new york times; naïveté naïvetés",
            "&&, #metoo#, état-major, étaté, é, de, de g, ça!",
        ];
        for parts in [1, 3] {
            let a = WordStartAutomata::with_parts(&p, &ids, parts);
            for hay in hays {
                let got: Vec<_> = a.whole_word_matches(hay).collect();
                assert_eq!(got, naive(&p, hay), "{parts} parts: {hay}");
            }
        }
    }

    #[test]
    fn a_word_run_ends_at_the_first_character_that_is_not_a_word_character() {
        assert_eq!(word_run("état-major", 0).0, "état".len());
        assert_eq!(word_run("naïveté, oui", 0).0, "naïveté".len());
        assert_eq!(word_run("g7 ", 0).0, 2);
        assert_eq!(word_run("x", 0).0, 1);
        // The same characters hash the same wherever they stand.
        assert_eq!(word_run("le ça", 3).1, word_run("ça va", 0).1);
        assert_ne!(word_run("ab", 0).1, word_run("ba", 0).1);
    }
}
