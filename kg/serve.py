"""The web service: SPARQL 1.1 Protocol at /sparql, health, and the landing page."""
from __future__ import annotations

import hmac
import logging
import time
from typing import Any

from flask import Flask, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from kg import __version__, settings
from kg.answers import etag, keepable
from kg.errors import Forbidden, KgError, QueryError, QueryTimeout, Unauthorized
from kg.protocol import apply_update_dataset, check_remote_access, operation
from kg.store import Store
from kg.workers import GRAPH_FORMATS, RESULT_FORMATS, Deadline, QueryFailed, QueryJob, QueryPool

log = logging.getLogger("kg.access")

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


def _negotiate_all() -> tuple[str | None, str | None]:
    return (negotiate(list(RESULT_FORMATS), "application/sparql-results+json"),
            negotiate(list(GRAPH_FORMATS), "text/turtle"))


def sparql() -> Response:
    op = operation(request.method, request.mimetype, request.content_type or "", request.args, request.form,
                   request.get_data(cache=True) if request.method == "POST" and request.mimetype !=
                   "application/x-www-form-urlencoded" else b"")
    if op is None:
        return describe_service()
    allowed = frozenset(h.strip().lower() for h in current_app.config["KG_SERVICE_ALLOW"].split(",") if h.strip())
    check_remote_access(op.text, allowed, op.kind)
    if op.kind == "update":
        return run_update(apply_update_dataset(op.text, op.default_graphs, op.named_graphs))
    store: Store = current_app.extensions["kg_store"]
    results_media, graph_media = _negotiate_all()
    job = QueryJob(store.snapshot_dir(), op.text, tuple(op.default_graphs), tuple(op.named_graphs),
                   base_iri=request.base_url, results_media=results_media, graph_media=graph_media,
                   max_rows=int(current_app.config["KG_MAX_ROWS"]),
                   reorder_paths=current_app.config["KG_REORDER_PATHS"] not in ("0", "false", "no", ""))
    pool: QueryPool = current_app.extensions["kg_pool"]
    tag = etag(job) if request.method == "GET" and getattr(pool, "answers", None) and keepable(job.text) else None
    if tag and request.if_none_match.contains_weak(tag):
        response = Response(status=304, headers={"Vary": "Accept"})
        response.set_etag(tag, weak=True)
        return response
    try:
        media, kind, body, stats = pool.run(job)
    except Deadline as exc:
        raise QueryTimeout(str(exc), {"timeout_seconds": pool.timeout}) from exc
    except QueryFailed as exc:
        if exc.status == 406:
            return error_response(exc.message, 406, {"offered": list(RESULT_FORMATS) + list(GRAPH_FORMATS)})
        raise QueryError(exc.message) if exc.status < 500 else KgError(exc.message) from exc
    g.stats = stats
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
    response = Response(body, status=200, content_type=media + charset, headers={"Vary": "Accept"})
    if tag:
        response.set_etag(tag, weak=True)
    return response


def tokens(setting: str) -> dict[str, str]:
    """KG_UPDATE_TOKEN: one token (its holder is called "editor"), or "name=token" pairs, comma-separated."""
    out = {}
    for part in (p.strip() for p in setting.split(",") if p.strip()):
        name, sep, token = part.partition("=")
        out[token if sep else name] = name if sep else "editor"
    return out


def require_token() -> str:
    """Writes need ``Authorization: Bearer <token>``; without a configured token, none are allowed.
    Returns the name of the token's holder."""
    known = tokens(current_app.config["KG_UPDATE_TOKEN"])
    if not known:
        raise Forbidden("this service is read-only: no KG_UPDATE_TOKEN is configured")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("writing needs the header 'Authorization: Bearer <token>'")
    holder = None
    for token, name in known.items():  # compare with every token, in constant time each
        if hmac.compare_digest(given.strip().encode(), token.encode()):
            holder = name
    if holder is None:
        raise Forbidden("the bearer token is not valid for writing")
    return holder


def run_update(text: str) -> Response:
    require_token()
    store: Store = current_app.extensions["kg_store"]
    with store.transaction() as writer:
        try:
            writer.update(text, base_iri=request.base_url)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, ValueError) as exc:
            raise QueryError(f"update failed: {exc}") from exc
    return Response(status=204)


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


def _report_response(report: Any, status: int, message: str) -> Response:
    """A SHACL report: JSON (the error shape, report in details) or Turtle (sh:ValidationReport) by Accept."""
    media = negotiate(["application/json", "text/turtle", "application/ld+json", "application/n-triples"],
                      "application/json")
    if media in ("text/turtle", "application/ld+json", "application/n-triples"):
        body = report.graph.serialize(format=RDFLIB_FORMATS[media])
        return Response(body, status=status, content_type=media + "; charset=utf-8", headers={"Vary": "Accept"})
    response = error_response(message, status, report.as_dict())
    response.headers["Vary"] = "Accept"
    return response


def _minter() -> Any:
    from kg.mint import Minter

    return Minter(current_app.config["KG_BASE_IRI"])


