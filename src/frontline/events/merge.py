"""Merge mentions of the same real-world event."""

from __future__ import annotations

from frontline.models import Event, EventMention


def merge_mentions(mentions: list[EventMention]) -> list[Event]:
    return []
