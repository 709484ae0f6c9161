//! Rule `untranslated-fragment`: source-language words left in the translation — a bracketed
//! gloss, an inline clause, a whole sentence. Reads the analysis; never changes it.
//!
//! # How a word is judged
//! Each word gets *evidence* from the embedded word frequency lists of the two languages
//! (`text/lang/words/`): how much more often the source language writes it than the target
//! language, in Zipf points. Function words of the profiles are strong evidence; words both
//! languages use (loanwords, shared words, names) are neutral; capitalized words inside a
//! sentence are names unless the source language capitalizes every noun. A finding needs a
//! *run* of source words that holds a source function word — one English content word in French
//! prose is a loanword, a name or a title far more often than a leftover.
//!
//! # Why word frequencies and not a language-identification crate
//! Measured on the development corpus (11 leftovers; 7 clean articles, 2,111 words): frequency
//! evidence found 11 of 11 with no false alarm. `lingua` (English and French models) on
//! sentences and clauses, English at confidence ≥ 0.9, found 11 of 11 with 3 false alarms (two
//! names, an English quotation); its mixed-language mode found 11 with 59 false alarms;
//! `whatlang` on the same units found 7 of 11 (it misses short clauses) with 2 false alarms.
//! `lingua` also adds about 15 MB to the binary and runs below 1 MB/s, two orders of magnitude
//! under this linter's budget, while one hash lookup per word keeps the check fast and its
//! reasons explainable ("`would` is English").
//!
//! Single words are left to the glossary (`untranslated-term`): a lone capitalized German
//! noun ("la coalition Ampel") cannot be told from a name by frequency alone.

use super::glossary::term_diagnostic;
use super::replacement::{fitted_edit, NameGrammar};
use super::{Check, Context, Rule};
use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity, Span};
use crate::glossary::{Role, TermMatch};
use crate::text::lang::{fold_word, LanguageProfile, WordFrequencies, WordSet};
use crate::text::{Token, TokenKind};
use std::cell::Cell;
use std::sync::OnceLock;

/// Source-language words left in the translation.
pub static UNTRANSLATED_FRAGMENT: Rule = Rule {
    id: "untranslated-fragment",
    family: "leftover",
    severity: Severity::Error,
    summary: "Source-language words left in the translation: a gloss, a clause, a sentence",
    precedence: 55,
    doc: r#"## What it does
Finds words of the source language (English by default, `--source-lang` to change it) left in
the translated text: a bracketed gloss after an acronym, an inline clause, a whole sentence.
Each word is weighed with word frequency lists of both languages; a finding needs several
source-language words including a function word ("the", "that", "would"; "der", "und").

Not reported: names and titles (capitalized word sequences such as *Hudson Institute*,
*Institute for the Study of War*, *Cold War* as a film title), glossary names and accepted
forms, credits (*NAME/AFP/Getty Images*), URLs, e-mail addresses, @handles, #hashtags,
numbers, acronyms, and words the target language has borrowed (*week-end*, *think tank*,
*start-up*, *fake news*).

Severity: error for a bracketed gloss or a whole sentence, warning for an inline run. A
paragraph written entirely in the source language, and a quotation between quotation marks
(« … », “ … ”, " … ") wholly in the source language, are reported as info: the press quotes
people in their own words on purpose, often with the translation next to it, far more often
than machine translation leaves a quotation untranslated.

An `untranslated-term` inside a fragment is not reported separately: the fragment's finding
carries its glossary fix.

## Why is this bad?
Machine translation leaves source text behind — a gloss it did not know how to translate, a
clause it skipped, a sentence it copied. The reader meets English in the middle of French.

## Example
```text
Deux membres de l’OTS [the Organization of Turkic States] sont présents.
Ce pays enclavé, adding that the talks would resume, dépend du gaz russe.
```
Use instead:
```text
Deux membres de l’OTS [Organisation des États turciques] sont présents.
Ce pays enclavé, qui dépend du gaz russe, a ajouté que les discussions reprendraient.
```

## Fix safety
Safe when the fragment (or the fragment without its leading article) is exactly a glossary
term: it is replaced with the glossary's target form, as `untranslated-term` would. A
bracketed gloss after an acronym also offers to delete the gloss (unsafe). The glossary fixes
of terms inside a longer fragment are offered as unsafe (the rest still needs translating).
Otherwise the fix is display-only: a person has to translate.
"#,
};

