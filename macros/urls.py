"""Where each record's page lives (docs-relative source paths). Change a URL scheme here and nowhere else."""


def ingredient(rid: str) -> str:
    return f"ingredients/{rid}.md"


def theory(rid: str) -> str:
    return f"theory/{rid}.md"


def case_study(rid: str) -> str:
    return f"case-studies/{rid}.md"


def trust_story(rid: str) -> str:
    return f"trust-stories/{rid}.md"


def trust(rid: str) -> str:
    return f"trusts/{rid}.md"


def setting(slug: str) -> str:
    return f"settings/{slug}.md"


INGREDIENTS_INDEX = "ingredients/index.md"
CASE_STUDIES_INDEX = "case-studies/index.md"
FINDER = "finder.md"
TRUST_STORIES_INDEX = "trust-stories/index.md"
TRUSTS_INDEX = "trusts/index.md"
SETTINGS_INDEX = "settings/index.md"
RESOURCES = "resources.md"


def data_file(kind: str, rid: str) -> str:
    """The YAML a generated page comes from, relative to the repository root (for 'edit this page')."""
    return f"data/{kind}/{rid}.yml"
