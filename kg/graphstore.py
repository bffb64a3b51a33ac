"""SPARQL 1.1 Graph Store HTTP Protocol at /store: ?graph=IRI or ?default; GET, HEAD, PUT, POST, DELETE.

Reads go through the query workers (deadline, snapshot isolation); writes need the update token and
replace or extend a graph in one transaction. Bodies are parsed with pyoxigraph's strict parsers.
"""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from flask import Response, current_app, request

from kg.errors import InputError, KgError, NotFound, QueryTimeout
from kg.protocol import ProtocolError, UnsupportedMediaType
from kg.store import Store, _ntriples
from kg.workers import GRAPH_FORMATS, Deadline, QueryFailed, QueryJob, QueryPool

DEFAULT = ""  # the store's default graph, in a QueryJob's default_graphs


def target() -> str:
    """The graph a request addresses: an IRI, or DEFAULT for ?default."""
    graphs = request.args.getlist("graph")
    if "default" in request.args and not graphs:
        return DEFAULT
    if len(graphs) == 1 and "default" not in request.args:
        iri = graphs[0]
        if not iri or any(c in iri for c in "<>\" {}|\\^`") or ":" not in iri:
            raise ProtocolError(f"graph={iri!r} is not an absolute IRI")
        return iri
    raise ProtocolError("address one graph: ?graph=IRI or ?default")


def parse_body(graph: str) -> list[ox.Quad]:
    """The request body as quads in ``graph``; 415 for an unknown media type, 400 with line and column
    for a syntax error. Nothing is fetched while parsing."""
    fmt = ox.RdfFormat.from_media_type(request.mimetype or "")
    if fmt is None or fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        offered = ", ".join(m for m in GRAPH_FORMATS if m not in ("application/n-quads", "application/trig"))
        raise UnsupportedMediaType(f"cannot read a graph from {request.mimetype or '(no media type)'}; "
                                   f"send one of {offered}")
    into = ox.DefaultGraph() if graph == DEFAULT else ox.NamedNode(graph)
    try:
        return [ox.Quad(q.subject, q.predicate, q.object, into)
                for q in ox.parse(request.get_data(), format=fmt, base_iri=graph or request.base_url)]
    except SyntaxError as exc:
        line, column = (exc.args[1][1], exc.args[1][2]) if len(exc.args) > 1 and exc.args[1] else (None, None)
        raise InputError(f"the body is not valid {fmt.name}: {exc.args[0]}",
                         {"line": line, "column": column}) from exc


def _exists(graph: str) -> bool:
    if graph == DEFAULT:
        return True
    store: Store = current_app.extensions["kg_store"]
    pool: QueryPool = current_app.extensions["kg_pool"]
    job = QueryJob(store.snapshot_dir(), f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                   results_media="application/sparql-results+json")
    _, _, body, _ = pool.run(job)
    return b"true" in b"".join(body)


def get_graph() -> Response:
    from kg.serve import negotiate

    graph = target()
    media = negotiate(list(GRAPH_FORMATS), "text/turtle")
    if media is None:
        from kg.serve import error_response

        return error_response("none of the accepted media types can carry an RDF graph", 406,
                              {"offered": list(GRAPH_FORMATS)})
    store: Store = current_app.extensions["kg_store"]
    pool: QueryPool = current_app.extensions["kg_pool"]
    try:
        if not _exists(graph):
            raise NotFound(f"no graph <{graph}> in the store")
        job = QueryJob(store.snapshot_dir(), "CONSTRUCT WHERE { ?s ?p ?o }", (graph,), graph_media=media)
        media, _, body, _ = pool.run(job)
    except Deadline as exc:
        raise QueryTimeout(str(exc)) from exc
    except QueryFailed as exc:
        raise KgError(exc.message) from exc
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
    return Response(body, content_type=media + charset, headers={"Vary": "Accept"})


def write_graph(replace: bool) -> Response:
    from kg.serve import require_token

    require_token()
    graph = target()
    quads = parse_body(graph)
    store: Store = current_app.extensions["kg_store"]
    existed = _exists(graph) if store.current_generation() else False
    name = "DEFAULT" if graph == DEFAULT else f"GRAPH <{graph}>"
    parts = [f"DROP SILENT {name}"] if replace else []
    if quads:
        body = _ntriples(quads)
        parts.append(f"INSERT DATA {{ {'' if graph == DEFAULT else f'GRAPH <{graph}> {{'}\n{body}\n"
                     f"{'' if graph == DEFAULT else '}'} }}")
    if parts:
        with store.transaction() as writer:
            writer.update(" ;\n".join(parts))
    return Response(status=204 if existed else 201,
                    headers={} if existed or graph == DEFAULT else {"Location": request.url})


def delete_graph() -> Response:
    from kg.serve import require_token

    require_token()
    graph = target()
    store: Store = current_app.extensions["kg_store"]
    if not _exists(graph):
        raise NotFound(f"no graph <{graph}> in the store")
    with store.transaction() as writer:
        writer.update("DROP SILENT DEFAULT" if graph == DEFAULT else f"DROP SILENT GRAPH <{graph}>")
    return Response(status=204)


def graph_store() -> Any:
    if request.method in ("GET", "HEAD"):
        return get_graph()
    if request.method == "PUT":
        return write_graph(replace=True)
    if request.method == "POST":
        return write_graph(replace=False)
    return delete_graph()
