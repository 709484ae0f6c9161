//! Finds which name forms of a set are one name, without pairing every form with every other.
//!
//! Each form goes into two buckets: one keyed by its words run together (forms that differ
//! only in hyphens, spaces, case or diacritics), one keyed by a coarse phonetic key (per word,
//! the skeleton's length, first symbol and sorted consonants: see
//! [`NameForm::bucket_key`]). Only forms sharing a bucket are compared with
//! [`same_name`]. A bucket larger than [`FULL_BUCKET`] (adversarial input) is sorted by
//! skeleton and each form compared with its next [`WINDOW`] neighbours only, so the work
//! stays linear in the number of forms.

use rustc_hash::FxHashMap;

use super::similarity::{same_name, NameForm};

/// Buckets up to this size are compared pair by pair.
const FULL_BUCKET: usize = 32;
/// In larger buckets, how many following forms each form is compared with.
const WINDOW: usize = 8;

/// The pairs `(i, j)`, `i < j`, of `forms` that are one name, sorted.
pub(crate) fn similar_pairs(forms: &[NameForm]) -> Vec<(usize, usize)> {
    // Judged as they come: the candidates far outnumber the pairs kept, and a pool of tens of
    // thousands of names should not hold them all at once.
    let mut pairs = Vec::new();
    for_each_candidate(forms, |i, j| {
        if same_name(&forms[i], &forms[j]) {
            pairs.push((i, j));
        }
    });
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Calls `visit` with each pair `(i, j)`, `i < j`, worth comparing: those sharing a bucket
/// (possibly twice).
fn for_each_candidate(forms: &[NameForm], mut visit: impl FnMut(usize, usize)) {
    let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut by_joined: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, form) in forms.iter().enumerate() {
        if form.word_count() == 0 {
            continue;
        }
        by_key.entry(form.bucket_key()).or_default().push(i);
        by_joined.entry(form.joined()).or_default().push(i);
    }
    for bucket in by_key.values().chain(by_joined.values()) {
        pair_bucket(forms, bucket, &mut visit);
    }
}

/// Pushes the pairs of one bucket to compare.
fn pair_bucket(forms: &[NameForm], bucket: &[usize], visit: &mut impl FnMut(usize, usize)) {
    if bucket.len() < 2 {
        return;
    }
    if bucket.len() <= FULL_BUCKET {
        for (n, &i) in bucket.iter().enumerate() {
            for &j in &bucket[n + 1..] {
                visit(i.min(j), i.max(j));
            }
        }
        return;
    }
    let mut sorted: Vec<(String, usize)> =
        bucket.iter().map(|&i| (forms[i].skeleton(), i)).collect();
    sorted.sort_unstable();
    for (n, (_, i)) in sorted.iter().enumerate() {
        for (_, j) in sorted.iter().skip(n + 1).take(WINDOW) {
            visit((*i).min(*j), (*i).max(*j));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(words: &[&str]) -> Vec<NameForm> {
        words.iter().map(|w| NameForm::new(w)).collect()
    }

    #[test]
    fn finds_spellings_of_one_name_among_others() {
        let f = forms(&[
            "Haut-Karabakh",
            "Arménie",
            "Haut-Karabagh",
            "Arméniens",
            "Kadyrov",
            "Iran",
            "Kadirov",
            "Irak",
            "Haut Karabakh",
        ]);
        assert_eq!(similar_pairs(&f), vec![(0, 2), (0, 8), (2, 8), (4, 6)]);
    }

    #[test]
    fn forms_differing_in_word_breaks_meet() {
        let f = forms(&["Kore-Eda", "Koreeda", "Kore Eda"]);
        assert_eq!(similar_pairs(&f), vec![(0, 1), (0, 2), (1, 2)]);
    }

    /// A deterministic pseudo-random capitalized word.
    fn word(seed: &mut u64) -> String {
        let mut s = String::new();
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = 5 + (*seed >> 60) as usize % 6;
        for k in 0..len {
            *seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let pool = if k % 2 == 0 {
                "bcdfgklmnprstvz"
            } else {
                "aeiou"
            };
            let n = (*seed >> 33) as usize % pool.len();
            let c = pool.as_bytes()[n] as char;
            s.push(if k == 0 { c.to_ascii_uppercase() } else { c });
        }
        s
    }

    fn count_candidates(forms: &[NameForm]) -> usize {
        let mut n = 0;
        for_each_candidate(forms, |_, _| n += 1);
        n
    }

    #[test]
    fn ten_thousand_names_are_not_paired_quadratically() {
        let mut seed = 7;
        let mut words: Vec<String> = (0..10_000).map(|_| word(&mut seed)).collect();
        words.sort();
        words.dedup();
        let f: Vec<NameForm> = words.iter().map(|w| NameForm::new(w)).collect();
        let candidates = count_candidates(&f);
        assert!(
            candidates < 20 * f.len(),
            "{candidates} candidate pairs for {} forms",
            f.len()
        );
    }

    #[test]
    fn one_huge_bucket_is_compared_in_a_window() {
        // Every form has the same key: Kadyrov with one vowel changed.
        let vowels = ["a", "e", "i", "o", "u"];
        let mut words = Vec::new();
        for a in vowels {
            for b in vowels {
                for c in vowels {
                    words.push(format!("K{a}d{b}r{c}vitch"));
                }
            }
        }
        let f: Vec<NameForm> = words.iter().map(|w| NameForm::new(w)).collect();
        assert!(count_candidates(&f) <= f.len() * WINDOW);
    }
}
