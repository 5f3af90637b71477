"""Bad input: a one-line ReaderError naming the file and the reason, and nothing stored is harmed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontline.readers import MAX_BYTES, ReaderError, read_bytes, read_path

GOOD_TEXT = ("Shelling reported near the river\n"
             "Troops shelled the town of Testville on Monday, local officials said.\n"
             "Two houses were damaged, they added.\n")


def _error(path: Path) -> str:
    with pytest.raises(ReaderError) as err:
        read_path(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return message


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n  ", "empty file"),
    ("nul.bin", b"Title\x00\x01\x02\x03 data", "binary data (NUL bytes)"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary data (a PNG image)"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary data (a PDF document)"),
    ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14]) * 20, "binary data (control characters)"),
    ("page.html", b"<html><body><div><p></div></span><<>>", "no live-blog JSON-LD and no article text"),
    ("bad.json", b'{"url": "https://e.com/x", "text": "unterminated', "line 1: not JSON"),
    ("lines.jsonl", b'{"text": "fine line of text"}\n{"text": }\n', "line 2: not JSON"),
    ("sitemap.xml", b"<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>", "neither an RSS/Atom feed"),
])
def test_bad_files(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in _error(path)


def test_fifty_megabytes_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: nothing is written to disk
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"x")
    assert "too large (50.0 MB > 20 MB limit)" in _error(path)
    with pytest.raises(ReaderError, match="too large"):
        read_bytes(b"a" * (MAX_BYTES + 1), "huge-in-memory.txt")


def test_missing_file_and_directory(tmp_path):
    assert "No such file or directory" in _error(tmp_path / "absent.txt")
    assert "Is a directory" in _error(tmp_path)


def test_declared_charset_is_honoured():
    page = ('<html><head><meta charset="windows-1251"><title>Новини</title></head><body><article>'
            '<p>Війська відбили атаку біля міста в понеділок, повідомили військові.</p>'
            '<p>Другий абзац статті про події на фронті.</p></article></body></html>')
    [doc] = read_bytes(page.encode("windows-1251"), "ua.html")
    assert doc.title == "Новини"
    assert any("Війська відбили атаку" in p for p in doc.blocks[0].paragraphs)


def test_mojibake_is_repaired():
    garbled = "Talks resume â€“ officials\nThe envoy said\u00c2\u00a0Monday itâ€™s â€œcloseâ€\u009d.\n"
    [doc] = read_bytes(garbled.encode(), "m.txt")
    assert doc.title == "Talks resume – officials"
    assert doc.blocks[0].paragraphs == ["The envoy said\u00a0Monday it’s “close”."]


# ------------------------------------------------------------------ the command line


@pytest.fixture(scope="module")
def cli():
    from frontline import cli as cli_module

    cli_module.err.width = 1000  # as in a wide terminal: rich would wrap a long path at 80 columns
    app = cli_module.app
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(app, list(args))
        output = result.output + (result.stderr if result.stderr_bytes is not None
                                  and result.stderr not in result.output else "")
        return result.exit_code, output

    return run


def test_cli_reports_bad_file_and_keeps_good_one(tmp_path, cli):
    from frontline.store import Store

    db = str(tmp_path / "t.db")
    good, bad = tmp_path / "good.txt", tmp_path / "bad.bin"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    bad.write_bytes(b"\x00\x01\x02binary")
    code, output = cli("ingest", str(good), str(bad), "--db", db)
    assert code != 0
    errors = [line for line in output.splitlines() if "bad.bin" in line]
    assert len(errors) == 1 and "binary data" in errors[0]
    assert "good.txt: new" in output
    counts = Store(db).table_counts()
    assert counts["documents"] == 1 and counts["posts"] >= 1

    # Bad inputs of every kind, later: the stored document is untouched.
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.jsonl").write_text(json.dumps({"text": "ok text"}) + "\n{broken\n", encoding="utf-8")
    (tmp_path / "controls.txt").write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14]) * 20)
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"x")
    names = ["empty.txt", "broken.jsonl", "controls.txt", "huge.txt", "bad.bin"]
    code, output = cli("ingest", *(str(tmp_path / n) for n in names), "--db", db)
    assert code != 0
    for name in names:
        assert sum(1 for line in output.splitlines() if name in line) == 1, (name, output)
    assert Store(db).table_counts() == counts

    # Re-ingesting the good file with a bad one beside it changes nothing either.
    code, output = cli("ingest", str(good), str(bad), "--db", db)
    assert code != 0 and "0 new, 0 updated, 1 unchanged, 1 failed" in output
    assert Store(db).table_counts() == counts


def test_utf16_with_byte_order_mark_is_text():
    [doc] = read_bytes("Title line\nTroops advanced near the village, officials said.\n".encode("utf-16"), "w.txt")
    assert doc.title == "Title line"


# ------------------------------------------------------------------ twenty hostile inputs, end to end

_PROSE = "Troops shelled the town near the river on Monday, officials said. "
_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
                     for i in range(1, 10))
           + ']>\n<rss version="2.0"><channel><title>Feed</title><item><title>Strike on city</title>'
           '<link>https://feed.example/a</link><description>Troops shelled the town. &lol9;</description>'
           '</item></channel></rss>')
_XXE = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<rss version="2.0"><channel><title>Feed</title><item><title>Strike on city</title>'
        '<link>https://feed.example/b</link><description>Troops shelled the town. &xxe;</description>'
        '</item></channel></rss>')
_FURNITURE_INSIDE = (_PROSE * 120 + "The bulletin is delivered to your inbox every morning, the governor said. "
                     + "Aid groups urged donors to donate now. " + _PROSE * 120)
_ALL_FURNITURE = "Shelling near the river\nComments\nSign up to our newsletter\nJoin our commenting forum\n"
_FEED_ALL_FURNITURE = ('<rss version="2.0"><channel><title>Feed</title><item><title>Promo</title>'
                       '<link>https://feed.example/c</link><description>Comments</description></item></channel></rss>')

# name, bytes, and either ("error", words in the one-line message) or ("stored", text the posts must hold)
HOSTILE = [
    ("empty.txt", b"", ("error", "empty file")),
    ("blank.txt", b" \n\t\n  ", ("error", "empty file")),
    ("nul.bin", b"Title\x00\x01\x02\x03 data", ("error", "binary data (NUL bytes)")),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), ("error", "a PNG image")),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ("error", "a PDF document")),
    ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14]) * 20, ("error", "control characters")),
    ("latin1.txt", "Café shelled overnight\nLe président a déclaré très tôt que l'armée résiste.\n".encode("latin-1"),
     ("stored", "Le président a déclaré très tôt que l'armée résiste.")),
    ("utf16le.txt", ("Shelling near the river\n" + _PROSE + "\n").encode("utf-16-le"), ("stored", _PROSE.strip())),
    ("utf16be.txt", ("Shelling near the river\n" + _PROSE + "\n").encode("utf-16-be"), ("stored", _PROSE.strip())),
    ("cp1251.txt", "Обстріл біля річки\nВійська обстріляли місто біля річки в понеділок, повідомили військові.\n"
     .encode("cp1251"), ("stored", "Війська обстріляли місто")),
    ("single-line-5mb.txt", ("shelling near the town " * 220_000).encode()[:5_000_000],
     ("stored", "shelling near the town " * 50)),
    ("paragraph-15kb.txt", ("Fighting near the river\n" + _FURNITURE_INSIDE + "\n").encode(),
     ("stored", _FURNITURE_INSIDE.strip())),
    ("billion-laughs.xml", _LAUGHS.encode(), ("error", "entity 'lol' declared")),
    ("xxe.xml", _XXE.encode(), ("error", "entity 'xxe' declared pointing at 'file:///etc/passwd'")),
    ("page.html", b"<html><body><div><p></div></span><<>>", ("error", "no article text")),
    ("bad.json", b'{"url": "https://e.com/x", "text": "unterminated', ("error", "line 1: not JSON")),
    ("lines.jsonl", b'{"text": "fine line of text"}\n{"text": }\n', ("error", "line 2: not JSON")),
    ("sitemap.xml", b"<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>", ("error", "neither an RSS")),
    ("furniture.txt", _ALL_FURNITURE.encode(), ("error", "nothing left after cleaning")),
    ("furniture-feed.xml", _FEED_ALL_FURNITURE.encode(), ("error", "nothing left after cleaning")),
    # Nested deeper than the HTML parser goes: refused in one line, not a crash (RecursionError) or a hang.
    ("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"<p>" + _PROSE.encode() * 3 + b"</p></body></html>",
     ("error", "no article text")),
    ("one-line.txt", _PROSE.encode(), ("stored", _PROSE.strip())),
]


def test_there_are_twenty_hostile_inputs():
    assert len(HOSTILE) >= 20


def _snapshot_of_good(db: str) -> dict:
    """Every stored row of the good document, to prove bad input later changes none of it."""
    from sqlalchemy import select

    from frontline.store import Store
    from frontline.store import schema as t

    store = Store(db)
    with store.engine.connect() as conn:
        rows = {name: [tuple(r) for r in conn.execute(select(tbl).where(tbl.c.document_id == "good.txt")
                                                      .order_by(*tbl.primary_key.columns))]
                for name, tbl in (("snapshots", t.snapshots), ("posts", t.posts), ("sentences", t.sentences),
                                  ("mentions", t.mentions))}
        rows["document"] = [tuple(r) for r in conn.execute(select(t.documents).where(t.documents.c.id == "good.txt"))]
    store.engine.dispose()
    return rows


@pytest.fixture(scope="module")
def good_db(tmp_path_factory, cli) -> tuple[str, dict]:
    folder = tmp_path_factory.mktemp("good")
    db = str(folder / "t.db")
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, output = cli("ingest", str(folder / "good.txt"), "--db", db)
    assert code == 0, output
    return db, _snapshot_of_good(db)


@pytest.mark.parametrize("name, data, expect", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_input_is_stored_whole_or_refused_in_one_line(tmp_path, cli, good_db, name, data, expect):
    from sqlalchemy import select

    from frontline.store import Store
    from frontline.store import schema as t

    db, good_rows = good_db
    path = tmp_path / name
    path.write_bytes(data)
    store = Store(db)
    with store.engine.connect() as conn:
        before = set(conn.execute(select(t.documents.c.id)).scalars())
    code, output = cli("ingest", str(path), "--db", db)
    with store.engine.connect() as conn:
        new_docs = set(conn.execute(select(t.documents.c.id)).scalars()) - before
        texts = [r for d in new_docs for r in conn.execute(
            select(t.posts.c.headline, t.posts.c.text).where(t.posts.c.document_id == d))]
    store.engine.dispose()
    kind, words = expect
    mentions = [line for line in output.splitlines() if name in line]
    if kind == "error":
        assert code == 1, output
        errors = [line for line in mentions if line.startswith("error:")]
        assert len(errors) == 1 and words in errors[0], output
        assert not new_docs  # nothing half-stored
    else:
        assert code == 0, output
        assert len(new_docs) == 1 and texts, output
        stored = "\n".join(f"{h}\n{x}" for h, x in texts)
        assert words in stored
        assert "&lol" not in stored and "root:" not in stored
        assert sum(len(x) for _, x in texts) >= len(words)
    assert _snapshot_of_good(db) == good_rows  # nothing stored earlier changed
