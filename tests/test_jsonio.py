"""The store reads its JSON with orjson (store/jsonio.py): the objects must be json.loads's, also
where orjson refuses what json.dumps may have written."""

from __future__ import annotations

import json
import math

from frontline.store import jsonio


def test_loads_gives_what_json_loads_gives() -> None:
    values = [{"a": [1, 2.5, "x", None, True], "b": {"c": "café \U0001F600"}}, 10**30, 1e-7, "",
              {"evidence": {"start": 0, "end": 12}, "confidence": 0.1 + 0.2}]
    for value in values:
        raw = json.dumps(value)
        assert repr(jsonio.loads(raw)) == repr(json.loads(raw))
    # what orjson refuses and json.dumps writes: NaN and infinities, lone surrogates
    assert math.isnan(jsonio.loads(json.dumps({"x": float("nan")}))["x"])
    assert jsonio.loads(json.dumps([float("inf")])) == [float("inf")]
    assert jsonio.loads(json.dumps("\ud800")) == "\ud800"
    assert jsonio.loads('{"a": 1, "a": 2}') == {"a": 2}
