"""The `frontline` command line (SPEC section 5)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import signal
import sys
import threading
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from frontline import __version__

app = typer.Typer(
    help="frontline: war live blogs in, an evidence-linked, geolocated, dated timeline of events and claims out.",
    no_args_is_help=True,
    add_completion=False,
)
export_app = typer.Typer(help="Export stored events or posts to stdout.", no_args_is_help=True)
app.add_typer(export_app, name="export")
err = Console(stderr=True, soft_wrap=True)

DB_HELP = "Database: a SQLite path or a postgresql:// URL (default: $FRONTLINE_DB, else your data directory)."


def _version(value: bool) -> None:
    if value:
        typer.echo(f"frontline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", help="Print frontline's version and exit.",
                                 callback=_version, is_eager=True),
) -> None:
    """frontline: war live blogs in, an evidence-linked, geolocated, dated timeline of events and claims out."""


def _say(message: str) -> None:
    err.print(f"frontline: {message}", highlight=False, markup=False)


def _store(db: str | None, *, read: bool = False):
    """Open the store. Read commands (read=True) refuse a SQLite file that does not exist rather than
    create an empty one, and first rebuild events left stale by an interrupted run."""
    from frontline.store import Store
    from frontline.store.db import resolve_db_url, sqlite_path

    if read:
        path = sqlite_path(resolve_db_url(db, create=False))
        if path is not None and not path.is_file():
            err.print(f"frontline: no database at {escape(str(path))} (nothing ingested there yet: "
                      "check --db or $FRONTLINE_DB)", highlight=False, soft_wrap=True)
            raise typer.Exit(2)
    try:
        store = Store(db, on_wait=_say)
    except Exception as exc:  # noqa: BLE001
        reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:300]
        err.print(f"frontline: cannot open database {escape(db or '')}: {escape(reason)}", highlight=False,
                  soft_wrap=True)
        raise typer.Exit(2) from None
    if read:
        from frontline.ingest import ensure_events

        try:
            ensure_events(store, say=_say)
        except Exception as exc:  # noqa: BLE001 - reading stays possible; say what is wrong
            _say(f"events are out of date and could not be rebuilt ({type(exc).__name__}: "
                 f"{' '.join(str(exc).split())[:200]}); run `frontline doctor --fix`")
    return store


def _check_choices(values: list[str], allowed: tuple[str, ...], option: str) -> None:
    """The values SPEC allows, as the API checks them: a typo is an error, not an empty answer."""
    items = [v.strip() for value in values for v in value.split(",") if v.strip()]
    bad = [v for v in items if v not in allowed]
    if bad:
        raise typer.BadParameter(f"unknown value {bad[0]!r}; use one of: {', '.join(allowed)}", param_hint=option)


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option) from None


def _index_dates(paths: list[Path]) -> dict[Path, tuple[str | None, str | None]]:
    """Publication dates and publishers from an index.tsv next to the files (file, published, source)."""
    found: dict[Path, tuple[str | None, str | None]] = {}
    for folder in {p.parent for p in paths}:
        index = folder / "index.tsv"
        if not index.is_file():
            continue
        try:
            with index.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    if row.get("file"):
                        found[folder / row["file"]] = (row.get("published"), row.get("source"))
        except (OSError, UnicodeDecodeError, csv.Error):
            continue
    return found


def _expand(paths: list[Path]) -> list[Path]:
    """Files of the given folders: those an index.tsv lists when there is one, else every visible file."""
    out: list[Path] = []
    for p in paths:
        if not p.is_dir():
            out.append(p)
            continue
        listed = [f for f in _index_dates([p / "index.tsv"]) if f.is_file()]
        if listed:
            out.extend(sorted(listed))
        else:
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")))
    return out


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders or http(s) URLs: text, HTML, RSS/Atom feeds or "
                                      "JSON Lines."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (the DCT)."),
    source: str | None = typer.Option(None, "--source", help="Publisher name, e.g. 'The Independent'."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1,
                                help="Parse and extract on this many processes (one writer stores)."),
    cluster: str | None = typer.Option(None, "--cluster",
                                       help="Parse and extract on a Dask cluster, e.g. tcp://HOST:8786."),
) -> None:
    """Read live blogs or articles, extract events and store them.

    Example: frontline ingest seeds/000_2751e2997e1bbdf6.txt --published 2025-03-16

    Parallel: frontline ingest corpus/ --workers 2, or --cluster tcp://HOST:8786 with
    a dask scheduler and workers running (the workers need frontline installed).

    Ingesting the same document twice changes nothing; a newer snapshot of the same
    live blog records only new, edited and deleted posts. A file that cannot be read
    is reported on one line and the others are still ingested (exit code 1). A URL is
    fetched (conditionally, when it was fetched before) and identifies the document.
    """
    day = _parse_date(published, "--published")
    from frontline.ingest import FileSpec, ingest_files, ingest_url, rebuild_events
    from frontline.readers.fetch import is_url

    urls = [item for item in paths if is_url(item)]
    files = _expand([Path(item) for item in paths if not is_url(item)])
    index = _index_dates(files) if day is None or source is None else {}
    store = _store(db)
    failures = 0
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    specs = []
    for path in files:
        file_day, file_source = day, source
        if path in index:
            idx_day, idx_source = index[path]
            if file_day is None and idx_day:
                try:
                    file_day = dt.datetime.fromisoformat(idx_day.replace("Z", "+00:00"))
                except ValueError:
                    file_day = None
            file_source = file_source or idx_source
        specs.append(FileSpec(path, file_day, file_source))
    total = len(files) + len(urls)
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=total < 2) as progress:
        task = progress.add_task("ingesting", total=total)

        def done(outcome) -> None:
            nonlocal failures
            progress.advance(task)
            if outcome.error:
                failures += 1
                err.print("[red]error:[/red]", escape(outcome.error), soft_wrap=True, highlight=False)
            for r in outcome.results:
                counts[r.status] += 1
                if total < 2 or r.status != "unchanged":
                    err.print(_result_line(r), highlight=False, markup=False)

        for url in urls:
            done(ingest_url(store, url, published=day, source=source, rebuild=False))
        # Events are rebuilt once, after the batch, by this process (the one writer).
        try:
            ingest_files(store, specs, on_done=done, rebuild=False, workers=workers, cluster=cluster)
        except OSError as exc:  # a cluster that cannot be reached
            err.print(f"[red]frontline: cannot use cluster {escape(cluster or '')}: {escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
    stale = store.events_stale()
    if stale and not (counts["new"] or counts["updated"]):
        _say("events were out of date (an earlier run stopped before rebuilding them); rebuilding them")
    n_events = rebuild_events(store, only_if_stale=True) if counts["new"] or counts["updated"] or stale else None
    summary = f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged"
    if failures:
        summary += f", {failures} failed"
    if n_events is not None:
        summary += f"; {n_events} events"
    err.print(summary, highlight=False)
    if failures:
        raise typer.Exit(1)


def _result_line(r) -> str:
    if r.status == "unchanged":
        return f"{r.document_id}: unchanged"
    return (f"{r.document_id}: {r.status} (+{r.new_posts} new, {r.edited_posts} edited, "
            f"{r.deleted_posts} deleted posts)")


@app.command()
def watch(
    targets: list[str] = typer.Argument(..., help="Live blogs to follow: http(s) URLs or files."),
    every: float = typer.Option(300.0, "--every", min=0.1, help="Seconds between polls of each target."),
    once: bool = typer.Option(False, "--once", help="Poll each target once, then exit."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (the DCT)."),
    source: str | None = typer.Option(None, "--source", help="Publisher name, e.g. 'The Independent'."),
    notify: str | None = typer.Option(None, "--notify", help="POST each new or updated event matching "
                                      "--type/--status/--place to this URL as JSON."),
    type_: list[str] = typer.Option([], "--type", "-t", help="Alert only on these event types (repeatable)."),
    status: list[str] = typer.Option([], "--status", "-s", help="Alert only on these statuses (repeatable)."),
    place: str | None = typer.Option(None, "--place", help="Alert only on events whose place contains this."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Follow live blogs: poll, ingest every changed snapshot, print one line per change
    (new / edited / deleted posts; new / updated / retracted events). Network errors and
    unreadable snapshots are logged and retried with backoff; Ctrl-C stops cleanly.

    Example: frontline watch https://example.org/live --every 120 --notify http://127.0.0.1:9000/hook --type strike
    """
    from frontline.readers.fetch import is_url
    from frontline.watch import Filters, Target, Watcher

    day = _parse_date(published, "--published")
    if notify is not None and not is_url(notify):
        raise typer.BadParameter(f"{notify!r} is not an http(s) URL", param_hint="--notify")
    for target in targets:
        if not is_url(target) and not Path(target).is_file():
            raise typer.BadParameter(f"{target!r} is neither an http(s) URL nor a file", param_hint="TARGETS")
    store = _store(db)
    watcher = Watcher(store, [Target(x) for x in targets], every=every, published=day, source=source,
                      notify=notify, filters=Filters(set(type_), set(status), place), out=sys.stdout,
                      log=lambda line: err.print(line, highlight=False, markup=False, soft_wrap=True))
    stop = threading.Event()

    def interrupted(_signum, _frame) -> None:
        if stop.is_set():  # a second Ctrl-C: leave now
            raise KeyboardInterrupt
        err.print("watch: stopping after the current poll (Ctrl-C again to leave now)", highlight=False)
        stop.set()

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        watcher.run(once=once, stop=stop)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous)
    if stop.is_set():
        err.print("watch: stopped", highlight=False)
        return
    if once and watcher.errors:
        raise typer.Exit(1)


