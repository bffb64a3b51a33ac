"""Graph + shapes -> report (pySHACL), for extraction output and submissions alike."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

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


def _hash_constraint_parameters() -> None:
    """pySHACL looks up every predicate of a shape in a *list* of the ~30 constraint parameters, once per
    shape and focus node; on a 100,000-triple submission that is millions of term comparisons. The same
    lookup in a set gives the same answer (the list is only ever tested for membership and iterated)."""
    import pyshacl.shape as shape_module
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    class _Parameters(list):  # type: ignore[type-arg]
        def __init__(self, items: list[Any]) -> None:
            super().__init__(items)
            self._set = frozenset(items)

        def __contains__(self, item: object) -> bool:
            return item in self._set

    if not isinstance(getattr(shape_module, "CONSTRAINT_PARAMS", (None,))[0], _Parameters):
        shape_module.CONSTRAINT_PARAMS = (_Parameters(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


_hash_constraint_parameters()


def _memoize_shape_lookups() -> None:
    """pySHACL asks its (unchanging) shapes graph for a shape's predicates and objects once per focus node;
    the answers are remembered per shapes graph instead of matched again each time."""
    from pyshacl.shapes_graph import ShapesGraph

    for name in ("predicate_objects", "objects"):
        original = getattr(ShapesGraph, name)
        if getattr(original, "_kg_memo", False):
            continue

        def memo(self, *args, _original=original, _name=name):  # noqa: ANN001, ANN202
            cache = self.__dict__.setdefault("_kg_memo", {})
            key = (_name, *args)
            if key not in cache:
                cache[key] = tuple(_original(self, *args))
            return iter(cache[key])

        memo._kg_memo = True  # type: ignore[attr-defined]
        setattr(ShapesGraph, name, memo)


_memoize_shape_lookups()


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


def known_additions(data: Graph, known: Graph) -> Graph:
    """The descriptions, from ``known``, of the places it refers to without describing them.

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
    return extra


def with_known_places(data: Graph, known: Graph) -> Graph:
    """A copy of ``data`` with the descriptions of the known places it refers to."""
    merged = Graph()
    merged += data
    merged += known_additions(data, known)
    return merged


@dataclass(frozen=True)
class SparqlCheck:
    """A SHACL-SPARQL constraint (sh:sparql) of a node shape, with the shape's targets."""

    shape: Any
    select: str
    message: str
    severity: URIRef
    targets: tuple[tuple[str, URIRef], ...]  # ("class" | "subjectsOf" | "objectsOf" | "node", IRI)


def _prefix_block(shapes: Graph, constraint: Any) -> str:
    lines = []
    for source in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(source, SH.declare):
            lines.append(f"PREFIX {shapes.value(declaration, SH.prefix)}: <{shapes.value(declaration, SH.namespace)}>")
    return "\n".join(lines)


@lru_cache(maxsize=4)
def split_shapes(directory: str = str(SHAPES_DIR), base: str = DEFAULT_BASE) -> tuple[Graph, tuple[SparqlCheck, ...]]:
    """The shapes without their SPARQL constraints (for pySHACL), and those constraints (for Oxigraph)."""
    shapes = shapes_graph(directory, base)
    core = Graph()
    for triple in shapes:
        core.add(triple)
    checks = []
    kinds = {SH.targetClass: "class", SH.targetSubjectsOf: "subjectsOf", SH.targetObjectsOf: "objectsOf",
             SH.targetNode: "node"}
    for shape, constraint in shapes.subject_objects(SH.sparql):
        core.remove((shape, SH.sparql, constraint))
        targets = tuple((kind, o) for p, kind in kinds.items() for o in shapes.objects(shape, p))
        checks.append(SparqlCheck(
            shape, _prefix_block(shapes, constraint) + "\n" + str(shapes.value(constraint, SH.select)),
            str(shapes.value(constraint, SH.message) or "SPARQL constraint not satisfied"),
            shapes.value(shape, SH.severity) or SH.Violation, targets))
    return core, tuple(checks)


def _target_pattern(targets: tuple[tuple[str, URIRef], ...]) -> str:
    parts = []
    for kind, iri in targets:
        parts.append({"class": f"{{ ?this a/<{RDFS.subClassOf}>* <{iri}> }}",
                      "subjectsOf": f"{{ ?this <{iri}> ?_kg_o }}",
                      "objectsOf": f"{{ ?_kg_s <{iri}> ?this }}",
                      "node": f"{{ VALUES ?this {{ <{iri}> }} }}"}[kind])
    return " UNION ".join(parts)


