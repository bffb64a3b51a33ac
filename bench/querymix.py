"""The query mix of the benchmark: what newskg's users ask, with parameters drawn from the generated data.

One query mix is one query of each type, in this order:

| type | what a user does |
|---|---|
| entity_event, entity_unit, entity_region | open the entity page of an event / unit / region: all its triples, both directions |
| events_by_region | events placed in a region (or anywhere inside it, via kg:place/kg:locatedIn*) in a time window |
| refusals_per_month | deployment refusals per region per month in one country and year (GROUP BY) |
| claims | the claims about one unit with their articles, sources, certainty and evidence |
| reference_join | events in the settlements of a region or country, joined with the reference graph through kg:locatedIn+ (labels, geometry) |
| label_search | search box: labels containing a word (FILTER CONTAINS(LCASE(...))) |
| construct_event | CONSTRUCT of one event with its evidence and counts |
| describe_event | DESCRIBE of one event |

The ``path-first`` variant asks the same three kg:locatedIn queries (events_by_region, refusals_per_month,
reference_join) with the property path written before the event patterns: the same answers, but pyoxigraph
evaluates patterns much in the order written around a property path, and this order is the cheap one for it.

Parameters come from ``DATA.params.json`` written by bench/generate.py. Entity pages are opened uniformly
over the events, units and regions that occur (a visitor clicks around the long tail); the analytical
queries pick units and regions with weights proportional to the square root of how often they occur (popular
ones are asked about more, but not only they). Each client has its own seeded random generator, so a run
is repeatable and every system gets the same sequence of queries.

    .venv/bin/python bench/querymix.py /tmp/kg-bench-10k.nq [SEED] [--path-first]   # print one mix
"""
from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PREFIXES = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
BASE = "https://w3id.org/newskg/id/"
TYPES = ["entity_event", "entity_unit", "entity_region", "events_by_region", "refusals_per_month", "claims",
         "reference_join", "label_search", "construct_event", "describe_event"]
ENTITY_TYPES = ("entity_event", "entity_unit", "entity_region")
GRAPH_TYPES = ("construct_event", "describe_event")  # answered as Turtle
SELECT_ACCEPT = "application/sparql-results+json"
GRAPH_ACCEPT = "text/turtle"


@dataclass(frozen=True)
class Query:
    type: str
    text: str

    @property
    def graph(self) -> bool:
        return self.type in GRAPH_TYPES

    @property
    def accept(self) -> str:
        return GRAPH_ACCEPT if self.graph else SELECT_ACCEPT


def entity(iri: str) -> str:
    return f"SELECT ?s ?p ?o WHERE {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}"


def events_by_region(region: str, start: dt.date, end: dt.date, path_first: bool = False) -> str:
    events = "?event kg:place ?place ; a ?type ; kg:earliest ?earliest ."
    path = f"?place kg:locatedIn* <{region}> ."
    return PREFIXES + f"""SELECT ?event ?type ?place ?earliest ?latest WHERE {{
  {path if path_first else events}
  {events if path_first else path}
  FILTER(?earliest >= "{start.isoformat()}"^^xsd:date && ?earliest < "{end.isoformat()}"^^xsd:date)
  OPTIONAL {{ ?event kg:latest ?latest }}
}} ORDER BY ?earliest ?event"""


def refusals_per_month(country: str, year: int, path_first: bool = False) -> str:
    events = "?event a kg:DeploymentRefusal ; kg:earliest ?day ; kg:place ?place ."
    regions = f"?region a kg:Region ; kg:locatedIn <{country}> ; rdfs:label ?label ."
    path = "?place kg:locatedIn* ?region ."
    body = f"{regions}\n  {path}\n  {events}" if path_first else f"{events}\n  {path}\n  {regions}"
    return PREFIXES + f"""SELECT ?region ?label ?month (COUNT(DISTINCT ?event) AS ?events) WHERE {{
  {body}
  FILTER(?day >= "{year}-01-01"^^xsd:date && ?day < "{year + 1}-01-01"^^xsd:date)
  BIND(SUBSTR(STR(?day), 1, 7) AS ?month)
}} GROUP BY ?region ?label ?month ORDER BY ?region ?month"""


def claims(unit: str) -> str:
    return PREFIXES + f"""SELECT ?event ?type ?certainty ?article ?published ?source ?sourceLabel ?exact ?start ?end WHERE {{
  ?event kg:involvesUnit <{unit}> ; a ?type ; kg:certainty ?certainty ; kg:reportedIn ?article ;
         kg:evidence ?evidence .
  ?evidence kg:exact ?exact ; kg:start ?start ; kg:end ?end .
  OPTIONAL {{ ?article schema:datePublished ?published }}
  OPTIONAL {{ ?event kg:accordingTo ?source . ?source rdfs:label ?sourceLabel }}
}} ORDER BY DESC(?published) ?event LIMIT 100"""


