"""A real local web site for the live-blog tests: stdlib http.server in a thread.

Pages can be swapped between polls (a live blog changing), answer with ETags and 304s
like a real server, fail (404, 500), stall (timeouts), redirect, or serve an image.
The live blog below is written for these tests (fictional wording; no publisher's text).
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TITLE = "Ukraine war live: envoys meet in Geneva as strikes continue"

NOVOSELIVKA_V1 = ("Russia's defence ministry claimed on Monday that its troops had captured the village of "
                  "Novoselivka in the Donetsk region.")
# The correction: Kyiv now confirms what Moscow claimed (status claimed -> confirmed, same event).
NOVOSELIVKA_V2 = ("Ukraine's general staff confirmed on Monday that Russian troops had captured the village of "
                  "Novoselivka in the Donetsk region.")

# (headline, body, published) newest first, as live blogs list them.
POSTS_V1 = [
    ("Moscow claims capture of Novoselivka", NOVOSELIVKA_V1, "2025-06-10T09:40:00+00:00"),
    ("Drones hit Kharkiv power plant", "Russian drones struck a power plant in Kharkiv overnight, the regional "
     "governor Oleh Syniehubov said.", "2025-06-10T09:10:00+00:00"),
    ("Envoys meet in Geneva", "Ukrainian and Russian envoys met in Geneva on Monday for a second round of talks, "
     "both delegations confirmed.", "2025-06-10T08:45:00+00:00"),
    ("EU weighs new sanctions", "The European Commission announced new sanctions on Russian banks on Monday.",
     "2025-06-10T08:20:00+00:00"),
    ("Zelensky visits Odesa", "President Volodymyr Zelensky visited Odesa on Sunday, his office said.",
     "2025-06-10T08:00:00+00:00"),
]
NEW_POST = ("Missile strike on Dnipro kills three", "A Russian missile struck an apartment block in Dnipro on "
            "Tuesday night, killing three people, the regional governor said.", "2025-06-11T07:30:00+00:00")
DELETED = POSTS_V1[3]
POSTS_V2 = [NEW_POST, (POSTS_V1[0][0], NOVOSELIVKA_V2, POSTS_V1[0][2])] + POSTS_V1[1:3] + POSTS_V1[4:]


def live_blog_html(posts: list[tuple[str, str, str]], url: str, title: str = TITLE) -> str:
    """A live-blog page whose posts are in schema.org LiveBlogPosting JSON-LD, as publishers embed them."""
    data = {
        "@context": "https://schema.org", "@type": "LiveBlogPosting", "url": url, "headline": title,
        "datePublished": "2025-06-10T07:00:00+00:00",
        "publisher": {"@type": "Organization", "name": "Example News"},
        "liveBlogUpdate": [{"@type": "BlogPosting", "headline": h, "articleBody": b, "datePublished": d}
                           for h, b, d in posts],
    }
    ld = json.dumps(data).replace("</", "<\\/")
    items = "".join(f"<article><h2>{html.escape(h)}</h2><p>{html.escape(b)}</p></article>" for h, b, _ in posts)
    return (f"<!doctype html><html><head><title>{html.escape(title)}</title>"
            f'<script type="application/ld+json">{ld}</script></head>'
            f"<body><h1>{html.escape(title)}</h1>{items}</body></html>")


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    location: str | None = None  # a redirect target
    etag: bool = True


@dataclass
class Site:
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, dict]] = field(default_factory=list)  # (path, headers) of every GET/POST
    posted: list[tuple[str, bytes]] = field(default_factory=list)  # (path, body) of every POST
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: str | bytes, **kw) -> None:
        self.pages[path] = Page(body.encode() if isinstance(body, str) else body, **kw)

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.requests.append((self.path, dict(self.headers)))
                page = site.pages.get(self.path)
                if page is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if page.delay:
                    time.sleep(page.delay)
                etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
                if page.etag and page.status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(page.status)
                if page.location:
                    self.send_header("Location", page.location)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                if page.etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                try:
                    self.wfile.write(page.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                site.requests.append((self.path, dict(self.headers)))
                site.posted.append((self.path, body))
                self.send_response(204)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
