"""Exports: events as JSONL (SPEC section 6), ACLED-style CSV, GeoJSON and KML; posts as JSONL."""

from frontline.exports.formats import FORMATS, TYPE_MAPPING, write_events, write_posts, write_type_mapping

__all__ = ["FORMATS", "TYPE_MAPPING", "write_events", "write_posts", "write_type_mapping"]
