"""Wording shared by the site and the PDFs, worked out once from a record: each function returns plain text, which
each template escapes for its own format (Markdown or HTML)."""
from __future__ import annotations

from valued_care.vocabulary import METHODS


def method_line(case) -> str:
    """'Lean; PDSA cycles. Detail' / 'Detail' / 'Not stated by the sources.'"""
    named = "; ".join(METHODS[m] for m in case.methods)
    if named and case.method_detail:
        return f"{named}. {case.method_detail}"
    return named or case.method_detail or "Not stated by the sources."
