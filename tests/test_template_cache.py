"""Compiled templates kept between builds (template_cache.py): used again only for the same source compiled the same
way, and kept where no pull request can put a file."""
from __future__ import annotations

import os
import stat

import jinja2
import pytest

from valued_care import paths
from valued_care.template_cache import keep_compiled


def _env(folder, cache, **filters) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True)
    env.filters.update(filters)
    return keep_compiled(env, "test", str(cache))


def _never_compile(env: jinja2.Environment) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")
    env.compile = refuse  # type: ignore[method-assign]


@pytest.fixture
def folders(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "cache").mkdir()
    (tmp_path / "t" / "page.j2").write_text("<p>{{ name | shout }}</p>")
    return tmp_path / "t", tmp_path / "cache"


def shout(value):
    return str(value).upper()


@jinja2.pass_context
def shout_in_context(context, value):
    return str(value).upper() + "!"


def test_a_second_build_loads_the_compiled_template_instead_of_compiling_it(folders):
    templates, cache = folders
    assert _env(templates, cache, shout=shout).get_template("page.j2").render(name="a&b") == "<p>A&amp;B</p>"
    again = _env(templates, cache, shout=shout)
    _never_compile(again)
    assert again.get_template("page.j2").render(name="x") == "<p>X</p>"


def test_a_changed_template_is_compiled_again(folders):
    templates, cache = folders
    _env(templates, cache, shout=shout).get_template("page.j2").render(name="x")
    (templates / "page.j2").write_text("<h1>{{ name | shout }}</h1>")
    assert _env(templates, cache, shout=shout).get_template("page.j2").render(name="x") == "<h1>X</h1>"


def test_a_filter_that_now_takes_the_context_compiles_the_template_again(folders):
    """Jinja decides at compile time whether a filter is given the context: code compiled for the old filter
    would call the new one wrongly, so another kind of filter means another cache file."""
    templates, cache = folders
    _env(templates, cache, shout=shout).get_template("page.j2").render(name="x")
    assert _env(templates, cache, shout=shout_in_context).get_template("page.j2").render(name="x") == "<p>X!</p>"


def test_compiled_templates_are_kept_in_jinjas_private_folder_outside_the_project():
    env = keep_compiled(jinja2.Environment(), "test")
    folder = env.bytecode_cache.directory  # type: ignore[union-attr]
    assert not os.path.realpath(folder).startswith(os.path.realpath(paths.ROOT))
    mode = os.lstat(folder)
    assert stat.S_ISDIR(mode.st_mode) and stat.S_IMODE(mode.st_mode) == 0o700 and mode.st_uid == os.getuid()