static RULES: [&Rule; 1] = [&UNTRANSLATED_FRAGMENT];

/// A word at least this many Zipf points more frequent in the source language is source
/// evidence.
pub(crate) const SOURCE_EVIDENCE: f32 = 1.5;
/// A word at least this many Zipf points more frequent in the target language is target
/// evidence: it ends a run.
pub(crate) const TARGET_EVIDENCE: f32 = 1.0;
/// The evidence of a function word of one language only.
const FUNCTION_WORD: f32 = 3.0;
/// The evidence a glossary source term's words carry.
const GLOSSARY_TERM: f32 = 2.0;
/// The total evidence an inline run needs.
const RUN_EVIDENCE: f32 = 4.0;
/// Longest message excerpt, in characters.
const EXCERPT: usize = 60;

/// The untranslated-fragment check.
pub struct FragmentCheck;

impl Check for FragmentCheck {
    fn rules(&self) -> &'static [&'static Rule] {
        &RULES
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = cx.analysis;
        let Some(langs) = Languages::new(a.source, a.target) else {
            return;
        };
        let mut scratch = Scratch::default();
        // Sentences and tokens are both in order: walk them together.
        let mut next_token = 0;
        let mut next_term_from = 0;
        for &sentence in &a.sentences {
            let all = &a.tokens;
            while next_token < all.len() && all[next_token].span.start < sentence.start {
                next_token += 1;
            }
            let from = next_token;
            while next_token < all.len() && all[next_token].span.end <= sentence.end {
                next_token += 1;
            }
            let tokens = &all[from..next_token];
            if tokens.is_empty() {
                continue;
            }
            if !sentence.slice(a.text).contains('[')
                && !langs.has_source_function_word(a.text, tokens, &mut scratch.buf)
            {
                continue;
            }
            let terms = terms_in(a, sentence, &mut next_term_from);
            SentenceView::new(a, &langs, sentence, tokens, terms, &mut scratch).report(out);
        }
    }
}

/// The two languages of the run with their word lists.
pub(crate) struct Languages<'a> {
    source: &'a LanguageProfile,
    target: &'a LanguageProfile,
    source_words: &'a WordFrequencies,
    target_words: &'a WordFrequencies,
    telltales: &'a Telltales,
}

/// The function words of the source language only, clearly more frequent there than in the
/// target language: one of them lets a sentence be examined.
struct Telltales {
    /// The telltales, with a sieve that spares most words the look-up.
    words: WordSet,
    /// The longest telltale, in bytes.
    len: usize,
    /// True when every telltale is ASCII, so words with other letters need no look-up.
    ascii: bool,
}

/// The languages with a profile, in the order of [`TELLTALES`].
const LANGUAGES: [&str; 6] = ["fr", "en", "de", "es", "it", "pt"];

/// The telltales of each pair of languages (source, target), computed on first use: they
/// depend on the embedded word lists only, and every document of a run needs them.
static TELLTALES: [[OnceLock<Telltales>; 6]; 6] = [const { [const { OnceLock::new() }; 6] }; 6];

impl Languages<'static> {
    /// `None` when a language has no word list or both are the same.
    pub(crate) fn new(
        source: &'static LanguageProfile,
        target: &'static LanguageProfile,
    ) -> Option<Languages<'static>> {
        if source.code == target.code {
            return None;
        }
        let source_words = source.frequencies()?;
        let target_words = target.frequencies()?;
        let index = |p: &LanguageProfile| LANGUAGES.iter().position(|&c| c == p.code);
        let mut langs = Languages {
            source,
            target,
            source_words,
            target_words,
            telltales: &EMPTY_TELLTALES,
        };
        let compute = |langs: &Languages<'static>| {
            let words: Vec<&'static str> = source
                .function_words()
                .filter(|w| langs.evidence(w).1)
                .collect();
            Telltales {
                len: words.iter().map(|w| w.len()).max().unwrap_or(0),
                ascii: words.iter().all(|w| w.is_ascii()),
                words: WordSet::new(words),
            }
        };
        // Every profile has a slot ([`LanguageProfile::get`] makes no others).
        let (s, t) = (index(source)?, index(target)?);
        langs.telltales = TELLTALES[s][t].get_or_init(|| compute(&langs));
        Some(langs)
    }
}

