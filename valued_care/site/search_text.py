"""One text analysis for the finder: the terms the index is built from are exactly the terms lunr.js 2.3.9 makes of
the same text in the browser. No MkDocs here.

lunr.py differs from lunr.js in three places, each replaced here:
- the stemmer (lunr_stemmer.py, a port of lunr.js's; lunr.py's turns "survey" into "survei", lunr.js keeps it);
- the trimmer: lunr.js strips non-word characters (ASCII \\W) from both ends of a token and drops a token left
  empty; lunr.py keeps "(e.g." whole and keeps a lone dash as a term;
- the tokenizer: lunr.js splits on JavaScript's \\s and "-", which holds more spaces than lunr.py's list (thin and
  narrow no-break spaces, ideographic space, the byte-order mark, ...): those are made plain spaces first.

tests/test_search_stemmer.py runs lunr.js itself (node) over every word and every searched text in data/ and asserts
the same terms.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lunr.builder import Builder
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.stop_word_filter import stop_word_filter

from valued_care.site.lunr_stemmer import register, stem, stemmer

# What JavaScript's \s matches besides the spaces lunr.py already splits on (" \t\n\r\f\v\xa0").
_JS_ONLY_SPACES = "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f" \
                  "\u3000\ufeff"
_TO_PLAIN_SPACE = str.maketrans({c: " " for c in _JS_ONLY_SPACES})
_SEPARATOR = re.compile("[\t\n\v\f\r \u00a0" + _JS_ONLY_SPACES + "-]+")
_LEADING = re.compile(r"^\W+", re.ASCII)
_TRAILING = re.compile(r"\W+$", re.ASCII)


def plain_spaces(text: str) -> str:
    """text with every space JavaScript splits on written as one lunr.py splits on too."""
    return text.translate(_TO_PLAIN_SPACE)


def trim(word: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", word, count=1), count=1)


def trimmer(token, i=None, tokens=None):
    """lunr.trimmer: non-word characters off both ends. A token left empty ("–", "&") is dropped, where lunr.js keeps
    it as an empty term that no query can reach (the finder drops empty words)."""
    trimmed = trim(str(token))
    if not trimmed:
        return None
    return token.update(lambda text, metadata=None: trimmed)


register(trimmer, "trimmer")


def words(text: str) -> list[str]:
    """lunr.tokenizer: lower case, split on spaces and hyphens."""
    return [w for w in _SEPARATOR.split(text.lower()) if w]


@lru_cache(maxsize=65536)
def term(word: str) -> str | None:
    """One word as the index holds it (trimmed, stemmed), or None for a stop word or nothing left."""
    trimmed = trim(word.lower())
    if not trimmed or trimmed in STOP_WORDS:
        return None
    return stem(trimmed)


def terms(text: str) -> list[str]:
    """Every term lunr.js indexes for text, in order."""
    return [t for t in map(term, words(text)) if t is not None]


def builder() -> Builder:
    """A lunr.py builder whose pipeline is lunr.js's: trimmer, stop words, stemmer; stemmer at query time."""
    built = Builder()
    built.pipeline.add(trimmer, stop_word_filter, stemmer)
    built.search_pipeline.add(stemmer)
    return built


def analysed_builder() -> Builder:
    """A lunr.py builder for fields given as lists of terms already analysed by terms() (the same pipeline, run
    once per distinct word instead of once per word: ten times faster at thousands of case studies). The index it
    makes is the same, with the same query pipeline (stemmer) for lunr.js to load."""
    built = Builder()
    built.search_pipeline.add(stemmer)
    return built
