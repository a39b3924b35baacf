"""One date style everywhere (GOV.UK: "14 September 2016"), read from the free text sources date themselves with."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from valued_care.dates import long_date, show_date


@pytest.mark.parametrize("written, shown", [
    ("14th September 2016", "14 September 2016"),
    ("2nd May 2017", "2 May 2017"),
    ("2021-06-22", "22 June 2021"),
    ("02 April 2019", "2 April 2019"),
    ("June 2024", "June 2024"),
    ("Sept 2019", "September 2019"),
    ("21/06/2019", "21 June 2019"),
    ("16/11/18", "16 November 2018"),
    ("Updated 26 March 2019", "Updated 26 March 2019"),
    ("Inspection 05 Nov to 12 Dec 2019", "Inspection 5 November to 12 December 2019"),
    ("Project start date 1 Jan 2013", "Project start date 1 January 2013"),
    ("2017 (file stamp 14/07/2017)", "2017 (file stamp 14 July 2017)"),
    ("5 August 2022, updated 7 October 2022", "5 August 2022, updated 7 October 2022"),
])
def test_dates_the_sources_write_print_in_one_style(written, shown):
    assert show_date(written) == shown


@pytest.mark.parametrize("text", [
    "2024", "2023/24", "Volume 37, issue 1", "2016 (BMJ Open 6:e008721)", "15 December (year not shown)",
    "J Ment Health 2018 Aug;27(4):359-366", "31 February 2020", "2019-02-30", "Information correct at March 2017",
])
def test_text_that_is_not_a_whole_readable_date_stays_as_written(text):
    assert show_date(text) == text


def test_empty_dates_print_nothing_and_held_dates_print_the_same_way():
    assert show_date(None) == "" and show_date("") == ""
    assert long_date(dt.date(2016, 9, 14)) == "14 September 2016"
    assert long_date(dt.date(2025, 1, 2)) == "2 January 2025"


def test_every_source_date_in_the_data_prints_without_ordinals_iso_or_leading_zeros(real_kb):
    records = [*real_kb.case_studies.values(), *real_kb.trust_stories.values()]
    shown = [show_date(s.date) for r in records for s in r.sources if s.date]
    assert shown
    for text in shown:
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), text
        assert not re.search(r"\b\d{1,2}(st|nd|rd|th) [A-Z]", text), text
        assert not re.search(r"\b0\d [A-Z][a-z]+ \d{4}\b", text), text
