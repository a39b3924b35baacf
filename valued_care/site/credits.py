"""Who is credited: the authors in CITATION.cff, the one list of contributors (cited and shown on the site)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from valued_care import paths
from valued_care.data.citation import check_citation
from valued_care.data.text_rules import plain_text, web_url
from valued_care.data.yaml_source import read_yaml
from valued_care.errors import DataInvalid, display_path

CITATION = paths.ROOT / "CITATION.cff"
_ORCID = re.compile(r"https://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


@dataclass(frozen=True)
class Contributor:
    name: str
    affiliation: str | None = None
    orcid: str | None = None
    website: str | None = None


def read_citation(path: Path = CITATION) -> dict:
    """The citation file's fields, read within the same limits as data and checked (citation.py) before use: a
    mistake in it is a file:line problem with a fix (DataInvalid), never a traceback in the build."""
    shown = display_path(path, paths.ROOT)
    problems = check_citation(path, shown)
    if problems:
        raise DataInvalid(problems)
    return read_yaml(path, shown).value


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
