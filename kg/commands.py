"""Plain functions behind the `kg` commands (each command is one call to one of these)."""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef

from kg import settings
from kg.articles import read_file, read_paths
from kg.errors import InputError, StoreError
from kg.mint import Minter
from kg.pipeline import BuildResult, article_graphs, build, check
from kg.rdf import PREFIXES, new_graph
from kg.store import Store, open_store

RDF_SUFFIXES = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML, ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


def _from_ox(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        from rdflib import BNode

        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise InputError(f"unsupported term {term!r}")


def quads_to_graph(quads: list[ox.Quad]) -> Graph:
    """All quads as one rdflib graph (the union of their graphs), for validation."""
    graph = new_graph()
    for q in quads:
        graph.add((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)))
    return graph


def read_rdf(path: Path) -> Graph:
    """Parse an RDF file with pyoxigraph's strict parsers (rdflib's accept invalid input)."""
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file extension; use one of {', '.join(RDF_SUFFIXES)}")
    try:
        return quads_to_graph(list(ox.parse(path=str(path), format=fmt)))
    except SyntaxError as exc:
        raise InputError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise InputError(f"{path}: {exc}") from exc


PARALLEL_FROM = 50  # articles: below this, starting worker processes costs more than it saves


def run_build(paths: list[Path], store_path: str, minter: Minter) -> int:
    """`kg build`: exit 0 if every article was stored, 1 if any was refused."""
    from tqdm import tqdm

    from kg.articles import article_paths

    files = article_paths(paths)
    store = open_store(store_path, settings.load())
    # On a terminal a live bar; in a log (not a TTY) one plain line every 30 seconds instead of redraws.
    interactive = sys.stderr.isatty()
    with tqdm(total=len(files), unit="article", desc="building", file=sys.stderr, ascii=not interactive,
              mininterval=0.1 if interactive else 30, maxinterval=30 if interactive else 60,
              bar_format=None if interactive else "{desc}: {n_fmt}/{total_fmt} articles, {rate_fmt}, "
                                                  "{elapsed} elapsed, {remaining} left\n") as bar:
        workers = min(os.cpu_count() or 1, 4) if len(files) >= PARALLEL_FROM else 1
        result: BuildResult = build(read_paths(files), store, minter, progress=lambda _a: bar.update(1),
                                    workers=workers)
    for where, message in result.refused:
        print(f"refused {where}:\n{message}", file=sys.stderr)
    print(f"stored {len(result.stored)} article(s), refused {len(result.refused)}; store: {store_path}",
          file=sys.stderr)
    store.close()
    return 1 if result.refused else 0


def extract_graph(path: Path, meta: dict[str, Any], fmt: str, minter: Minter) -> str:
    articles = list(read_file(path, meta))
    if not articles:
        raise InputError(f"{path}: no article found")
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    for article in articles:
        graphs = article_graphs(article, minter)
        if fmt in ("turtle", "nt", "json-ld"):
            merged = graphs.union()
            return merged.serialize(format=fmt)
        named = dataset.graph(graphs.iri)
        for triple in graphs.article:
            named.add(triple)
        reference = dataset.graph(minter.graph("reference"))
        for triple in graphs.reference:
            reference.add(triple)
        entities = dataset.graph(minter.graph("entities"))
        for triple in graphs.shared:
            entities.add(triple)
    return dataset.serialize(format=fmt)


def validate_file(path: Path, shapes_dir: Path | None, fmt: str, minter: Minter) -> tuple[str, bool]:
    report = check(read_rdf(path), minter, str(shapes_dir) if shapes_dir else None)
    if fmt == "json":
        return json.dumps(report.as_dict(), indent=2), report.conforms
    if fmt == "ttl":
        return report.graph.serialize(format="turtle"), report.conforms
    return report.summary(), report.conforms


QUERY_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                 "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


def run_query(text: str, fmt: str, store_path: str) -> str:
    result = open_store(store_path, settings.load()).query(text)
    graph_format = ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.TURTLE
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=graph_format).decode()
    if isinstance(result, list):  # the triples of a remote store's answer
        return ox.serialize(result, format=graph_format).decode()
    if not isinstance(result, ox.QuerySolutions):
        return ("true" if bool(result) else "false") + "\n"
    if fmt in QUERY_FORMATS:
        return result.serialize(format=QUERY_FORMATS[fmt]).decode()
    return _table(result)


