"""Queries under a deadline: each runs in a worker process that can be killed.

pyoxigraph cannot cancel a query, and its result iterators must be consumed on the thread that made them.
So the web process never runs a query itself: it hands the query to a worker process (which holds the
newest snapshot open read-only), receives the serialized results in chunks, and kills the worker when the
deadline passes — the work really stops — then starts a fresh one. Workers import only pyoxigraph, this module,
kg.answers and kg.planner, so a replacement is ready in a fraction of a second.

Messages from a worker: ("head", media, kind) once, then ("data", bytes)*, then ("end", rows, truncated);
or ("error", status, message) instead of all of them.
"""
from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import queue
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.answers import AnswerCache, keepable
from kg.planner import reorder_paths

CHUNK = 64 * 1024
MAIN_NICE = 5  # the main lane's priority when there is a quick lane (see QueryPool)
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
    reorder_paths: bool = False  # put property paths where they are cheap first (kg.planner)


@dataclass(frozen=True)
class Warm:
    """Sent to a fresh worker: open this snapshot now, so that the first query does not wait for it."""
    snapshot: str


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
    text = reorder_paths(job.text) if job.reorder_paths else job.text
    try:
        try:
            result = store.query(text, **kwargs)
        except SyntaxError:
            if text is job.text:
                raise
            result = store.query(job.text, **kwargs)  # the error message must point into what was sent
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


def worker_main(conn: Connection, nice: int = 0) -> None:
    if nice:
        os.nice(nice)
    store: ox.Store | None = None
    opened: str | None = None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        if isinstance(job, Warm):  # open the snapshot ahead of the first query; nobody waits for an answer
            try:
                store, opened = ox.Store.read_only(job.snapshot), job.snapshot
            except Exception:  # noqa: BLE001 - the first query will open it again and report what fails
                store, opened = None, None
            continue
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
    def __init__(self, ctx: Any, nice: int = 0) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker_main, args=(child, nice), daemon=True, name="kg-query-worker")
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class _Lane:
    """Up to ``size`` worker processes, started when first needed; a borrower waits for a free one. Workers
    run at ``nice``: a higher value gives up the processor to the other lane when both have work."""

    def __init__(self, ctx: Any, size: int, nice: int = 0) -> None:
        self.ctx, self.size, self.nice = ctx, size, nice
        self.idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self.lock = threading.Lock()
        self.started = 0

    def borrow(self) -> _Worker:
        return self.try_borrow() or self.idle.get()

    def try_borrow(self) -> _Worker | None:
        """An idle worker, or a new one if the lane has room; None if all are busy."""
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        with self.lock:
            if self.started < self.size:
                self.started += 1
                return _Worker(self.ctx, self.nice)
        return None

    def prestart(self, snapshot: str) -> None:
        """Start one worker ahead of need, if the lane has room, with ``snapshot`` open: it is ready by the
        time it is wanted."""
        with self.lock:
            if self.started >= self.size:
                return
            self.started += 1
        worker = _Worker(self.ctx, self.nice)
        worker.conn.send(Warm(snapshot))
        self.idle.put(worker)

    def give_back(self, worker: _Worker | None) -> None:
        if worker is None:  # it was killed: its place may be taken by a fresh one
            with self.lock:
                self.started -= 1
        else:
            self.idle.put(worker)

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return


