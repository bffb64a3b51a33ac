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

CANDIDATES = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT DISTINCT ?event ?other WHERE {{
  GRAPH <{graph}> {{ ?event kg:reportedIn ?article ; a ?type ; kg:earliest ?e1 ; kg:latest ?l1 . }}
  FILTER (?type != kg:Event)
  ?other a ?type ; kg:reportedIn ?otherArticle ; kg:earliest ?e2 ; kg:latest ?l2 .
  FILTER (?otherArticle != ?article && ?e1 <= ?l2 && ?e2 <= ?l1)
  ?event kg:place|kg:involvesUnit/kg:homeRegion|kg:involvesUnit/kg:basedAt ?p1 .
  ?other kg:place|kg:involvesUnit/kg:homeRegion|kg:involvesUnit/kg:basedAt ?p2 .
  FILTER NOT EXISTS {{ ?p1 a kg:Country }} FILTER NOT EXISTS {{ ?p2 a kg:Country }}
  FILTER (?p1 = ?p2 || EXISTS {{ ?p1 kg:locatedIn+ ?p2 }} || EXISTS {{ ?p2 kg:locatedIn+ ?p1 }})
}}"""
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


def find_links(store: Any, article_graph: str) -> list[tuple[str, str]]:
    """Pairs (event of this article, event of another article) that report the same happening."""
    pairs = []
    for row in store.query(CANDIDATES.format(graph=article_graph), use_default_graph_as_union=True):
        event, other = row["event"].value, row["other"].value
        if compatible(_range(store, event), _range(store, other)):
            pairs.append((event, other))
    return pairs


def link_quads(pairs: list[tuple[str, str]], graph: str) -> list[ox.Quad]:
    links = ox.NamedNode(graph)
    same = ox.NamedNode(KG + "sameEventAs")
    quads = []
    for event, other in pairs:
        quads.append(ox.Quad(ox.NamedNode(event), same, ox.NamedNode(other), links))
        quads.append(ox.Quad(ox.NamedNode(other), same, ox.NamedNode(event), links))
    return quads
