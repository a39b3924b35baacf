"""Where things live in the project, in one place."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DOCS = ROOT / "docs"
SCHEMAS = ROOT / "schemas"
TEMPLATES = Path(__file__).resolve().parent / "templates"
SITE = ROOT / "site"
