"""Where things live in the project, in one place."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# VALUED_CARE_DATA lets tests and benchmarks build the site from another data folder.
DATA = Path(os.environ.get("VALUED_CARE_DATA", ROOT / "data")).resolve()
DOCS = ROOT / "docs"
SCHEMAS = ROOT / "schemas"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# Built downloads (PDFs, offline bundle), laid out as in the site; VALUED_CARE_BUILD moves it for tests.
BUILD = Path(os.environ.get("VALUED_CARE_BUILD", ROOT / "build")).resolve()
