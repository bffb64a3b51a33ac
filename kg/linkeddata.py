"""Linked Data: every minted IRI dereferences (/id/...), the ontology, a JSON-LD context, and VoID/DCAT.

An IRI under KG_BASE_IRI is served at /id/{path} of this service. Browsers get an HTML page (labels,
types, every fact with its provenance, the evidence quote highlighted in its sentence, links out to
Wikidata and GeoNames); RDF clients get Turtle, JSON-LD, N-Triples or RDF/XML by Accept or ?format=.
Everything taken from articles is escaped by Jinja's autoescaping.
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import Response, current_app, render_template, request
from rdflib import Graph

from kg.errors import NotFound, QueryTimeout
from kg.store import Store
from kg.workers import Deadline, QueryJob, QueryPool

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "newskg.ttl"
KG = "https://w3id.org/newskg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_MEDIA = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
             "application/rdf+xml": "xml"}
SHORT = {"ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json",
         "json-ld": "application/ld+json", "json": "application/ld+json", "nt": "application/n-triples",
         "rdf": "application/rdf+xml", "xml": "application/rdf+xml", "html": "text/html"}
PREFIXES = {
    "kg": KG, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#",
    "geo": "http://www.opengis.net/ont/geosparql#", "wd": "http://www.wikidata.org/entity/",
}


def _want(offered: list[str], default: str) -> str | None:
    from kg.serve import SHORT_NAMES, parse_accept

    wanted = request.args.get("format")
    if wanted:
        media = SHORT.get(wanted.lower()) or SHORT_NAMES.get(wanted.lower()) or wanted.lower()
        return media if media in offered else None
    for media, _ in parse_accept(request.headers.get("Accept")) or [("*/*", 1.0)]:
        if media in offered:
            return media
        if media in ("*/*", "text/*") and default in offered:
            return default
        if media == "application/*":
            return next((o for o in offered if o.startswith("application/")), None)
    return None


def _select(query: str) -> list[dict[str, Any]]:
    store: Store = current_app.extensions["kg_store"]
    pool: QueryPool = current_app.extensions["kg_pool"]
    try:
        _, _, body, _ = pool.run(QueryJob(store.snapshot_dir(), query))
    except Deadline as exc:
        raise QueryTimeout(str(exc)) from exc
    return json.loads(b"".join(body))["results"]["bindings"]


def _construct(query: str, media: str) -> tuple[str, Any]:
    store: Store = current_app.extensions["kg_store"]
    pool: QueryPool = current_app.extensions["kg_pool"]
    try:
        media, _, body, _ = pool.run(QueryJob(store.snapshot_dir(), query, graph_media=media))
    except Deadline as exc:
        raise QueryTimeout(str(exc)) from exc
    return media, body


def _local(iri: str) -> str | None:
    """The path of this service that serves ``iri`` (None for IRIs minted elsewhere)."""
    base = current_app.config["KG_BASE_IRI"]
    return "/id/" + iri[len(base):] if iri.startswith(base) else None


def _term(binding: dict[str, str]) -> dict[str, Any]:
    value = binding["value"]
    if binding["type"] == "uri":
        return {"iri": value, "local": _local(value), "short": _short(value)}
    return {"literal": value, "lang": binding.get("xml:lang"), "datatype": _short(binding.get("datatype", ""))}


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and "/" not in iri[len(namespace):]:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


ENTITY_RDF = """CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ BIND(<{iri}> AS ?s) ?s ?p ?o }}
  UNION {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{iri}/")) }}
}}"""
ENTITY_OUT = "SELECT DISTINCT ?p ?o ?label WHERE {{ <{iri}> ?p ?o OPTIONAL {{ ?o <{label}> ?label }} }}"
ENTITY_CHILDREN = """SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{iri}/")) }}"""
ENTITY_IN = """SELECT DISTINCT ?s ?p ?label WHERE {{ ?s ?p <{iri}> OPTIONAL {{ ?s <{label}> ?label }}
  FILTER(?p != <{kg}mentions>) }} LIMIT 500"""
MENTIONED_IN = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a <{kg}mentions> <{iri}> }}"
ARTICLE_TEXT = "SELECT ?text WHERE {{ <{article}> <{kg}text> ?text }} LIMIT 1"


