"""The actor catalogue is built once and cached on disk (language/actors.py): a later process
loads it instead of tokenizing ~28,000 phrases, and a damaged cache is rebuilt, never fatal."""

from __future__ import annotations

from importlib import resources

from frontline.language import actors
from frontline.language.nlp import get_nlp, parse


def _load(monkeypatch, tmp_path):
    monkeypatch.setenv("FRONTLINE_CACHE_DIR", str(tmp_path))
    actors.get_catalogue.cache_clear()
    try:
        return actors.get_catalogue()
    finally:
        actors.get_catalogue.cache_clear()


def _names(doc):
    return [(a.name, a.text) for a in actors.find_actors(doc)]


def test_cached_catalogue_finds_the_same_actors_as_a_fresh_build(monkeypatch, tmp_path):
    doc = parse(["Russian forces shelled Kharkiv, the Kremlin said, as President Zelensky met the US "
                 "defence secretary in Kyiv."])[0]
    fresh = _load(monkeypatch, tmp_path)
    files = list(tmp_path.glob("actors-*.pickle"))
    assert len(files) == 1  # written by the first build
    cached = _load(monkeypatch, tmp_path)
    assert cached is not fresh and cached.patterns == fresh.patterns and cached.entries == fresh.entries
    monkeypatch.setattr(actors, "get_catalogue", lambda: cached)
    from_cache = _names(doc)
    monkeypatch.setattr(actors, "get_catalogue", lambda: fresh)
    assert from_cache == _names(doc)
    assert len(from_cache) >= 3  # forces, the Kremlin, Zelensky, the US defence secretary


def test_damaged_cache_is_rebuilt(monkeypatch, tmp_path):
    data = resources.files("frontline.data").joinpath("actors.toml").read_bytes()
    monkeypatch.setenv("FRONTLINE_CACHE_DIR", str(tmp_path))
    path = actors._cache_path(data, get_nlp())
    path.write_bytes(b"not a pickle")
    cat = _load(monkeypatch, tmp_path)
    assert len(cat.entries) > 100
    assert actors._load_cached(path) is not None  # replaced by a good one
