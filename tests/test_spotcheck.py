"""bench/spotcheck.py: a reproducible, readable sheet of random events, safe against hostile text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _spotcheck():
    spec = importlib.util.spec_from_file_location("frontline_bench_spotcheck", REPO / "bench" / "spotcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sheet_from_a_database_is_reproducible(tmp_path: Path, blog: dict, run_cli) -> None:
    (tmp_path / "blog.txt").write_text(blog["v1"], encoding="utf-8")
    db = str(tmp_path / "f.db")
    assert run_cli("ingest", tmp_path / "blog.txt", "--db", db, "--published", "2030-05-01").exit_code == 0
    spotcheck = _spotcheck()
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    assert spotcheck.main(["--db", db, "--n", "2", "--seed", "8", "--out", str(first)]) == 0
    assert spotcheck.main(["--db", db, "--n", "2", "--seed", "8", "--out", str(second)]) == 0
    text = first.read_text(encoding="utf-8")
    assert text == second.read_text(encoding="utf-8")
    assert text.count("\nverdict:\n") == 2 and text.count("\n## ") == 2
    for field in ("- date:", "- place:", "- sources:", "- summary:", "- evidence:", "*blog.txt*:"):
        assert field in text


def test_sheet_escapes_article_text() -> None:
    event = {"id": "evt_1", "type": "strike", "status": "reported", "summary": "<img src=x onerror=alert(1)>",
             "date": None, "location": None, "actors": [], "sources": [{"name": "[link](javascript:x)"}],
             "evidence": [{"document": "d.txt", "text": "<script>alert(1)</script>\n# not a heading"}]}
    sheet = _spotcheck().sheet([event], 1, 8, "corpus")
    assert "<script>" not in sheet and "<img" not in sheet and "&lt;script&gt;" in sheet
    assert "[link](" not in sheet and "\\[link\\]" in sheet  # brackets escaped: no live link
    assert "\n# not a heading" not in sheet
