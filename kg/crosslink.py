"""Across articles: the same happening reported twice becomes two events linked by kg:sameEventAs.

Two events are linked when they have the same type, overlapping intervals, places that coincide or
contain each other below the level of a country, and counts that can describe the same group. Both
events keep their own article, source, certainty and evidence: nothing is merged. The links live in the
named graph ``id/graph/links``, so re-ingesting an article never leaves a link inside another's graph.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pyoxigraph as ox

KG = "https://w3id.org/newskg/ontology#"
APPROXIMATE_SLACK = 0.2

COUNT = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?value ?min ?max ?approximate WHERE {{
  <{event}> kg:participants|kg:deaths ?q .
  OPTIONAL {{ ?q kg:value ?value }} OPTIONAL {{ ?q kg:minValue ?min }} OPTIONAL {{ ?q kg:maxValue ?max }}
  OPTIONAL {{ ?q kg:approximate ?approximate }}
}} LIMIT 1"""


def _range(store: Any, event: str) -> tuple[float, float] | None:
    rows = list(store.query(COUNT.format(event=event), use_default_graph_as_union=True))
    if not rows:
        return None
    row = rows[0]
    number = lambda name: float(row[name].value) if row[name] is not None else None  # noqa: E731
    value, low, high = number("value"), number("min"), number("max")
    approximate = row["approximate"] is not None and row["approximate"].value == "true"
    if value is not None:
        slack = value * APPROXIMATE_SLACK if approximate else 0.0
        return value - slack, value + slack
    return (low if low is not None else 0.0), (high if high is not None else float("inf"))


