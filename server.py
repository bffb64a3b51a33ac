"""WSGI entry point: ``gunicorn server:app``."""
from kg.serve import create_app

app = create_app()
