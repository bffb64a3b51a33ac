"""Submissions: a researcher's RDF, parsed safely, validated against the shapes, stored only if it conforms.

A submission becomes one named graph, ``id/graph/submission/{id}``, where ``id`` is the first 16 hex digits
of the sha256 of the submitted bytes: the same submission twice is the same graph. The graph also holds the
submission's PROV record (who, when, the shapes' version, the input's hash), and lands in one transaction.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD

from kg.errors import InputError, NotFound, ValidationFailed
from kg.mint import Minter
from kg.store import Store

KG = Namespace("https://w3id.org/newskg/ontology#")
FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


class UnsupportedFormat(InputError):
    status = 415


@dataclass(frozen=True)
class Parsed:
    quads: list[ox.Quad]
    input_hash: str
    media_type: str

    @property
    def key(self) -> str:
        return self.input_hash[:16]


def parse(body: bytes, media_type: str, base_iri: str) -> Parsed:
    """Parse untrusted RDF with pyoxigraph's strict parsers. Nothing is fetched: remote JSON-LD contexts
    fail to load, and RDF/XML with a DTD (entity declarations, external entities) is refused outright."""
    fmt = FORMATS.get((media_type or "").lower())
    if fmt is None:
        raise UnsupportedFormat(f"cannot read RDF from {media_type or '(no media type)'}; send one of "
                                f"{', '.join(sorted(FORMATS))}")
    if not body.strip():
        raise InputError("the submission is empty")
    if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError("the submission must be UTF-8 (it starts with a UTF-16 byte order mark)")
    if fmt == ox.RdfFormat.RDF_XML and _DTD.search(body):
        raise InputError("RDF/XML with a DOCTYPE or ENTITY declaration is refused: entities are not expanded "
                         "and nothing external is loaded", {"line": body[:_DTD.search(body).start()].count(b"\n") + 1})
    try:
        quads = list(ox.parse(body, format=fmt, base_iri=base_iri))
    except SyntaxError as exc:
        position = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], tuple) else None
        details = {"line": position[1], "column": position[2]} if position else None
        raise InputError(f"the submission is not valid {fmt.name}: {exc.args[0] if exc.args else exc}",
                         details) from exc
    except (ValueError, OSError) as exc:
        raise InputError(f"the submission cannot be read as {fmt.name}: {exc}") from exc
    named = next((q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)), None)
    if named is not None:
        raise InputError(f"a submission is one graph: put every triple in the default graph (found graph {named})")
    return Parsed(quads, hashlib.sha256(body).hexdigest(), media_type.lower())


def _rdflib(term: object) -> URIRef | BNode | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise InputError(f"RDF-star triple terms are not supported in submissions: {term}")


def to_graph(quads: list[ox.Quad]) -> Graph:
    graph = Graph()
    add = graph.add
    for q in quads:
        add((_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)))
    return graph


def record(graph: Graph, iri: URIRef, who: str, shapes_version: str, parsed: Parsed,
           when: dt.datetime | None = None) -> None:
    """The PROV record of a submission, added to its own graph."""
    when = when or dt.datetime.now(dt.UTC).replace(microsecond=0)
    agent = URIRef(f"{iri}/agent")
    graph.add((iri, RDF.type, KG.Submission))
    graph.add((iri, RDF.type, PROV.Entity))
    graph.add((iri, KG.submittedBy, Literal(who)))
    graph.add((iri, PROV.wasAttributedTo, agent))
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, RDFS.label, Literal(who)))
    graph.add((iri, PROV.generatedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    graph.add((iri, KG.shapesVersion, Literal(shapes_version)))
    graph.add((iri, KG.inputHash, Literal(f"sha256:{parsed.input_hash}")))
    graph.add((iri, DCTERMS["format"], Literal(parsed.media_type)))


def checked(parsed: Parsed, minter: Minter, who: str):  # noqa: ANN201 - (Graph, Report, iri)
    """The submission's PROV record, and the SHACL report on the submission with its record."""
    from kg.pipeline import check
    from kg.validate import shapes_version

    iri = minter.graph(f"submission/{parsed.key}")
    prov = Graph()
    record(prov, iri, who, shapes_version(), parsed)
    working = to_graph(parsed.quads)
    working += prov
    quads = parsed.quads + [ox.Quad(_ox(s), _ox(p), _ox(o)) for s, p, o in prov]
    return prov, check(working, minter, in_place=True, data_quads=quads), iri


def submit(store: Store, minter: Minter, parsed: Parsed, who: str) -> tuple[URIRef, Graph, int, bool]:
    """Validate and store; returns (graph IRI, its PROV record, triples stored, created).
    Raises ValidationFailed."""
    prov, report, iri = checked(parsed, minter, who)
    if not report.conforms:
        raise ValidationFailed(f"the submission does not conform to the shapes: {len(report.results)} "
                               "problem(s)", report)
    graph = ox.NamedNode(str(iri))
    quads = {ox.Quad(q.subject, q.predicate, q.object, graph) for q in parsed.quads}
    quads |= {ox.Quad(_ox(s), _ox(p), _ox(o), graph) for s, p, o in prov}
    with store.transaction() as writer:  # the store's write lock: nobody else writes meanwhile
        existed = bool(writer.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"))
        if not existed:
            writer.extend(quads)  # one transaction: all of the quads or none
    return iri, prov, len(quads), not existed


def _ox(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    from kg.store import to_ox_term

    return to_ox_term(term)


def delete(store: Store, minter: Minter, key: str) -> None:
    if not re.fullmatch(r"[0-9a-f]{16}", key):
        raise NotFound(f"no submission {key!r}")
    iri = minter.graph(f"submission/{key}")
    with store.transaction() as writer:
        if not writer.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"):
            raise NotFound(f"no submission {key}")
        writer.update(f"DROP GRAPH <{iri}>")


LIST_QUERY = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?graph ?by ?at ?shapes ?hash (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?graph a kg:Submission ; prov:generatedAtTime ?at ; kg:shapesVersion ?shapes ;
                        kg:inputHash ?hash ; kg:submittedBy ?by . ?s ?p ?o }
} GROUP BY ?graph ?by ?at ?shapes ?hash ORDER BY DESC(?at)"""
