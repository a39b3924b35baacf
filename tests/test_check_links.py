"""The weekly external link check, against a local server: what counts as broken, and the report it writes."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import GOOD
from scripts import check_links
from valued_care.data.loader import load_knowledge_base


class Handler(BaseHTTPRequestHandler):
    def _answer(self, with_body: bool):
        if self.path == "/ok":
            code = 200
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        elif self.path == "/no-head" and self.command == "HEAD":
            code = 405
        elif self.path == "/no-head":
            code = 200
        else:
            code = 404
        self.send_response(code)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_answers_redirects_and_servers_that_refuse_head(server):
    results = {r.url.rsplit("/", 1)[1]: r for r in check_links.check_all(
        [f"{server}/ok", f"{server}/moved", f"{server}/no-head", f"{server}/gone"], workers=2, timeout=5)}
    assert results["ok"].ok and results["moved"].ok and results["no-head"].ok
    assert not results["gone"].ok and results["gone"].status == 404


def test_no_answer_is_reported_as_broken():
    result = check_links.check("http://127.0.0.1:9/nothing-listens-here", timeout=2)
    assert not result.ok and result.status is None and result.error


def test_report_lists_only_broken_links_with_the_files_citing_them(server):
    cited = {f"{server}/ok": ["data/a.yml"], f"{server}/gone": ["data/case_studies/b.yml", "data/c.yml"]}
    text = check_links.report(check_links.check_all(list(cited), workers=2, timeout=5), cited)
    assert text.startswith("## External links: 1 of 2 answered")
    assert f"| {server}/gone | HTTP 404 | data/case_studies/b.yml, data/c.yml |" in text
    assert f"{server}/ok |" not in text


def test_links_come_from_sources_and_resources():
    kb = load_knowledge_base(GOOD)
    cited = check_links.cited_links(kb)
    assert cited["https://example.org/case"] == ["data/case_studies/example-case.yml"]
    assert any(files[0].startswith("data/resources/") for files in cited.values())
