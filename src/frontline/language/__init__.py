"""Language layer: actors, places, dates, attribution and modality per sentence."""

from frontline.language.annotate import annotate_document

__all__ = ["annotate_document"]
