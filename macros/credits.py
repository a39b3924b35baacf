"""Who is credited: the authors in CITATION.cff, the one list of contributors (cited and shown on the site)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import paths
from .text_rules import plain_text, web_url

CITATION = paths.ROOT / "CITATION.cff"
_ORCID = re.compile(r"https://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


@dataclass(frozen=True)
class Contributor:
    name: str
    affiliation: str | None = None
    orcid: str | None = None
    website: str | None = None


def read_citation(path: Path = CITATION) -> dict:
    citation = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    missing = [k for k in ("cff-version", "message", "title", "authors") if not citation.get(k)]
    if missing:
        raise ValueError(f"{path.name}: missing {', '.join(missing)}")
    return citation


def contributors(path: Path = CITATION) -> list[Contributor]:
    """Each author as shown: a person by given and family names, an organisation by name; checked like data."""
    people = []
    for i, author in enumerate(read_citation(path)["authors"]):
        where = f"{path.name}: authors[{i}]"
        name = author.get("name") or " ".join(filter(None, [author.get("given-names"), author.get("name-particle"),
                                                            author.get("family-names")]))
        if not name:
            raise ValueError(f"{where} needs 'name' (an organisation) or 'given-names' and 'family-names' (a person)")
        orcid = author.get("orcid")
        if orcid and not _ORCID.fullmatch(orcid):
            raise ValueError(f"{where}: orcid must be written https://orcid.org/0000-0000-0000-0000")
        try:
            people.append(Contributor(plain_text(name), plain_text(author["affiliation"]) if author.get("affiliation")
                                      else None, orcid, web_url(author["website"]) if author.get("website") else None))
        except ValueError as err:
            raise ValueError(f"{where}: {err}") from None
    return people


def citation_text(path: Path = CITATION) -> str:
    """A one-line citation in the usual order: authors, title, address."""
    citation = read_citation(path)
    names = "; ".join(c.name for c in contributors(path))
    return f"{names}. {citation['title']}. {citation.get('url', '')}".strip()
