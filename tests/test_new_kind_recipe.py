"""ARCHITECTURE.md's recipe for a new record kind, followed step by step in a copy of the project: a toy kind
("events") is validated, cross-checked and gets its pages, with nothing else changed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import GOOD, ROOT

EVENT_MODEL = '''

class Event(Reviewed):
    id: Id
    title: ShortText
    summary: ShortText
    trust: Id
'''
EVENT_ROW = '''    Kind("events", Event, "event", "events", urls.event,
         references=(Ref(("trust",), "trusts", "trust"),), exported="Each event: its title, trust and summary."),
'''
EVENT_TEMPLATE = ("# {{ title }}\n\n{{ event.summary }}\n\n"
                  "Hosted by {{ link(kb.trusts[event.trust].name, urls.trust(event.trust)) }}.\n")
EVENT_DATA = '''id: {id}
title: {title}
summary: A morning of short talks on testing changes in community teams.
trust: {trust}
last_reviewed: 2026-01-01
next_review: 2027-01-01
'''


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the recipe no longer matches {path.name}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _follow_the_recipe(copy, trust):
    pkg = copy / "valued_care"
    # 1. Model
    with (pkg / "data" / "model.py").open("a", encoding="utf-8") as model:
        model.write(EVENT_MODEL)
    # 2. Kinds table row, and its field in the knowledge base
    kinds = pkg / "data" / "kinds.py"
    _edit(kinds, "from valued_care.data.model import ", "from valued_care.data.model import Event, ")
    _edit(kinds, "\n)\nBY_FOLDER", "\n" + EVENT_ROW + ")\nBY_FOLDER")
    _edit(pkg / "data" / "knowledge_base.py", "    pathways: dict[str, Pathway]\n",
          "    pathways: dict[str, Pathway]\n    events: dict\n")
    # 3. Address
    with (pkg / "urls.py").open("a", encoding="utf-8") as urls:
        urls.write('\n\ndef event(rid: str) -> str:\n    return f"events/{rid}.md"\n')
    # 4. Page template
    (pkg / "templates" / "pages" / "event.md.j2").write_text(EVENT_TEMPLATE, encoding="utf-8")
    # 6. Data
    (copy / "data" / "events").mkdir()
    (copy / "data" / "events" / "qi-morning.yml").write_text(
        EVENT_DATA.format(id="qi-morning", title="A QI morning", trust=trust), encoding="utf-8")


def _copy_project(tmp_path):
    copy = tmp_path / "project"
    top_level = {".git", ".venv", "site", "build", ".hypothesis", ".pytest_cache", "tests"}

    def ignore(folder, names):
        skip = {n for n in names if n in {"__pycache__", "node_modules"}}
        return skip | (top_level & set(names) if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, copy, symlinks=True, ignore=ignore)
    shutil.rmtree(copy / "data")
    shutil.copytree(GOOD, copy / "data")
    return copy


def _run(copy, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VALUED_CARE_BUILD": str(copy / "no-build")}
    env.pop("VALUED_CARE_DATA", None)
    return subprocess.run([sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True, check=False)


def test_a_new_kind_following_the_recipe_is_checked_and_gets_its_pages(tmp_path):
    copy = _copy_project(tmp_path)
    trust = sorted(p.stem for p in (copy / "data" / "trusts").glob("*.yml"))[0]
    _follow_the_recipe(copy, trust)

    checked = _run(copy, "-m", "valued_care", "validate")
    assert checked.returncode == 0, checked.stderr
    assert "1 events" in checked.stdout

    built = _run(copy, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr[-3000:]
    page = (tmp_path / "site" / "events" / "qi-morning" / "index.html").read_text(encoding="utf-8")
    assert "A QI morning" in page and "A morning of short talks" in page
    assert "/edit/main/data/events/qi-morning.yml" in page  # edit link to its data file
    assert '"count": 1' in (tmp_path / "site" / "data" / "events.json").read_text(encoding="utf-8")


def test_the_new_kind_s_references_are_checked(tmp_path):
    copy = _copy_project(tmp_path)
    _follow_the_recipe(copy, "no-such-trust")
    checked = _run(copy, "-m", "valued_care", "validate")
    assert checked.returncode == 1
    assert "data/events/qi-morning.yml:4" in checked.stderr and "unknown trust 'no-such-trust'" in checked.stderr