def entity(path: str) -> Response:
    """GET /id/{path}: the resource ``KG_BASE_IRI + path``, as HTML or RDF."""
    iri = current_app.config["KG_BASE_IRI"] + path
    if any(c in iri for c in '<>"{}|\\^` '):
        raise NotFound(f"no resource {iri}")
    offered = ["text/html", *RDF_MEDIA]
    media = _want(offered, "text/html")
    if media is None:
        from kg.serve import error_response

        return error_response("this resource is available as HTML, Turtle, JSON-LD, N-Triples or RDF/XML",
                              406, {"offered": offered})
    outgoing = _select(ENTITY_OUT.format(iri=iri, label=LABEL))
    if not outgoing:
        raise NotFound(f"no resource {iri}")
    headers = {"Vary": "Accept", "Link": f'<{iri}>; rel="canonical"'}
    if media != "text/html":
        media, body = _construct(ENTITY_RDF.format(iri=iri), media)
        charset = "; charset=utf-8" if media.startswith("text/") or media.endswith("json") else ""
        return Response(body, content_type=media + charset, headers=headers)
    return Response(render_template("entity.html", **_page(iri, outgoing)), content_type="text/html; charset=utf-8",
                    headers=headers)


def _page(iri: str, outgoing: list[dict[str, Any]]) -> dict[str, Any]:
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    label, types, same_as, wkt = None, [], [], None
    for row in outgoing:
        predicate, obj = row["p"]["value"], _term(row["o"])
        if row.get("label"):
            obj["label"] = row["label"]["value"]
        if predicate == LABEL and label is None:
            label = obj["literal"]
        elif predicate == RDF_TYPE:
            types.append(obj)
            continue
        elif predicate == "http://www.w3.org/2002/07/owl#sameAs":
            same_as.append(obj)
            continue
        facts[_short(predicate)].append(obj)
    children: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for row in _select(ENTITY_CHILDREN.format(iri=iri)):
        children[row["s"]["value"]][_short(row["p"]["value"])].append(_term(row["o"]))
    for child in children.values():
        for value in child.get("geo:asWKT", []):
            wkt = value["literal"]
    kg = KG
    incoming = [{"subject": _term(r["s"]), "label": r.get("label", {}).get("value"), "predicate": _short(r["p"]["value"])}
                for r in _select(ENTITY_IN.format(iri=iri, label=LABEL, kg=kg))]
    mentions = int(_select(MENTIONED_IN.format(iri=iri, kg=kg))[0]["n"]["value"])
    evidence = []
    articles = [o["iri"] for o in facts.get("kg:reportedIn", [])]
    text = None
    if articles:
        rows = _select(ARTICLE_TEXT.format(article=articles[0], kg=kg))
        text = rows[0]["text"]["value"] if rows else None
    for child_iri, child in sorted(children.items()):
        if "kg:exact" in child:
            quote = child["kg:exact"][0]["literal"]
            start = int(child["kg:start"][0]["literal"]) if "kg:start" in child else None
            end = int(child["kg:end"][0]["literal"]) if "kg:end" in child else None
            before = after = ""
            if text is not None and start is not None and end is not None and text[start:end] == quote:
                before, after = text[max(0, start - 160):start], text[end:end + 160]
            evidence.append({"iri": child_iri, "quote": quote, "start": start, "end": end,
                             "before": before, "after": after})
    quantities = {name: children.get(f"{iri}/{name}") for name in ("participants", "deaths")
                  if f"{iri}/{name}" in children}
    return {"iri": iri, "label": label or iri.rsplit("/", 1)[-1], "types": types, "facts": dict(facts),
            "same_as": same_as, "wkt": wkt, "incoming": incoming, "mentions": mentions, "evidence": evidence,
            "quantities": quantities, "rdf_links": {m: f"{request.path}?format={f}" for m, f in
                                                    (("Turtle", "ttl"), ("JSON-LD", "jsonld"), ("N-Triples", "nt"))}}


# -- the ontology --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def ontology() -> Response:
    media = _want(["text/html", *RDF_MEDIA], "text/html")
    if media is None:
        from kg.serve import error_response

        return error_response("the ontology is available as HTML, Turtle, JSON-LD, N-Triples or RDF/XML", 406)
    graph = ontology_graph()
    if media != "text/html":
        if media == "text/turtle":
            body = ONTOLOGY.read_bytes()
        else:
            body = graph.serialize(format=RDF_MEDIA[media]).encode()
        return Response(body, content_type=media + "; charset=utf-8", headers={"Vary": "Accept"})
    return Response(render_template("ontology.html", **_ontology_page(graph)), content_type="text/html; charset=utf-8",
                    headers={"Vary": "Accept"})


