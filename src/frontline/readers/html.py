"""HTML pages: schema.org LiveBlogPosting JSON-LD when the page has it, else article extraction.

Major publishers embed every live-blog post in JSON-LD (`liveBlogUpdate` items with
headline, articleBody and datePublished), which is more reliable than the page's
markup, so it wins. Pages without it go through trafilatura, whose text becomes one
flat block that the cleaning stage segments like copied text.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from functools import lru_cache

import lxml.html
from lxml import etree

from frontline.models import Block, Document

# Elements whose text forms paragraphs when an articleBody or feed entry carries HTML.
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td"}
# Never text of the post: code, embeds, and photo furniture (figures and their captions, asides).
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "form", "button", "figure", "figcaption",
              "aside")
MIN_ARTICLE_CHARS = 40  # less than this extracted from a page is not an article


def read(text: str, *, name: str) -> list[Document]:
    """One Document for the page (live-blog posts as blocks when JSON-LD lists them)."""
    root = parse(text)
    meta = page_metadata(root)
    live = find_live_blog(root)
    if live is not None:
        blocks = live_blog_blocks(live)
        if blocks:
            url = meta["url"] or _text(live.get("url"))
            return [Document(
                doc_id=url or name, title=_text(live.get("headline")) or meta["title"], blocks=blocks,
                source=meta["source"], url=url or None,
                published=parse_datetime(live.get("datePublished")) or meta["published"],
                standfirst=_text(live.get("description")) or meta["description"], format="html",
            )]
    paragraphs = extract_article(text)
    if not paragraphs:
        raise ValueError("no live-blog JSON-LD and no article text found in the page")
    title = meta["title"]
    if paragraphs and title and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # extraction repeats the <h1>
    return [Document(
        doc_id=meta["url"] or name, title=title or (paragraphs[0] if paragraphs else ""),
        blocks=[Block(headline="", paragraphs=paragraphs)], source=meta["source"], url=meta["url"] or None,
        published=meta["published"], standfirst=meta["description"], format="html",
    )]


def parse(text: str) -> lxml.html.HtmlElement:
    """Parse a page leniently; only input lxml cannot make a tree of is an error."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"malformed HTML ({exc})") from None
    if root is None or not len(root):
        raise ValueError("malformed HTML (no elements)")
    return root


# ------------------------------------------------------------------ metadata


def page_metadata(root: lxml.html.HtmlElement) -> dict:
    """Title, canonical URL, publication time, publisher and description from the page head."""
    def meta(*keys: str) -> str:
        for key in keys:
            for attr in ("property", "name", "itemprop"):
                for el in root.xpath(f'//meta[@{attr}="{key}"]'):
                    value = (el.get("content") or "").strip()
                    if value:
                        return value
        return ""

    canonical = next((el.get("href", "").strip() for el in root.xpath('//link[@rel="canonical"]')
                      if el.get("href", "").strip().startswith("http")), "")
    title = meta("og:title", "twitter:title")
    if not title:
        found = root.xpath("//title")
        title = _squash(found[0].text_content()) if found else ""
    h1 = root.xpath("//h1")
    heading = _squash(h1[0].text_content()) if h1 else ""
    if heading and title != heading and title.startswith(heading):
        title = heading  # "<h1> - Site name" in <title>
    published_raw = meta("article:published_time", "datePublished", "date", "pubdate", "publishdate",
                         "DC.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date")
    if not published_raw:
        times = root.xpath('//*[@itemprop="datePublished"]/@datetime | //*[@itemprop="datePublished"]/@content')
        published_raw = times[0] if times else ""
    published = parse_datetime(published_raw)
    source = meta("og:site_name", "application-name")
    description = meta("og:description", "description", "twitter:description")
    for node in json_ld(root):
        if published is None and isinstance(node.get("datePublished"), str) and _is_article(node):
            published = parse_datetime(node["datePublished"])
        if not source and _is_article(node):
            source = _publisher(node)
    if source:
        title = re.sub(rf"\s+[|–—-]\s+{re.escape(source)}\s*$", "", title)
    return {"title": title or heading, "url": canonical or meta("og:url"), "published": published, "source": source,
            "description": description}


def _is_article(node: dict) -> bool:
    return any(t.endswith(("Article", "NewsArticle", "LiveBlogPosting", "BlogPosting", "ReportageNewsArticle"))
               for t in _types(node))


def _publisher(node: dict) -> str:
    pub = node.get("publisher")
    if isinstance(pub, list):
        pub = pub[0] if pub else None
    if isinstance(pub, dict):
        return _text(pub.get("name"))
    return _text(pub)


# ------------------------------------------------------------------ JSON-LD


