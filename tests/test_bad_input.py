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
    ("latin1.txt", "Caf\u00e9 shelled overnight, officials said.".encode("latin-1"),
     "not UTF-8 text (undecodable byte 0xe9 at offset 3)"),
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
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    with (tmp_path / "huge.txt").open("wb") as fh:
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"x")
    names = ["empty.txt", "broken.jsonl", "latin1.txt", "huge.txt", "bad.bin"]
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
