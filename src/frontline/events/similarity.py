"""How much two sentences say in the same words: the positive evidence merging and summaries need."""

from __future__ import annotations

import re
from functools import lru_cache

STOP = frozenset("""the and for that with from this have has had was were are been said says will would could
which their they them there than then into onto over under after before about also more most some such its
his her she him who whom what when where while been being not but all any one two three new latest other
told says saying added according""".split())


@lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'’-]+", text.lower())
    return frozenset(w[:5] for w in words if len(w) >= 4 and w not in STOP)


def text_overlap(x: str, y: str) -> float:
    """Share of the shorter text's content words found in the other (stems of five letters)."""
    a, b = _stems(x), _stems(y)
    small = min(len(a), len(b))
    if small < 3:
        return 0.0
    return len(a & b) / small
