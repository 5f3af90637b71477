"""Exports: events as JSONL (SPEC section 6), ACLED-style CSV and GeoJSON; posts as JSONL."""

from frontline.exports.formats import TYPE_MAPPING, write_events, write_posts

__all__ = ["TYPE_MAPPING", "write_events", "write_posts"]