def json_ld(root: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every JSON object in the page's JSON-LD scripts, including @graph members and nested nodes.

    Broken scripts are repaired where a common slip allows (HTML comments, CDATA,
    trailing commas, raw control characters) and skipped otherwise.
    """
    for script in root.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        data = load_json_ld(script.text or "")
        if data is not None:
            yield from _walk(data, 0)


def load_json_ld(raw: str) -> object | None:
    raw = raw.strip()
    raw = re.sub(r"^\s*(<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)", "", raw)
    raw = re.sub(r"(-->|//\s*\]\]>|\]\]>)\s*$", "", raw).strip().rstrip(";")
    if not raw:
        return None
    for attempt in (raw, re.sub(r",\s*([}\]])", r"\1", raw)):
        try:
            return json.loads(attempt, strict=False)
        except (json.JSONDecodeError, RecursionError):
            continue
    return None


def _walk(node: object, depth: int) -> Iterator[dict]:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key != "liveBlogUpdate" and isinstance(value, (dict, list)):
                yield from _walk(value, depth + 1)


def _types(node: dict) -> list[str]:
    kind = node.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return [k for k in kinds if isinstance(k, str)]


def find_live_blog(root: lxml.html.HtmlElement) -> dict | None:
    """The LiveBlogPosting with the most updates, if the page has one."""
    best: dict | None = None
    for node in json_ld(root):
        if any(t.endswith("LiveBlogPosting") for t in _types(node)):
            if best is None or len(_updates(node)) > len(_updates(best)):
                best = node
    return best


def _updates(node: dict) -> list[dict]:
    updates = node.get("liveBlogUpdate") or []
    if isinstance(updates, dict):
        updates = [updates]
    return [u for u in updates if isinstance(u, dict)] if isinstance(updates, list) else []


def live_blog_blocks(node: dict) -> list[Block]:
    """One Block per liveBlogUpdate, in the page's order, each with its own time."""
    blocks = []
    for update in _updates(node):
        body = update.get("articleBody") or update.get("text") or update.get("description") or ""
        paragraphs = list(_body_paragraphs(body)) if isinstance(body, str) else []
        headline = _squash(_text(update.get("headline")) or _text(update.get("name")))
        if not headline and not paragraphs:
            continue
        when = parse_datetime(update.get("datePublished") or update.get("dateCreated") or update.get("dateModified"))
        blocks.append(Block(headline=headline, paragraphs=paragraphs, published=when, kind="post"))
    return blocks


# A live blog's next snapshot repeats all but a few of its updates: the paragraphs of each update's
# body are remembered in this process (a `watch` keeps them from one poll to the next).
MEMO_UPDATES = 4096


@lru_cache(maxsize=MEMO_UPDATES)
def _body_paragraphs(body: str) -> tuple[str, ...]:
    """The paragraphs of one liveBlogUpdate's body, inline furniture scrubbed."""
    return tuple(scrub(html_to_paragraphs(body)))


# ------------------------------------------------------------------ text


def extract_article(html: str) -> list[str]:
    """Main text of an article page via trafilatura, as paragraphs ([] if nothing found)."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeouts (threads, tests)
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "20")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    try:
        text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False,
                                   favor_recall=True, config=config)
    except Exception:  # noqa: BLE001 - a page trafilatura chokes on is simply one without article text
        text = None
    paragraphs = scrub([p for p in (_squash(x) for x in (text or "").split("\n")) if p])
    return paragraphs if sum(len(p) for p in paragraphs) >= MIN_ARTICLE_CHARS else []


def html_to_paragraphs(value: str) -> list[str]:
    """Paragraphs of an HTML fragment (or of plain text, split on line breaks)."""
    if not re.search(r"<[a-zA-Z/!][^>]*>", value):
        return [p for p in (_squash(x) for x in re.split(r"\n", value)) if p]
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (etree.ParserError, ValueError):
        return [p for p in (_squash(x) for x in re.sub(r"<[^>]+>", "\n", value).split("\n")) if p]
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    for br in root.xpath("//br"):
        br.tail = "\n" + (br.tail or "")
    out: list[str] = []
    _collect(root, out)
    return [p for p in (_squash(x) for part in out for x in part.split("\n")) if p]


def _collect(el: lxml.html.HtmlElement, out: list[str]) -> None:
    """Text of block elements as separate paragraphs; loose inline text joins into its own."""
    loose: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCK_TAGS and not child.xpath(".//p|.//li|.//h2|.//h3"):
            out.append("".join(loose))
            loose = []
            out.append(child.text_content())
        elif tag and child.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote"):
            out.append("".join(loose))
            loose = []
            _collect(child, out)
        elif tag:
            loose.append(child.text_content())
        loose.append(child.tail or "")
    out.append("".join(loose))


def scrub(paragraphs: list[str]) -> list[str]:
    """Paragraphs without inline furniture (photo captions and credits, tweet attributions)."""
    from frontline.cleaning.boilerplate import scrub_inline

    out = []
    for para in paragraphs:
        out.extend(part for part in scrub_inline(para)[0].split("\n") if part)
    return out


def parse_datetime(value: object) -> dt.datetime | None:
    """ISO 8601, RFC 2822 or a bare date; None when absent or unreadable."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        try:
            from dateutil import parser as du

            parsed = du.parse(value)
        except (ImportError, ValueError, OverflowError):
            return None
    if len(value) <= 10 and parsed.hour == 0 and parsed.minute == 0 and "T" not in value:
        parsed = parsed.replace(hour=12)  # a bare date: noon keeps it on that day in any zone
    return parsed


def _text(value: object) -> str:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), "")
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return _squash(value) if isinstance(value, str) else ""


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _same(a: str, b: str) -> bool:
    return _squash(a).lower().rstrip(" .") == _squash(b).lower().rstrip(" .")
