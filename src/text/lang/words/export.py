#!/usr/bin/env python3
"""Export the word frequency lists that mtlint embeds as language evidence.

usage: python3 export.py [N]            (run from this folder; N defaults to 40000)
       python3 export.py --candidates   (loanword candidates for the French profile)

Writes fr.txt, en.txt, de.txt, es.txt, it.txt and pt.txt: the N most frequent words of
wordfreq's "large" list for each language, lowercase, one `word<TAB>zipf` per line, most frequent first. Only words made
of letters (with inner apostrophes, as in "aujourd'hui" or "don't") are kept; wordfreq
splits hyphenated words, so "week-end" is two entries. See SOURCES.md for the licence.
"""
import re
import sys

import wordfreq
from importlib.metadata import version

LANGS = ["fr", "en", "de", "es", "it", "pt"]
WORD = re.compile(r"^[^\W\d_]+(?:'[^\W\d_]+)*$")


def export(lang, n):
    words = wordfreq.top_n_list(lang, n * 2, wordlist="large")
    kept = 0
    with open(f"{lang}.txt", "w", encoding="utf-8", newline="\n") as out:
        for word in words:
            word = word.lower().replace("\u2019", "'")
            if not WORD.match(word):
                continue
            zipf = wordfreq.zipf_frequency(word, lang, wordlist="large")
            out.write(f"{word}\t{zipf:.1f}\n")
            kept += 1
            if kept == n:
                break
    return kept


def load(lang):
    with open(f"{lang}.txt", encoding="utf-8") as f:
        return {w: float(z) for w, z in (line.rstrip("\n").split("\t") for line in f)}


def candidates():
    """Words French writes (Zipf >= 2.8) that English or German writes at least 1.5 points
    more often: without an entry in fr.toml's `loanwords` they count as foreign. Most are
    English text inside French corpora, not borrowings; the established borrowings among them
    were kept by hand."""
    fr = load("fr")
    for lang in ("en", "de"):
        other = load(lang)
        found = sorted(
            (w for w in fr if fr[w] >= 2.8 and other.get(w, 0.0) - fr[w] >= 1.5),
            key=lambda w: -fr[w],
        )
        print(f"# {lang}: {len(found)} candidates")
        print(" ".join(found))


def main():
    if sys.argv[1:] == ["--candidates"]:
        candidates()
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
    for lang in LANGS:
        print(f"{lang}: {export(lang, n)} words (wordfreq {version('wordfreq')})")


if __name__ == "__main__":
    main()
