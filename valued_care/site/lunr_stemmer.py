"""The Porter stemmer exactly as lunr.js 2.3.9 runs it in the browser, for building the finder's index in Python.

lunr.py's own stemmer differs from lunr.js on some words (survey -> survei in lunr.py, survey in lunr.js), so an
index built with it cannot find those words when a reader types them. This is a line-by-line port of
lunr.stemmer from lunr.js 2.3.9 (MIT licence, Oliver Nightingale), itself from Martin Porter's JavaScript version;
tests/test_search_stemmer.py runs both over every word in data/ and asserts identical output.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from lunr.pipeline import Pipeline

_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
          "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate",
          "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive",
          "biliti": "ble", "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
_S_V = re.compile("^(" + _C + ")?" + _v)
_1A = re.compile(r"^(.+?)(ss|i)es$")
_1A2 = re.compile(r"^(.+?)([^s])s$")
_1B = re.compile(r"^(.+?)eed$")
_1B2 = re.compile(r"^(.+?)(ed|ing)$")
_LAST = re.compile(r".$")
_1B_AT = re.compile(r"(at|bl|iz)$")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_1C = re.compile(r"^(.+?[^aeiou])y$")
_2 = re.compile(r"^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness"
                r"|fulness|ousness|aliti|iviti|biliti|logi)$")
_3 = re.compile(r"^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$")
_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
_4B = re.compile(r"^(.+?)(s|t)(ion)$")
_5 = re.compile(r"^(.+?)e$")
_5B = re.compile(r"ll$")


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = first.upper() + w[1:]
    w = _step5(_step4(_step3(_step2(_step1c(_step1b(_step1a(w)))))))
    if first == "y":
        w = first.lower() + w[1:]
    return w


def _step1a(w: str) -> str:
    if _1A.search(w):
        return _1A.sub(r"\1\2", w, count=1)
    if _1A2.search(w):
        return _1A2.sub(r"\1\2", w, count=1)
    return w


def _step1b(w: str) -> str:
    m = _1B.search(w)
    if m:
        return _LAST.sub("", w, count=1) if _MGR0.search(m.group(1)) else w
    m = _1B2.search(w)
    if not m or not _S_V.search(m.group(1)):
        return w
    w = m.group(1)
    if _1B_AT.search(w):
        return w + "e"
    if _1B_DOUBLE.search(w):
        return _LAST.sub("", w, count=1)
    if _CVC.search(w):
        return w + "e"
    return w


def _step1c(w: str) -> str:
    m = _1C.search(w)
    return m.group(1) + "i" if m else w


def _step2(w: str) -> str:
    m = _2.search(w)
    return m.group(1) + _STEP2[m.group(2)] if m and _MGR0.search(m.group(1)) else w


def _step3(w: str) -> str:
    m = _3.search(w)
    return m.group(1) + _STEP3[m.group(2)] if m and _MGR0.search(m.group(1)) else w


def _step4(w: str) -> str:
    m = _4.search(w)
    if m:
        return m.group(1) if _MGR1.search(m.group(1)) else w
    m = _4B.search(w)
    if m and _MGR1.search(m.group(1) + m.group(2)):
        return m.group(1) + m.group(2)
    return w


def _step5(w: str) -> str:
    m = _5.search(w)
    if m:
        candidate = m.group(1)
        if _MGR1.search(candidate) or (_MEQ1.search(candidate) and not _CVC.search(candidate)):
            w = candidate
    if _5B.search(w) and _MGR1.search(w):
        w = _LAST.sub("", w, count=1)
    return w


def stemmer(token, i=None, tokens=None):
    """The pipeline function: lunr.py calls it with each token, as lunr.js calls lunr.stemmer."""
    return token.update(lambda text, metadata=None: stem(text))


def register(function, label: str) -> None:
    """Register a pipeline function under the name lunr.js knows it by, so an index serialised with it in its
    pipeline loads in the browser with lunr.js's own function, and in Python (tests) with this one."""
    logger = logging.getLogger("lunr")
    level = logger.level
    logger.setLevel(logging.ERROR)  # lunr.py warns that it replaces its own function: that is the point
    try:
        Pipeline.register_function(function, label)
    finally:
        logger.setLevel(level)


register(stemmer, "stemmer")
