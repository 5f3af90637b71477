"""Placeholder until the web issue lands."""


def serve(db: str | None, host: str, port: int) -> None:
    raise SystemExit("frontline serve: the web app is not built yet")
