"""Who is speaking (events/similarity.py): one key per voice however the text names it."""

from __future__ import annotations

from frontline.events.similarity import voices_apart


def test_two_named_voices_are_apart_but_a_bare_role_or_an_outlet_is_not() -> None:
    assert voices_apart("Ukraine’s navy", "western officials")
    assert not voices_apart("the official", "the ministry")
    assert not voices_apart("Reuters", "Ukraine’s navy")
