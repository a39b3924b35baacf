"""Typed records: what each kind of data file holds. Loading and cross-checking live in loader.py."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from valued_care.data.text_rules import ID_PATTERN, MAX_URL_LENGTH, not_reserved, plain_text, web_url
from valued_care.vocabulary import (
    CONFIDENCE,
    DEPTHS,
    METHODS,
    REGIONS,
    RESOURCE_TYPES,
    SETTINGS,
    SOURCE_TYPES,
    STEP_KINDS,
    TARGET_STATUSES,
    TOPICS,
)

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80), AfterValidator(not_reserved),
               Field(description="Lower-case words joined by hyphens, for example east-london")]
ShortText = Annotated[str, StringConstraints(max_length=300), AfterValidator(plain_text)]
Text = Annotated[str, StringConstraints(max_length=3000), AfterValidator(plain_text)]
Url = Annotated[str, StringConstraints(max_length=MAX_URL_LENGTH), AfterValidator(web_url),
                Field(json_schema_extra={"pattern": "^https?://"})]
Year = Annotated[int, Field(ge=1900, le=2100)]
PublicContacts = Annotated[list[ShortText], Field(
    description="Public contact details of an organisation (not a person) that the text gives, exactly as written "
                "there: an email address, phone number or postcode. Anything else that looks like one is refused.")]

# Each controlled list is a Literal of its vocabulary's keys, built from vocabulary.py so the list is written once.
# A type checker cannot read a Literal built at run time, so it sees plain text; pydantic checks the values.
if TYPE_CHECKING:
    SourceType: TypeAlias = str
    Setting: TypeAlias = str
    Region: TypeAlias = str
    Method: TypeAlias = str
    ResourceType: TypeAlias = str
    Confidence: TypeAlias = str
    Depth: TypeAlias = str
    TargetStatus: TypeAlias = str
    StepKind: TypeAlias = str
    Topic: TypeAlias = str
else:
    SourceType = Literal[tuple(SOURCE_TYPES)]
    Setting = Literal[tuple(SETTINGS)]
    Region = Literal[tuple(REGIONS)]
    Method = Literal[tuple(METHODS)]
    ResourceType = Literal[tuple(RESOURCE_TYPES)]
    Confidence = Literal[tuple(CONFIDENCE)]
    Depth = Literal[tuple(DEPTHS)]
    TargetStatus = Literal[tuple(TARGET_STATUSES)]
    StepKind = Literal[tuple(STEP_KINDS)]
    Topic = Literal[tuple(TOPICS)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Reviewed(Record):
    last_reviewed: dt.date = Field(description="When the page was last checked against its sources (YYYY-MM-DD)")
    next_review: dt.date = Field(description="When it is due to be checked again (YYYY-MM-DD)")

    @model_validator(mode="after")
    def _review_order(self):
        if self.next_review <= self.last_reviewed:
            raise ValueError("next_review must be after last_reviewed")
        return self


class Source(Record):
    url: Url
    publisher: ShortText
    title: ShortText
    date: ShortText | None = Field(None, description="As the source gives it; leave out if not stated")
    type: SourceType
    note: ShortText | None = None


class Outcome(Record):
    text: Text = Field(description="The result, with every figure exactly as the source gives it")
    period: ShortText | None = Field(None, description="The period the figure covers, if the source says")


class Period(Record):
    start: Year | None = None
    end: Year | None = None
    description: ShortText

    @model_validator(mode="after")
    def _order(self):
        if self.start and self.end and self.end < self.start:
            raise ValueError("period end is before its start")
        return self


class CaseStudy(Reviewed):
    id: Id
    title: ShortText
    trusts: list[Id] = Field(min_length=1)
    primary_ingredient: Id
    other_ingredients: list[Id] = []
    settings: list[Setting] = Field(min_length=1)
    setting_detail: ShortText | None = None
    topics: list[Topic] = Field(
        min_length=1, description="The problems it is about, from the list of topics (vocabulary.TOPICS), most "
                                  "central first.")
    region: Region
    period: Period
    methods: list[Method] = Field([], description="Leave empty when the sources do not say")
    method_detail: ShortText | None = None
    summary: Annotated[str, StringConstraints(max_length=600), AfterValidator(plain_text)]
    problem: Text | None = Field(None, description="The starting problem; leave out if the sources do not describe it")
    what_they_did: list[Text] = Field(min_length=1)
    outcomes: list[Outcome] = Field(min_length=1)
    lessons: list[Text] = []
    depth: Depth = Field(description="full: the sources give the problem, concrete actions and what was measured; "
                                     "outline: they describe the work only in broad terms")
    confidence: Confidence = "checked"
    evidence_note: Text | None = None
    sources: list[Source] = Field(min_length=1)
    added: dt.date = Field(description="When the case study was added to the knowledge base")
    public_contacts: PublicContacts = []

    @property
    def ingredients(self) -> list[str]:
        return [self.primary_ingredient, *self.other_ingredients]

    @model_validator(mode="after")
    def _full_account_has_a_problem(self):
        if self.depth == "full" and not self.problem:
            raise ValueError("depth: full needs the starting problem (the field 'problem'); if the sources do not "
                             "describe it, set depth: outline")
        return self


class Trust(Record):
    id: Id
    name: ShortText
    short_name: ShortText | None = None
    region: Region
    note: ShortText | None = Field(None, description="For example a merger or new name, as a source states it")
    public_contacts: PublicContacts = []
    merged_into: Id | None = Field(None, description="The id of the trust this one merged into, if it did")

    @property
    def label(self) -> str:
        return self.short_name or self.name


class TrustStory(Reviewed):
    id: Id
    trust: Id
    title: ShortText
    summary: Annotated[str, StringConstraints(max_length=600), AfterValidator(plain_text)]
    area: ShortText | None = None
    before: list[Text] = Field(min_length=1)
    what_they_did: list[Text] = Field(min_length=1)
    what_changed: list[Text] = Field(min_length=1)
    lessons: list[Text] = Field(min_length=1)
    ingredients: list[Id] = Field(min_length=1, description="The ingredient the story shows most comes first")
    confidence: Confidence = "checked"
    evidence_note: Text | None = None
    sources: list[Source] = Field(min_length=1)
    added: dt.date
    public_contacts: PublicContacts = []


class Fact(Record):
    text: Text
    as_of: ShortText = Field(description="When the fact held, as the source dates it, e.g. 'July 2025'")
    source: Id = Field(description="The id of a resource in data/resources")
    target: ShortText | None = Field(None, description="If the fact is a national target: what it aimed for and by when")
    target_status: TargetStatus | None = Field(None, description="What became of that target, as a dated source says")

    @model_validator(mode="after")
    def _target_has_status(self):
        if self.target and not self.target_status:
            raise ValueError("a fact with a target needs target_status (met, missed, moved, replaced or in-progress)")
        return self


class Ingredient(Reviewed):
    id: Id
    number: Annotated[int, Field(ge=1, le=9)]
    title: ShortText
    summary: ShortText
    why_here: Text
    what_it_is: list[Text] = Field(min_length=1)
    current_situation: list[Fact] = Field(min_length=1)
    what_good_looks_like: list[ShortText] = Field(min_length=3)
    questions_for_boards: list[ShortText] = Field(min_length=2)
    questions_for_teams: list[ShortText] = Field(min_length=2)


class TheorySection(Record):
    heading: ShortText
    paragraphs: list[Text] = Field(min_length=1)


class TheoryReview(Reviewed):
    id: Id = Field(description="The id of the ingredient this review opens")
    title: ShortText
    summary: Text
    sections: list[TheorySection] = Field(min_length=1)
    references: list[Id] = Field(min_length=5, description="Ids of resources in data/resources")


class Resource(Record):
    id: Id
    title: ShortText
    authors: ShortText | None = None
    publisher: ShortText
    year: Year | None = Field(None, description="The year it was published; leave it out if no source gives it "
                                                "(shown as n.d., no date)")
    url: Url | None = None
    type: ResourceType
    ingredients: list[Id] = Field(min_length=1)
    description: Text | None = None


class PathwayStep(Record):
    kind: StepKind = Field(description="What the step points at: a chapter, theory review, case study, trust story "
                                        "or resource")
    id: Id = Field(description="The id (file name) of that chapter, theory review, case study, trust story or "
                               "resource")
    why: Annotated[str, StringConstraints(max_length=200), AfterValidator(plain_text)] = Field(
        description="One line for this audience: why read this, and why at this point in the route")


class Pathway(Reviewed):
    id: Id
    order: Annotated[int, Field(ge=1, le=20, description="Where the pathway is listed among the others (1 first)")]
    title: ShortText = Field(description="Who it is for, as a title, e.g. 'Board members'")
    audience: ShortText = Field(description="Who it is for, in a sentence")
    summary: Text = Field(description="What the route covers and what the reader will take from it")
    steps: list[PathwayStep] = Field(min_length=3, max_length=15)
