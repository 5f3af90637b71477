"""Cleaning: boilerplate out, posts segmented and classified, sentences split, repeats linked."""

from frontline.cleaning.pipeline import clean_document

__all__ = ["clean_document"]
