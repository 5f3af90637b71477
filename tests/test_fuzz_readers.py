"""Fuzzing the readers and the cleaning (a few hundred cases here; bench/fuzz_readers.py runs thousands).

Whatever the bytes, reading either gives documents or raises the reader's one-line ReaderError, and
cleaning each document either gives at least one post holding text or says why not (EmptyDocument):
no other exception, and never a silent empty document.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from frontline.ingest import EmptyDocument, clean_or_refuse
from frontline.readers import ReaderError, read_bytes
from fuzz_inputs import hostile_inputs

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True,
                database=None)


def check_one(name: str, data: bytes) -> str:
    """The outcome of one input: "stored", "refused" or "empty" (said so); anything else raises."""
    try:
        docs = read_bytes(data, name)
    except ReaderError as exc:
        message = str(exc)
        assert "\n" not in message and message.startswith(f"{name}: ") and len(message) < 2000, message
        return "refused"
    assert docs, "a reader returned no document without saying why"
    outcome = "stored"
    for doc in docs:
        try:
            clean = clean_or_refuse(doc)
        except EmptyDocument as exc:
            assert "\n" not in str(exc)
            outcome = "empty"
            continue
        assert clean.posts and clean.text.strip(), "a document with nothing in it"
        assert all(p.headline.strip() or p.text.strip() for p in clean.posts)
    return outcome


@FUZZ
@given(hostile_inputs())
def test_readers_and_cleaning_never_fail_silently(case):
    name, data = case
    check_one(name, data)
