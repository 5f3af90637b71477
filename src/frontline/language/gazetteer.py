"""Placeholder until the places work lands."""

from pathlib import Path


def build(force: bool = False) -> Path:
    return Path("(not built yet)")