def _with_targets(select: str, targets: tuple[tuple[str, URIRef], ...]) -> str:
    """The constraint's query over every target at once: $this becomes a variable joined with the targets
    (what SHACL's pre-binding of $this amounts to for these queries)."""
    text = select.replace("$this", "?this")
    where = re.search(r"\bWHERE\s*\{", text, re.I)
    if where is None:
        raise InputError("a SHACL-SPARQL constraint needs a WHERE clause")
    return text[:where.end()] + " " + _target_pattern(targets) + " " + text[where.end():]


def _message(template: str, row: Any, names: list[str]) -> str:
    def value(match: re.Match[str]) -> str:
        term = row[match.group(1)] if match.group(1) in names else None
        return term.value if term is not None and hasattr(term, "value") else match.group(0)

    return re.sub(r"\{[?$](\w+)\}", value, template)


def _rdflib_term(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        return Literal(term.value, lang=term.language) if term.language else Literal(
            term.value, datatype=URIRef(term.datatype.value))
    return None


def run_sparql_checks(graphs: list[Graph], quads: list[ox.Quad], checks: tuple[SparqlCheck, ...],
                      report: Graph) -> list[Violation]:
    """Evaluate SHACL-SPARQL constraints with Oxigraph's engine over ``graphs`` and ``quads`` (the data,
    the places it refers to, the ontology), one query per constraint for the whole graph (pySHACL would
    run one rdflib query per focus node)."""
    from kg.store import to_ox_term

    store = ox.Store()
    store.extend(quads)
    store.extend([ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o)) for g in graphs for s, p, o in g])
    violations: dict[tuple[str, str | None, str | None, str], Violation] = {}
    root = next(report.subjects(RDF.type, SH.ValidationReport))
    for check in checks:
        if not check.targets:
            continue
        solutions = store.query(_with_targets(check.select, check.targets))
        names = [v.value for v in solutions.variables]
        for row in solutions:
            focus = row["this"]
            if focus is None:
                continue
            path = row["path"] if "path" in names else None
            value = row["value"] if "value" in names else None
            message = _message(check.message, row, names)
            key = (str(focus), None if path is None else path.value, None if value is None else str(value), message)
            if key in violations:
                continue
            severity = str(check.severity).rsplit("#", 1)[-1]
            violations[key] = Violation(str(_rdflib_term(focus)),
                                        key[1], None if value is None else str(_rdflib_term(value)), message,
                                        severity, str(check.shape) if isinstance(check.shape, URIRef) else None)
            result = BNode()
            report.add((root, SH.result, result))
            report.add((result, RDF.type, SH.ValidationResult))
            report.add((result, SH.focusNode, _rdflib_term(focus)))
            if path is not None:
                report.add((result, SH.resultPath, _rdflib_term(path)))
            if value is not None:
                report.add((result, SH.value, _rdflib_term(value)))
            report.add((result, SH.resultMessage, Literal(message)))
            report.add((result, SH.resultSeverity, check.severity))
            report.add((result, SH.sourceShape, check.shape))
            report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
    return list(violations.values())


def validate(data: Graph, shapes_dir: str | None = None, base: str = DEFAULT_BASE,
             known: Graph | None = None, in_place: bool = False, data_quads: list[ox.Quad] | None = None) -> Report:
    """Validate ``data`` against the shapes.

    The ontology is mixed into the data graph, so ``sh:class`` and ``sh:targetClass`` follow its
    ``rdfs:subClassOf`` hierarchy (a kg:Region is a kg:Place) without materialising RDFS inferences,
    which would cost more than the validation itself on large submissions. With ``in_place`` the data
    graph itself receives those additions (saving a copy of a large graph); ``data_quads``, when the
    caller has them, are the data's triples as pyoxigraph quads (saving a conversion). Core constraints are checked
    by pySHACL; SHACL-SPARQL constraints by Oxigraph, once per constraint over the whole graph.
    """
    core, checks = split_shapes(shapes_dir or str(SHAPES_DIR), base)
    # One working copy (the data, the places it refers to); pySHACL adds the ontology to it in place.
    extra = known_additions(data, known) if known is not None else Graph()
    if not in_place:
        data = data + Graph()
    data += extra
    conforms, report, _ = shacl_validate(data, shacl_graph=core, ont_graph=ontology_graph(), inplace=True,
                                         inference="none", advanced=False, allow_warnings=True)
    if data_quads is None:
        sparql_results = run_sparql_checks([data], [], checks, report)
    else:
        sparql_results = run_sparql_checks([extra, ontology_graph()], data_quads, checks, report)
    if any(v.severity == "Violation" for v in sparql_results):
        root = next(report.subjects(RDF.type, SH.ValidationReport))
        report.set((root, SH.conforms, Literal(False)))
        conforms = False
    results = list(sparql_results)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent:
            continue
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
