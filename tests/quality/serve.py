"""Serve a built site on 127.0.0.1 under its published path (e.g. /valued-care/), as GitHub Pages would.

Serving under the real path means root-relative links (the 404 page uses them) resolve as they will when
published, and a link that escapes the site's folder shows up as a failed request.
"""
from __future__ import annotations

import contextlib
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


class _Handler(SimpleHTTPRequestHandler):
    base_path = "/"

    def translate_path(self, path):
        clean = urlsplit(path).path
        if not clean.startswith(self.base_path):
            return str(Path(self.directory) / "\0missing")  # outside the site: not found
        return super().translate_path("/" + clean[len(self.base_path):])

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.exists():  # as GitHub Pages does: the site's own 404 page
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quiet: the tests report what matters
        pass


@contextlib.contextmanager
def serve(root: Path, base_path: str = "/"):
    """Yield the site's address (http://127.0.0.1:PORT/base/) while it is served from a background thread."""
    handler = partial(type("Handler", (_Handler,), {"base_path": base_path}), directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()