def reference_join(area: str, path_first: bool = False) -> str:
    event = "?event kg:place ?settlement ."
    settlement = f"""?settlement a kg:Settlement ; kg:locatedIn+ <{area}> ; rdfs:label ?label ;
              geo:hasGeometry ?geometry .
  ?geometry geo:asWKT ?wkt ."""
    if path_first:
        settlement = settlement.replace(f"a kg:Settlement ; kg:locatedIn+ <{area}> ;",
                                        f"kg:locatedIn+ <{area}> ; a kg:Settlement ;")
    body = f"{settlement}\n  {event}" if path_first else f"{event}\n  {settlement}"
    return PREFIXES + f"""SELECT ?settlement ?label ?wkt (COUNT(DISTINCT ?event) AS ?events) WHERE {{
  {body}
}} GROUP BY ?settlement ?label ?wkt ORDER BY DESC(?events) ?settlement"""


def label_search(term: str) -> str:
    return PREFIXES + f"""SELECT ?s ?label WHERE {{
  ?s rdfs:label ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), "{term}"))
}} LIMIT 50"""


def construct_event(event: str) -> str:
    return PREFIXES + f"""CONSTRUCT {{ <{event}> ?p ?o . ?part ?q ?v }} WHERE {{
  {{ <{event}> ?p ?o }}
  UNION
  {{ <{event}> kg:evidence|kg:participants|kg:deaths ?part . ?part ?q ?v }}
}}"""


def describe_event(event: str) -> str:
    return f"DESCRIBE <{event}>"


class Parameters:
    """What the generator wrote beside the data, and draws from it."""

    def __init__(self, data: str | Path, types: list[str] | None = None, variant: str = "natural") -> None:
        self.types = list(types or TYPES)
        self.path_first = variant == "path-first"
        self.path = Path(str(data) + ".params.json")
        p = json.loads(self.path.read_text())
        self.raw = p
        self.events: list[str] = p["events"]
        self.units_uniform: list[str] = p["units"]
        self.units_weighted = (list(p["unit_events"]), [n ** 0.5 for n in p["unit_events"].values()])
        self.regions_uniform: list[str] = list(p["region_iris"])
        self.regions_weighted = (list(p["region_iris"]), [n ** 0.5 for n in p["region_iris"].values()])
        self.countries = list(p["countries"]) or [BASE + "country/RU"]
        self.terms: list[str] = p["label_terms"]
        first, last = (dt.date.fromisoformat(d) for d in p["date_range"])
        self.first, self.last = max(first, dt.date(2022, 1, 1)), last
        self.quads = p["generator"]["quads"]

    def window(self, rng: random.Random) -> tuple[dt.date, dt.date]:
        """A window of 1, 3 or 12 months starting on the first of a month inside the data's range."""
        months = (self.last.year - self.first.year) * 12 + self.last.month - self.first.month
        m = rng.randrange(max(months, 1))
        year, month = self.first.year + (self.first.month - 1 + m) // 12, (self.first.month - 1 + m) % 12 + 1
        start = dt.date(year, month, 1)
        span = rng.choice((1, 3, 12))
        year, month = year + (month - 1 + span) // 12, (month - 1 + span) % 12 + 1
        return start, dt.date(year, month, 1)

    def mix(self, rng: random.Random) -> list[Query]:
        """One query mix: one query of each type, with fresh parameters."""
        event = rng.choice(self.events)
        start, end = self.window(rng)
        country = BASE + ("country/RU" if rng.random() < 0.8 else "country/UA")
        year = rng.randrange(self.first.year, self.last.year + 1)
        area = rng.choices(*self.regions_weighted)[0] if rng.random() < 0.75 else rng.choice(self.countries)
        texts = {
            "entity_event": entity(rng.choice(self.events)),
            "entity_unit": entity(rng.choice(self.units_uniform)),
            "entity_region": entity(rng.choice(self.regions_uniform)),
            "events_by_region": events_by_region(rng.choices(*self.regions_weighted)[0], start, end, self.path_first),
            "refusals_per_month": refusals_per_month(country, year, self.path_first),
            "claims": claims(rng.choices(*self.units_weighted)[0]),
            "reference_join": reference_join(area, self.path_first),
            "label_search": label_search(rng.choice(self.terms)),
            "construct_event": construct_event(event),
            "describe_event": describe_event(rng.choice(self.events)),
        }
        return [Query(name, texts[name]) for name in self.types]

    def stream(self, seed: int) -> Iterator[Query]:
        """Endless queries for one client: mix after mix, repeatable from ``seed``."""
        rng = random.Random(seed)
        while True:
            yield from self.mix(rng)


if __name__ == "__main__":
    variant = "path-first" if "--path-first" in sys.argv else "natural"
    sys.argv = [a for a in sys.argv if a != "--path-first"]
    for query in Parameters(sys.argv[1], variant=variant).mix(random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)):
        print(f"# {query.type} ({query.accept})\n{query.text}\n")