@export_app.command("changes")
def export_changes(
    since: str | None = typer.Option(None, "--since", help="Only changes at or after this ISO time (UTC unless "
                                     "an offset is given)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write the edit history, oldest first, as JSON Lines (SPEC section 6): new / edited /
    deleted posts with the text before and after, and new / updated / retracted events.

    Example: frontline export changes --since 2025-03-16T08:00:00Z
    """
    from frontline.store import live

    when = None
    if since is not None:
        try:
            when = live.parse_since(since)
        except ValueError:
            raise typer.BadParameter(f"{since!r} is not an ISO date or time", param_hint="--since") from None
    for row in live.iter_changes(_store(db), when):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@export_app.command("events")
def export_events(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, geojson or kml (Google Earth)."),
    mapping: bool = typer.Option(False, "--mapping", help="Print the frontline -> ACLED type mapping as CSV "
                                 "(what the csv export's event_type columns mean) and exit."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write every event to stdout.

    Example: frontline export events --format geojson > events.geojson
    """
    from frontline.exports import FORMATS, write_events, write_type_mapping

    if mapping:
        write_type_mapping(sys.stdout)
        return
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use {', '.join(FORMATS)}", param_hint="--format")
    store = _store(db, read=True)
    write_events(store.iter_events(), sys.stdout, fmt)


@export_app.command("posts")
def export_posts(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (the only format for posts)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write every cleaned post (boilerplate removed) to stdout as JSON Lines.

    Example: frontline export posts > posts.jsonl
    """
    from frontline.exports import write_posts

    if fmt != "jsonl":
        raise typer.BadParameter(f"{fmt!r}: posts export only as jsonl", param_hint="--format")
    write_posts(_store(db, read=True).iter_posts(), sys.stdout)


@app.command()
def stats(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Show what the database holds: documents, snapshots, posts, events by type and status.

    Example: frontline stats --json
    """
    data = _store(db, read=True).stats()
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            typer.echo(f"{key}: " + ", ".join(f"{k}={v}" for k, v in sorted(value.items())))
        else:
            typer.echo(f"{key}: {value}")


@app.command()
def version() -> None:
    """Print frontline's version.

    Example: frontline version
    """
    typer.echo(__version__)


gazetteer_app = typer.Typer(help="The offline gazetteer (GeoNames data from PyPI packages).", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    force: bool = typer.Option(False, "--force", help="Rebuild even if the gazetteer exists."),
) -> None:
    """Build the SQLite gazetteer from the GeoNames data installed with frontline.

    Example: frontline gazetteer build --force
    """
    from frontline.language import gazetteer

    path = gazetteer.build(force=force)
    err.print(f"gazetteer: {path}", highlight=False)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Serve the web app (map, timeline, evidence) and the JSON API over the database.

    Example: frontline serve --port 8000, then open http://127.0.0.1:8000
    """
    import socket

    from frontline.web.app import serve as run_server

    _store(db, read=True).engine.dispose()  # refuse a missing database; rebuild stale events first
    try:  # fail now, not after "serving...": uvicorn would bind later and die
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        err.print(f"frontline: cannot serve on {escape(host)}:{port}: {escape(exc.strerror or str(exc))} "
                  "(another server there? pick another with --port)", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    run_server(db=db, host=host, port=port)


@app.command()
def annotate(
    path: Path = typer.Argument(..., help="A live blog or article (text, HTML, feed or JSON Lines)."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (the DCT)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text (readable) or json (one object per sentence)."),
) -> None:
    """Show what frontline understood, sentence by sentence: actors, places, dates,
    attributions and modality. Nothing is stored.

    Example: frontline annotate seeds/004_f2372c87717f34a8.txt --published 2025-01-08
    """
    from frontline.annotate_view import render_annotations
    from frontline.readers import ReaderError, read_path

    if fmt not in ("text", "json"):
        raise typer.BadParameter(f"{fmt!r}: use text or json", param_hint="--format")
    try:
        docs = read_path(path, published=_parse_date(published, "--published"))
    except ReaderError as exc:
        err.print("[red]error:[/red]", escape(str(exc)), soft_wrap=True, highlight=False)
        raise typer.Exit(1) from None
    for doc in docs:
        render_annotations(doc, fmt, sys.stdout)


@app.command()
def events(
    type_: list[str] = typer.Option([], "--type", "-t", help="Only these event types (repeatable)."),
    status: list[str] = typer.Option([], "--status", "-s", help="Only these statuses (repeatable)."),
    since: str | None = typer.Option(None, "--since", help="Only events on or after YYYY-MM-DD."),
    place: str | None = typer.Option(None, "--place", help="Only events whose place or country contains this."),
    limit: int = typer.Option(0, "--limit", help="Show at most this many events (0 = all)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Print the timeline: newest first, grouped by day, status marked.

    Example: frontline events --type strike --status claimed --since 2025-01-01
    """
    from frontline.timeline import print_timeline
    from frontline.web.queries import STATUSES, TYPES

    _check_choices(type_, TYPES, "--type")
    _check_choices(status, STATUSES, "--status")
    type_ = [v.strip() for value in type_ for v in value.split(",") if v.strip()]
    status = [v.strip() for value in status for v in value.split(",") if v.strip()]
    day = _parse_date(since, "--since")
    print_timeline(_store(db, read=True).iter_events(), types=set(type_), statuses=set(status), since=day, place=place,
                   limit=limit)


@app.command()
def doctor(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    fix: bool = typer.Option(False, "--fix", help="Rebuild events that are out of date."),
    full: bool = typer.Option(False, "--full", help="With --fix: merge every mention again, not only what "
                              "changed (the same events; for after a suspected bug)."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Check the database: integrity, rows pointing at nothing, events out of date, and counts.
    Exit 1 when something is wrong.

    Example: frontline doctor --fix
    """
    from frontline.ingest import rebuild_events
    from frontline.store.db import resolve_db_url, sqlite_path
    from frontline.store.doctor import examine

    path = sqlite_path(resolve_db_url(db, create=False))
    if path is not None and not path.is_file():
        err.print(f"frontline: no database at {escape(str(path))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    store = _store(db)
    if fix and full:
        _say(f"rebuilt {rebuild_events(store, full=True)} events from all mentions")
    elif fix and store.events_stale():
        _say(f"rebuilt {rebuild_events(store, only_if_stale=True)} events")
    report = examine(store)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        typer.echo(f"database: {report.database}")
        typer.echo("integrity: " + ("ok" if not report.integrity else f"{len(report.integrity)} problem(s)"))
        for problem in report.integrity:
            typer.echo(f"  - {problem}")
        typer.echo("events: " + ("OUT OF DATE (run `frontline doctor --fix` or any read command to rebuild)"
                                 if report.events_stale else "up to date"))
        typer.echo("counts: " + ", ".join(f"{k}={v}" for k, v in report.counts.items()))
    if not report.ok:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="A folder of gold .toml files (SPEC section 7)."),
    verbose: bool = typer.Option(True, "--verbose/--quiet", help="List misses and false events."),
) -> None:
    """Score frontline against gold: ingest the documents the gold names (with their published
    dates) into a temporary database and print ../shared/eval/score.py's report.

    Example: frontline eval --gold ../shared/gold/dev
    """
    from frontline.evaluation import run_eval

    raise typer.Exit(run_eval(gold, verbose=verbose))


# ---------------------------------------------------------------- territorial control


@app.command()
def control(
    date: str | None = typer.Option(None, "--date", help="Who holds what on this day YYYY-MM-DD (default: latest)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (SPEC section 6) or geojson."),
    place: str | None = typer.Option(None, "--place", help="Instead: this place's history of changes."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Who holds each place the capture and withdrawal events speak of, on a date.

    Example: frontline control --date 2025-01-08 ; frontline control --place Kurakhove
    """
    from frontline.control.from_events import control_geojson, control_on, find_place, history, load_changes

    day = _parse_date(date, "--date")
    if fmt not in ("jsonl", "geojson"):
        raise typer.BadParameter(f"{fmt!r}: use jsonl or geojson", param_hint="--format")
    changes = load_changes(_store(db).engine)
    if place is not None:
        hits = find_place(changes, place)
        if not hits:
            err.print(f"no capture or withdrawal speaks of {escape(place)!r}", highlight=False)
            raise typer.Exit(1)
        for key in dict.fromkeys(c.place_key for c in hits):
            group = [c for c in hits if c.place_key == key and (day is None or c.date <= day)]
            typer.echo(json.dumps({"place": group[0].place if group else hits[0].place,
                                   "changes": history(group)}, ensure_ascii=False))
        return
    states = control_on(changes, day)
    if fmt == "geojson":
        typer.echo(json.dumps(control_geojson(states), ensure_ascii=False))
        return
    for s in states:
        typer.echo(json.dumps(s.to_json(), ensure_ascii=False))


reference_app = typer.Typer(help="Reference control maps (dated polygons of what a party holds).",
                            no_args_is_help=True)
app.add_typer(reference_app, name="reference")


@reference_app.command("import")
def reference_import(
    paths: list[Path] = typer.Argument(..., help="GeoJSON files or folders of them, one file per date."),
    name: str = typer.Option(..., "--name", help="The reference's name, e.g. deepstate."),
    held_by: str = typer.Option(..., "--held-by", help="The party the polygons are held by, e.g. Russia."),
    covers: str | None = typer.Option(None, "--covers", help="ISO country the map covers, e.g. UA."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Load dated polygon maps (GeoJSON (Multi)Polygons; the date in the file name as YYYYMMDD
    or YYYY-MM-DD, or a `date` property). Re-importing the same files changes nothing.

    Example: frontline reference import ../shared/data/deepstate-occupied --name deepstate --held-by Russia --covers UA
    """
    from frontline.control.reference import import_paths

    if covers is not None and not re.fullmatch(r"[A-Za-z]{2}", covers):
        raise typer.BadParameter(f"{covers!r} is not a two-letter country code", param_hint="--covers")
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in (".geojson", ".json")))
        else:
            files.append(p)
    if not files:
        err.print("no GeoJSON files given", highlight=False)
        raise typer.Exit(1)
    results = import_paths(_store(db).engine, files, name, held_by, covers)
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
        if r.status == "error":
            err.print("[red]error:[/red]", escape(r.message), highlight=False)
    err.print(f"{name}: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())), highlight=False)
    if counts.get("error"):
        raise typer.Exit(1)


@reference_app.command("list")
def reference_list(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """The reference maps stored, with their dates.

    Example: frontline reference list
    """
    from frontline.control.reference import list_references

    for r in list_references(_store(db).engine):
        typer.echo(json.dumps(r))


@app.command()
def check(
    reference: str | None = typer.Option(None, "--reference", help="The reference map (default: the only one)."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (SPEC section 6) or text."),
    verdict: list[str] = typer.Option([], "--verdict", help="Only these verdicts (repeatable)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Every capture and withdrawal with a place, checked against a reference control map:
    consistent, ahead_of_map, contradicted or outside_reference.

    Example: frontline check --reference deepstate --format text
    """
    from frontline.control.check import VERDICTS, check_events
    from frontline.control.from_events import territorial_events
    from frontline.control.reference import ReferenceIndex

    if fmt not in ("jsonl", "text"):
        raise typer.BadParameter(f"{fmt!r}: use jsonl or text", param_hint="--format")
    bad = [v for v in verdict if v not in VERDICTS]
    if bad:
        raise typer.BadParameter(f"{bad[0]!r}: use one of {', '.join(VERDICTS)}", param_hint="--verdict")
    store = _store(db)
    try:
        ref = ReferenceIndex.load(store.engine, reference)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from None
    for v in check_events(ref, territorial_events(store.engine)):
        if verdict and v.verdict not in verdict:
            continue
        if fmt == "text":
            typer.echo(f"{v.date}  {v.verdict:<17} {v.place} ({v.claimed_controller or '?'}, {v.event})  "
                       + v.sentence(ref.held_by))
        else:
            typer.echo(json.dumps(v.to_json(), ensure_ascii=False))


train_app = typer.Typer(help="Train frontline's learned components from gold files.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@train_app.command("types")
def train_types(
    gold: list[Path] = typer.Option(..., "--gold", help="A folder of gold .toml files (repeatable)."),
    out: Path = typer.Option(..., "--out", help="Directory to write the model to."),
    exclude: list[str] = typer.Option([], "--exclude", help="Leave out this gold document (repeatable)."),
    seed: int = typer.Option(8, "--seed", help="Random seed (training is deterministic)."),
) -> None:
    """Train the sentence event-type classifier (SPEC types plus "none") on the sentences of gold documents.

    Example: frontline train types --gold ../shared/gold/dev --gold ../shared/gold/guardian --out model/
    """
    from frontline.events.learned import train
    from frontline.readers import ReaderError
    from frontline.training import GoldError, examples, gold_documents

    try:
        docs = gold_documents(gold, exclude)
    except (GoldError, ReaderError) as exc:
        err.print("[red]error:[/red]", escape(str(exc)), soft_wrap=True, highlight=False)
        raise typer.Exit(2) from None
    data = examples(docs)
    if not data:
        err.print("[red]error:[/red] no training sentences (every document excluded?)")
        raise typer.Exit(2)
    report = train(data, out, seed=seed)
    counts = ", ".join(f"{k}={v}" for k, v in report.labels.items() if v)
    err.print(f"trained on {report.examples} sentences of {len(docs)} documents ({counts}) in "
              f"{report.seconds:.1f}s; model: {out}", highlight=False, markup=False)


@train_app.command("merge")
def train_merge(
    gold: list[Path] = typer.Option(..., "--gold", help="A folder of gold .toml files (repeatable)."),
    out: Path = typer.Option(..., "--out", help="JSON file to write the model to."),
    exclude: list[str] = typer.Option([], "--exclude", help="Leave out this gold document (repeatable)."),
    threshold: float = typer.Option(0.9, "--threshold", help="Probability above which two mentions merge."),
) -> None:
    """Train the same-event pair scorer that merging uses within a document (a logistic regression over
    evidence such as shared words, places, speakers and distance). Measure it with bench/loo_merge.py.

    Example: frontline train merge --gold ../shared/gold/dev --gold ../shared/gold/guardian --out merge_pairs.json
    """
    from frontline.events.train_pairs import train
    from frontline.readers import ReaderError

    missing = [g for g in gold if not g.is_dir()]
    if missing:
        err.print(f"[red]error:[/red] {escape(str(missing[0]))}: no such gold folder", highlight=False)
        raise typer.Exit(2)
    if not 0.0 < threshold < 1.0:
        raise typer.BadParameter("give a probability between 0 and 1", param_hint="--threshold")
    try:
        meta = train(gold, out, exclude, threshold)
    except (FileNotFoundError, ValueError, ReaderError) as exc:
        err.print("[red]error:[/red]", escape(str(exc)), soft_wrap=True, highlight=False)
        raise typer.Exit(2) from None
    err.print(f"trained on {meta['pairs']} mention pairs ({meta['positives']} same event) of "
              f"{len(meta['trained_on'])} documents; model: {out}", highlight=False, markup=False)
