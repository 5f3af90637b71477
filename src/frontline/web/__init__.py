"""Web app: JSON API (FastAPI) and the static map/timeline front end."""