def _ontology_page(graph: Graph) -> dict[str, Any]:
    from rdflib import OWL, RDF, RDFS, URIRef

    def text(node: Any, prop: Any) -> str | None:
        value = graph.value(node, prop)
        return str(value) if value is not None else None

    def names(nodes: Any) -> list[str]:
        out = []
        for node in nodes:
            if isinstance(node, URIRef):
                out.append(_short(str(node)))
            else:
                members = list(graph.items(graph.value(node, OWL.unionOf))) if graph.value(node, OWL.unionOf) else []
                out.append(" or ".join(_short(str(m)) for m in members) or "(anonymous)")
        return out

    def term(node: URIRef) -> dict[str, Any]:
        return {"iri": str(node), "id": str(node)[len(KG):], "name": _short(str(node)),
                "label": text(node, RDFS.label), "comment": text(node, RDFS.comment),
                "super": names(graph.objects(node, RDFS.subClassOf)) + names(graph.objects(node, RDFS.subPropertyOf)),
                "domain": names(graph.objects(node, RDFS.domain)), "range": names(graph.objects(node, RDFS.range)),
                "matches": [str(o) for o in graph.objects(node, URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"))],
                "notes": [str(o) for o in graph.objects(node, URIRef("http://www.w3.org/2004/02/skos/core#note"))]}

    ours = lambda kind: sorted((s for s in graph.subjects(RDF.type, kind)  # noqa: E731
                                if isinstance(s, URIRef) and str(s).startswith(KG)), key=str)
    ontology_iri = URIRef(KG.rstrip("#"))
    return {"title": text(ontology_iri, URIRef("http://purl.org/dc/terms/title")) or "newskg ontology",
            "description": text(ontology_iri, URIRef("http://purl.org/dc/terms/description")),
            "version": text(ontology_iri, OWL.versionInfo), "namespace": KG,
            "classes": [term(c) for c in ours(OWL.Class)],
            "object_properties": [term(p) for p in ours(OWL.ObjectProperty)],
            "datatype_properties": [term(p) for p in ours(OWL.DatatypeProperty)],
            "individuals": [term(i) for i in ours(OWL.NamedIndividual)]}


def context() -> Response:
    """A JSON-LD context: the ontology's terms as plain JSON keys, with their datatypes and IRI-valued
    properties declared, so newskg data reads as ordinary JSON."""
    from rdflib import OWL, RDF, RDFS

    graph = ontology_graph()
    terms: dict[str, Any] = {prefix: namespace for prefix, namespace in PREFIXES.items()}
    terms.update({"id": "@id", "type": "@type", "label": {"@id": "rdfs:label", "@container": "@language"},
                  "sameAs": {"@id": "owl:sameAs", "@type": "@id"}})
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith(KG):
            terms[str(prop)[len(KG):]] = {"@id": f"kg:{str(prop)[len(KG):]}", "@type": "@id"}
    for prop in graph.subjects(RDF.type, OWL.DatatypeProperty):
        if str(prop).startswith(KG):
            name = str(prop)[len(KG):]
            datatype = graph.value(prop, RDFS.range)
            entry: dict[str, Any] = {"@id": f"kg:{name}"}
            if datatype is not None and str(datatype).startswith(PREFIXES["xsd"]) and not str(datatype).endswith("#string"):
                entry["@type"] = f"xsd:{str(datatype)[len(PREFIXES['xsd']):]}"
            terms[name] = entry
    for cls in graph.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(KG):
            terms[str(cls)[len(KG):]] = f"kg:{str(cls)[len(KG):]}"
    for individual in graph.subjects(RDF.type, OWL.NamedIndividual):
        if str(individual).startswith(KG):
            terms[str(individual)[len(KG):]] = f"kg:{str(individual)[len(KG):]}"
    body = json.dumps({"@context": terms}, indent=2, sort_keys=True)
    return Response(body, content_type="application/ld+json; charset=utf-8")


def shapes() -> Response:
    from kg.validate import SHAPES_DIR

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SHAPES_DIR.glob("*.ttl")))
    graph = Graph().parse(data=text, format="turtle")
    media = _want(list(RDF_MEDIA), "text/turtle") or "text/turtle"
    return Response(graph.serialize(format=RDF_MEDIA[media]), content_type=media + "; charset=utf-8",
                    headers={"Vary": "Accept"})


def register(app: Any) -> None:
    app.add_url_rule("/id/<path:path>", "entity", entity)
    app.add_url_rule("/ontology", "ontology", ontology)
    app.add_url_rule("/ontology.ttl", "ontology_ttl", lambda: Response(ONTOLOGY.read_bytes(),
                                                                       content_type="text/turtle; charset=utf-8"))
    app.add_url_rule("/context.jsonld", "context", context)
    app.add_url_rule("/shapes", "shapes", shapes)
