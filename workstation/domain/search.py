"""Searching every case ever recorded by any part of its text, in Chinese as in digits.

Chinese has no spaces between words, and people search for two-character words ("井盖"):
Chinese text is indexed as overlapping character pairs (bigrams, as search engines index
CJK text), plus the last character of every run so that any single character starts some
term; a query of several characters is the phrase of its pairs, a single one a prefix.
Digits and Latin letters are words: each run is one term (``55``, ``jdy001``), found by
what it starts with; the case number is found by its end too (its digits reversed, behind
a marker, are a second term: "…00093" is a prefix of that). A word per number instead of
its pairs keeps the terms of a report few (about 30 instead of 47): the index is written
in every report's transaction, and its cost grows with them. Both databases' full-text
indexes (SQLite FTS5, PostgreSQL tsvector) answer this without scanning. Whatever the user
types is text: `%` and `_` are no wildcards (candidates get a plain substring test).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# A run of letters, digits or CJK characters: what terms are built from. Punctuation and
# spaces separate runs (and cannot be searched for by the index, only by the final check).
_RUN = re.compile(r"[^\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Full-width forms folded (ＡＢＣ１２ → abc12), lower case: as stored and as queried."""
    return unicodedata.normalize("NFKC", text).lower()


# Within a run, digits and Latin letters apart from everything else (CJK): "55号网格" is the
# word 55 and the Chinese 号网格.
_SEGMENT = re.compile(r"[a-z0-9]+|[^a-z0-9]+")
REVERSED = "zz"  # marks the reversed case number ("zz39000…" ends with 00093)


def _cjk_terms(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def _segments(text: str | None) -> list[str]:
    return [seg for run in _RUN.findall(normalize(text or "")) for seg in _SEGMENT.findall(run)]


def _is_word(segment: str) -> bool:
    return segment.isascii()


def index_terms(case_no: str | None, texts: Iterable[str | None]) -> str:
    """The space-separated terms a case is indexed by: its number (forwards, and reversed
    for searching by its end), then its other texts (address, description, reporter)."""
    terms: list[str] = []
    for seg in _segments(case_no):
        terms += [seg, REVERSED + seg[::-1]] if _is_word(seg) else _cjk_terms(seg)
    for text in texts:
        for seg in _segments(text):
            terms += [seg] if _is_word(seg) else _cjk_terms(seg)
    return " ".join(terms)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What a typed search asks: every part required — Chinese as phrases of pairs (or a
    one-character prefix), numbers and Latin words as prefixes of a word or of a reversed
    case number; ``literal`` is the normalized text for the final check."""

    phrases: tuple[tuple[str, ...], ...]  # Chinese → its consecutive pairs
    prefixes: tuple[str, ...]  # one-character Chinese
    words: tuple[str, ...] = ()  # digits/Latin: the start of a word, or the end of a case no.
    literal: tuple[str, ...] = ()  # the words as typed (normalized), checked as substrings

    @property
    def indexed(self) -> bool:
        """Whether the index can narrow the search (a query of punctuation alone cannot)."""
        return bool(self.phrases or self.prefixes or self.words)


def parse_query(text: str) -> SearchQuery:
    phrases: list[tuple[str, ...]] = []
    prefixes: list[str] = []
    words: list[str] = []
    typed = normalize(text).split()
    for word in typed:
        for seg in _segments(word):
            if _is_word(seg):
                words.append(seg)
            elif len(seg) == 1:
                prefixes.append(seg)
            else:
                phrases.append(tuple(seg[i:i + 2] for i in range(len(seg) - 1)))
    return SearchQuery(tuple(phrases), tuple(prefixes), tuple(words), tuple(typed))


def matches_terms(query: SearchQuery, terms: str) -> bool:
    """Whether a case's terms (`index_terms`) answer ``query`` as the databases' full-text
    indexes do: each phrase its pairs one after another, each one-character prefix and
    each word the start of some term (a word also that of the reversed case number). For
    the few cases whose terms wait outside the index (`persistence.search_index`)."""
    seq = terms.split()
    for phrase in query.phrases:
        n = len(phrase)
        if not any(tuple(seq[i:i + n]) == phrase for i in range(len(seq) - n + 1)):
            return False
    if not all(any(t.startswith(c) for t in seq) for c in query.prefixes):
        return False
    return all(any(t.startswith(w) or t.startswith(REVERSED + w[::-1]) for t in seq)
               for w in query.words)  # fmt: skip


def matches(query: SearchQuery, texts: Iterable[str | None]) -> bool:
    """The final check: every typed word is a plain substring of the case's text."""
    haystack = "\n".join(normalize(t or "") for t in texts)
    return all(word in haystack for word in query.literal)
