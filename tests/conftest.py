from __future__ import annotations

import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "good"
sys.path.insert(0, str(ROOT))


def build_site(out_dir: Path, data_dir: Path | None = None, extra_env: dict | None = None,
               downloads: Path | None = None):
    """Run the real `mkdocs build --strict`, as the README does; return the finished process.

    downloads: a build folder with PDFs and the offline zip to ship; by default none (never the developer's build/).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "VALUED_CARE_BUILD": str(downloads or out_dir.with_name(out_dir.name + "-no-downloads")), **(extra_env or {})}
    if data_dir is not None:
        env["VALUED_CARE_DATA"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_downloads(tmp_path_factory) -> Path:
    """The PDFs and the offline copy, built once per test run from data/ as `make pdf offline` does (about a minute)."""
    from valued_care import paths
    from valued_care.data.loader import load_knowledge_base
    from valued_care.outputs.offline import build_offline_bundle
    from valued_care.outputs.pdf import build_pdfs

    build = tmp_path_factory.mktemp("build")
    build_pdfs(load_knowledge_base(paths.DATA), build / "pdf", stream=io.StringIO())
    build_offline_bundle(build, stream=io.StringIO())
    return build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, built_downloads) -> Path:
    """The real site, built once per test run from data/, with its PDFs and offline copy."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(out, downloads=built_downloads)
    assert result.returncode == 0, result.stderr[-4000:]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == []
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, one for the whole run (browser tests: @pytest.mark.browser)."""
    from quality.browser import launch  # the flags that keep Chromium from calling home, in one place

    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served(built_site):
    """built_site over http on 127.0.0.1 (a free port): its address, ending in /."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def real_kb():
    """The real data, loaded and checked once for every test that reads it."""
    from valued_care.data.loader import load_knowledge_base

    return load_knowledge_base(ROOT / "data", root=ROOT)


@pytest.fixture
def good_data(tmp_path) -> Path:
    """A private copy of the small valid data set, for tests that add or break files."""
    target = tmp_path / "data"
    shutil.copytree(GOOD, target)
    return target


@pytest.fixture(scope="session")
def quality_site(built_site):
    """The built site as the quality gates see it (tests/quality): its pages and its published address."""
    from quality.site import BuiltSite, configured_site_url

    return BuiltSite(built_site, configured_site_url())


@pytest.fixture(scope="session")
def site_crawl(quality_site, chromium):
    """Every page and page state visited once in headless Chromium, audited with axe-core and with every request
    recorded; shared by the accessibility and privacy gates."""
    from quality.crawl import crawl_site

    return crawl_site(chromium, quality_site)
