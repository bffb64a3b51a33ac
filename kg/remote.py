"""The scale-out backend: an existing SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, another newskg) as the store.

``KG_STORE=sparql+http://host:port/sparql`` (or ``sparql+https://``) selects it; updates go to the same URL
or to ``KG_STORE_UPDATE_URL``, with ``KG_STORE_USER``/``KG_STORE_PASSWORD`` (HTTP digest, falling back to
basic) when set. It offers what the embedded store offers to the rest of the code — queries that return
pyoxigraph results, one transaction per write — so build, submissions, the endpoint and entity pages run
unchanged on top of it.

What a remote server cannot promise, it is told plainly here: a write is one update request (atomic where
the server makes requests atomic, as Virtuoso and Fuseki do), large writes are split into requests of
``CHUNK`` triples, and a query past its deadline is abandoned by the client while the server may go on.
Servers differ too: queries are always sent as form POSTs (Virtuoso 7 stalls on direct POSTs), and an ASK
answered as a one-row SELECT (as Virtuoso 7 does for some formats) is read as the boolean it stands for.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pyoxigraph as ox
import requests

from kg.errors import QueryError, StoreError

CHUNK = 10_000
RESULTS = "application/sparql-results+json"


def is_remote(location: str) -> bool:
    return location.startswith(("sparql+http://", "sparql+https://"))


def _nt(quads: Iterable[ox.Quad]) -> str:
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


class RemoteStore:
    """A SPARQL 1.1 Protocol server used as the dataset."""

    def __init__(self, location: str, update_url: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 60.0) -> None:
        self.query_url = location.removeprefix("sparql+")
        self.update_url = update_url or self.query_url
        self.timeout = timeout
        self.path = self.query_url  # shown in messages, like Store.path
        self._local = threading.local()
        self._auth: Any = None
        if user:
            self._auth = requests.auth.HTTPDigestAuth(user, password or "")
            self._basic = requests.auth.HTTPBasicAuth(user, password or "")

    @property
    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
        return session

    # -- reading ----------------------------------------------------------------------------------------
    def post_query(self, text: str, accept: str, timeout: float | None = None,
                   default_graphs: Iterable[str] = (), named_graphs: Iterable[str] = ()) -> requests.Response:
        data: list[tuple[str, str]] = [("query", text)]
        data += [("default-graph-uri", g) for g in default_graphs if g]
        data += [("named-graph-uri", g) for g in named_graphs]
        try:
            response = self.session.post(self.query_url, data=data, headers={"Accept": accept},
                                         timeout=timeout or self.timeout, stream=True)
        except requests.Timeout as exc:
            raise TimeoutError(f"{self.query_url} did not answer within {timeout or self.timeout:g} s") from exc
        except requests.RequestException as exc:
            raise StoreError(f"{self.query_url}: cannot reach the SPARQL server: {exc}") from exc
        if response.status_code >= 400:
            message = response.text[:500]
            raise QueryError(f"the SPARQL server refused the query ({response.status_code}): {message}")
        return response

    def query(self, text: str, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              **_: Any) -> Any:
        """Results as pyoxigraph objects (QuerySolutions, QueryBoolean or QueryTriples)."""
        response = self.post_query(text, f"{RESULTS}, text/turtle;q=0.9, application/n-triples;q=0.8",
                                   default_graphs=default_graphs or (), named_graphs=named_graphs or ())
        return parse_response(response, is_ask(text))

    @property
    def reader(self) -> RemoteStore:
        return self

    @property
    def writer(self) -> _RemoteHandle:
        return _RemoteHandle(self)

    def current_generation(self) -> str:
        return "remote"

    def named_graphs(self) -> list[str]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"].value for row in rows if isinstance(row["g"], ox.NamedNode))

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"))
        return int(rows[0]["n"].value)

    # -- writing ----------------------------------------------------------------------------------------
    def update(self, text: str) -> None:
        try:
            response = self.session.post(self.update_url, data={"update": text}, auth=self._auth,
                                         timeout=self.timeout)
            if response.status_code == 401 and self._auth is not None and "basic" in response.headers.get(
                    "WWW-Authenticate", "").lower():
                response = self.session.post(self.update_url, data={"update": text}, auth=self._basic,
                                             timeout=self.timeout)
        except requests.RequestException as exc:
            raise StoreError(f"{self.update_url}: cannot reach the SPARQL server: {exc}") from exc
        if response.status_code >= 400:
            raise QueryError(f"the SPARQL server refused the update ({response.status_code}): {response.text[:500]}")

    def replace_graphs(self, graphs: dict[str, list[ox.Quad]], add: dict[str, list[ox.Quad]] | None = None) -> None:
        parts = [f"DROP SILENT GRAPH <{name}>" for name in graphs]
        small = True
        for name, quads in {**graphs, **(add or {})}.items():
            if len(quads) > CHUNK:
                small = False
            for start in range(0, len(quads), CHUNK):
                parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{_nt(quads[start:start + CHUNK])}\n}} }}")
        if small:
            self.update(" ;\n".join(parts))  # one request: one transaction on the server
        else:
            for part in parts:
                self.update(part)

    def drop_graph(self, name: str) -> None:
        self.update(f"DROP SILENT GRAPH <{name}>")

    @contextmanager
    def transaction(self) -> Iterator[_RemoteHandle]:
        yield _RemoteHandle(self)

    def publish(self) -> str:
        return "remote"  # a remote server's writes are visible once answered

    def snapshot_dir(self) -> str:
        return self.query_url

    def close(self) -> None:
        pass

    def close_writer(self) -> None:
        pass


class _RemoteHandle:
    """What a transaction on the embedded store offers (update, extend, query, load), over the protocol."""

    def __init__(self, store: RemoteStore) -> None:
        self.store = store

    def update(self, text: str, base_iri: str | None = None) -> None:
        self.store.update(f"BASE <{base_iri}>\n{text}" if base_iri else text)

    def query(self, text: str, **kwargs: Any) -> Any:
        return self.store.query(text)

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        by_graph: dict[str, list[ox.Quad]] = {}
        default: list[ox.Quad] = []
        for quad in quads:
            if isinstance(quad.graph_name, ox.DefaultGraph):
                default.append(quad)
            else:
                by_graph.setdefault(quad.graph_name.value, []).append(quad)
        for name, group in by_graph.items():
            for start in range(0, len(group), CHUNK):
                self.update(f"INSERT DATA {{ GRAPH <{name}> {{\n{_nt(group[start:start + CHUNK])}\n}} }}")
        for start in range(0, len(default), CHUNK):
            self.update(f"INSERT DATA {{\n{_nt(default[start:start + CHUNK])}\n}}")

    bulk_extend = extend

    def load(self, path: str, format: ox.RdfFormat, to_graph: Any = None) -> None:  # noqa: A002
        target = to_graph if to_graph is not None else ox.DefaultGraph()
        self.extend(ox.Quad(q.subject, q.predicate, q.object, target) for q in ox.parse(path=path, format=format))

    bulk_load = load

    def flush(self) -> None:
        pass


def is_ask(text: str) -> bool:
    from kg.protocol import _top_level_words

    words = [w for w, _ in _top_level_words(text) if w not in ("PREFIX", "BASE")]
    return bool(words) and words[0] == "ASK"


def parse_response(response: requests.Response, ask: bool) -> Any:
    media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    body = response.content
    if media in (RESULTS, "application/json"):
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    elif media in ("application/sparql-results+xml", "application/xml"):
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
    else:
        fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.TURTLE
        return _Triples(list(ox.parse(body, format=fmt)))
    if ask and isinstance(result, ox.QuerySolutions):
        rows = list(result)  # an ASK answered as a one-row SELECT: the row's one value is the answer
        answer = bool(rows) and any(str(v.value).lower() in ("1", "true") for v in rows[0] if v is not None)
        return _Boolean(answer)
    return result


class _Boolean:
    def __init__(self, value: bool) -> None:
        self.value = value

    def __bool__(self) -> bool:
        return self.value


class _Triples(list):  # type: ignore[type-arg]
    """The triples of a CONSTRUCT/DESCRIBE answer."""


class RemoteRunner:
    """Queries of the web service, answered by the remote server under the same deadline as local ones."""

    def __init__(self, store: RemoteStore, timeout: float) -> None:
        self.store = store
        self.timeout = timeout
        self.killed = 0
        self.started = 0

    def run(self, job: Any) -> tuple[str, str, Iterator[bytes], dict[str, Any]]:
        import time

        from kg.workers import Deadline, QueryFailed

        accept = ", ".join(m for m in (job.results_media, f"{job.graph_media};q=0.9" if job.graph_media else None) if m)
        deadline = time.monotonic() + self.timeout
        try:
            response = self.store.post_query(job.text, accept or "*/*", timeout=self.timeout,
                                             default_graphs=job.default_graphs, named_graphs=job.named_graphs)
        except TimeoutError as exc:
            self.killed += 1
            raise Deadline(str(exc)) from exc
        except QueryError as exc:
            raise QueryFailed(400, exc.message) from exc
        except StoreError as exc:
            raise QueryFailed(502, exc.message) from exc
        media = response.headers.get("Content-Type", "application/octet-stream").split(";")[0].strip()
        if is_ask(job.text) and media in (RESULTS, "application/json"):
            result = parse_response(response, True)
            if isinstance(result, _Boolean):
                body = ('{"head":{},"boolean":%s}' % ("true" if result else "false")).encode()
                return RESULTS, "boolean", iter([body]), {"rows": 1, "truncated": False}
            response = None
            return RESULTS, "boolean", iter([result.serialize(format=ox.QueryResultsFormat.JSON)]), {"rows": 1}
        kind = "graph" if ox.RdfFormat.from_media_type(media) else "solutions"

        def chunks() -> Iterator[bytes]:
            for chunk in response.iter_content(64 * 1024):
                if time.monotonic() > deadline:
                    response.close()
                    raise Deadline(f"the query did not finish within {self.timeout:g} s")
                yield chunk

        return media, kind, chunks(), {"rows": None, "truncated": False}

    def close(self) -> None:
        pass
