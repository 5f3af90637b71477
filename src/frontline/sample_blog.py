"""A live blog assembled at run time from real posts of a corpus (../shared), for the benchmark
and the tests that need a big, realistic one; no article text is kept in the repository."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from frontline.cleaning import clean_document
from frontline.readers import ReaderError, read_path


def corpus_posts(folders: list[Path], want: int) -> list[tuple[str, str]]:
    """(headline, body) of up to `want` distinct on-topic posts of the documents in `folders`: a
    live blog's posts as they are; an article becomes one post (its title and first paragraphs)."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for folder in folders:
        for f in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            if f.name == "SOURCE.txt":
                continue
            try:
                docs = read_path(f)
            except ReaderError:
                continue
            for doc in docs:
                for p in clean_document(doc).posts:
                    if p.kind == "teaser" or p.off_topic or not p.text:
                        continue
                    headline = p.headline or doc.title
                    body = p.text if p.headline else "\n".join(p.text.split("\n")[:3])
                    if headline not in seen:
                        seen.add(headline)
                        out.append((headline, body))
                        if len(out) >= want:
                            return out
    return out


def live_blog_page(posts: list[tuple[str, str]], stamps: list[dt.datetime], published: dt.datetime,
                   title: str = "War live") -> str:
    """A live-blog HTML page with the posts as schema.org LiveBlogPosting updates, newest first."""
    data = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "url": "https://example.org/live",
            "headline": title, "datePublished": published.isoformat(),
            "liveBlogUpdate": [{"@type": "BlogPosting", "headline": h, "articleBody": b,
                                "datePublished": s.isoformat()} for (h, b), s in zip(posts, stamps, strict=True)]}
    ld = json.dumps(data).replace("</", "<\\/")
    return f'<!doctype html><html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'
