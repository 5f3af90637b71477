"""Fetch a live blog, article or feed over HTTP(S) for the readers.

A live blog is polled many times, so requests are conditional (the ETag and
Last-Modified of the last answer go back as If-None-Match / If-Modified-Since and a
304 costs nothing), bounded (connect/read timeouts, a size cap enforced while
streaming, at most a few redirects) and every failure is one line that names the URL
and the reason, as `ReaderError` does for files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from frontline import __version__
from frontline.readers import MAX_BYTES, ReaderError

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_REDIRECTS = 5
USER_AGENT = f"frontline/{__version__} (+live-blog timeline; polite polling)"
# Content types a reader can make sense of; anything else (images, PDFs, video) is refused up front.
_TEXTUAL = re.compile(r"^(text/|application/(xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|ld\+json|"
                      r"x-ndjson|jsonl|feed\+json)|[^;]*\+xml)", re.IGNORECASE)


def is_url(value: str) -> bool:
    """True for an http(s) URL (what `ingest` and `watch` fetch instead of opening a file)."""
    return bool(re.match(r"^https?://", value.strip(), re.IGNORECASE))


@dataclass
class Fetched:
    """One answer: the body (None when the server says it has not changed) and its validators."""

    url: str  # the URL asked for: the document's identity across snapshots
    final_url: str  # after redirects
    status: int
    data: bytes | None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch(url: str, *, etag: str | None = None, last_modified: str | None = None,
          client: httpx.Client | None = None, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET `url`, conditionally when validators are given; raise ReaderError with a one-line reason."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,"
               "application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=True, max_redirects=MAX_REDIRECTS)
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 304:
                return Fetched(url, str(resp.url), 304, None, etag, last_modified)
            if resp.status_code >= 400:
                raise ReaderError(url, f"HTTP {resp.status_code} {resp.reason_phrase or ''}".strip())
            ctype = resp.headers.get("content-type", "")
            if ctype and not _TEXTUAL.match(ctype.strip()):
                raise ReaderError(url, f"not text content ({ctype.split(';')[0].strip()})")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ReaderError(url, _too_large(int(declared), max_bytes))
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ReaderError(url, _too_large(size, max_bytes, partial=True))
                chunks.append(chunk)
            return Fetched(url, str(resp.url), resp.status_code, b"".join(chunks),
                           resp.headers.get("etag"), resp.headers.get("last-modified"), ctype)
    except httpx.TooManyRedirects:
        raise ReaderError(url, f"too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise ReaderError(url, "timed out") from None
    except httpx.InvalidURL as exc:
        raise ReaderError(url, f"invalid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise ReaderError(url, f"network error ({type(exc).__name__}: {exc})") from None
    finally:
        if own:
            client.close()


def _too_large(size: int, limit: int, partial: bool = False) -> str:
    mib = 1024 * 1024
    more = "more than " if partial else ""
    return f"too large ({more}{size / mib:.1f} MB > {limit / mib:.0f} MB limit)"
