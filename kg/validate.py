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


def _load_dir(directory: Path) -> Graph:
    graph = Graph()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise InputError(f"{directory}: no shapes (*.ttl) found")
    for path in files:
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=4)
def shapes_graph(directory: str = str(SHAPES_DIR)) -> Graph:
    return _load_dir(Path(directory))


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


def validate(data: Graph, shapes_dir: str | None = None) -> Report:
    """Validate ``data`` against the shapes, with the ontology's class hierarchy (RDFS inference)."""
    shapes = shapes_graph(shapes_dir or str(SHAPES_DIR))
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology_graph(),
                                         inference="rdfs", advanced=True, allow_warnings=True)
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
