"""The personal-data guard: what it catches, what it lets through, and how the validator reports it."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from valued_care.data import personal_data
from valued_care.data.loader import load_knowledge_base
from valued_care.errors import DataInvalid

# (text, kind of personal data it holds, the part that is personal data)
POSITIVE = [
    ("NHS number 943 476 5919 was seen", "NHS number", "943 476 5919"),
    ("9434765919", "NHS number", "9434765919"),
    ("ref 943-476-5919.", "NHS number", "943-476-5919"),
    ("patient 401 023 2137 discharged", "NHS number", "401 023 2137"),
    ("(4010232137)", "NHS number", "4010232137"),
    ("jo.bloggs@nhs.net", "email address", "jo.bloggs@nhs.net"),
    ("write to Jo.Bloggs+ward@example.nhs.uk today", "email address", "Jo.Bloggs+ward@example.nhs.uk"),
    ("contact: a_b-c@mail.example.co.uk.", "email address", "a_b-c@mail.example.co.uk"),
    ("0300 123 4567", "phone number", "0300 123 4567"),
    ("call 020 7946 0958 now", "phone number", "020 7946 0958"),
    ("+44 (0)20 7946 0958", "phone number", "+44 (0)20 7946 0958"),
    ("+44 7700 900123", "phone number", "+44 7700 900123"),
    ("mobile 07700900123", "phone number", "07700900123"),
    ("(0161) 496 0000", "phone number", "(0161) 496 0000"),
    ("0113-496-0000", "phone number", "0113-496-0000"),
    ("01632 960123 ext 4", "phone number", "01632 960123"),
    ("NI number AB 12 34 56 C", "National Insurance number", "AB 12 34 56 C"),
    ("AB123456C", "National Insurance number", "AB123456C"),
    ("ce 12 34 56 d (lower case)", "National Insurance number", "ce 12 34 56 d"),
    ("lives at SW1A 1AA", "postcode", "SW1A 1AA"),
    ("M1 1AE.", "postcode", "M1 1AE"),
    ("in EC1A1BB", "postcode", "EC1A1BB"),
    ("B33 8TH, Birmingham", "postcode", "B33 8TH"),
    ("CR2 6XH", "postcode", "CR2 6XH"),
    ("DN55 1PT", "postcode", "DN55 1PT"),
]

# Ways of writing the same data that slipped past before (issue 11): hidden by invisible or look-alike characters,
# in lower case, with other separators and groupings, or an email spelt out.
DISGUISED = [
    ("write to jo.bloggs\u200b@nhs.net", "email address", "jo.bloggs\u200b@nhs.net"),
    ("jo\u00adbloggs@nhs.net (soft hyphen)", "email address", "jo\u00adbloggs@nhs.net"),
    ("jo.bloggs\uff20nhs.net (full-width @)", "email address", "jo.bloggs\uff20nhs.net"),
    ("\u202ejo.bloggs@nhs.net", "email address", "jo.bloggs@nhs.net"),
    ("NHS 943\u200b476\u200b5919", "NHS number", "943\u200b476\u200b5919"),
    ("9434\u2060765919", "NHS number", "9434\u2060765919"),
    ("943.476.5919", "NHS number", "943.476.5919"),
    ("NHS no. 943 4765 919", "NHS number", "943 4765 919"),
    ("943/476/5919", "NHS number", "943/476/5919"),
    ("lives at sw1a 1aa", "postcode", "sw1a 1aa"),
    ("Sw1a 1Aa", "postcode", "Sw1a 1Aa"),
    ("phone 0044 7700 900123", "phone number", "0044 7700 900123"),
    ("07700.900.123", "phone number", "07700.900.123"),
    ("0113/496/0000", "phone number", "0113/496/0000"),
    ("+44.20.7946.0958", "phone number", "+44.20.7946.0958"),
    ("call 0300\u00a0123\u00a04567 (no-break spaces)", "phone number", "0300\u00a0123\u00a04567"),
    ("\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13", "phone number",
     "\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13"),
    ("NI AB-12-34-56-C", "National Insurance number", "AB-12-34-56-C"),
    ("ab.12.34.56.c", "National Insurance number", "ab.12.34.56.c"),
    ("email jane.doe at example.org", "email address", "jane.doe at example.org"),
    ("jane.doe [at] example.org", "email address", "jane.doe [at] example.org"),
    ("jane (at) example (dot) org", "email address", "jane (at) example (dot) org"),
    ("jane at example dot org", "email address", "jane at example dot org"),
    ("jane dot doe at nhs dot net", "email address", "jane dot doe at nhs dot net"),
]

NEGATIVE = [
    "Concerns raised rose by 40% between 2019 and 2021.",
    "Test NHS number 999 000 0000 from the test range",
    "9990001234",
    "943 476 5918 fails the Modulus 11 check",
    "1234567890 fails it too",
    "Saved £1,234,567 a year",
    "A rate of 0.5 per 1000 bed days",
    "ISBN 978-0-19-280123-4",
    "https://doi.org/10.1002/14651858.CD002831.pub3",
    "https://example.org/@team/post",
    "Call 111 or 999, or NHS 111 option 2",
    "QQ 12 34 56 C is HMRC's example and not a real number",
    "GB 12 34 56 A has a prefix never issued",
    "Postcode district SW1A alone, and the M1 motorway",
    "The Q3 2019 figures",
    "Ward 4B and ward 12",
    "Five-year forward view 2016/17 to 2020/21",
    "Phone numbers need all their digits: 0300 123",
    "A 12-digit reference 123456789012",
    "COVID-19 and the 2020 to 2022 pandemic years",
    "In 2018 1,200 staff took part",
    "email me at the usual place",
    "ODS codes RXT and RW4, site RXT01",
    # Prose that the written-out email, any-case postcode and any-separator number detectors must leave alone.
    "look at example",
    "published at gov.uk and available at www.england.nhs.uk",
    "a follow-up at nhs.uk",
    "In 2019 at nhs.uk",
    "e.g. at the trust",
    "Seen at b1 2nd floor and the e2 1st ward",
    "From 01/02/2019 12 patients; 05/06/2019 10:30",
    "Years 2016/17 2017/18 2018/19",
    "Version 1.2.0 of 2019.10.12",
    "https://orcid.org/0000-0002-1825-0097",
    "Ratios 1.5 2.5 3.5 4.5 5.5",
    "At 12 months, at 24 months",
]


@pytest.mark.parametrize("text, kind, part", POSITIVE, ids=[p[0] for p in POSITIVE])
def test_personal_data_is_found(text, kind, part):
    found = personal_data.find(text)
    assert [(f.kind, f.text) for f in found] == [(kind, part)]
    assert text[found[0].start:found[0].end] == part


@pytest.mark.parametrize("text, kind, part", DISGUISED, ids=[d[0].encode("unicode_escape").decode() for d in DISGUISED])
def test_disguised_personal_data_is_found(text, kind, part):
    found = personal_data.find(text)
    assert [(f.kind, f.text) for f in found] == [(kind, part)]
    assert text[found[0].start:found[0].end] == part, "reported where it stands in the original text"


@pytest.mark.parametrize("text", NEGATIVE)
def test_figures_dates_and_ids_are_not_personal_data(text):
    assert personal_data.find(text) == []


def test_there_are_at_least_twenty_cases_each_way():
    assert len(POSITIVE) >= 20 and len(NEGATIVE) >= 20


def test_modulus_11():
    assert personal_data.nhs_number_is_valid("9434765919")
    assert not personal_data.nhs_number_is_valid("9434765918")
    assert not personal_data.nhs_number_is_valid("123456789")
    # A check digit of 10 can never be valid, whatever the tenth digit.
    assert not any(personal_data.nhs_number_is_valid("000000006" + str(d)) for d in range(10))


def test_several_findings_in_one_text_come_in_order():
    found = personal_data.find("Ring 0300 123 4567 or write to pals@example.nhs.uk at LS1 4AP.")
    assert [f.kind for f in found] == ["phone number", "email address", "postcode"]


@pytest.mark.parametrize("a, b", [("+44 (0)300 123 4567", "0300 1234567"), ("+44 300 123 4567", "0300-123-4567"),
                                  ("PALS@Example.NHS.uk", "pals@example.nhs.uk"), ("SW1A 1AA", "sw1a1aa"),
                                  ("0044 300 123 4567", "0300.123.4567"), ("pals [at] example [dot] nhs.uk",
                                                                          "pals@example.nhs.uk"),
                                  ("pals\u200b@example.nhs.uk", "pals@example.nhs.uk")])
def test_one_spelling_per_contact(a, b):
    assert personal_data.normalise(a) == personal_data.normalise(b)


def _write_case(good_data, extra: str = "", problem: str = "Staff did not feel safe to raise concerns."):
    text = (good_data / "case_studies" / "example-case.yml").read_text()
    text = text.replace("problem: Staff did not feel safe to raise concerns.", f"problem: {problem}") + extra
    (good_data / "case_studies" / "example-case.yml").write_text(text)


def test_public_contact_on_the_allowlist_is_published(good_data):
    _write_case(good_data, "public_contacts:\n  - +44 (0)300 123 4567\n  - pals@example.nhs.uk\n",
                "Ring the advice line on 0300 123 4567 or write to pals@example.nhs.uk.")
    kb = load_knowledge_base(good_data)
    assert kb.case_studies["example-case"].public_contacts == ["+44 (0)300 123 4567", "pals@example.nhs.uk"]


def test_allowlist_covers_only_what_it_lists(good_data):
    _write_case(good_data, "public_contacts: [0300 123 4567]\n", "Ring 0300 123 4567 or 07700 900123.")
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    [problem] = caught.value.problems
    assert "phone number ('077…')" in problem.message and problem.line == 14 and problem.col == 32


def test_allowlist_refuses_a_national_insurance_number(good_data):
    _write_case(good_data, "public_contacts: [AB 12 34 56 C]\n", "Number AB 12 34 56 C.")
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    messages = [p.message for p in caught.value.problems]
    assert "public_contacts[0] is a National Insurance number, which belongs to one person" in messages
    assert any("National Insurance number ('AB …')" in m for m in messages)


def test_unquoted_number_read_as_an_integer_is_still_checked(good_data):
    _write_case(good_data, "evidence_note: 9434765919\n")
    line = len((good_data / "case_studies" / "example-case.yml").read_text().splitlines())
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    assert any("NHS number" in p.message and p.line == line for p in caught.value.problems)


def test_position_in_a_folded_value_is_the_line_it_stands_on(good_data):
    _write_case(good_data, problem=">\n  Staff did not feel safe to raise\n  concerns; ring 0300\n  123 4567 for more.")
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (16, 18)



def _problems(good_data) -> list:
    with pytest.raises(DataInvalid) as caught:
        load_knowledge_base(good_data)
    return caught.value.problems


def test_personal_data_in_a_comment_is_refused(good_data):
    _write_case(good_data, "# call 07700 900123 about this one\n")
    line = len((good_data / "case_studies" / "example-case.yml").read_text().splitlines())
    [problem] = _problems(good_data)
    assert "comment contains what looks like a phone number" in problem.message
    assert (problem.line, problem.col) == (line, 8)


def test_a_hash_inside_a_value_is_not_a_comment(good_data):
    _write_case(good_data, problem='"Staff # ring 07700 900123 did not feel safe."')
    [problem] = _problems(good_data)
    assert problem.message.startswith("contains what looks like a phone number"), "reported once, as the value"
    assert (problem.line, problem.col) == (14, 24)


def test_a_public_contact_may_be_given_in_a_comment(good_data):
    _write_case(good_data, "public_contacts: [0300 123 4567]\n# the switchboard, 0300 123 4567\n",
                "Ring the advice line on 0300 123 4567.")
    load_knowledge_base(good_data)


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066"])
def test_invisible_characters_are_refused_in_any_text(good_data, char):
    _write_case(good_data, problem=f"Staff did not{char} feel safe to raise concerns.")
    [problem] = _problems(good_data)
    assert f"invisible character (U+{ord(char):04X})" in problem.message and problem.fix
    assert (problem.line, problem.col) == (14, 23)


def test_invisible_characters_in_a_comment_are_refused(good_data):
    _write_case(good_data, "# reviewed \u202eby the board\n")
    [problem] = _problems(good_data)
    assert "comment contains an invisible character (U+202E)" in problem.message


def test_disguised_email_is_found_where_it_stands(good_data):
    _write_case(good_data, problem="Staff did not feel safe; write to jo.bloggs\u200b@example.nhs.uk.")
    problems = _problems(good_data)
    assert {p.message.split(" (")[0] for p in problems} == {"contains an invisible character",
                                                             "contains what looks like an email address"}
    assert all(p.line == 14 for p in problems)
    assert [p.col for p in problems if "email" in p.message] == [44]


# Each detector runs only where a cheaper pattern finds what its matches must contain (personal_data._scan); the
# pairs below fail if a detector can match where its precondition finds nothing, which would hide personal data.
_PIECES = ["0", "1", "4", "7", "9", "12", "44", "0300", "943", " ", "-", ".", "/", "(", ")", "+", "@", "(0)", "\u2013",
           " at ", " [at] ", "(at)", " dot ", "[dot]", "a", "Z", "ab", "AB", "nhs", "uk", "org", "jo.bloggs", "SW1A",
           "1AA", "ce", "C", "d", "\n"]
_TEXTS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=24).map("".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_a_detector_never_matches_where_its_precondition_finds_nothing(text):
    for kind, needs, detect in personal_data._DETECTORS:
        if list(detect(text)):
            assert needs.search(text), (kind, needs.pattern, text)


@pytest.mark.parametrize("text, kind, part", POSITIVE + DISGUISED, ids=[p[0].encode("unicode_escape").decode()
                                                                       for p in POSITIVE + DISGUISED])
def test_every_known_case_meets_its_detectors_precondition(text, kind, part):
    cleaned = personal_data.clean(text)
    found = [(k, needs) for k, needs, detect in personal_data._DETECTORS if list(detect(cleaned))]
    assert kind in {k for k, _ in found} and all(needs.search(cleaned) for _, needs in found)
