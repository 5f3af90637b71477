"""Events: mentions from annotated sentences, merged into one event per real-world event."""

from frontline.events.extract import extract_mentions
from frontline.events.merge import merge_mentions

__all__ = ["extract_mentions", "merge_mentions"]