def validate_submission() -> Response:
    from kg import submissions

    parsed = submissions.parse(request.get_data(), request.mimetype, request.base_url)
    _, report, _ = submissions.checked(parsed, _minter(), "anonymous")
    if report.conforms:
        return jsonify({"conforms": True, "results": []})
    return _report_response(report, 422, f"the submission does not conform to the shapes: "
                                         f"{len(report.results)} problem(s)")


def post_submission() -> Response:
    from kg import submissions
    from kg.errors import ValidationFailed

    who = require_token()
    parsed = submissions.parse(request.get_data(), request.mimetype, request.base_url)
    store: Store = current_app.extensions["kg_store"]
    try:
        iri, graph, triples, created = submissions.submit(store, _minter(), parsed, who)
    except ValidationFailed as exc:
        return _report_response(exc.details, 422, exc.message)
    prov = {str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]: str(o) for p, o in graph.predicate_objects(iri)
            if str(p) != "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"}
    body = {"graph": str(iri), "id": parsed.key, "created": created, "triples": triples, "prov": prov}
    response = jsonify(body)
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"{request.url_root.rstrip('/')}/submissions/{parsed.key}"
    return response


def list_submissions() -> Response:
    from kg.submissions import LIST_QUERY

    store: Store = current_app.extensions["kg_store"]
    pool: QueryPool = current_app.extensions["kg_pool"]
    if store.current_generation() is None:
        return jsonify({"submissions": []})
    _, _, body, _ = pool.run(QueryJob(store.snapshot_dir(), LIST_QUERY))
    import json

    rows = json.loads(b"".join(body))["results"]["bindings"]
    items = [{k: (int(v["value"]) if k == "triples" else v["value"]) for k, v in row.items()} for row in rows]
    for item in items:
        item["id"] = item["graph"].rsplit("/", 1)[-1]
    return jsonify({"submissions": items})


def one_submission(key: str) -> Any:
    from kg import submissions
    from kg.graphstore import get_graph

    if request.method == "DELETE":
        require_token()
        submissions.delete(current_app.extensions["kg_store"], _minter(), key)
        return Response(status=204)
    iri = str(_minter().graph(f"submission/{key}"))
    request.args = request.args.copy()  # type: ignore[misc]
    request.args.setlist("graph", [iri])  # type: ignore[attr-defined]
    return get_graph()


class Metrics:
    """Counters of one web process, in the Prometheus text format (each gunicorn worker keeps its own;
    the ``pid`` label tells them apart)."""

    BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)

    def __init__(self) -> None:
        import os
        import threading

        self.pid = str(os.getpid())
        self.lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = {}
        self.buckets = [0] * (len(self.BUCKETS) + 1)
        self.seconds = 0.0
        self.count = 0

    def observe(self, method: str, endpoint: str, status: int, seconds: float) -> None:
        with self.lock:
            key = (method, endpoint, status)
            self.requests[key] = self.requests.get(key, 0) + 1
            self.count += 1
            self.seconds += seconds
            for i, bound in enumerate(self.BUCKETS):
                if seconds <= bound:
                    self.buckets[i] += 1
            self.buckets[-1] += 1

    def render(self, pool: QueryPool) -> str:
        pid = self.pid
        lines = ["# HELP kg_requests_total HTTP requests by method, endpoint and status.",
                 "# TYPE kg_requests_total counter"]
        with self.lock:
            for (method, endpoint, status), n in sorted(self.requests.items()):
                lines.append(f'kg_requests_total{{pid="{pid}",method="{method}",endpoint="{endpoint}",'
                             f'status="{status}"}} {n}')
            lines += ["# HELP kg_request_seconds Time to answer a request.", "# TYPE kg_request_seconds histogram"]
            for bound, n in zip((*map(str, self.BUCKETS), "+Inf"), self.buckets, strict=True):
                lines.append(f'kg_request_seconds_bucket{{pid="{pid}",le="{bound}"}} {n}')
            lines += [f'kg_request_seconds_sum{{pid="{pid}"}} {self.seconds:.6f}',
                      f'kg_request_seconds_count{{pid="{pid}"}} {self.count}']
        lines += ["# HELP kg_query_workers_killed_total Query workers stopped at the deadline or on disconnect.",
                  "# TYPE kg_query_workers_killed_total counter",
                  f'kg_query_workers_killed_total{{pid="{pid}"}} {pool.killed}',
                  "# HELP kg_query_workers Query worker processes running.", "# TYPE kg_query_workers gauge",
                  f'kg_query_workers{{pid="{pid}"}} {pool.started}',
                  "# HELP kg_quick_lane_queries_total Queries answered by the quick-lane workers.",
                  "# TYPE kg_quick_lane_queries_total counter",
                  f'kg_quick_lane_queries_total{{pid="{pid}"}} {getattr(pool, "quick_answers", 0)}']
        answers = getattr(pool, "answers", None)
        if answers is not None:
            lines += ["# HELP kg_answer_cache_hits_total Queries answered from answers kept for this snapshot.",
                      "# TYPE kg_answer_cache_hits_total counter",
                      f'kg_answer_cache_hits_total{{pid="{pid}"}} {answers.hits}',
                      "# HELP kg_answer_cache_misses_total Keepable queries that had to run.",
                      "# TYPE kg_answer_cache_misses_total counter",
                      f'kg_answer_cache_misses_total{{pid="{pid}"}} {answers.misses}',
                      "# HELP kg_answer_cache_bytes Bytes of answers kept.", "# TYPE kg_answer_cache_bytes gauge",
                      f'kg_answer_cache_bytes{{pid="{pid}"}} {answers.size}']
        return "\n".join(lines) + "\n"


