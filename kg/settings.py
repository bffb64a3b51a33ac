"""Every setting, in one table: (name, default, help). Read from the environment, prefix KG_."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("KG_STORE", "data/store", "Store location: a directory (embedded Oxigraph), or sparql+http://host:port/path for an existing SPARQL 1.1 server."),
    Setting("KG_STORE_UPDATE_URL", "", "With a remote store: its SPARQL update URL (default: the query URL)."),
    Setting("KG_STORE_USER", "", "With a remote store: user name for its updates (HTTP digest or basic)."),
    Setting("KG_STORE_PASSWORD", "", "With a remote store: password for its updates."),
    Setting("KG_BASE_IRI", "https://w3id.org/newskg/id/", "Base IRI of every minted resource."),
    Setting("KG_UPDATE_TOKEN", "", "Bearer token that allows writes; unset means the service is read-only."),
    Setting("KG_QUERY_TIMEOUT", "30", "Seconds a query may run before it is stopped with 503."),
    Setting("KG_MAX_ROWS", "100000", "Most rows a SELECT returns over HTTP."),
    Setting("KG_MAX_BODY", "10485760", "Largest request body accepted, in bytes (larger gets 413)."),
    Setting("KG_SERVICE_ALLOW", "", "Comma-separated hosts that SPARQL SERVICE may call (empty: none)."),
    Setting("KG_WORKERS", "2", "Web server worker processes for `kg serve`."),
    Setting("KG_THREADS", "16", "Request threads per web worker: a request waits for a query worker, not for "
            "a thread, so a lookup is never stuck behind connections that wait for long queries."),
    Setting("KG_QUERY_WORKERS", "2", "Query worker processes per web worker (each query runs in one, killed "
            "at the deadline)."),
    Setting("KG_QUICK_WORKERS", "1", "More query processes per web worker, kept for queries whose shape has lately "
            "answered within 0.1 s (entity pages, DESCRIBE), used when the others are all busy; 0: none."),
    Setting("KG_REORDER_PATHS", "1", "Before a query runs, put the property paths of each block of triple patterns "
            "where they are cheap (the answer is the same); 0: run queries exactly as written."),
    Setting("KG_ANSWER_CACHE_MB", "64", "Memory per web worker for answers kept until the next publish (a query "
            "asked again on the same snapshot is answered from it); 0: none."),
    Setting("KG_CORS_ORIGINS", "*", "Origins allowed to read from the service in a browser (CORS); empty: none."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def load(environ: Mapping[str, str] | None = None, **overrides: Any) -> dict[str, str]:
    """Settings from the environment (or ``environ``), with ``overrides`` applied last."""
    env = os.environ if environ is None else environ
    values = {s.name: env.get(s.name, s.default) for s in SETTINGS}
    for key, value in overrides.items():
        if key not in _BY_NAME:
            raise KeyError(f"unknown setting {key}; known: {', '.join(_BY_NAME)}")
        values[key] = str(value)
    return values
