"""Queries under a deadline: each runs in a worker process that can be killed.

pyoxigraph cannot cancel a query, and its result iterators must be consumed on the thread that made them.
So the web process never runs a query itself: it hands the query to a worker process (which holds the
newest snapshot open read-only), receives the serialized results in chunks, and kills the worker when the
deadline passes — the work really stops — then starts a fresh one. Workers import only pyoxigraph and this
module, so a replacement is ready in a fraction of a second.

Messages from a worker: ("head", media, kind) once, then ("data", bytes)*, then ("end", rows, truncated);
or ("error", status, message) instead of all of them.
"""
from __future__ import annotations

import itertools
import json
import multiprocessing
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

CHUNK = 64 * 1024
BUFFER = 1024 * 1024

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


@dataclass(frozen=True)
class QueryJob:
    snapshot: str  # directory of the snapshot to query
    text: str
    default_graphs: tuple[str, ...] = ()  # "" stands for the store's own default graph
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None
    results_media: str | None = "application/sparql-results+json"  # None: no acceptable results format
    graph_media: str | None = "text/turtle"  # None: no acceptable graph format
    max_rows: int = 0  # 0: no cap


# -- inside the worker ----------------------------------------------------------------------------------

class _Chunks:
    """A file-like sink that sends what is written in chunks of about CHUNK bytes."""

    def __init__(self, conn: Connection) -> None:
        self.conn, self.parts, self.size = conn, [], 0

    def write(self, data: bytes | str) -> int:
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.parts.append(data)
        self.size += len(data)
        if self.size >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.parts:
            self.conn.send(("data", b"".join(self.parts)))
            self.parts, self.size = [], 0


def _term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                        "predicate": _term_json(term.predicate), "object": _term_json(term.object)}}


def _term_xml(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_term_xml(term.subject)}</subject><predicate>{_term_xml(term.predicate)}"
            f"</predicate><object>{_term_xml(term.object)}</object></triple>")


def _csv_cell(term: Any) -> str:
    if term is None:
        return ""
    value = term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else f"_:{term.value}" \
        if isinstance(term, ox.BlankNode) else str(term)
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _tsv_cell(term: Any) -> str:
    if term is None:
        return ""
    text = str(term)  # pyoxigraph terms print in N-Triples/Turtle syntax, as TSV results want
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def write_solutions(names: list[str], rows_iter: Iterator[Any], media: str, out: _Chunks,
                    max_rows: int) -> tuple[int, bool]:
    """Stream SELECT results in ``media``, at most ``max_rows`` rows; returns (rows, truncated)."""
    if max_rows:
        rows_iter = itertools.islice(rows_iter, max_rows + 1)
    fmt = RESULT_FORMATS[media]
    count = 0
    truncated = False
    if fmt == ox.QueryResultsFormat.JSON:
        out.write('{"head":{"vars":' + json.dumps(names) + '},"results":{"bindings":[')
    elif fmt == ox.QueryResultsFormat.XML:
        out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
                  + "".join(f"<variable name={quoteattr(n)}/>" for n in names) + "</head><results>")
    elif fmt == ox.QueryResultsFormat.CSV:
        out.write(",".join(names) + "\r\n")
    else:
        out.write("\t".join("?" + n for n in names) + "\n")
    for solution in rows_iter:
        if max_rows and count == max_rows:
            truncated = True
            break
        values = [solution[n] for n in names]
        if fmt == ox.QueryResultsFormat.JSON:
            binding = {n: _term_json(v) for n, v in zip(names, values, strict=True) if v is not None}
            out.write(("," if count else "") + json.dumps(binding, ensure_ascii=False))
        elif fmt == ox.QueryResultsFormat.XML:
            out.write("<result>" + "".join(f"<binding name={quoteattr(n)}>{_term_xml(v)}</binding>"
                                           for n, v in zip(names, values, strict=True) if v is not None) + "</result>")
        elif fmt == ox.QueryResultsFormat.CSV:
            out.write(",".join(_csv_cell(v) for v in values) + "\r\n")
        else:
            out.write("\t".join(_tsv_cell(v) for v in values) + "\n")
        count += 1
    if fmt == ox.QueryResultsFormat.JSON:
        out.write("]}}")
    elif fmt == ox.QueryResultsFormat.XML:
        out.write("</results></sparql>")
    return count, truncated


