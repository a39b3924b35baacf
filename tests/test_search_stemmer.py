"""One text analysis for both ends of the finder: the index is built in Python (lunr.py with the pipeline of
valued_care/site/search_text.py) and searched in the browser by lunr.js 2.3.9. Every term must come out the same,
or a word the index holds cannot be found by typing it (lunr.py's own stemmer made "survey" "survei").

Runs the vendored lunr.js itself under node over every distinct word and every text in data/, plus tricky words.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml
from lunr.tokenizer import Tokenizer

from conftest import ROOT
from valued_care.site import search_text
from valued_care.site.lunr_stemmer import stem

LUNR_JS = ROOT / "docs" / "assets" / "vendor" / "lunr-2.3.9.min.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: lunr.js cannot be run to compare with")

# Words that exercise every step of the Porter stemmer, lunr.js's quirks (y after a vowel, a leading y, short
# words) and the trimmer's edges (punctuation, non-ASCII letters, symbols inside a word).
TRICKY = """survey surveys journey pathway pathways day days delay delayed key keys employ employed employees yes
young youth yield y ys yy yoyo yvonne sky skies happy happiness caress caresses ponies ties tie cats agreed feed
plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed failing filing happy
relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli
vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference
airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption homologou communism
activate angulariti homologous effective bowdlerize probate rate cease controll roll generalizations oscillators
a an i be is as at by ll lle ied eed bleed need agreeing rational stay stays staying stayed toy toys boy buy guy
café naïve résumé coöperate (e.g. e.g. a&e a&e's s136 nhs's 'quoted' “curly” — ... 10% £1.2m 2019/20 ward's
re-admission co-production out-of-area 24/7 111 wellbeing well-being self-harm o'neill ôpital über straße
""".split()  # noqa: SIM905 (a list literal of 250 words would be unreadable)


def node(script: str, payload) -> list:
    result = subprocess.run([NODE, "-e", script, str(LUNR_JS)], input=json.dumps(payload), capture_output=True,
                            text=True, timeout=120, check=True)
    return json.loads(result.stdout)


JS_STEM = """const lunr = require(process.argv[1]);
const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(words.map(w => lunr.stemmer(new lunr.Token(w, {})).toString())));"""

JS_TERMS = """const lunr = require(process.argv[1]);
const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const pipeline = new lunr.Pipeline();
pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
process.stdout.write(JSON.stringify(texts.map(t => pipeline.run(lunr.tokenizer(t)).map(String))));"""


def data_texts() -> list[str]:
    """Every text value in every data file (the finder indexes a subset; the rest may be indexed tomorrow)."""
    texts: set[str] = set()
    for path in sorted((ROOT / "data").rglob("*.yml")):
        stack = [yaml.safe_load(path.read_text(encoding="utf-8"))]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str):
                texts.add(value)
    return sorted(texts)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = data_texts()
    assert len(found) > 500
    return found


def test_the_stemmer_is_lunr_js_over_every_word_in_the_data_and_tricky_words(texts):
    words = sorted({search_text.trim(w) for text in texts for w in search_text.words(text)} | set(TRICKY) - {""})
    assert len(words) > 3000
    expected = node(JS_STEM, words)
    different = [(w, stem(w), js) for w, js in zip(words, expected) if stem(w) != js]
    assert different == []
    assert stem("survey") == "survey" and stem("pathways") == "pathway"  # where lunr.py's stemmer differs


def test_text_becomes_the_same_terms_as_in_lunr_js(texts):
    sample = [*texts, " ".join(TRICKY), "thin\u2009space, narrow\u202fno-break\u3000ideographic\ufeffmark",
              "A — dash; (e.g. this) “quoted” …"]
    # lunr.js keeps a token trimmed to nothing ("–", "&") as an empty term, which no query can reach (the finder
    # drops empty words); the index leaves it out. That is the one difference, and it changes no search.
    expected = [[t for t in found if t] for found in node(JS_TERMS, sample)]
    ours = [search_text.terms(t) for t in sample]
    assert [(t, o, e) for t, o, e in zip(sample, ours, expected) if o != e] == []
    # The index is built by lunr.py's builder with our pipeline, from text with JavaScript's spaces made plain.
    pipeline = search_text.builder().pipeline
    built = [[str(t) for t in pipeline.run(Tokenizer(search_text.plain_spaces(t)))] for t in sample]
    assert [(t, b, e) for t, b, e in zip(sample, built, expected) if b != e] == []


def test_the_serialised_index_names_the_functions_lunr_js_loads(texts):
    from lunr import lunr

    index = lunr(ref="id", fields=["text"], documents=[{"id": "1", "text": "A staff survey"}],
                 builder=search_text.builder()).serialize()
    assert index["pipeline"] == ["stemmer"]
    assert [term for term, _ in index["invertedIndex"]] == ["staff", "survey"]
