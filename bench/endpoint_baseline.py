"""The bare baseline of DESIGN.md: Flask + pyoxigraph in gunicorn, queries run in-process, Rust serialization.

    KG_STORE=data/store .venv/bin/gunicorn -w 2 -k gthread --threads 4 -b 127.0.0.1:8001 bench.endpoint_baseline:app

No deadlines, no worker processes, no row cap, no logging: what newskg's extra machinery is measured against.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
from flask import Flask, Response, request

app = Flask(__name__)
_store = Path(os.environ.get("KG_STORE", "data/store"))
STORE = ox.Store.read_only(str(_store / "snapshots" / (_store / "CURRENT").read_text().strip()))


@app.post("/sparql")
def sparql() -> Response:
    result = STORE.query(request.form["query"], use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        return Response(result.serialize(format=ox.RdfFormat.TURTLE), content_type="text/turtle")
    return Response(result.serialize(format=ox.QueryResultsFormat.JSON),
                    content_type="application/sparql-results+json")
