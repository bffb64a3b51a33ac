"""The bare baseline of DESIGN.md: Flask + gunicorn + pyoxigraph, queries answered in-process, serialized in Rust.

    KG_STORE=/tmp/store .venv/bin/gunicorn -w 2 -k gthread --threads 4 -b 127.0.0.1:8001 bench.baseline_app:app

It opens the store's newest published snapshot (``KG_STORE/snapshots/$(cat KG_STORE/CURRENT)``) read-only
and answers SPARQL queries at /sparql by GET or form POST (and direct POST), over the union of all graphs.
Nothing else: no worker processes, no deadline, no row cap, no logging, no metrics. It is what newskg's
machinery is measured against, so it is kept as small as a SPARQL endpoint can honestly be.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
from flask import Flask, Response, request

GRAPH_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
                 "application/rdf+xml": ox.RdfFormat.RDF_XML}
RESULT_FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                  "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                  "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}

app = Flask(__name__)
_path = Path(os.environ.get("KG_STORE", "data/store"))
STORE = ox.Store.read_only(str(_path / "snapshots" / (_path / "CURRENT").read_text().strip()))


def _pick(offered: dict, default: str) -> str:
    accept = request.headers.get("Accept", "")
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in offered:
            return media
    return default


@app.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    if request.method == "GET":
        text = request.args.get("query")
    elif request.mimetype == "application/sparql-query":
        text = request.get_data(as_text=True)
    else:
        text = request.form.get("query")
    if not text:
        return Response("no query", status=400)
    try:
        result = STORE.query(text, use_default_graph_as_union=True)
    except SyntaxError as exc:
        return Response(str(exc), status=400)
    if isinstance(result, ox.QueryTriples):
        media = _pick(GRAPH_FORMATS, "text/turtle")
        return Response(result.serialize(format=GRAPH_FORMATS[media]), content_type=media)
    media = _pick(RESULT_FORMATS, "application/sparql-results+json")
    return Response(result.serialize(format=RESULT_FORMATS[media]), content_type=media)
