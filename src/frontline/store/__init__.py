"""The embedded store: SQLite by default, PostgreSQL by URL, one schema through SQLAlchemy."""

from frontline.store.db import Store, resolve_db_url

__all__ = ["Store", "resolve_db_url"]