/// Placeholder while the telltales are computed (they are not consulted for that).
static EMPTY_TELLTALES: Telltales = Telltales {
    words: WordSet::empty(),
    len: 0,
    ascii: true,
};

impl<'a> Languages<'a> {
    /// True when a word of the sentence is a telltale function word of the source language:
    /// the cheap test that lets most target-language sentences through unexamined.
    fn has_source_function_word(&self, text: &str, tokens: &[Token], buf: &mut String) -> bool {
        tokens.iter().any(|t| {
            if t.kind != TokenKind::Word || t.elided || t.span.len() > self.telltales.len.min(32) {
                return false;
            }
            let bytes = &text.as_bytes()[t.span.start..t.span.end];
            if bytes.is_ascii() {
                self.telltales.words.contains_ascii(bytes)
            } else {
                !self.telltales.ascii && self.telltales.words.contains(fold_word(t.text(text), buf))
            }
        })
    }

    /// The evidence of a folded word: positive for the source language, negative for the
    /// target language, and whether it is a function word of the source language only.
    pub(crate) fn evidence(&self, folded: &str) -> (f32, bool) {
        let source_fw = self.source.is_function_word(folded);
        let target_fw = self.target.is_function_word(folded);
        match (source_fw, target_fw) {
            (true, true) => return (0.0, false),
            (false, true) => return (-FUNCTION_WORD, false),
            _ => {}
        }
        let zs = self.source_words.zipf(folded);
        let zt = self.target_words.zipf(folded);
        let zs_or = zs.unwrap_or(self.source_words.floor());
        let zt_or = zt.unwrap_or(self.target_words.floor());
        if source_fw && zs_or >= zt_or + SOURCE_EVIDENCE {
            return (FUNCTION_WORD, true);
        }
        if zs.is_none() && zt.is_none() {
            return (0.0, false);
        }
        ((zs_or - zt_or).clamp(-FUNCTION_WORD, FUNCTION_WORD), false)
    }
}

/// What a word tells about the language of its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// A source-language word.
    Source,
    /// A target-language word: ends a run.
    Target,
    /// A word both languages use, or a borrowed one.
    Shared,
    /// A name: capitalized inside a sentence, an acronym, a glossary form.
    Name,
    /// A number.
    Number,
    /// Part of a URL, an e-mail address, a handle or a hashtag: ends a run.
    Barrier,
}

/// One word of the sentence under examination.
#[derive(Clone, Copy, Debug)]
struct Word {
    class: Class,
    evidence: f32,
    /// A function word of the source language only.
    function: bool,
    /// Starts with a capital.
    capitalized: bool,
}

/// Buffers reused from sentence to sentence, so the check allocates once per document.
#[derive(Default)]
struct Scratch {
    buf: String,
    folded: String,
    ranges: Vec<(usize, usize)>,
    words: Vec<Word>,
    /// The last line looked at by [`SentenceView::paragraph_is_source_only`], and the answer.
    paragraph: Cell<Option<(Span, bool)>>,
}

/// One sentence with its words judged.
struct SentenceView<'s, 'a> {
    a: &'s Analysis<'a>,
    langs: &'s Languages<'s>,
    span: Span,
    tokens: &'s [Token],
    terms: &'s [TermMatch],
    words: &'s [Word],
    paragraph: &'s Cell<Option<(Span, bool)>>,
}

/// What kind of fragment a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Gloss,
    Sentence,
    Paragraph,
    /// A quotation wholly in the source language: « I'm very proud », “We will win.”
    Quotation,
    Run,
}

