"""frontline: war live blogs in, an evidence-linked timeline of events and claims out."""

__version__ = "0.1.0"
