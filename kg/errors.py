"""The one error hierarchy: each error carries the exit code and HTTP status it maps to."""
from __future__ import annotations

from typing import Any


class KgError(Exception):
    """Base of every error newskg reports to a person."""

    exit_code = 2
    status = 400

    def __init__(self, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InputError(KgError):
    """The input (article, RDF, query, option) cannot be used as given."""


class UnsupportedLanguage(InputError):
    status = 422


class NotFound(KgError):
    exit_code = 1
    status = 404


class ValidationFailed(KgError):
    """A graph does not conform to the shapes; ``details`` holds the report."""

    exit_code = 1
    status = 422


class QueryError(InputError):
    """A SPARQL query or update that the engine refused."""


class Forbidden(KgError):
    status = 403


class Unauthorized(KgError):
    status = 401


class StoreError(KgError):
    exit_code = 2
    status = 500


class QueryTimeout(KgError):
    status = 503