def compatible(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """Counts can describe the same group when their ranges overlap (an unknown count fits anything)."""
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


EVENTS = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?event ?type ?earliest ?latest WHERE {{
  GRAPH <{graph}> {{ ?event kg:reportedIn ?article ; a ?type ; kg:earliest ?earliest ; kg:latest ?latest }}
  FILTER (?type != kg:Event)
}}"""
SAME_KIND = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT DISTINCT ?other WHERE {{
  {{ VALUES ?mine {{ {places} }}
     {{ ?mine kg:locatedIn* ?q }} UNION {{ ?q kg:locatedIn+ ?mine }}
     FILTER (!CONTAINS(STR(?q), "/country/"))
     {{ ?other kg:place ?q }} UNION {{ ?u kg:homeRegion|kg:basedAt ?q . ?other kg:involvesUnit ?u }} }}
  UNION
  {{ <{event}> kg:involvesUnit ?same . ?other kg:involvesUnit ?same }}
  ?other a <{type}> .
  ?other kg:earliest ?e2 . ?other kg:latest ?l2 . ?other kg:reportedIn ?article .
  FILTER (?article != <{graph}> && ?e2 <= "{latest}"^^<http://www.w3.org/2001/XMLSchema#date>
          && "{earliest}"^^<http://www.w3.org/2001/XMLSchema#date> <= ?l2)
}} LIMIT {limit}"""
# At most this many candidates per event: a happening reported by more outlets than this is linked to this
# many of them (each of which links to others), so linking stays linear in the size of the store.
MAX_CANDIDATES = 50
PLACES = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT DISTINCT ?event ?place WHERE {{
  VALUES ?event {{ {events} }}
  ?event kg:place|kg:involvesUnit/kg:homeRegion|kg:involvesUnit/kg:basedAt ?place .
}}"""
ANCESTORS = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT DISTINCT ?place ?ancestor WHERE {{ VALUES ?place {{ {places} }} ?place kg:locatedIn+ ?ancestor }}"""


def _rows(store: Any, query: str) -> list[Any]:
    return list(store.query(query, use_default_graph_as_union=True))


def _places(store: Any, events: list[str]) -> dict[str, set[str]]:
    """The places of events below the level of a country (where it happened, the unit's home and base)."""
    out: dict[str, set[str]] = {e: set() for e in events}
    for start in range(0, len(events), 200):
        values = " ".join(f"<{e}>" for e in events[start:start + 200])
        for row in _rows(store, PLACES.format(events=values)):
            if "/country/" not in row["place"].value:
                out[row["event"].value].add(row["place"].value)
    return out


def _ancestors(store: Any, places: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {p: set() for p in places}
    listed = sorted(places)
    for start in range(0, len(listed), 200):
        values = " ".join(f"<{p}>" for p in listed[start:start + 200])
        for row in _rows(store, ANCESTORS.format(places=values)):
            out[row["place"].value].add(row["ancestor"].value)
    return out


ALL_EVENTS = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?event ?type ?earliest ?latest ?article WHERE {
  ?event kg:reportedIn ?article ; a ?type ; kg:earliest ?earliest ; kg:latest ?latest FILTER (?type != kg:Event)
}"""
MONTHS_KEYED = 36  # an interval longer than this is filed under "any month"


class LinkIndex:
    """Where to look for the same happening: a SQLite file beside the store that files every event under
    (type, place or a place containing it, month), so the candidates for an event are found by key in time
    that does not grow with the store. It is derived data: a missing file is rebuilt from the store."""

    def __init__(self, path: Path, store: Any) -> None:
        fresh = not path.exists()
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS filed (key TEXT, event TEXT, article TEXT)")
        self.db.execute("CREATE INDEX IF NOT EXISTS by_key ON filed (key)")
        self.db.execute("CREATE INDEX IF NOT EXISTS by_article ON filed (article)")
        if fresh:
            rows = _rows(store, ALL_EVENTS)
            for start in range(0, len(rows), 500):
                self._file(store, rows[start:start + 500])
            self.db.commit()

    def _file(self, store: Any, rows: list[Any]) -> None:
        events = sorted({row["event"].value for row in rows})
        places = _places(store, events)
        lineage = _ancestors(store, {p for ps in places.values() for p in ps})
        for row in rows:
            where = places.get(row["event"].value, set())
            wider = {a for p in where for a in lineage.get(p, ()) if "/country/" not in a}
            for key in _keys(row["type"].value, where | wider, row["earliest"].value, row["latest"].value):
                self.db.execute("INSERT INTO filed VALUES (?, ?, ?)", (key, row["event"].value, row["article"].value))

    def replace(self, store: Any, article: str, rows: list[Any]) -> None:
        """File the events of ``article`` (its rows of EVENTS) in place of what was filed for it before."""
        self.db.execute("DELETE FROM filed WHERE article = ?", (article,))
        self._file(store, [_Row({**{k: row[k] for k in ("event", "type", "earliest", "latest")},
                                 "article": ox.NamedNode(article)}) for row in rows])
        self.db.commit()

    def candidates(self, type_: str, places: set[str], lineage: dict[str, set[str]], earliest: str, latest: str,
                   article: str) -> list[str]:
        wider = {a for p in places for a in lineage.get(p, ()) if "/country/" not in a}
        keys = _keys(type_, places | wider, earliest, latest) + [f"{type_}|{p}|*" for p in places | wider]
        found: list[str] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found += [r[0] for r in self.db.execute(
                f"SELECT DISTINCT event FROM filed WHERE key IN ({marks}) AND article != ? LIMIT ?",
                (*chunk, article, MAX_CANDIDATES))]
        return list(dict.fromkeys(found))[:MAX_CANDIDATES]


class _Row(dict):
    pass


def _keys(type_: str, places: set[str], earliest: str, latest: str) -> list[str]:
    start, end = dt.date.fromisoformat(earliest[:10]), dt.date.fromisoformat(latest[:10])
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months > MONTHS_KEYED or months < 1:
        return [f"{type_}|{p}|*" for p in sorted(places)]
    keys = []
    for n in range(months):
        year, month = divmod(start.month - 1 + n, 12)
        keys += [f"{type_}|{p}|{start.year + year:04d}-{month + 1:02d}" for p in sorted(places)]
    return keys


_indexes: dict[Path, LinkIndex] = {}


def link_index(directory: Path | None, store: Any) -> LinkIndex | None:
    """The index of a store on this machine (None for a remote store: its links are found by SPARQL)."""
    if directory is None:
        return None
    path = Path(directory) / "link-index.sqlite"
    if path not in _indexes:
        _indexes[path] = LinkIndex(path, store)
    return _indexes[path]


def find_links(store: Any, article_graph: str, index: LinkIndex | None = None) -> list[tuple[str, str]]:
    """Pairs (event of this article, event of another article) that report the same happening: same type,
    overlapping intervals, places that coincide or contain one another below country level, and counts
    that can describe the same group. Candidates are events placed where this one is (or in a place that
    contains it or that it contains) or involving the same unit, of the same type and overlapping interval:
    walking from places and units keeps the search independent of the size of the store. Places (a unit's
    home and base included) are then compared here."""
    mine = _rows(store, EVENTS.format(graph=article_graph))
    my_places = _places(store, sorted({row["event"].value for row in mine}))
    my_lineage = _ancestors(store, {p for ps in my_places.values() for p in ps}) if index is not None else {}
    candidates: dict[str, list[str]] = {}
    for row in mine:
        where = my_places.get(row["event"].value)
        if not where:
            continue  # an event placed nowhere below a country is linked to nothing
        if index is not None:
            found = index.candidates(row["type"].value, where, my_lineage, row["earliest"].value,
                                     row["latest"].value, article_graph)
            if found:
                candidates[row["event"].value] = found
            continue
        # candidates by place first (the index walks from a place to its events), then type and time
        others = _rows(store, SAME_KIND.format(places=" ".join(f"<{p}>" for p in sorted(where)),
                                               event=row["event"].value, type=row["type"].value,
                                               graph=article_graph,
                                               earliest=row["earliest"].value, latest=row["latest"].value,
                                               limit=MAX_CANDIDATES))
        if others:
            candidates[row["event"].value] = [o["other"].value for o in others]
    if index is not None:
        index.replace(store, article_graph, mine)
    if not candidates:
        return []
    everyone = sorted(set(candidates) | {o for others in candidates.values() for o in others})
    places = _places(store, everyone)
    ancestors = _ancestors(store, {p for ps in places.values() for p in ps})

    def related(a: set[str], b: set[str]) -> bool:
        return any(x == y or y in ancestors.get(x, ()) or x in ancestors.get(y, ()) for x in a for y in b)

    ranges: dict[str, tuple[float, float] | None] = {}

    def count_range(event: str) -> tuple[float, float] | None:
        if event not in ranges:
            ranges[event] = _range(store, event)
        return ranges[event]

    pairs = []
    for event, others in candidates.items():
        for other in others:
            if related(places[event], places[other]) and compatible(count_range(event), count_range(other)):
                pairs.append((event, other))
    return sorted(set(pairs))


def link_quads(pairs: list[tuple[str, str]], graph: str) -> list[ox.Quad]:
    links = ox.NamedNode(graph)
    same = ox.NamedNode(KG + "sameEventAs")
    quads = []
    for event, other in pairs:
        quads.append(ox.Quad(ox.NamedNode(event), same, ox.NamedNode(other), links))
        quads.append(ox.Quad(ox.NamedNode(other), same, ox.NamedNode(event), links))
    return quads
