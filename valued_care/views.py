"""Wording shared by the site and the PDFs, worked out once from a record: each function returns plain text, which
each template escapes for its own format (Markdown or HTML)."""
from __future__ import annotations

import re

from valued_care.vocabulary import METHODS, REGIONS, SETTINGS


def method_line(case) -> str:
    """'Lean; PDSA cycles. Detail' / 'Detail' / 'Not stated by the sources.'"""
    named = "; ".join(METHODS[m] for m in case.methods)
    if named and case.method_detail:
        return f"{named}. {case.method_detail}"
    return named or case.method_detail or "Not stated by the sources."


# Who made what, in the same words as README.md and CITATION.cff: said on the book's front matter and the summary.
PUBLICATION = "Valued care in mental health: improving for excellence"
MODEL_ORIGIN = ("The model comes from the publication “Valued care in mental health: improving for excellence”, written "
                "by NHS Improvement with a group of mental health trusts in England; its theory reviews were by Henley "
                "Business School.")
THIS_WORK = ("The case studies, trust stories and theory reviews here are new work by the knowledge base's "
             "contributors, researched from public sources and cited. They are not taken from that publication and "
             "are not written or endorsed by NHS Improvement, Henley Business School or the trusts they describe.")
AUTHORS = "The Valued Care knowledge base contributors"  # as CITATION.cff credits them


def main_ingredient_count(count: int) -> tuple[str, str]:
    """What the model diagram and the PDF's chapter openers say about an ingredient's case studies, in two parts
    (the diagram sets them on two lines): ('9 case studies', 'with this as main ingredient')."""
    if count == 0:
        return "No case studies yet", "with this as main ingredient"
    return f"{count} case {'study' if count == 1 else 'studies'}", "with this as main ingredient"


# Words that end an NHS organisation's name without telling trusts apart: "Mersey Care NHS Foundation Trust" is
# named in a title that says "Mersey Care", "Avon and Wiltshire Partnership Trust" in one that says "Avon and Wiltshire".
# The second set goes only while two words remain: "Sussex Partnership" is not named by "Sussex".
_ORGANISATION_WORDS = {"nhs", "foundation", "trust"}
_DESCRIPTIVE_WORDS = {"university", "teaching", "partnership"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£\"'(])")


def _distinctive_name(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (words[-1].lower() in _ORGANISATION_WORDS
                              or (len(words) > 2 and words[-1].lower() in _DESCRIPTIVE_WORDS)):
        words.pop()
    return " ".join(words)


def title_names_trust(title: str, trust) -> bool:
    """Whether a title already names the trust (compared case-insensitively): its full name, its short name or its
    name without the words every trust's name ends in."""
    names = {trust.name, _distinctive_name(trust.name), trust.short_name or trust.name}
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title, re.I) for name in names)


def trusts_to_name(case, trusts: dict) -> list:
    """The case study's trusts that its title does not already name, so a list line names each trust once."""
    return [trusts[t] for t in case.trusts if not title_names_trust(case.title, trusts[t])]


def years(case) -> str:
    """'2019 to 2020' / '2019' / 'from 2016' / 'to 2020' / '' (GOV.UK style ranges)."""
    start, end = case.period.start, case.period.end
    if start and end:
        return str(start) if start == end else f"{start} to {end}"
    if start or end:
        return f"from {start}" if start else f"to {end}"
    return ""


def headline(case, limit: int = 120) -> str:
    """The first outcome, shortened for a list: its whole sentences up to `limit` characters, or its first sentence
    cut at a word with an ellipsis."""
    sentences = _SENTENCE_END.split(" ".join(case.outcomes[0].text.split()))
    text = sentences[0]
    for sentence in sentences[1:]:
        if len(text) + 1 + len(sentence) > limit:
            break
        text += " " + sentence
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def finder_meta(case, kb) -> tuple[str, str, str]:
    """A finder result's line of facts, in three parts: the trusts its title does not name, its main ingredient
    (shown in bold) and the rest (other ingredients, settings, region and period)."""
    trusts = trusts_to_name(case, kb.trusts)
    lead = "; ".join(t.name for t in trusts) + ". " if trusts else ""
    others = ", ".join(kb.ingredients[i].title for i in case.other_ingredients)
    rest = (f"; also {others}" if others else "") + ". " + ", ".join(SETTINGS[s] for s in case.settings) + \
        f". {REGIONS[case.region]}. {case.period.description}"
    return lead + "Main ingredient: ", kb.ingredients[case.primary_ingredient].title, rest
