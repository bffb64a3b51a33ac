"""Graph + shapes -> report (pySHACL), for extraction output and submissions alike."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, Namespace, URIRef

from kg.errors import InputError

SH = Namespace("http://www.w3.org/ns/shacl#")
KG = Namespace("https://w3id.org/newskg/ontology#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
FOLLOW = frozenset({KG.locatedIn, KG.hasPart, GEO.hasGeometry})
ROOT = Path(__file__).resolve().parent.parent
SHAPES_DIR = ROOT / "shapes"
ONTOLOGY = ROOT / "ontology" / "newskg.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"focus": self.focus, "path": self.path, "value": self.value, "message": self.message,
                "severity": self.severity, "shape": self.shape}


@dataclass(frozen=True)
class Report:
    conforms: bool
    results: tuple[Violation, ...]
    graph: Graph

    def summary(self) -> str:
        if self.conforms:
            return "Conforms: the graph satisfies every shape."
        lines = [f"Does not conform: {len(self.results)} problem(s)."]
        for v in self.results:
            where = f" {v.path}" if v.path else ""
            value = f" (value: {v.value})" if v.value is not None else ""
            lines.append(f"- {v.severity}: <{v.focus}>{where}{value}: {v.message}")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {"conforms": self.conforms, "results": [v.as_dict() for v in self.results]}


DEFAULT_BASE = "https://w3id.org/newskg/id/"


def _reuse_translated_sparql() -> None:
    """Let rdflib parse each SHACL-SPARQL query once instead of once per focus node.

    pySHACL hands rdflib the text of a constraint's query for every focus node, and rdflib
    parses and translates it each time: 85% of the time spent validating an article graph.
    A translated query is immutable and meant for reuse (that is what ``prepareQuery`` returns),
    so the translation is cached by its text, base and namespaces.
    """
    from rdflib.plugins.sparql import processor

    if getattr(processor.SPARQLProcessor.query, "_kg_cached", False):
        return
    original = processor.SPARQLProcessor.query

    @lru_cache(maxsize=512)
    def translated(text: str, base: str | None, namespaces: tuple[tuple[str, str], ...]) -> Any:
        return processor.translateQuery(processor.parseQuery(text), base, dict(namespaces) or None)

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: ANN001, ANN202, N803
        if isinstance(strOrQuery, str):
            key = tuple(sorted((k, str(v)) for k, v in (initNs or {}).items()))
            strOrQuery = translated(strOrQuery, base, key)
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    query._kg_cached = True  # type: ignore[attr-defined]
    processor.SPARQLProcessor.query = query  # type: ignore[method-assign]


_reuse_translated_sparql()


def _load_dir(directory: Path, base: str) -> Graph:
    graph = Graph()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise InputError(f"{directory}: no shapes (*.ttl) found")
    for path in files:
        # The shapes name the default resource namespace; a configured KG_BASE_IRI takes its place.
        graph.parse(data=path.read_text(encoding="utf-8").replace(DEFAULT_BASE, base), format="turtle",
                    publicID=path.as_uri())
    return graph


@lru_cache(maxsize=4)
def shapes_graph(directory: str = str(SHAPES_DIR), base: str = DEFAULT_BASE) -> Graph:
    return _load_dir(Path(directory), base)


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def shapes_version(directory: str = str(SHAPES_DIR)) -> str:
    """sha256 of the shapes files (names and bytes), to record which shapes accepted a graph."""
    digest = hashlib.sha256()
    for path in sorted(Path(directory).glob("*.ttl")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _text(graph: Graph, node: Any) -> str | None:
    return None if node is None else str(node)


def with_known_places(data: Graph, known: Graph) -> Graph:
    """``data`` plus the descriptions, from ``known``, of the places it refers to without describing them.

    Articles and submissions point at regions, countries and areas of the reference graph
    (``kg:destination id:country/UA``); the shapes check those targets are places, so their
    descriptions come along (following ``kg:locatedIn`` and ``geo:hasGeometry``). An IRI that
    ``known`` does not describe stays undescribed, and the shapes report it as unresolved.
    """
    described = set(data.subjects(RDF.type, None))
    wanted = [o for o in set(data.objects()) if isinstance(o, URIRef) and o not in described]
    extra = Graph()
    seen: set[URIRef] = set()
    while wanted:
        node = wanted.pop()
        if node in seen or node in described:
            continue
        seen.add(node)
        for _, p, o in known.triples((node, None, None)):
            extra.add((node, p, o))
            if isinstance(o, URIRef) and p in FOLLOW:
                wanted.append(o)
    if not extra:
        return data
    merged = Graph()
    merged += data
    merged += extra
    return merged


def validate(data: Graph, shapes_dir: str | None = None, base: str = DEFAULT_BASE,
             known: Graph | None = None) -> Report:
    """Validate ``data`` against the shapes.

    The ontology is mixed into the data graph, so ``sh:class`` and ``sh:targetClass`` follow its
    ``rdfs:subClassOf`` hierarchy (a kg:Region is a kg:Place) without materialising RDFS inferences,
    which would cost more than the validation itself on large submissions.
    """
    shapes = shapes_graph(shapes_dir or str(SHAPES_DIR), base)
    if known is not None:
        data = with_known_places(data, known)
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology_graph(),
                                         inference="none", advanced=True, allow_warnings=True)
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        results.append(Violation(
            focus=str(report.value(result, SH.focusNode)),
            path=_text(report, report.value(result, SH.resultPath)),
            value=_text(report, report.value(result, SH.value)),
            message=str(report.value(result, SH.resultMessage) or "constraint not satisfied"),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            shape=_text(report, report.value(result, SH.sourceShape)) if isinstance(
                report.value(result, SH.sourceShape), URIRef) else None,
        ))
    results.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return Report(bool(conforms), tuple(results), report)
