"""One-line summaries a person would write: the post's headline when it tells this event,
else a short sentence built from type, agent and place."""

from __future__ import annotations

import re

from frontline.events.similarity import text_overlap
from frontline.events.triggers import find_triggers
from frontline.models import EventMention, Post

_PREFIX = re.compile(r"^(watch|revealed|live|video|analysis|explained|opinion|breaking|exclusive)\s*:\s*", re.I)
MAX_WORDS = 22


def summarise(mention: EventMention, post: Post) -> str:
    headline = _PREFIX.sub("", post.headline).strip()
    # the headline only when it tells this event: same kind, and in some of the sentence's words
    if headline and any(h.type == mention.type for h in find_triggers(headline)) and \
            text_overlap(headline, mention.evidence.text) >= 0.3:
        return headline
    return _from_sentence(mention)


def _from_sentence(mention: EventMention) -> str:
    """The evidence sentence itself, trimmed: quotes and attributions make poor summaries."""
    text = mention.evidence.text.strip().strip("“”\"'")
    text = re.sub(r"^(but|and|however|meanwhile|in addition|also|yet),?\s+", "", text, flags=re.I)
    text = re.sub(r",?\s+(he|she|they|it|the \w+|officials?)\s+(said|says|added|told [\w ]+)\.?$", "", text)
    words = text.split()
    if len(words) > MAX_WORDS:
        text = " ".join(words[:MAX_WORDS]).rstrip(",;:") + "…"
    text = text.rstrip(".")
    return text[:1].upper() + text[1:] if text else mention.type