impl<'s, 'a> SentenceView<'s, 'a> {
    fn new(
        a: &'s Analysis<'a>,
        langs: &'s Languages<'s>,
        span: Span,
        tokens: &'s [Token],
        terms: &'s [TermMatch],
        scratch: &'s mut Scratch,
    ) -> SentenceView<'s, 'a> {
        let text = a.text;
        let Scratch {
            buf,
            folded,
            ranges,
            words,
            paragraph,
        } = scratch;
        folded.clear();
        ranges.clear();
        words.clear();
        // The words of URLs, e-mail addresses, @handles and #hashtags are never evidence.
        let barriers = a.barriers_overlapping(span);
        for t in tokens {
            let start = folded.len();
            folded.push_str(fold_word(t.text(text), buf));
            ranges.push((start, folded.len()));
        }
        let folded: &str = folded;
        let word_at = |i: usize| ranges.get(i).map(|&(s, e)| &folded[s..e]);
        let mut loan_until = 0;
        let (mut next_term, mut next_barrier) = (0, 0);
        let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word);
        for (i, t) in tokens.iter().enumerate() {
            let raw = t.text(text);
            let w = word_at(i).unwrap_or(raw);
            let capitalized = t.is_capitalized(text);
            let mut word = Word {
                class: Class::Shared,
                evidence: 0.0,
                function: false,
                capitalized,
            };
            if i >= loan_until {
                // A borrowed word or phrase, its words joined by spaces or hyphens only.
                let joined = |j: usize| {
                    let k = i + j;
                    let tight = j == 0
                        || tokens.get(k).is_some_and(|next| {
                            text[tokens[k - 1].span.end..next.span.start]
                                .chars()
                                .all(|c| c == ' ' || c == '-' || c == '\u{a0}')
                        });
                    if tight {
                        word_at(k)
                    } else {
                        None
                    }
                };
                let len = langs.target.loanword_len(joined);
                if len > 0 {
                    loan_until = i + len;
                }
            }
            // Terms and barriers are in order and do not overlap: walk them with the tokens.
            while next_term < terms.len() && terms[next_term].span.end <= t.span.start {
                next_term += 1;
            }
            while next_barrier < barriers.len() && barriers[next_barrier].end <= t.span.start {
                next_barrier += 1;
            }
            let term = terms.get(next_term).filter(|m| m.span.contains(t.span));
            let in_barrier = barriers
                .get(next_barrier)
                .is_some_and(|b| b.overlaps(t.span));
            word.class = if in_barrier {
                Class::Barrier
            } else if let Some(m) = term {
                if m.role == Role::Source {
                    word.evidence = GLOSSARY_TERM;
                    let (_, function) = langs.evidence(w);
                    word.function = function;
                    Class::Source
                } else {
                    Class::Name
                }
            } else if t.kind == TokenKind::Number {
                Class::Number
            } else if t.elided {
                word.evidence = -FUNCTION_WORD;
                Class::Target
            } else if i < loan_until {
                Class::Shared
            } else if is_acronym(raw) {
                Class::Name
            } else {
                let (evidence, function) = langs.evidence(w);
                word.evidence = evidence;
                word.function = function;
                let sentence_initial = Some(i) == first_word;
                // A capital marks a name, unless the source language capitalizes its nouns
                // ("die Regierung") or the target does and the word is clearly its own.
                let target_noun = langs.target.capitalizes_nouns && evidence <= -TARGET_EVIDENCE;
                if capitalized
                    && !sentence_initial
                    && !function
                    && !langs.source.capitalizes_nouns
                    && !target_noun
                {
                    Class::Name
                } else if evidence >= SOURCE_EVIDENCE {
                    Class::Source
                } else if evidence <= -TARGET_EVIDENCE {
                    Class::Target
                } else {
                    Class::Shared
                }
            };
            // A function word inside a hyphenated compound ("sit-in", "lock-out",
            // "back-to-back") is part of a borrowed word, not grammar.
            let hyphenated = (i > 0 && tokens[i - 1].hyphen_joined(t, text))
                || tokens
                    .get(i + 1)
                    .is_some_and(|next| t.hyphen_joined(next, text));
            if hyphenated {
                word.function = false;
            }
            words.push(word);
        }
        SentenceView {
            a,
            langs,
            span,
            tokens,
            terms,
            words,
            paragraph,
        }
    }

    /// Pushes the findings of the sentence: the whole sentence, or its runs.
    fn report(&self, out: &mut Vec<Diagnostic>) {
        if let Some(kind) = self.whole_sentence() {
            out.push(self.diagnostic(kind, self.span, self.span));
            return;
        }
        let n = self.words.len();
        let mut i = 0;
        while i < n {
            if self.words[i].class != Class::Source {
                i += 1;
                continue;
            }
            // A run ends at a target word, a barrier, or a bracket: a gloss is judged on its
            // own ("Bundeswehr [die deutschen Streitkräfte]").
            let mut end = i + 1;
            while end < n
                && !matches!(self.words[end].class, Class::Target | Class::Barrier)
                && !self.bracket_between(end - 1)
            {
                end += 1;
            }
            let last_source = (i..end)
                .rev()
                .find(|&k| self.words[k].class == Class::Source)
                .unwrap_or(i);
            let (lo, hi) = self.widen(i, last_source);
            if let Some((kind, span, content)) = self.judge_run(lo, hi) {
                out.push(self.diagnostic(kind, span, content));
            }
            i = end.max(i + 1);
        }
    }

    /// The kind of finding when the whole sentence is in the source language.
    fn whole_sentence(&self) -> Option<Kind> {
        let mut source = 0;
        let mut named_source = 0;
        let mut words = 0;
        let mut function = false;
        for w in self.words {
            match w.class {
                Class::Target => return None,
                Class::Source => {
                    source += 1;
                    function |= w.function;
                }
                Class::Name if w.evidence >= SOURCE_EVIDENCE => named_source += 1,
                _ => {}
            }
            if !matches!(w.class, Class::Number | Class::Barrier) {
                words += 1;
            }
        }
        if source < 3 || !function || (source + named_source) * 2 < words {
            return None;
        }
        if self.is_title(0, self.words.len() - 1) {
            return None;
        }
        Some(if self.paragraph_is_source_only() {
            Kind::Paragraph
        } else if self.is_quoted() {
            Kind::Quotation
        } else {
            Kind::Sentence
        })
    }

    /// True when the whole sentence stands between quotation marks.
    fn is_quoted(&self) -> bool {
        let sentence = self.span.slice(self.a.text).trim();
        let open = sentence.chars().next();
        let close = sentence
            .trim_end_matches(['.', '!', '?', '…'])
            .chars()
            .next_back();
        match (open, close) {
            (Some(open), Some(close)) => self.a.target.is_quote_pair(open, close),
            _ => false,
        }
    }

    /// True when the line holding the sentence has no target-language function word (the
    /// sentence has none, or it would not be a source sentence): the whole paragraph is in the
    /// source language. The answer is kept for the next sentence of the same line.
    fn paragraph_is_source_only(&self) -> bool {
        if let Some((line, answer)) = self.paragraph.get() {
            if line.contains(self.span) {
                return answer;
            }
        }
        let text = self.a.text;
        let line_start = text[..self.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[self.span.end..]
            .find('\n')
            .map_or(text.len(), |i| self.span.end + i);
        let line = Span::new(line_start, line_end);
        let mut buf = String::new();
        let answer = !self.a.tokens_in(line).iter().any(|t| {
            let w = fold_word(t.text(text), &mut buf);
            t.elided
                || (self.langs.target.is_function_word(w) && !self.langs.source.is_function_word(w))
        });
        self.paragraph.set(Some((line, answer)));
        answer
    }

    /// True when a bracket or a parenthesis stands between token `k` and the next.
    fn bracket_between(&self, k: usize) -> bool {
        let gap = &self.a.text[self.tokens[k].span.end..self.tokens[k + 1].span.start];
        gap.contains(['[', ']', '(', ')'])
    }

    /// Widens a run from its first to its last source word over adjacent names (joined by
    /// spaces) and, at the end, over shared words and names up to punctuation ("next week,",
    /// "on Tuesday.").
    fn widen(&self, mut lo: usize, mut hi: usize) -> (usize, usize) {
        let text = self.a.text;
        let spaced = |k: usize| {
            text[self.tokens[k].span.end..self.tokens[k + 1].span.start]
                .chars()
                .all(|c| c.is_whitespace() || c == '-')
        };
        while lo > 0 && self.words[lo - 1].class == Class::Name && spaced(lo - 1) {
            lo -= 1;
        }
        while hi + 1 < self.words.len() && self.words[hi + 1].class == Class::Name && spaced(hi) {
            hi += 1;
        }
        let mut k = hi;
        while k + 1 < self.words.len()
            && matches!(self.words[k + 1].class, Class::Shared | Class::Name)
            && spaced(k)
        {
            k += 1;
        }
        if k > hi && (k + 1 == self.words.len() || !spaced(k)) {
            hi = k;
        }
        (lo, hi)
    }

    /// Decides whether words `lo..=hi` are a fragment: its kind, its span (with brackets or
    /// quotes when they enclose it) and its content span.
    fn judge_run(&self, lo: usize, hi: usize) -> Option<(Kind, Span, Span)> {
        let words = &self.words[lo..=hi];
        let source = words.iter().filter(|w| w.class == Class::Source).count();
        let strong_names = words
            .iter()
            .filter(|w| w.class == Class::Name && w.evidence >= SOURCE_EVIDENCE)
            .count();
        let has_name = words.iter().any(|w| w.class == Class::Name);
        let function = words.iter().any(|w| w.class == Class::Source && w.function);
        let evidence: f32 = words
            .iter()
            .filter(|w| w.class == Class::Source)
            .map(|w| w.evidence)
            .sum();
        let title = self.is_title(lo, hi);
        let content = Span::new(self.tokens[lo].span.start, self.tokens[hi].span.end);
        let enclosing = self.enclosing(lo, hi);
        if let Some((open, span)) = enclosing {
            let gloss = match open {
                '[' => source + strong_names >= 2 || (function && hi > lo),
                '(' => !title && function && (source >= 2 || has_name),
                _ => false,
            };
            if gloss {
                return Some((Kind::Gloss, span, content));
            }
        }
        if title || self.is_name_with_particles(lo, hi) {
            return None;
        }
        if source >= 2 && function && evidence >= RUN_EVIDENCE {
            return Some(match enclosing {
                Some((open, span)) if !matches!(open, '[' | '(') => {
                    (Kind::Quotation, span, content)
                }
                Some((_, span)) => (Kind::Run, span, content),
                None => (Kind::Run, content, content),
            });
        }
        None
    }

    /// True when words `lo..=hi` are written as a title or a name: they start and end with a
    /// capital and every word but the function words has one ("Institute for the Study of
    /// War", "The Fall of France").
    fn is_title(&self, lo: usize, hi: usize) -> bool {
        let words = &self.words[lo..=hi];
        let is_word = |w: &&Word| w.class != Class::Number;
        let first = words.iter().find(is_word);
        let last = words.iter().rev().find(is_word);
        let (Some(first), Some(last)) = (first, last) else {
            return false;
        };
        first.capitalized
            && last.capitalized
            && words
                .iter()
                .filter(is_word)
                .all(|w| w.capitalized || w.function)
    }

    /// True when words `lo..=hi` are name particles between two capitalized words
    /// ("Ursula von der Leyen").
    fn is_name_with_particles(&self, lo: usize, hi: usize) -> bool {
        let text = self.a.text;
        let particles = self.tokens[lo..=hi].iter().all(|t| {
            let w = t.text(text);
            self.langs.source.is_name_particle(w) || self.langs.target.is_name_particle(w)
        });
        particles
            && lo > 0
            && hi + 1 < self.tokens.len()
            && self.words[lo - 1].capitalized
            && self.words[hi + 1].capitalized
    }

    /// The brackets or quotes that enclose words `lo..=hi` and nothing else: the opening
    /// character and the span with them.
    fn enclosing(&self, lo: usize, hi: usize) -> Option<(char, Span)> {
        let text = self.a.text;
        let before_start = if lo > 0 {
            self.tokens[lo - 1].span.end
        } else {
            self.span.start
        };
        let after_end = self
            .tokens
            .get(hi + 1)
            .map_or(self.span.end, |t| t.span.start);
        let start = self.tokens[lo].span.start;
        let end = self.tokens[hi].span.end;
        let before = text[before_start..start].trim_end();
        let after = text[end..after_end].trim_start();
        let open = before.chars().next_back()?;
        let close = after.chars().next()?;
        let pair = matches!((open, close), ('[', ']') | ('(', ')'))
            || self.a.target.is_quote_pair(open, close);
        if !pair {
            return None;
        }
        let span_start = before_start + before.len() - open.len_utf8();
        let span_end = after_end - after.len() + close.len_utf8();
        Some((open, Span::new(span_start, span_end)))
    }

    /// Builds the finding for a fragment.
    fn diagnostic(&self, kind: Kind, span: Span, content: Span) -> Diagnostic {
        let a = self.a;
        let severity = match kind {
            Kind::Gloss | Kind::Sentence => Severity::Error,
            Kind::Run => Severity::Warning,
            Kind::Paragraph | Kind::Quotation => Severity::Info,
        };
        let message = fragment_message(kind, span.slice(a.text), a.source);
        let mut d = Diagnostic::new(UNTRANSLATED_FRAGMENT.id, severity, span, message);
        for fix in self.fixes(kind, span, content) {
            d = d.with_fix(fix);
        }
        d
    }

    /// The fixes of a fragment: the glossary's target form when the fragment (without its
    /// leading function words) is a glossary term; deleting a gloss after an acronym; the
    /// glossary fixes of the terms inside; else "translate this".
    fn fixes(&self, kind: Kind, span: Span, content: Span) -> Vec<Fix> {
        let a = self.a;
        let first_term = self.terms.partition_point(|m| m.span.start < content.start);
        let inside: Vec<&TermMatch> = self.terms[first_term..]
            .iter()
            .take_while(|m| m.span.start < content.end)
            .filter(|m| m.role == Role::Source && content.contains(m.span))
            .collect();
        let mut fixes = Vec::new();
        let first_token = self
            .tokens
            .partition_point(|t| t.span.start < content.start);
        let head_start = self.tokens[first_token..]
            .iter()
            .zip(&self.words[first_token..])
            .take_while(|(t, _)| t.span.end <= content.end)
            .find(|(_, w)| !w.function)
            .map(|(t, _)| t.span.start);
        let head = inside
            .iter()
            .copied()
            .find(|m| Some(m.span.start) == head_start && m.span.end == content.end);
        if let Some(m) = head {
            if let Some(right) = a.glossary.replacement(m) {
                let grammar = NameGrammar::of(a.glossary.concept(m.concept), a.glossary.target());
                // The fragment is exactly a glossary term (after its source articles): the
                // glossary says what is right, as for `untranslated-term`.
                let edit = fitted_edit(a, content, &right, grammar);
                fixes.push(Fix::safe(format!("replace with `{right}`"), vec![edit]));
            }
        }
        if kind == Kind::Gloss {
            if let Some(acronym) = a.token_before(span.start) {
                let gap = &a.text[acronym.span.end..span.start];
                if is_acronym(acronym.text(a.text)) && gap.chars().all(char::is_whitespace) {
                    fixes.push(Fix::unsafe_(
                        "delete the gloss",
                        vec![Edit::delete(Span::new(acronym.span.end, span.end))],
                    ));
                }
            }
        }
        if fixes.is_empty() {
            fixes.push(Fix::display_only(
                format!("translate it into {}", a.target.name),
                Vec::new(),
            ));
        }
        for m in inside {
            if head.is_some_and(|h| h.span == m.span) {
                continue;
            }
            if let Some(d) = term_diagnostic(a, m) {
                for f in d.fixes {
                    fixes.push(Fix::unsafe_(f.message, f.edits));
                }
            }
        }
        fixes
    }
}

