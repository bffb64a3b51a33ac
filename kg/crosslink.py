"""Across articles: the same happening reported twice becomes two events linked by kg:sameEventAs.

Two events are linked when they have the same type, overlapping intervals, places that coincide or
contain each other below the level of a country, and counts that can describe the same group. Both
events keep their own article, source, certainty and evidence: nothing is merged. The links live in the
named graph ``id/graph/links``, so re-ingesting an article never leaves a link inside another's graph.
"""
from __future__ import annotations

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


def find_links(store: Any, article_graph: str) -> list[tuple[str, str]]:
    """Pairs (event of this article, event of another article) that report the same happening: same type,
    overlapping intervals, places that coincide or contain one another below country level, and counts
    that can describe the same group. Candidates are events placed where this one is (or in a place that
    contains it or that it contains) or involving the same unit, of the same type and overlapping interval:
    walking from places and units keeps the search independent of the size of the store. Places (a unit's
    home and base included) are then compared here."""
    mine = _rows(store, EVENTS.format(graph=article_graph))
    my_places = _places(store, sorted({row["event"].value for row in mine}))
    candidates: dict[str, list[str]] = {}
    for row in mine:
        where = my_places.get(row["event"].value)
        if not where:
            continue  # an event placed nowhere below a country is linked to nothing
        # candidates by place first (the index walks from a place to its events), then type and time
        others = _rows(store, SAME_KIND.format(places=" ".join(f"<{p}>" for p in sorted(where)),
                                               event=row["event"].value, type=row["type"].value,
                                               graph=article_graph,
                                               earliest=row["earliest"].value, latest=row["latest"].value,
                                               limit=MAX_CANDIDATES))
        if others:
            candidates[row["event"].value] = [o["other"].value for o in others]
    if not candidates:
        return []
    everyone = sorted(set(candidates) | {o for others in candidates.values() for o in others})
    places = _places(store, everyone)
    ancestors = _ancestors(store, {p for ps in places.values() for p in ps})

    def related(a: set[str], b: set[str]) -> bool:
        return any(x == y or y in ancestors.get(x, ()) or x in ancestors.get(y, ()) for x in a for y in b)

    pairs = []
    for event, others in candidates.items():
        for other in others:
            if related(places[event], places[other]) and compatible(_range(store, event), _range(store, other)):
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
