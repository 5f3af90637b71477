"""Live-blog history in the API: the change feed, a Server-Sent Events stream, and post revisions
with word-level diffs (which sentences an edit touched, which events rest on them, what was retracted)."""

from __future__ import annotations

import asyncio
import difflib
import json
import re
import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import select

from frontline.store import Store, live
from frontline.store import schema as t
from frontline.store.identity import normalise, registry_events

router = APIRouter()
POLL_SECONDS = 1.0
STREAM_SECONDS = 30.0  # a stream ends after this; EventSource reconnects and resumes from Last-Event-ID
MAX_DIFF_WORDS = 4000  # beyond this a revision is shown whole, not diffed (difflib is quadratic at worst)
_TOKENS = re.compile(r"^\s+|\S+\s*")  # a word with the space after it: runs of changed words stay whole


def word_diff(before: str, after: str) -> list[list[str]]:
    """[op, text] runs (equal | delete | insert) turning `before` into `after`, word by word."""
    a, b = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    if len(a) + len(b) > MAX_DIFF_WORDS:
        return [["delete", before], ["insert", after]]
    out: list[list[str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace") and i2 > i1:
            out.append(["equal" if op == "equal" else "delete", "".join(a[i1:i2])])
        if op in ("insert", "replace") and j2 > j1:
            out.append(["insert", "".join(b[j1:j2])])
    return out


def _store(request: Request) -> Store:
    return request.app.state.store


@router.get("/api/changes", tags=["history"])
def changes(
    request: Request,
    since: Annotated[str | None, Query(description="ISO date or time; only changes at or after it")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> dict:
    """The edit history (SPEC section 6 `changes` lines), oldest first: posts new / edited /
    deleted with their text before and after, events new / updated / retracted."""
    when = None
    if since:
        try:
            when = live.parse_since(since)
        except ValueError:
            raise HTTPException(422, f"since: {since!r} is not an ISO date or time") from None
    items = []
    for row in live.iter_changes(_store(request), when):
        items.append(row)
        if len(items) >= limit:
            break
    return {"since": since, "items": items}


@router.get("/api/stream", tags=["history"], response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}}, "description": "Server-Sent Events"}})
async def stream(request: Request, after: Annotated[int | None, Query(ge=0)] = None) -> StreamingResponse:
    """Server-Sent Events: one `change` event per new / updated / retracted event as it is recorded.

    Starts after the latest change (or after `after`, or the Last-Event-ID a reconnecting
    browser sends), so a page open while `frontline watch` runs learns of each new event.
    """
    store = _store(request)
    resume = request.headers.get("last-event-id", "")
    cursor = int(resume) if resume.isdigit() else after
    if cursor is None:
        cursor = live.last_event_change_id(store)

    async def events() -> AsyncIterator[str]:
        nonlocal cursor
        yield f"retry: 1000\nid: {cursor}\nevent: hello\ndata: {{}}\n\n"
        ends = time.monotonic() + STREAM_SECONDS
        while time.monotonic() < ends and not await request.is_disconnected():
            rows = await asyncio.to_thread(live.event_changes, store, None, cursor)
            for row in rows:
                cursor = row.pop("_seq")
                row.pop("_t", None)
                yield f"id: {cursor}\nevent: change\ndata: {json.dumps(row, ensure_ascii=False)}\n\n"
            if not rows:
                yield ": idle\n\n"
            await asyncio.sleep(POLL_SECONDS)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.get("/api/history", tags=["history"])
def history(
    request: Request,
    document: Annotated[str, Query(description="document id (URL or file name)")],
    post: Annotated[str | None, Query(description="only this post")] = None,
) -> dict:
    """Each post's revisions with a word-level diff of every edit; the sentences that are new
    since the post's first version (events built on them say so); retracted events."""
    store = _store(request)
    with store.engine.connect() as conn:
        if conn.execute(select(t.documents.c.id).where(t.documents.c.id == document)).first() is None:
            raise HTTPException(404, f"no document {document!r}")
        query = (select(t.posts.c.post_id, t.post_revisions.c.change, t.post_revisions.c.headline,
                        t.post_revisions.c.text, t.snapshots.c.ingested_at)
                 .join(t.post_revisions, t.post_revisions.c.post_pk == t.posts.c.pk)
                 .join(t.snapshots, t.snapshots.c.id == t.post_revisions.c.snapshot_id)
                 .where(t.posts.c.document_id == document).order_by(t.post_revisions.c.id))
        if post:
            query = query.where(t.posts.c.post_id == post)
        rows = conn.execute(query).all()
        sentences = conn.execute(select(t.sentences.c.post_id, t.sentences.c.text)
                                 .where(t.sentences.c.document_id == document)).all()
    revisions: dict[str, list[dict]] = {}
    for pid, change, headline, text, at in rows:
        body = live.post_body(headline, text)
        revs = revisions.setdefault(pid, [])
        prev = revs[-1]["text"] if revs else ""
        revs.append({"change": change, "at": live.iso(at), "text": body,
                     "diff": word_diff(prev, body) if change == "edited" else None})
    posts = {}
    for pid, revs in revisions.items():
        if not any(r["change"] == "edited" for r in revs):
            continue
        first = normalise(revs[0]["text"])
        edited = [s for p, s in sentences if p == pid and normalise(s) not in first]
        posts[pid] = {"revisions": revs, "edited_sentences": edited}
    retracted = [{"id": eid, "type": e.get("type"), "status": e.get("status"), "summary": e.get("summary"),
                  "retracted_at": e.get("retracted_at"),
                  "posts": sorted({x["post"] for x in e.get("evidence", []) if x.get("document") == document})}
                 for eid, e in registry_events(store, document=document, retracted_only=True).items()]
    return {"document": document, "edited_posts": posts, "retracted": retracted}