# Literals and IRIs in a query: what varies between two asks of the same question about different things.
_CONSTANTS = re.compile(r"<[^<>\s\"{}|^`]*>|\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''"
                        r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|(?<![\w:?$])[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b")


def query_shape(text: str) -> str:
    """The query with its IRIs, literals and numbers blanked out, white space normalized."""
    return " ".join(_CONSTANTS.sub("\x00", text).split())


class ShapeHistory:
    """How long the latest runs of each query shape took, for the last ``capacity`` shapes seen."""

    def __init__(self, quick_seconds: float, capacity: int = 4096, keep: int = 8) -> None:
        self.quick_seconds, self.capacity, self.keep = quick_seconds, capacity, keep
        self.runs: OrderedDict[str, list[float]] = OrderedDict()
        self.lock = threading.Lock()

    def record(self, shape: str, seconds: float) -> None:
        with self.lock:
            runs = self.runs.pop(shape, [])
            self.runs[shape] = (runs + [seconds])[-self.keep:]
            while len(self.runs) > self.capacity:
                self.runs.popitem(last=False)

    def overran(self, shape: str) -> None:
        """A run of ``shape`` was stopped in the quick lane: it must prove itself again."""
        with self.lock:
            self.runs.pop(shape, None)
            self.runs[shape] = [float("inf")]

    def is_quick(self, shape: str) -> bool:
        """Quick: answered at least twice, and most of the latest answers came within ``quick_seconds`` (one
        large answer among many small ones, as entity pages have, does not change that)."""
        with self.lock:
            runs = self.runs.get(shape)
            return runs is not None and len(runs) >= 2 and sorted(runs)[len(runs) // 2] <= self.quick_seconds


@dataclass
class _Run:
    lane: _Lane
    worker: _Worker
    shape: str
    snapshot: str
    sent: float
    deadline: float


class QueryPool:
    """Worker processes for one web process; each query borrows one for its whole response.

    Two lanes: the main one, and a small quick lane for queries whose shape (the query with its constants
    blanked out) has lately always answered within ``quick_seconds`` — entity pages, DESCRIBE of one
    resource — so that they never wait for a worker behind analytical queries. A quick query still takes a
    main worker when one is free: the quick lane is for when all of them are busy. A query in the quick lane
    that has not produced its first ``BUFFER`` bytes within ``quick_budget`` is stopped and run again in
    the main lane, within what remains of its deadline; its shape is no longer quick."""

    def __init__(self, size: int, timeout: float, quick: int = 1, quick_seconds: float = 0.1,
                 quick_budget: float = 1.0, cache_bytes: int = 0) -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.timeout = timeout
        # With a quick lane, the main lane's workers run at a lower priority: a lookup then waits neither for a
        # worker nor for the processor while analytical queries run (they lose only what the lookups use).
        self.main = _Lane(self.ctx, size, nice=MAIN_NICE if quick else 0)
        self.quick = _Lane(self.ctx, quick)
        self.quick_budget = quick_budget
        self.shapes = ShapeHistory(quick_seconds)
        self.killed = 0
        self.quick_answers = 0
        self.answers = AnswerCache(cache_bytes) if cache_bytes > 0 else None

    @property
    def started(self) -> int:
        return self.main.started + self.quick.started

    def run(self, job: QueryJob) -> tuple[str, str, Iterator[bytes], dict[str, Any]]:
        """Start ``job``; returns (media, kind, body chunks, stats). The deadline covers the whole response:
        a query that has not finished streaming by then is killed. ``stats`` gets rows/truncated at the end,
        and ``cached`` when the answer was kept from an earlier run on the same snapshot."""
        if self.answers is None or not keepable(job.text):
            return self._answer(job)
        kept = self.answers.get(job)
        if kept is not None:
            return kept.media, kept.kind, iter([kept.body]), {"rows": kept.rows, "truncated": kept.truncated,
                                                             "cached": True}
        media, kind, body, stats = self._answer(job)
        return media, kind, self.answers.keep(job, media, kind, body, stats), stats

    def _answer(self, job: QueryJob) -> tuple[str, str, Iterator[bytes], dict[str, Any]]:
        deadline = time.monotonic() + self.timeout
        shape = query_shape(job.text) + f"\x01{len(job.default_graphs)},{len(job.named_graphs)}"
        if self.quick.size and not self.quick.started:
            self.quick.prestart(job.snapshot)
        if self.quick.size and self.shapes.is_quick(shape):
            worker = self.main.try_borrow()
            if worker is not None:  # a main worker is free: no need to take the quick lane's
                return self._run(self.main, job, shape, deadline, deadline, worker)
            try:
                answer = self._run(self.quick, job, shape, min(deadline, time.monotonic() + self.quick_budget),
                                   deadline)
                self.quick_answers += 1
                return answer
            except Deadline:
                self.shapes.overran(shape)
                if time.monotonic() >= deadline:
                    raise
        return self._run(self.main, job, shape, deadline, deadline)

    def _run(self, lane: _Lane, job: QueryJob, shape: str, first: float, deadline: float,
             worker: _Worker | None = None) -> tuple[str, str, Iterator[bytes], dict[str, Any]]:
        """Run ``job`` in ``lane`` (on ``worker``, borrowed from it, if given); its first BUFFER bytes (or all of
        it) must come by ``first``, the rest by ``deadline``."""
        worker = worker or lane.borrow()
        run = _Run(lane, worker, shape, job.snapshot, time.monotonic(), first)
        try:
            worker.conn.send(job)
            message = self._receive(run)
        except BaseException:
            self._discard(run)
            raise
        if message[0] == "error":
            lane.give_back(worker)
            raise QueryFailed(message[1], message[2])
        _, media, kind = message
        stats: dict[str, Any] = {"rows": None, "truncated": False}
        stream = self._stream(run, stats)
        # Hold back the first BUFFER bytes: a query that runs out of time before then still gets a clean 503.
        held: list[bytes] = []
        size = 0
        for chunk in stream:
            held.append(chunk)
            size += len(chunk)
            if size >= BUFFER:
                run.deadline = deadline
                return media, kind, itertools.chain(held, stream), stats
        return media, kind, iter(held), stats

    def _stream(self, run: _Run, stats: dict[str, Any]) -> Iterator[bytes]:
        finished = False
        try:
            while True:
                message = self._receive(run)
                if message[0] == "data":
                    yield message[1]
                elif message[0] == "end":
                    stats["rows"], stats["truncated"] = message[1], message[2]
                    finished = True
                    self.shapes.record(run.shape, time.monotonic() - run.sent)
                    return
                else:
                    raise QueryFailed(message[1], message[2])
        finally:
            if finished:
                run.lane.give_back(run.worker)
            else:  # the client went away or the deadline passed mid-stream: stop the work
                self._discard(run)

    def _receive(self, run: _Run) -> tuple[Any, ...]:
        remaining = run.deadline - time.monotonic()
        if remaining <= 0 or not run.worker.conn.poll(remaining):
            raise Deadline(f"the query did not finish within {self.timeout:g} s")
        try:
            return run.worker.conn.recv()
        except (EOFError, OSError) as exc:
            raise QueryFailed(500, "the query worker stopped unexpectedly") from exc

    def _discard(self, run: _Run) -> None:
        run.worker.kill()
        self.killed += 1
        run.lane.give_back(None)
        run.lane.prestart(run.snapshot)  # the replacement starts now, not when the next query needs it

    def close(self) -> None:
        self.main.close()
        self.quick.close()
