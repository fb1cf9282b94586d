"""Searching every case ever recorded by any part of its text, in Chinese as in digits.

Chinese has no spaces between words, and people search for two-character words ("井盖"):
the text of a case is indexed as overlapping character pairs (bigrams, as search engines
index CJK text), plus the last character of every run so that any single character starts
some term. A query of several characters is then the phrase of its pairs, a single
character a prefix; both databases' full-text indexes (SQLite FTS5, PostgreSQL tsvector)
answer that without scanning, for queries of any length. Whatever the user types is text:
`%` and `_` are no wildcards here (the candidates are checked with a plain substring test).
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


def _terms_of_run(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_terms(texts: Iterable[str | None]) -> str:
    """The space-separated terms a case is indexed by (its number, address, description,
    reporter): every character pair of each run, in order, and each run's last character."""
    terms: list[str] = []
    for text in texts:
        for run in _RUN.findall(normalize(text or "")):
            terms.extend(_terms_of_run(run))
    return " ".join(terms)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What a typed search asks: each word a phrase of pairs (or a one-character prefix),
    all of them required; ``literal`` is the normalized text for the final check."""

    phrases: tuple[tuple[str, ...], ...]  # word → its consecutive pairs
    prefixes: tuple[str, ...]  # one-character words
    literal: tuple[str, ...]  # the words as typed (normalized), checked as substrings

    @property
    def indexed(self) -> bool:
        """Whether the index can narrow the search (a query of punctuation alone cannot)."""
        return bool(self.phrases or self.prefixes)


def parse_query(text: str) -> SearchQuery:
    phrases: list[tuple[str, ...]] = []
    prefixes: list[str] = []
    words = normalize(text).split()
    for word in words:
        for run in _RUN.findall(word):
            if len(run) == 1:
                prefixes.append(run)
            else:
                phrases.append(tuple(run[i:i + 2] for i in range(len(run) - 1)))
    return SearchQuery(tuple(phrases), tuple(prefixes), tuple(words))


def matches(query: SearchQuery, texts: Iterable[str | None]) -> bool:
    """The final check: every typed word is a plain substring of the case's text."""
    haystack = "\n".join(normalize(t or "") for t in texts)
    return all(word in haystack for word in query.literal)