def _run(store: ox.Store, job: QueryJob, conn: Connection) -> None:
    kwargs: dict[str, Any] = {"base_iri": job.base_iri}
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) if g else ox.DefaultGraph() for g in job.default_graphs]
    else:
        kwargs["use_default_graph_as_union"] = True
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.text, **kwargs)
    except SyntaxError as exc:
        conn.send(("error", 400, f"SPARQL syntax error: {exc}"))
        return
    except (OSError, ValueError) as exc:
        conn.send(("error", 400, f"query failed: {exc}"))
        return
    out = _Chunks(conn)
    if isinstance(result, ox.QueryTriples):
        if job.graph_media is None:
            conn.send(("error", 406, "none of the accepted media types can carry an RDF graph"))
            return
        conn.send(("head", job.graph_media, "graph"))
        result.serialize(out, format=GRAPH_FORMATS[job.graph_media])
        out.flush()
        conn.send(("end", None, False))
        return
    media = job.results_media
    if media is None:
        conn.send(("error", 406, "none of the accepted media types can carry query results"))
        return
    if isinstance(result, ox.QueryBoolean):
        if RESULT_FORMATS[media] in (ox.QueryResultsFormat.CSV, ox.QueryResultsFormat.TSV):
            media = "application/sparql-results+json"  # a boolean has no CSV/TSV form
        conn.send(("head", media, "boolean"))
        result.serialize(out, format=RESULT_FORMATS[media])
        out.flush()
        conn.send(("end", 1, False))
        return
    names = [v.value for v in result.variables]
    rows_iter = iter(result)
    first = next(rows_iter, None)  # evaluation is lazy: wait for the first row (or the end) before answering
    conn.send(("head", media, "solutions"))
    rows_iter = itertools.chain([first], rows_iter) if first is not None else iter(())
    rows, truncated = write_solutions(names, rows_iter, media, out, job.max_rows)
    out.flush()
    conn.send(("end", rows, truncated))


def worker_main(conn: Connection) -> None:
    store: ox.Store | None = None
    opened: str | None = None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            if opened != job.snapshot:
                store, opened = None, None
                store = ox.Store.read_only(job.snapshot)
                opened = job.snapshot
            _run(store, job, conn)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 - reported to the client, the worker lives on
            try:
                conn.send(("error", 500, f"query worker failed: {type(exc).__name__}: {exc}"))
            except OSError:
                return


# -- in the web process -------------------------------------------------------------------------------

class Deadline(Exception):
    """The query ran past its deadline and its worker was killed."""


class QueryFailed(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Worker:
    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child,), daemon=True, name="kg-query-worker")
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """Worker processes for one web process; each query borrows one for its whole response."""

    def __init__(self, size: int, timeout: float) -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.timeout = timeout
        self.size = size
        self.idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self.lock = threading.Lock()
        self.started = 0
        self.killed = 0

    def _borrow(self) -> _Worker:
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        with self.lock:
            if self.started < self.size:
                self.started += 1
                return _Worker(self.ctx)
        return self.idle.get()

    def _give_back(self, worker: _Worker | None) -> None:
        if worker is None:
            with self.lock:
                self.started -= 1
        else:
            self.idle.put(worker)

    def run(self, job: QueryJob) -> tuple[str, str, Iterator[bytes], dict[str, Any]]:
        """Start ``job``; returns (media, kind, body chunks, stats). The deadline covers the whole response:
        a query that has not finished streaming by then is killed. ``stats`` gets rows/truncated at the end."""
        deadline = time.monotonic() + self.timeout
        worker = self._borrow()
        try:
            worker.conn.send(job)
            message = self._receive(worker, deadline)
        except BaseException:
            self._discard(worker)
            raise
        if message[0] == "error":
            self._give_back(worker)
            raise QueryFailed(message[1], message[2])
        _, media, kind = message
        stats: dict[str, Any] = {"rows": None, "truncated": False}
        stream = self._stream(worker, deadline, stats)
        # Hold back the first BUFFER bytes: a query that runs out of time before then still gets a clean 503.
        held: list[bytes] = []
        size = 0
        for chunk in stream:
            held.append(chunk)
            size += len(chunk)
            if size >= BUFFER:
                return media, kind, itertools.chain(held, stream), stats
        return media, kind, iter(held), stats

    def _stream(self, worker: _Worker, deadline: float, stats: dict[str, Any]) -> Iterator[bytes]:
        finished = False
        try:
            while True:
                message = self._receive(worker, deadline)
                if message[0] == "data":
                    yield message[1]
                elif message[0] == "end":
                    stats["rows"], stats["truncated"] = message[1], message[2]
                    finished = True
                    return
                else:
                    raise QueryFailed(message[1], message[2])
        finally:
            if finished:
                self._give_back(worker)
            else:  # the client went away or the deadline passed mid-stream: stop the work
                self._discard(worker)

    def _receive(self, worker: _Worker, deadline: float) -> tuple[Any, ...]:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not worker.conn.poll(remaining):
            raise Deadline(f"the query did not finish within {self.timeout:g} s")
        try:
            return worker.conn.recv()
        except (EOFError, OSError) as exc:
            raise QueryFailed(500, "the query worker stopped unexpectedly") from exc

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        self.killed += 1
        self._give_back(None)

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return
