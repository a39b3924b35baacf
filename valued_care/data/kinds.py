"""The one table of record kinds. Each kind of record is declared here once: its data/ folder, its model, its name
for one record, its page, its sort order, the ids it names in other records and its own checks. The loader, the
cross-checks, the knowledge base, the JSON Schemas, the open data, the review dates and the command line all read
this table, so adding a kind is: its model (model.py), one row here, its page template, its checks.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from valued_care import urls
from valued_care.data import kind_checks
from valued_care.data.model import CaseStudy, Ingredient, Pathway, Record, Resource, TheoryReview, Trust, TrustStory

Records = Mapping[str, Mapping[str, Any]]  # folder -> id -> record


@dataclass(frozen=True)
class Ref:
    """A field naming records of another kind: one id, a list of ids, or ('current_situation', 'source') for the
    'source' of each item of a list."""
    field: tuple[str, ...]
    target: str  # the folder of the records it names
    what: str  # how a problem names one of them: "unknown trust 'x'"


@dataclass(frozen=True)
class Kind:
    folder: str  # data/<folder>/, the KnowledgeBase attribute, and the open data's name (with '-')
    model: type[Record]
    one: str  # one record, in file names: case_study -> case_study.schema.json
    label: str  # many records, for people: "case studies"
    page: Callable[[str], str] | None = None  # the docs path of a record's page, from urls
    order: Callable[[Any, Records], Any] = lambda record, records: record.id
    references: tuple[Ref, ...] = ()
    no_repeats: tuple[str, ...] = ()  # list fields in which an id or label may appear once
    checks: tuple[kind_checks.Check, ...] = ()  # checks of the whole kind: numbering, steps, sources once
    exported: str | None = None  # if published as open data: one line on what each record holds

    @property
    def schema_file(self) -> str:
        return f"{self.one}.schema.json"

    @property
    def dataset(self) -> str:
        return self.folder.replace("_", "-")


def _by_title(record: Any, records: Records) -> tuple:
    return (record.title.lower(), record.id)


# The order is the order kinds are loaded, checked and shown.
KINDS: tuple[Kind, ...] = (
    Kind("ingredients", Ingredient, "ingredient", "ingredients", urls.ingredient,
         order=lambda record, records: record.number,
         references=(Ref(("current_situation", "source"), "resources", "resource"),),
         checks=(kind_checks.numbered_once,),
         exported="The nine ingredients of the model, in order, with their questions for boards and teams."),
    Kind("theory", TheoryReview, "theory", "theory reviews", urls.theory,
         references=(Ref(("id",), "ingredients", "ingredient (a theory review's id is its ingredient's id)"),
                     Ref(("references",), "resources", "resource")),
         no_repeats=("references",)),
    Kind("case_studies", CaseStudy, "case_study", "case studies", urls.case_study, order=_by_title,
         references=(Ref(("trusts",), "trusts", "trust"), Ref(("primary_ingredient",), "ingredients", "ingredient"),
                     Ref(("other_ingredients",), "ingredients", "ingredient")),
         no_repeats=("trusts", "other_ingredients", "settings", "methods"),
         checks=(kind_checks.primary_not_repeated, kind_checks.sources_once),
         exported="Each case study: trusts, ingredients, setting, period, what they did, outcomes and sources."),
    Kind("trust_stories", TrustStory, "trust_story", "trust stories", urls.trust_story,
         order=lambda record, records: (records["trusts"][record.trust].name, record.id),
         references=(Ref(("trust",), "trusts", "trust"), Ref(("ingredients",), "ingredients", "ingredient")),
         no_repeats=("ingredients",), checks=(kind_checks.sources_once,),
         exported="Each trust's improvement journey: before, what they did, what changed, lessons and sources."),
    Kind("trusts", Trust, "trust", "trusts", urls.trust, order=lambda record, records: (record.name, record.id),
         references=(Ref(("merged_into",), "trusts", "trust"),),
         exported="Every NHS trust named by a case study or story, with its region."),
    Kind("resources", Resource, "resource", "resources", urls.resource, order=_by_title,
         references=(Ref(("ingredients",), "ingredients", "ingredient"),), no_repeats=("ingredients",),
         exported="Reports, guides, papers and books behind the model, with the ingredients they support."),
    Kind("pathways", Pathway, "pathway", "pathways", urls.pathway, order=lambda record, records: record.order,
         checks=(kind_checks.ordered_once, kind_checks.pathway_steps)),
)
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
