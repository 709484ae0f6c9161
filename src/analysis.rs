//! The per-document analysis computed once and shared by every check: tokens, sentences, the
//! folded view and the glossary matches.

use crate::diagnostic::Span;
use crate::document::{Document, SegmentPair};
use crate::glossary::{GlossaryMatcher, TermMatch};
use crate::text::{barrier, tokenize, CaseMode, Folded, LanguageProfile, Token, TokenKind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// What every check reads about one document.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The document's name.
    pub name: &'a str,
    /// The prose of the document; every span of the analysis and of the checks refers to it.
    pub text: &'a str,
    /// The prose segments.
    pub segments: &'a [Span],
    /// Target segments with their source text, in a bilingual document.
    pub pairs: &'a [SegmentPair],
    /// The folded view of the segments.
    pub folded: Folded,
    /// Words and numbers, in order.
    pub tokens: Vec<Token>,
    /// Sentences, in order.
    pub sentences: Vec<Span>,
    /// Glossary forms found, in order.
    pub terms: Vec<TermMatch>,
    /// The compiled glossary.
    pub glossary: &'a GlossaryMatcher,
    /// The language of the text.
    pub target: &'static LanguageProfile,
    /// The language it was translated from.
    pub source: &'static LanguageProfile,
    /// The apostrophe the prose writes, found on first use (see [`Analysis::apostrophe`]).
    apostrophe: OnceLock<&'static str>,
    /// The sentence [`Analysis::sentence_at`] found last: checks mostly ask in text order.
    last_sentence: AtomicUsize,
    /// The token index [`Analysis::token_before`] found last, for the same reason.
    last_token: AtomicUsize,
    /// The URLs, addresses, handles and hashtags of the prose, found on first use.
    barriers: OnceLock<Vec<Span>>,
}

impl<'a> Analysis<'a> {
    /// Analyses a document.
    pub fn new(
        doc: &'a Document,
        glossary: &'a GlossaryMatcher,
        target: &'static LanguageProfile,
        source: &'static LanguageProfile,
    ) -> Analysis<'a> {
        let text = doc.prose();
        let mut tokens = Vec::with_capacity(text.len() / 6);
        let mut sentences = Vec::with_capacity(text.len() / 100);
        for seg in &doc.segments {
            tokenize::tokenize(text, *seg, target, &mut tokens);
            tokenize::sentences(text, *seg, target, &mut sentences);
        }
        let folded = Folded::new(text, &doc.segments, CaseMode::Fold);
        let mut terms = Vec::new();
        glossary.find(text, &folded, &mut terms);
        Analysis {
            name: &doc.name,
            text,
            segments: &doc.segments,
            pairs: &doc.pairs,
            folded,
            tokens,
            sentences,
            terms,
            glossary,
            target,
            source,
            apostrophe: OnceLock::new(),
            last_sentence: AtomicUsize::new(0),
            last_token: AtomicUsize::new(0),
            barriers: OnceLock::new(),
        }
    }

    /// The URLs, e-mail addresses, @handles and #hashtags of the prose (see
    /// [`crate::text::barrier`]), in order.
    pub fn barriers(&self) -> &[Span] {
        self.barriers.get_or_init(|| {
            let mut all = Vec::new();
            for seg in self.segments {
                barrier::barriers_in(self.text, *seg, &mut all);
            }
            all
        })
    }

    /// True when byte `offset` lies in a barrier.
    pub fn in_barrier(&self, offset: usize) -> bool {
        let all = self.barriers();
        let i = all.partition_point(|b| b.end <= offset);
        all.get(i).is_some_and(|b| b.start <= offset)
    }

    /// The barriers that overlap `span`.
    pub fn barriers_overlapping(&self, span: Span) -> &[Span] {
        let all = self.barriers();
        let from = all.partition_point(|b| b.end <= span.start);
        let to = from + all[from..].partition_point(|b| b.start < span.end);
        &all[from..to]
    }

    /// The apostrophe the prose writes: `’` when it writes one anywhere, else `'`. Looked up
    /// once per document, so that many findings do not each scan the whole text.
    pub fn apostrophe(&self) -> &'static str {
        self.apostrophe.get_or_init(|| {
            if self.text.contains('\u{2019}') {
                "\u{2019}"
            } else {
                "'"
            }
        })
    }

    /// Sets the apostrophe of the whole document when this analysis covers one piece of it
    /// (see [`crate::lint::Linter::check_chunk`]); no effect once the answer is known.
    pub fn assume_apostrophe(&self, curly: bool) {
        let _ = self.apostrophe.set(if curly { "\u{2019}" } else { "'" });
    }

    /// Number of words (tokens with a letter) of the prose.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && !t.elided)
            .count()
    }

    /// The tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.end <= span.end);
        &self.tokens[from..to.max(from)]
    }

    /// The token ending last before `offset`.
    pub fn token_before(&self, offset: usize) -> Option<&Token> {
        // From the last answer when the question comes later in the text (checks mostly ask
        // in order), by a search otherwise: on a large document the searches miss the cache.
        let ends_before = |t: &Token| t.span.end <= offset;
        let hint = self.last_token.load(Ordering::Relaxed);
        let i = if hint <= self.tokens.len() && self.tokens[..hint].last().is_none_or(ends_before) {
            gallop(&self.tokens, hint, ends_before)
        } else {
            self.tokens.partition_point(ends_before)
        };
        self.last_token.store(i, Ordering::Relaxed);
        i.checked_sub(1).map(|i| &self.tokens[i])
    }

    /// The sentence containing `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        // The sentence of the last question, or the one after it, before a search (which
        // misses the cache on a large document). A sentence holding `offset` is the answer:
        // sentences are in order and do not overlap.
        let last = self.last_sentence.load(Ordering::Relaxed);
        for i in [last, last + 1] {
            if let Some(&s) = self.sentences.get(i) {
                if s.start <= offset && offset < s.end {
                    self.last_sentence.store(i, Ordering::Relaxed);
                    return Some(s);
                }
            }
        }
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.last_sentence.store(i, Ordering::Relaxed);
        self.sentences.get(i).copied().filter(|s| s.start <= offset)
    }

    /// True when no word precedes `offset` in its sentence (quotes and dashes may).
    pub fn is_sentence_start(&self, offset: usize) -> bool {
        match self.sentence_at(offset) {
            // Backwards: the nearest word ends the scan, so many findings in one long
            // sentence do not each rescan it from its start.
            Some(s) => !self.text[s.start..offset]
                .chars()
                .rev()
                .any(char::is_alphanumeric),
            None => true,
        }
    }
}

