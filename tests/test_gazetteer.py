"""The offline gazetteer (language/gazetteer.py): built from pip-installed GeoNames data into
SQLite, with regions and countries as entries of their own and a normalised name index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontline.language import gazetteer
from frontline.language.gazetteer import Gazetteer, normalize, split_admin_suffix


def test_normalize_folds_case_diacritics_apostrophes_and_hyphens() -> None:
    assert normalize("Kramators’k") == normalize("kramatorsk")
    assert normalize("Łódź") == "lodz"
    assert normalize("Chasiv-Yar") == "chasiv yar"
    assert normalize("  Bila   Tserkva ") == "bila tserkva"
    assert normalize("La.") != normalize("La")  # "La." is Louisiana, "La" is not


def test_split_admin_suffix() -> None:
    assert split_admin_suffix("kursk region") == ("kursk", "region")
    assert split_admin_suffix("rapides parish") == ("rapides", "parish")
    assert split_admin_suffix("kursk") is None


def test_build_writes_a_database_with_regions_that_have_coordinates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sub" / "gazetteer.sqlite"
    monkeypatch.setenv(gazetteer.ENV_VAR, str(target))
    assert gazetteer.default_path() == target
    path = gazetteer.build(force=True)
    assert path == target and path.stat().st_size > 1_000_000
    assert not list(target.parent.glob(".gazetteer-*"))  # the temporary file was renamed away
    with sqlite3.connect(path) as con:
        lat, lon, cc = con.execute(
            "SELECT lat, lon, country FROM places WHERE feature = 'admin1' AND name = 'Kursk Oblast'"
        ).fetchone()
    assert cc == "RU" and 50.5 < lat < 52.5 and 34.5 < lon < 38.5
    g = Gazetteer(path)
    assert g.count("country") > 200 and g.count("admin1") > 3000
    # an up-to-date gazetteer is not rebuilt
    mtime = path.stat().st_mtime_ns
    assert gazetteer.build() == path and path.stat().st_mtime_ns == mtime


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer.get_gazetteer()


def test_renamed_places_share_one_entry(gaz: Gazetteer) -> None:
    def ids(name: str) -> set[str]:
        return {e.gazetteer_id for e, _k in gaz.lookup(normalize(name)) if e.country == "UA" and e.feature == "place"}

    assert ids("Kurakhove") & ids("Kurakhovo")
    assert ids("Kyiv") & ids("Kiev")
    assert ids("Bakhmut") & ids("Artemivsk")
    assert ids("Pokrovsk") & ids("Krasnoarmiisk")
    assert ids("Dnipro") & ids("Dnipropetrovsk")


def test_regions_and_countries_are_entries(gaz: Gazetteer) -> None:
    oblast = [e for e, _k in gaz.lookup(normalize("Kursk Oblast")) if e.feature == "admin1"]
    assert oblast and oblast[0].country == "RU"
    donetsk = [e for e, _k in gaz.lookup(normalize("Donetsk region")) if e.feature == "admin1"]
    assert donetsk and donetsk[0].name == "Donetsk Oblast"
    germany = [e for e, _k in gaz.lookup(normalize("Germany")) if e.feature == "country"]
    assert germany and germany[0].country == "DE"


def test_postal_codes_and_regional_demonyms_are_stored_with_their_own_kinds(gaz: Gazetteer) -> None:
    wa = {(e.country, e.feature) for e, k in gaz.lookup("wa") if k == gazetteer.POSTAL}
    assert wa >= {("US", "admin1"), ("AU", "admin1")}  # context decides between them
    ohio = [e for e, k in gaz.lookup("ohioans") if k == gazetteer.DEMONYM]
    assert ohio and ohio[0].feature == "admin1" and ohio[0].country == "US"


def test_admin1_points_come_from_country_points_where_listed(gaz: Gazetteer) -> None:
    virginia = [e for e, _k in gaz.lookup("virginia") if e.feature == "admin1" and e.country == "US"]
    assert virginia and abs(virginia[0].lat - 37.55) < 0.1 and abs(virginia[0].lon + 77.45) < 0.1
