"""The web service: SPARQL 1.1 Protocol at /sparql, health, and the landing page."""
from __future__ import annotations

import time
from typing import Any

import pyoxigraph as ox
from flask import Flask, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from kg import __version__, settings
from kg.errors import KgError
from kg.store import Store

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
SHORT_NAMES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "trig": "application/trig", "nquads": "application/n-quads", "nq": "application/n-quads",
}


def error_response(message: str, status: int, details: Any = None) -> Response:
    """The one JSON error shape of the HTTP API."""
    response = jsonify({"error": message, "status": status, "details": details})
    response.status_code = status
    return response


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (q-values honoured, order kept on ties)."""
    ranges = []
    for index, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q, index))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, q) for media, q, _ in ranges if q > 0]


def negotiate(offered: list[str], default: str) -> str | None:
    """The offered media type the request prefers; ``format``/``output`` parameters win over Accept."""
    wanted = request.args.get("format") or request.args.get("output") or request.form.get("format") \
        or request.form.get("output")
    if wanted:
        wanted = SHORT_NAMES.get(wanted.lower(), wanted.lower())
        return wanted if wanted in offered else None
    accept = parse_accept(request.headers.get("Accept"))
    if not accept:
        return default
    for media, _ in accept:
        if media in ("*/*", "application/*", "text/*"):
            family = media.split("/")[0]
            return default if media == "*/*" or default.startswith(family) else next(
                (o for o in offered if o.startswith(family)), default)
        if media in offered:
            return media
    return None


def _query_text() -> str | list[str]:
    """The query of a GET, form POST or direct POST, as the SPARQL 1.1 Protocol defines them."""
    if request.method == "GET":
        return request.args.getlist("query")
    mimetype = request.mimetype
    if mimetype == "application/x-www-form-urlencoded":
        return request.form.getlist("query")
    if mimetype == "application/sparql-query":
        try:
            return request.get_data().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KgError(f"the query body is not UTF-8 (byte {exc.start})") from exc
    raise KgError(f"unsupported media type {mimetype or 'none'} for a query; use "
                  "application/sparql-query or application/x-www-form-urlencoded")


def _dataset_params() -> tuple[list[str], list[str]]:
    source = request.args if request.method == "GET" or request.mimetype == "application/sparql-query" \
        else request.form
    return source.getlist("default-graph-uri"), source.getlist("named-graph-uri")


def sparql() -> Response:
    if request.method == "GET" and "query" not in request.args:
        return describe_service()
    texts = _query_text()
    if isinstance(texts, list):
        if len(texts) != 1:
            return error_response("exactly one 'query' parameter is required" if texts
                                  else "missing 'query' parameter", 400)
        text = texts[0]
    else:
        text = texts
    default_graphs, named_graphs = _dataset_params()
    store: Store = current_app.extensions["kg_store"]
    result = store.query(text, default_graphs or None, named_graphs or None)
    return _serialize(result)


def _serialize(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Response:
    if isinstance(result, ox.QueryTriples):
        media = negotiate(list(GRAPH_FORMATS), "text/turtle")
        if media is None:
            return error_response("none of the accepted media types can carry an RDF graph", 406,
                                  {"offered": list(GRAPH_FORMATS)})
        body = result.serialize(format=GRAPH_FORMATS[media])
    else:
        media = negotiate(list(RESULT_FORMATS), "application/sparql-results+json")
        if media is None:
            return error_response("none of the accepted media types can carry query results", 406,
                                  {"offered": list(RESULT_FORMATS)})
        if isinstance(result, ox.QueryBoolean) and RESULT_FORMATS[media] in (
                ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV):
            media = "application/sparql-results+json"
        body = result.serialize(format=RESULT_FORMATS[media])
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
    return Response(body, status=200, content_type=media + charset, headers={"Vary": "Accept"})


RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
                  "application/ld+json": "json-ld", "application/trig": "trig", "application/n-quads": "nquads",
                  "text/plain": "nt"}


def describe_service() -> Response:
    """The Service Description, as RDF by content negotiation (Turtle by default)."""
    from kg.describe import service_description

    store: Store = current_app.extensions["kg_store"]
    graphs = store.named_graphs() if store.current_generation() else []
    description = service_description(request.base_url, graphs, bool(current_app.config["KG_UPDATE_TOKEN"]))
    media = negotiate(list(RDFLIB_FORMATS), "text/turtle")
    if media is None:
        return error_response("the service description is available as RDF only", 406,
                              {"offered": list(RDFLIB_FORMATS)})
    return Response(description.serialize(format=RDFLIB_FORMATS[media]), content_type=media + "; charset=utf-8",
                    headers={"Vary": "Accept"})


def health() -> Response:
    store: Store = current_app.extensions["kg_store"]
    generation = store.current_generation()
    return jsonify({"status": "ok" if generation else "empty", "version": __version__, "snapshot": generation})


def index() -> Response:
    return Response(
        "<!doctype html><meta charset=utf-8><title>newskg</title><h1>newskg</h1>"
        "<p>SPARQL endpoint: <a href='/sparql'>/sparql</a></p>", content_type="text/html; charset=utf-8")


def _handle_kg_error(exc: KgError) -> Response:
    return error_response(exc.message, exc.status, exc.details if _jsonable(exc.details) else None)


def _jsonable(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool, list, dict))


def _handle_http_error(exc: HTTPException) -> Response:
    return error_response(exc.description or exc.name, exc.code or 500)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The application; ``test_config`` overrides settings (keys as in kg.settings, e.g. KG_STORE)."""
    app = Flask(__name__)
    config = settings.load(**(test_config or {}))
    app.config.update(config)
    app.config["MAX_CONTENT_LENGTH"] = int(config["KG_MAX_BODY"])
    app.extensions["kg_store"] = Store(config["KG_STORE"])
    app.add_url_rule("/sparql", "sparql", sparql, methods=["GET", "POST"])
    app.add_url_rule("/health", "health", health)
    app.add_url_rule("/", "index", index)
    app.register_error_handler(KgError, _handle_kg_error)
    app.register_error_handler(HTTPException, _handle_http_error)

    @app.before_request
    def _start_timer() -> None:
        g.started = time.perf_counter()

    return app
