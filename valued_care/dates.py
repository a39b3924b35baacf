"""Dates as readers see them, in one style everywhere (site and PDF): GOV.UK's "14 September 2016".

Sources give their dates as free text ("14th September 2016", "2021-06-22", "02 April 2019", "Updated 5 Nov 2019",
"June 2024"). The data keeps them exactly as the source wrote them; show_date prints each date it can read in the one
style and leaves everything else, and anything it cannot read, as it is. Dates we hold as dates print through
long_date.
"""
from __future__ import annotations

import datetime as dt
import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# A month by its name or the usual short forms (Sep and Sept), whatever the case.
_MONTH_OF = {name.lower(): i for i, name in enumerate(MONTHS, 1)}
_MONTH_OF.update({name[:3].lower(): i for i, name in enumerate(MONTHS, 1)})
_MONTH_OF["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_OF, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"

# Each pattern is a whole date, never part of a longer number or word (the look-arounds).
_ISO = re.compile(r"(?<![\w/-])" + _YEAR + r"-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![\w/-])")
_SLASHED = re.compile(r"(?<![\w/.-])(?P<d>0?[1-9]|[12][0-9]|3[01])/(?P<m>0?[1-9]|1[0-2])/"
                      r"(?P<y>(?:19|20)[0-9]{2}|[0-9]{2})(?![\w/.-])")
_DAY_MONTH = re.compile(r"(?<![\w-])" + _DAY + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?(?![\w-])",
                        re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(?<![\w-])" + _MONTH + r",?\s+" + _YEAR + r"(?![\w-])", re.IGNORECASE)


def long_date(day: dt.date) -> str:
    """A date we hold as a date: 14 September 2016."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(match: re.Match) -> str:
    year, month, day = int(match["year"]), int(match["m"]), int(match["d"])
    return long_date(dt.date(year, month, day)) if _valid(year, month, day) else match[0]


def _slashed(match: re.Match) -> str:
    """Day first, as UK sources write it: 21/06/2019, 16/11/18."""
    year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
    month, day = int(match["m"]), int(match["d"])
    return long_date(dt.date(year, month, day)) if _valid(year, month, day) else match[0]


def _day_month(match: re.Match) -> str:
    """02 April 2019, 14th September 2016, 5 Nov (a range's first day, whose year comes after the second)."""
    month, day = _MONTH_OF[match["month"].lower()], int(match["day"])
    if match["year"]:
        year = int(match["year"])
        return long_date(dt.date(year, month, day)) if _valid(year, month, day) else match[0]
    return f"{day} {MONTHS[month - 1]}" if _valid(2000, month, day) else match[0]  # 2000: 29 February is a date


def _month_year(match: re.Match) -> str:
    return f"{MONTHS[_MONTH_OF[match['month'].lower()] - 1]} {match['year']}"


def show_date(text: str | None) -> str:
    """Free text as a source dates itself, with every date in it that can be read printed as 14 September 2016.

    Only whole dates are touched: "2018 Aug;27(4)" (a journal reference), "2023/24" (a financial year) and words
    that merely contain a month's name stay as they are."""
    if not text:
        return ""
    text = _ISO.sub(_iso, text)
    text = _SLASHED.sub(_slashed, text)
    text = _DAY_MONTH.sub(_day_month, text)
    return _MONTH_YEAR.sub(_month_year, text)
