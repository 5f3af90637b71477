"""`frontline doctor`: is the database whole, are its derived events up to date, what does it hold.

Every check is a query that should return nothing; each row it returns is a problem a user can
act on (the engine's own integrity check, rows pointing at nothing, documents with no text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, and_, exists, func, select

from frontline.store import schema as t
from frontline.store.db import Store

MAX_LISTED = 5  # examples shown per problem


@dataclass
class Report:
    database: str
    integrity: list[str] = field(default_factory=list)  # problems; empty means whole
    events_stale: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.events_stale

    def as_dict(self) -> dict:
        return {"database": self.database, "ok": self.ok, "integrity": self.integrity,
                "events_stale": self.events_stale, "counts": self.counts}


def examine(store: Store) -> Report:
    report = Report(database=store.where())
    with store.engine.connect() as conn:
        report.integrity.extend(_engine_check(conn))
        report.integrity.extend(_orphans(conn))
        report.events_stale = store.events_stale(conn)
    report.counts = store.table_counts()
    return report


def _engine_check(conn: Connection) -> list[str]:
    """SQLite checks its own pages and foreign keys; a PostgreSQL server does that itself."""
    if conn.dialect.name != "sqlite":
        return []
    problems = []
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems.extend(f"sqlite integrity_check: {r}" for r in rows[:MAX_LISTED])
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if fk:
        problems.append(f"{len(fk)} row(s) break a foreign key (first: table {fk[0][0]}, row {fk[0][1]})")
    return problems


def _orphans(conn: Connection) -> list[str]:
    d, s, p, e, ev = t.documents, t.snapshots, t.posts, t.events, t.event_evidence
    live_post = select(p.c.pk).where(p.c.document_id == d.c.id, p.c.deleted_snapshot.is_(None))
    checks = [
        ("document(s) without a single current post (stored with no text)",
         select(d.c.id).where(~exists(live_post))),
        ("document(s) whose current snapshot is missing",
         select(d.c.id).where(~exists(select(s.c.id).where(and_(s.c.id == d.c.current_snapshot,
                                                                s.c.document_id == d.c.id))))),
        ("event evidence row(s) pointing at a document that is not stored",
         select(ev.c.event_id).where(~exists(select(d.c.id).where(d.c.id == ev.c.document_id)))),
        ("event(s) without evidence", select(e.c.id).where(~exists(select(ev.c.id).where(ev.c.event_id == e.c.id)))),
    ]
    problems = []
    for what, query in checks:
        n = conn.execute(select(func.count()).select_from(query.subquery())).scalar()
        if n:
            first = [str(r[0])[:120] for r in conn.execute(query.limit(MAX_LISTED))]
            problems.append(f"{n} {what}: {', '.join(first)}")
    return problems