/// The first index at or after `from` whose item fails `before`, for a `before` that holds
/// for a prefix of `items` and for everything up to `from`: steps of doubling length from
/// `from`, then a search in the last step. Costs the logarithm of the distance walked, so a
/// walk through a large document in order stays in the cache where a search from scratch
/// would not.
pub fn gallop<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut low = from;
    let mut step = 1;
    while low + step <= items.len() && before(&items[low + step - 1]) {
        low += step;
        step *= 2;
    }
    let high = (low + step).min(items.len());
    low + items[low..high].partition_point(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` on the analysis of `text` as French plain text with no glossary.
    fn with_analysis(text: &str, f: impl FnOnce(&Analysis<'_>)) {
        let doc = Document::plain(crate::input::Source {
            name: "t.txt".into(),
            text: text.into(),
        });
        let g = crate::glossary::GlossaryMatcher::new(
            &crate::glossary::Glossary::default(),
            crate::glossary::Lang::Fr,
            crate::glossary::Lang::En,
        );
        let fr = LanguageProfile::get("fr").expect("French is built in");
        let a = Analysis::new(&doc, &g, fr, fr);
        f(&a);
    }

    #[test]
    fn gallop_finds_what_a_search_finds_from_any_starting_point() {
        let items: Vec<usize> = (0..200).map(|i| i / 3).collect();
        for target in 0..70 {
            let want = items.partition_point(|&x| x < target);
            for from in 0..=want {
                assert_eq!(
                    gallop(&items, from, |&x| x < target),
                    want,
                    "{target} {from}"
                );
            }
        }
        assert_eq!(gallop::<usize>(&[], 0, |_| true), 0);
    }

    #[test]
    fn token_before_answers_questions_in_any_order() {
        let text = "Un deux trois quatre cinq six sept huit neuf dix.";
        with_analysis(text, |a| {
            let expected = |offset: usize| {
                a.tokens
                    .iter()
                    .rev()
                    .find(|t| t.span.end <= offset)
                    .map(|t| t.text(text))
            };
            let offsets = [0, 3, 20, 2, 49, 8, 8, 30, 1, 50, 14];
            for offset in offsets {
                assert_eq!(
                    a.token_before(offset).map(|t| t.text(text)),
                    expected(offset)
                );
            }
        });
    }

    #[test]
    fn barriers_are_asked_by_offset_and_by_span() {
        let text = "Suivez @EU_Energy et https://example.org/plan.\n\nPuis #Fin, rien d’autre.";
        with_analysis(text, |a| {
            let found: Vec<&str> = a.barriers().iter().map(|b| b.slice(text)).collect();
            assert_eq!(found, ["@EU_Energy", "https://example.org/plan", "#Fin"]);
            let handle = text.find('@').expect("in the text");
            assert!(!a.in_barrier(handle - 1));
            assert!(a.in_barrier(handle));
            assert!(a.in_barrier(handle + "@EU_Energy".len() - 1));
            assert!(!a.in_barrier(handle + "@EU_Energy".len()));
            let second_paragraph = Span::new(text.find("Puis").expect("in the text"), text.len());
            let within: Vec<&str> = a
                .barriers_overlapping(second_paragraph)
                .iter()
                .map(|b| b.slice(text))
                .collect();
            assert_eq!(within, ["#Fin"]);
            assert!(a.barriers_overlapping(Span::new(0, 6)).is_empty());
        });
    }
}