/// The message of a fragment finding.
fn fragment_message(kind: Kind, found: &str, source: &LanguageProfile) -> String {
    let lang = &source.name;
    match kind {
        Kind::Gloss => format!("`{}` is a gloss left in {lang}", excerpt(found)),
        Kind::Sentence => format!("this sentence is in {lang}: it was left untranslated"),
        Kind::Paragraph => format!(
            "this paragraph is in {lang}: translate it, or mark it as a quotation if it is one"
        ),
        Kind::Quotation => format!(
            "the quotation `{}` is in {lang}: translate it, unless it is quoted in the original on purpose",
            excerpt(found)
        ),
        Kind::Run => format!("`{}` is left in {lang}", excerpt(found)),
    }
}

/// The start of `s`, cut at [`EXCERPT`] characters.
fn excerpt(s: &str) -> String {
    match s.char_indices().nth(EXCERPT) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// The glossary matches inside `span`.
fn terms_in<'a>(a: &'a Analysis<'_>, span: Span, from: &mut usize) -> &'a [TermMatch] {
    // Sentences come in order: step along the matches rather than search them (the searches
    // miss the cache on a large document).
    let terms = &a.terms;
    if terms
        .get(from.wrapping_sub(1))
        .is_some_and(|m| m.span.start >= span.start)
    {
        *from = 0;
    }
    while *from < terms.len() && terms[*from].span.start < span.start {
        *from += 1;
    }
    let mut end = *from;
    while end < terms.len() && terms[end].span.start < span.end && terms[end].span.end <= span.end {
        end += 1;
    }
    &terms[*from..end]
}

/// True for an acronym: two or more letters, all capitals ("OTAN", "POLITICO", "G7").
fn is_acronym(word: &str) -> bool {
    // One pass that stops at the first lowercase letter: most words have one early.
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests;
