"""The store reads its JSON with orjson (store/jsonio.py): the objects must be json.loads's, also
where orjson refuses or reads otherwise what json.dumps may have written."""

from __future__ import annotations

import json
import math
import random

from frontline.store import jsonio


def test_loads_gives_what_json_loads_gives() -> None:
    rng = random.Random(7)
    values = [{"a": [1, 2.5, "x", None, True], "b": {"c": "café \U0001F600"}}, 1e-7, "", -0.0, 5e-324,
              {"evidence": {"start": 0, "end": 12}, "confidence": 0.1 + 0.2},
              [rng.random() * 10 ** rng.randint(-30, 30) for _ in range(2000)],
              [rng.randint(-2**63, 2**64 - 1) for _ in range(2000)],
              # integers beyond 64 bits: orjson would read them as floats
              10**30, -(2**63) - 1, 2**64, {"n": [2**70, "x" * 3]}]
    for value in values:
        raw = json.dumps(value)
        assert repr(jsonio.loads(raw)) == repr(json.loads(raw))
    # what orjson refuses and json.dumps writes: NaN and infinities, lone surrogates
    assert math.isnan(jsonio.loads(json.dumps({"x": float("nan")}))["x"])
    assert jsonio.loads(json.dumps([float("inf")])) == [float("inf")]
    assert jsonio.loads(json.dumps("\ud800")) == "\ud800"
    assert jsonio.loads('{"a": 1, "a": 2}') == {"a": 2}
