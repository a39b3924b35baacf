"""Links between the site's pages and files (valued_care/urls.py): relative_path gives what posixpath.relpath gives
for the site's clean paths, without its normalising."""
from __future__ import annotations

import itertools
import posixpath

from valued_care.urls import relative_path

PATHS = ["", "index.md", "finder.md?topic=x", "case-studies/x.md", "case-studies/y/", "case-studies/index.md",
         "trusts/a-b/", "pdf/case-studies/x.pdf", "ingredients/culture.html", "a/b/c/d.md", "a/b/", "case-studies"]


def test_relative_path_is_relpath_for_every_pair_of_site_paths():
    for to, page in itertools.product(PATHS, PATHS):
        folder = posixpath.dirname(page)
        assert relative_path(to, folder) == posixpath.relpath(to or ".", folder or "."), (to, folder)
