"""The dataset on disk: embedded Oxigraph, one writer, readers on published snapshots.

Layout of a store directory (``KG_STORE``)::

    db/                  the read-write Oxigraph store, opened by one writing process at a time
    snapshots/gen-N/     consistent copies made with Store.backup (hard links) after each write
    CURRENT              the name of the newest snapshot; replaced atomically

Writers change ``db/`` in one SPARQL update per article or submission (all of it or none of it is seen) and
then publish a snapshot. Readers open the snapshot CURRENT names read-only and reopen when it moves, so a
query never sees half a write and never blocks a writer.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import InputError, NotFound, QueryError, StoreError

KEEP_SNAPSHOTS = 3
LOCK_WAIT = 30.0  # seconds a writer waits for another writer (a build, an import) to finish


def to_ox_term(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise InputError(f"cannot store term {term!r}")


def graph_quads(graph: Graph, name: str) -> list[ox.Quad]:
    g = ox.NamedNode(name)
    return [ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o), g) for s, p, o in graph]  # type: ignore[arg-type]


def _ntriples(quads: Iterable[ox.Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


class _Handle:
    """The read-write pyoxigraph store for the length of one transaction. It holds the only reference
    besides Store's, so the RocksDB store really closes when the transaction ends."""

    def __init__(self, store: ox.Store) -> None:
        self._store: ox.Store | None = store

    def __getattr__(self, name: str) -> object:
        if self._store is None:
            raise StoreError("the transaction has ended")
        return getattr(self._store, name)

    def release(self) -> None:
        self._store = None


class Store:
    """The embedded Oxigraph dataset at ``path``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._writer: ox.Store | None = None
        self._lock_file: int | None = None
        self._reader: ox.Store | None = None
        self._reader_generation: str | None = None
        self._pointer = str(self.path / "CURRENT")
        self._current: tuple[tuple[int, int], str | None] | None = None  # CURRENT's (inode, mtime) and content
        self._lock = threading.Lock()
        self._write_lock = threading.RLock()

    # -- writing ----------------------------------------------------------------------------------------
    def _acquire(self, wait: float) -> None:
        """The store's write lock, shared by every process (builds, imports, web workers)."""
        (self.path / "snapshots").mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / "WRITER.lock", os.O_RDWR | os.O_CREAT, 0o644)
        give_up = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= give_up:
                    os.close(fd)
                    raise StoreError(f"{self.path}: another process is writing to the store (a `kg build` or "
                                     f"`kg import`?); try again when it has finished") from None
                time.sleep(0.05)
        self._lock_file = fd

    @property
    def writer(self) -> ox.Store:
        if self._writer is None:
            if self._lock_file is None:
                self._acquire(LOCK_WAIT)
            try:
                self._writer = ox.Store(str(self.path / "db"))
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the store for writing ({exc})") from exc
        return self._writer

    @contextmanager
    def transaction(self) -> Iterator[_Handle]:
        """Exclusive write access across processes; on success the result is published to readers.
        Each ``update`` inside is atomic; the lock is released (and the store closed) afterwards."""
        with self._write_lock:
            handle = _Handle(self.writer)
            try:
                yield handle
                self.publish()
            finally:
                handle.release()
                self.close_writer()

    def close_writer(self) -> None:
        self._writer = None  # dropping the last reference closes the RocksDB store
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            os.close(self._lock_file)
            self._lock_file = None

    def replace_graphs(self, graphs: dict[str, list[ox.Quad]], add: dict[str, list[ox.Quad]] | None = None) -> None:
        """Replace each named graph of ``graphs`` and add ``add`` to others, all in one transaction."""
        parts = [f"DROP SILENT GRAPH <{name}>" for name in graphs]
        for name, quads in {**graphs, **(add or {})}.items():
            if quads:
                parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{_ntriples(quads)}\n}} }}")
        self.writer.update(" ;\n".join(parts))

    def drop_graph(self, name: str) -> None:
        self.writer.update(f"DROP SILENT GRAPH <{name}>")

    def bulk_load(self, path: Path, graph: str | None, fmt: ox.RdfFormat) -> None:
        to = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        self.writer.bulk_load(path=str(path), format=fmt, to_graph=to if fmt not in (
            ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG) else None)

    def publish(self) -> str:
        """Make everything written so far visible to readers: a new snapshot and CURRENT pointing to it."""
        self.writer.flush()
        snapshots = self.path / "snapshots"
        numbers = [int(p.name.split("-")[1]) for p in snapshots.glob("gen-*") if p.name.split("-")[1].isdigit()]
        name = f"gen-{max(numbers, default=0) + 1:06d}"
        self.writer.backup(str(snapshots / name))
        pointer = self.path / "CURRENT.tmp"
        pointer.write_text(name)
        os.replace(pointer, self.path / "CURRENT")
        for old in sorted(snapshots.glob("gen-*"))[:-KEEP_SNAPSHOTS]:
            shutil.rmtree(old, ignore_errors=True)
        return name

    def close(self) -> None:
        self.close_writer()
        self._reader = None

    # -- reading ----------------------------------------------------------------------------------------
    def current_generation(self) -> str | None:
        """The published snapshot's name. CURRENT is read again only when it has been replaced (a publish
        renames a new file over it), which a stat tells: this runs on every query."""
        try:
            stat = os.stat(self._pointer)
            known = self._current
            if known is not None and known[0] == (stat.st_ino, stat.st_mtime_ns):
                return known[1]
            with open(self._pointer, encoding="utf-8") as pointer:
                name = pointer.read().strip() or None
        except FileNotFoundError:
            return None
        self._current = ((stat.st_ino, stat.st_mtime_ns), name)
        return name

    def snapshot_dir(self) -> str:
        generation = self.current_generation()
        if generation is None:
            raise NotFound(f"{self.path}: the store is empty; run `kg build` first")
        return str(self.path / "snapshots" / generation)

    @property
    def reader(self) -> ox.Store:
        """The newest published snapshot, opened read-only (reopened when a newer one is published)."""
        generation = self.current_generation()
        if generation is None:
            raise NotFound(f"{self.path}: the store is empty; run `kg build` first")
        with self._lock:
            if generation != self._reader_generation or self._reader is None:
                try:
                    self._reader = ox.Store.read_only(str(self.path / "snapshots" / generation))
                except OSError as exc:
                    raise StoreError(f"{self.path}: cannot open snapshot {generation}: {exc}") from exc
                self._reader_generation = generation
            return self._reader

    def query(self, text: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query; the default graph is the union of all graphs unless ``default_graphs``."""
        kwargs: dict[str, object] = {}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self.reader.query(text, **kwargs)  # type: ignore[arg-type]
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, ValueError) as exc:
            raise QueryError(f"query failed: {exc}") from exc

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.reader.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self.reader)


@contextmanager
def opened(path: str | os.PathLike[str]) -> Iterator[Store]:
    store = Store(path)
    try:
        yield store
    finally:
        store.close()


def open_store(location: str, settings: dict[str, str] | None = None) -> Any:
    """The store named by KG_STORE: a directory (embedded Oxigraph) or ``sparql+http(s)://...`` (a remote
    SPARQL 1.1 server, see kg.remote)."""
    from kg.remote import RemoteStore, is_remote

    if is_remote(location):
        settings = settings or {}
        return RemoteStore(location, settings.get("KG_STORE_UPDATE_URL") or None,
                           settings.get("KG_STORE_USER") or None, settings.get("KG_STORE_PASSWORD") or None,
                           float(settings.get("KG_QUERY_TIMEOUT") or 60))
    return Store(location)