def void() -> Response:
    """VoID + DCAT description of the dataset, computed once per published snapshot."""
    from kg.dataset import dataset_stats, void_graph

    store: Store = current_app.extensions["kg_store"]
    generation = store.current_generation()
    cache = current_app.extensions.setdefault("kg_void", {})
    if generation not in cache:
        cache.clear()
        cache[generation] = dataset_stats(store.reader)
    graph = void_graph(cache[generation], request.url_root, current_app.config["KG_BASE_IRI"])
    media = negotiate(list(RDFLIB_FORMATS), "text/turtle")
    if media is None:
        return error_response("the dataset description is available as RDF only", 406,
                              {"offered": list(RDFLIB_FORMATS)})
    return Response(graph.serialize(format=RDFLIB_FORMATS[media]), content_type=media + "; charset=utf-8",
                    headers={"Vary": "Accept"})


def metrics() -> Response:
    return Response(current_app.extensions["kg_metrics"].render(current_app.extensions["kg_pool"]),
                    content_type="text/plain; version=0.0.4; charset=utf-8")


def index() -> Response:
    """The query editor (YASGUI, served from kg/static/vendor: no outside request) with example queries."""
    from flask import render_template

    from kg.patterns import DATA

    examples = current_app.extensions.get("kg_examples")
    if examples is None:
        import json

        examples = current_app.extensions["kg_examples"] = json.loads(
            (DATA / "examples.json").read_text(encoding="utf-8"))
    return Response(render_template("index.html", examples=examples, endpoint=request.url_root + "sparql"),
                    content_type="text/html; charset=utf-8")


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
    from kg.remote import RemoteRunner, RemoteStore
    from kg.store import open_store

    store = app.extensions["kg_store"] = open_store(config["KG_STORE"], config)
    app.extensions["kg_pool"] = RemoteRunner(store, float(config["KG_QUERY_TIMEOUT"])) if isinstance(
        store, RemoteStore) else QueryPool(
        int(config["KG_QUERY_WORKERS"]), float(config["KG_QUERY_TIMEOUT"]), quick=int(config["KG_QUICK_WORKERS"]),
        cache_bytes=int(float(config["KG_ANSWER_CACHE_MB"]) * 1024 * 1024))
    app.add_url_rule("/sparql", "sparql", sparql, methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
    from kg.graphstore import graph_store

    for path in ("/store", "/rdf-graphs"):
        app.add_url_rule(path, path.strip("/"), graph_store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
    app.add_url_rule("/health", "health", health)
    app.add_url_rule("/metrics", "metrics", metrics)
    app.add_url_rule("/.well-known/void", "void", void)
    from kg import linkeddata

    linkeddata.register(app)
    app.add_url_rule("/validate", "validate", validate_submission, methods=["POST"])
    app.add_url_rule("/submissions", "submissions", list_submissions, methods=["GET"])
    app.add_url_rule("/submissions", "submit", post_submission, methods=["POST"])
    app.add_url_rule("/submissions/<key>", "submission", one_submission, methods=["GET", "HEAD", "DELETE"])
    app.extensions["kg_metrics"] = Metrics()
    app.add_url_rule("/", "index", index)
    app.register_error_handler(KgError, _handle_kg_error)
    app.register_error_handler(HTTPException, _handle_http_error)

    @app.before_request
    def _start_timer() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def _finish(response: Response) -> Response:
        origins = app.config["KG_CORS_ORIGINS"]
        if origins and request.method in ("GET", "HEAD", "POST", "OPTIONS"):
            response.headers.setdefault("Access-Control-Allow-Origin", origins)
            response.headers.setdefault("Access-Control-Allow-Headers", "Accept, Content-Type, Authorization")
            response.headers.setdefault("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        started, method, path, stats = g.started, request.method, request.full_path.rstrip("?"), g.get("stats")
        endpoint = request.url_rule.rule if request.url_rule else "other"

        def _log() -> None:
            seconds = time.perf_counter() - started
            app.extensions["kg_metrics"].observe(method, endpoint, response.status_code, seconds)
            rows = stats.get("rows") if stats else None
            log.info("%s %s %s %.0fms rows=%s", method, path, response.status_code,
                     (time.perf_counter() - started) * 1000, "-" if rows is None else rows)

        response.call_on_close(_log)
        return response

    return app
