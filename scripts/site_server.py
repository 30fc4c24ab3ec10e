"""A built site served on 127.0.0.1 under PREFIX, as a host serves it: the tests' servers
(tests/conftest.py) and the benchmarks' (`make benchmark-pages`). Only the standard library,
so that what needs only the build's install can use it too."""

from __future__ import annotations

import gzip
import io
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Served under a path prefix, as on a real host, so that links that ignore it are caught.
PREFIX = "/integritet/"


class QuietServer(ThreadingHTTPServer):
    """A server that lets a browser drop a connection (a request it no longer needs, as
    it leaves a page) without printing a traceback; any other error still prints one."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Serving:
    """start() and stop() for what serves with ``httpd`` in a thread of its own: the site
    servers here and the tests' stand-in for the form's endpoint."""

    httpd: ThreadingHTTPServer
    serving: threading.Thread | None = None

    def start(self) -> None:
        self.serving = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.serving.start()

    def stop(self) -> None:
        """Stop serving, if it started (shutdown() would wait forever for a server that
        never did: a test that failed before serving would hang in its cleanup)."""
        if self.serving is not None:
            self.httpd.shutdown()
            self.serving = None
        self.httpd.server_close()


class SiteServer(Serving):
    """A static host for a built site on 127.0.0.1, under PREFIX, with per-language 404s."""

    def __init__(self, site_dir: Path, handler_class: type | None = None) -> None:
        self.site_dir = site_dir
        handler = partial(handler_class or PrefixHandler, site_dir=site_dir)
        self.httpd = QuietServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + PREFIX


class PrefixHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, site_dir: Path, **kwargs) -> None:
        self.site_dir = site_dir
        super().__init__(*args, directory=str(site_dir), **kwargs)

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX):
            return str(self.site_dir / "__outside_prefix__")
        return super().translate_path("/" + path[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code != 404:
            return super().send_error(code, message, explain)
        page = self.site_dir / "en" / "404.html"
        if not self.path.startswith(PREFIX + "en/") or not page.is_file():
            page = self.site_dir / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        body = self.encoded(body)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def encoded(self, body: bytes) -> bytes:
        """An error page's body as it is sent (after its Content-Type, before its length)."""
        return body

    def log_message(self, *args) -> None:
        pass


# Text types worth compressing, as a host's gzip setting would list them.
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GzipServer(SiteServer):
    """A built site on 127.0.0.1 under PREFIX, text responses gzipped when the client asks.

    ``root_robots``: the site's robots.txt is the host's too (/robots.txt), as where the site is
    the host's root (integritet.seom.se): crawlers, and Lighthouse, read it only there."""

    def __init__(self, site_dir: Path, *, root_robots: bool = False) -> None:
        super().__init__(site_dir, _RootRobotsHandler if root_robots else _GzipHandler)


class _GzipHandler(PrefixHandler):
    def encoded(self, body: bytes) -> bytes:
        """The 404 page gzipped too, as a host sends it."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return body
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        return gzip.compress(body, compresslevel=6)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _RootRobotsHandler(_GzipHandler):
    def translate_path(self, path: str) -> str:
        if path.split("?", 1)[0] == "/robots.txt":
            return str(self.site_dir / "robots.txt")
        return super().translate_path(path)