def _table(solutions: ox.QuerySolutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[_cell(row[name]) for name in names] for row in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def _cell(term: Any) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _publish(store_path: str) -> None:
    with Store(store_path).transaction():
        pass


def run_server(host: str, port: int, workers: int, threads: int = 16) -> None:
    """gunicorn in front of the Flask app; one log line per request."""
    from gunicorn.app.base import BaseApplication

    from kg.serve import create_app

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("accesslog", None)  # the app logs each request itself, with its row count
            self.cfg.set("timeout", 120)

        def load(self) -> Any:
            import logging

            handler = logging.StreamHandler(sys.stdout)
            handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(message)s"))
            access = logging.getLogger("kg.access")
            access.addHandler(handler)
            access.setLevel(logging.INFO)
            access.propagate = False
            return create_app()

    store_path = os.environ.get("KG_STORE", "data/store")
    if not store_path.startswith("sparql+") and (Path(store_path) / "db").exists():
        # A write that committed but was not published (the process was killed in between) becomes
        # visible now: readers always start from the store's last committed state. This runs in a child
        # process: RocksDB's background threads must not be started in the process gunicorn forks from.
        import multiprocessing

        child = multiprocessing.get_context("spawn").Process(target=_publish, args=(store_path,))
        child.start()
        child.join()
        if child.exitcode != 0:
            raise StoreError(f"{store_path}: cannot open the store to publish its last state")
    print(f"newskg serving {store_path} at http://{host}:{port}/", flush=True)
    _Server().run()


def submit_file(path: Path, store_path: str, minter: Minter, who: str) -> tuple[str, bool, str]:
    """Validate an RDF file and store it as a submission; returns (graph IRI, created, report summary)."""
    from kg import submissions
    from kg.errors import ValidationFailed

    suffixes = {".ttl": "text/turtle", ".trig": "application/trig", ".nt": "application/n-triples",
                ".nq": "application/n-quads", ".rdf": "application/rdf+xml", ".owl": "application/rdf+xml",
                ".xml": "application/rdf+xml", ".jsonld": "application/ld+json", ".json": "application/ld+json"}
    media = suffixes.get(path.suffix.lower())
    if media is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}; use one of {', '.join(suffixes)}")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    parsed = submissions.parse(body, media, path.resolve().as_uri())
    try:
        iri, _, _, created = submissions.submit(open_store(store_path, settings.load()), minter, parsed, who)
    except ValidationFailed as exc:
        raise ValidationFailed(f"{path}: {exc.message}\n{exc.details.summary()}", exc.details) from exc
    return str(iri), created, "stored" if created else "already stored"


IMPORT_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                  ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
                  ".xml": ox.RdfFormat.RDF_XML, ".jsonld": ox.RdfFormat.JSON_LD}


def import_file(path: Path, graph: str, store_path: str, fmt: str | None = None) -> tuple[int, float]:
    """Bulk-load an RDF file into one named graph (replacing it); returns (triples, seconds)."""
    import time

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    rdf_format = ox.RdfFormat.from_extension(fmt) if fmt else IMPORT_FORMATS.get(
        "".join(path.suffixes[-1:]).lower())
    if rdf_format is None:
        raise InputError(f"{path}: unknown RDF format; use --format or one of {', '.join(IMPORT_FORMATS)}")
    if not re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\"{}|^`\\\s]+", graph):
        raise InputError(f"--graph {graph!r} is not an absolute IRI")
    store = open_store(store_path, settings.load())
    started = time.perf_counter()
    target = ox.NamedNode(graph)
    try:
        writer = store.writer
        writer.update(f"DROP SILENT GRAPH <{graph}>")
        if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            quads = (ox.Quad(q.subject, q.predicate, q.object, target)
                     for q in ox.parse(path=str(path), format=rdf_format))
            writer.bulk_extend(quads)
        else:
            writer.bulk_load(path=str(path), format=rdf_format, to_graph=target)
        count = int(next(iter(writer.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")))["n"].value)
        store.publish()
    except SyntaxError as exc:
        raise InputError(f"{path}: {exc.args[0] if exc.args else exc}") from exc
    finally:
        store.close()
    return count, time.perf_counter() - started


def dataset_statistics(store_path: str) -> dict[str, Any]:
    from kg.dataset import dataset_stats

    return dataset_stats(open_store(store_path, settings.load()).reader)
