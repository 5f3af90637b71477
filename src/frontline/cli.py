"""The `frontline` command line (SPEC section 5)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
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


def _store(db: str | None):
    from frontline.store import Store

    try:
        return Store(db)
    except Exception as exc:  # noqa: BLE001
        err.print(f"[red]frontline: cannot open database {db or ''}: {exc}[/red]")
        raise typer.Exit(2) from None


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
    paths: list[Path] = typer.Argument(..., help="Files or folders: text, HTML, RSS/Atom feeds or JSON Lines."),
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
    dask-scheduler and dask-worker running (the workers need frontline installed).

    Ingesting the same document twice changes nothing; a newer snapshot of the same
    live blog records only new, edited and deleted posts. A file that cannot be read
    is reported on one line and the others are still ingested (exit code 1).
    """
    day = _parse_date(published, "--published")
    from frontline.ingest import FileSpec, ingest_files, rebuild_events

    files = _expand(paths)
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
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("ingesting", total=len(files))

        def done(outcome) -> None:
            nonlocal failures
            progress.advance(task)
            if outcome.error:
                failures += 1
                err.print("[red]error:[/red]", escape(outcome.error), soft_wrap=True, highlight=False)
                return
            for r in outcome.results:
                counts[r.status] += 1
                if len(files) < 2 or r.status != "unchanged":
                    err.print(f"{r.document_id}: {r.status}"
                              + (f" (+{r.new_posts} new, {r.edited_posts} edited, {r.deleted_posts} deleted posts)"
                                 if r.status != "unchanged" else ""), highlight=False, markup=False)

        # Events are rebuilt once, after the batch, by this process (the one writer).
        try:
            ingest_files(store, specs, on_done=done, rebuild=False, workers=workers, cluster=cluster)
        except OSError as exc:  # a cluster that cannot be reached
            err.print(f"[red]frontline: cannot use cluster {escape(cluster or '')}: {escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
    n_events = rebuild_events(store) if counts["new"] or counts["updated"] else None
    summary = f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged"
    if failures:
        summary += f", {failures} failed"
    if n_events is not None:
        summary += f"; {n_events} events"
    err.print(summary, highlight=False)
    if failures:
        raise typer.Exit(1)


@export_app.command("events")
def export_events(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or geojson."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write every event to stdout.

    Example: frontline export events --format geojson > events.geojson
    """
    from frontline.exports import write_events

    if fmt not in ("jsonl", "csv", "geojson"):
        raise typer.BadParameter(f"{fmt!r}: use jsonl, csv or geojson", param_hint="--format")
    store = _store(db)
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
    write_posts(_store(db).iter_posts(), sys.stdout)


@app.command()
def stats(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Show what the database holds: documents, snapshots, posts, events by type and status.

    Example: frontline stats --json
    """
    data = _store(db).stats()
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
    from frontline.web.app import serve as run_server

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

    day = _parse_date(since, "--since")
    print_timeline(_store(db).iter_events(), types=set(type_), statuses=set(status), since=day, place=place,
                   limit=limit)


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
