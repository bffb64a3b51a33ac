"""Article + claims -> RDF: one graph of what the article says, one of the reference places it names."""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from kg.extract import Claim, Extraction, Source, TroopGroup
from kg.gazetteer import AREA, COUNTRY, REGION, SETTLEMENT, Gazetteer, Place
from kg.mint import KG, Minter
from kg.quantities import Quantity

SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
PREFIXES = {"kg": KG, "schema": SCHEMA, "geo": GEO, "prov": PROV, "dct": DCTERMS, "owl": OWL, "skos": SKOS,
            "wd": WD, "xsd": XSD, "rdfs": RDFS}
CLASS_OF_KIND = {COUNTRY: KG.Country, REGION: KG.Region, AREA: KG.Area, SETTLEMENT: KG.Settlement}
EVENT_LABELS = {
    "DeploymentRefusal": "Deployment refusal", "Desertion": "Desertion", "Deployment": "Deployment",
    "Return": "Return", "ContractTermination": "Contract termination", "Prosecution": "Prosecution",
    "Reenlistment": "Re-enlistment", "Casualties": "Casualties", "Injury": "Injury", "Protest": "Protest",
    "Detention": "Detention", "Mobilization": "Mobilization",
}


@dataclass
class ArticleGraphs:
    """What one article contributes: its own named graph, the reference places it names, and the
    descriptions of the shared entities it names (units, bases, outlets), which belong to the entities graph
    so that each is stated once in the dataset, however many articles name it."""

    iri: URIRef
    article: Graph
    reference: Graph
    shared: Graph = field(default_factory=lambda: new_graph())

    def union(self) -> Graph:
        merged = new_graph()
        for graph in (self.article, self.reference, self.shared):
            for triple in graph:
                merged.add(triple)
        return merged


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def geonames_iri(geonames_id: str) -> URIRef:
    return URIRef(f"https://sws.geonames.org/{geonames_id}/")


def describe_place(graph: Graph, place: Place, gazetteer: Gazetteer, minter: Minter) -> None:
    """A reference place: label, identifiers, links, point, and the chain it lies in."""
    iri = minter.place(place.id)
    graph.add((iri, RDF.type, CLASS_OF_KIND[place.kind]))
    graph.add((iri, RDFS.label, Literal(place.label, lang="en")))
    if place.kind in (COUNTRY, REGION):
        graph.add((iri, KG.iso3166, Literal(place.id)))
    if place.wikidata:
        graph.add((iri, OWL.sameAs, WD[place.wikidata]))
    if place.geonames:
        graph.add((iri, OWL.sameAs, geonames_iri(place.geonames)))
    if place.population:
        graph.add((iri, KG.population, Literal(place.population, datatype=XSD.integer)))
    if place.lat is not None and place.lon is not None:
        geometry = minter.geometry(place.id)
        graph.add((iri, GEO.hasGeometry, geometry))
        graph.add((geometry, RDF.type, GEO.Geometry))
        graph.add((geometry, GEO.asWKT, Literal(f"POINT({place.lon} {place.lat})", datatype=GEO.wktLiteral)))
    parent = place.region if place.kind == SETTLEMENT and place.region else place.country
    if parent and parent != place.id and parent in gazetteer.places:
        graph.add((iri, KG.locatedIn, minter.place(parent)))
        describe_place(graph, gazetteer[parent], gazetteer, minter)
    for part in place.parts:
        if part in gazetteer.places:
            graph.add((iri, KG.hasPart, minter.place(part)))


def quantity(graph: Graph, iri: URIRef, value: Quantity) -> URIRef:
    graph.add((iri, RDF.type, KG.Quantity))
    for prop, number in ((KG.value, value.value), (KG.minValue, value.min), (KG.maxValue, value.max)):
        if number is not None:
            graph.add((iri, prop, Literal(number, datatype=XSD.integer)))
    if value.approximate:
        graph.add((iri, KG.approximate, Literal(True)))
    return iri


class GraphWriter:
    """Writes one extraction as RDF under the pinned vocabulary."""

    def __init__(self, extraction: Extraction, places: list[str | None], gazetteer: Gazetteer,
                 minter: Minter) -> None:
        self.x = extraction
        self.places = places
        self.gazetteer = gazetteer
        self.minter = minter
        self.key = extraction.article.key
        self.article_iri = minter.article(self.key)
        self.graph = new_graph()
        self.reference = new_graph()
        self.shared = new_graph()

    def write(self) -> ArticleGraphs:
        self._article()
        for place_id in dict.fromkeys(p for p in self.places if p):
            self._mention(self.minter.place(place_id))
            describe_place(self.reference, self.gazetteer[place_id], self.gazetteer, self.minter)
        units = {i: self._unit(g) for i, g in enumerate(self.x.groups)}
        for source in self.x.sources.values():
            self._source(source)
        for number, claim in enumerate(self.x.claims, start=1):
            self._event(number, claim, units)
        return ArticleGraphs(self.article_iri, self.graph, self.reference, self.shared)

    def _mention(self, iri: URIRef) -> None:
        self.graph.add((self.article_iri, KG.mentions, iri))

    def _article(self) -> None:
        a, article = self.article_iri, self.x.article
        self.graph.add((a, RDF.type, KG.Article))
        self.graph.add((a, KG.text, Literal(article.text)))
        self.graph.add((a, DCTERMS.language, Literal(article.language or "en")))
        if article.title:
            self.graph.add((a, DCTERMS.title, Literal(article.title, lang="en")))
        if article.url:
            self.graph.add((a, SCHEMA.url, URIRef(article.url)))
        if article.published:
            self.graph.add((a, SCHEMA.datePublished, Literal(article.published, datatype=XSD.date)))
        if article.publisher:
            key, label = self._outlet(article.publisher)
            outlet = self.minter.source(key, "outlet", self.key)
            self.graph.add((a, DCTERMS.publisher, outlet))
            self.shared.add((outlet, RDF.type, KG.MediaOutlet))
            self.shared.add((outlet, RDFS.label, Literal(label, lang="en")))

    @staticmethod
    def _outlet(name: str) -> tuple[str, str]:
        """The key and label of a publisher: a known outlet's own ("Agence France-Presse" is AFP, one IRI with one
        label wherever the outlet is named), else the name as given."""
        from kg.attribution import find_sources
        from kg.mint import slugify

        found = [s for s in find_sources(name) if s.kind == "outlet" and s.end - s.start >= len(name.strip()) - 1]
        return (found[0].key, found[0].label) if found else (slugify(name), name)

    def _place_ids(self, indices: tuple[int, ...] | list[int]) -> list[str]:
        return list(dict.fromkeys(p for p in (self.places[i] for i in indices) if p))

    def _unit(self, group: TroopGroup) -> URIRef | None:
        homes, bases = self._place_ids(group.home), self._place_ids(group.bases)
        home_regions = list(dict.fromkeys(r for r in (self.gazetteer.region_of(p) for p in homes) if r))
        base_places = [b for b in bases if self.gazetteer[b].kind == SETTLEMENT]
        if group.name:
            iri = self.minter.named_unit(group.name)
            label = group.name
        elif home_regions or base_places:
            iri = self.minter.unnamed_unit(home_regions, [self.gazetteer[b].label for b in base_places])
            label = self._unnamed_label(home_regions, base_places)
        else:
            return None
        self.shared.add((iri, RDF.type, KG.MilitaryUnit))
        self.shared.add((iri, RDFS.label, Literal(label, lang="en")))
        for region in home_regions:
            self.shared.add((iri, KG.homeRegion, self.minter.place(region)))
        for place_id in base_places:
            self.shared.add((iri, KG.basedAt, self.minter.place(place_id)))
            base = self.minter.base_in(place_id)
            self.shared.add((iri, KG.basedAt, base))
            self.shared.add((base, RDF.type, KG.MilitaryBase))
            self.shared.add((base, RDFS.label, Literal(f"military base in {self.gazetteer[place_id].label}", lang="en")))
            self.shared.add((base, KG.locatedIn, self.minter.place(place_id)))
        self._mention(iri)
        return iri

    def _unnamed_label(self, regions: list[str], bases: list[str]) -> str:
        label = "unit"
        if regions:
            label += " from " + " and ".join(self.gazetteer[r].label for r in regions)
        if bases:
            label += " based in " + " and ".join(self.gazetteer[b].label for b in bases)
        return label

    def _source(self, source: Source) -> None:
        iri = self.minter.source(source.key, source.kind, self.key)
        described = self.graph if source.kind == "generic" else self.shared  # article-scoped, or one IRI everywhere
        described.add((iri, RDF.type, KG.MediaOutlet if source.kind == "outlet" else KG.Source))
        described.add((iri, RDFS.label, Literal(source.label, lang="en")))
        if source.wikidata:
            described.add((iri, OWL.sameAs, WD[source.wikidata]))
        for citer in sorted(source.cited_by):
            cited = self.x.sources[citer]
            self.graph.add((iri, KG.citedBy, self.minter.source(cited.key, cited.kind, self.key)))

    def _event(self, number: int, claim: Claim, units: dict[int, URIRef | None]) -> None:
        e = self.minter.event(self.key, number)
        g = self.graph
        g.add((e, RDF.type, KG[claim.type]))
        g.add((e, RDFS.label, Literal(EVENT_LABELS[claim.type], lang="en")))
        g.add((e, KG.reportedIn, self.article_iri))
        g.add((e, KG.certainty, KG[claim.certainty]))
        for key in claim.sources:
            source = self.x.sources[key]
            g.add((e, KG.accordingTo, self.minter.source(source.key, source.kind, self.key)))
        unit = units.get(claim.group) if claim.group is not None else None
        if unit is not None:
            g.add((e, KG.involvesUnit, unit))
        for place_id in self._place_ids(claim.places):
            g.add((e, KG.place, self.minter.place(place_id)))
        for place_id in self._place_ids(claim.destinations):
            g.add((e, KG.destination, self.minter.place(place_id)))
        if claim.participants is not None:
            g.add((e, KG.participants, quantity(g, URIRef(f"{e}/participants"), claim.participants)))
        if claim.deaths is not None:
            g.add((e, KG.deaths, quantity(g, URIRef(f"{e}/deaths"), claim.deaths)))
        if claim.interval is not None:
            earliest, latest = claim.interval.earliest, claim.interval.latest
            published = self.x.article.published
            if published is not None and latest is not None and latest > published:
                latest = published  # what an article reports happened by the time it was published
            if earliest and (published is None or earliest <= published):
                g.add((e, KG.earliest, Literal(earliest, datatype=XSD.date)))
            if latest and (earliest is None or latest >= earliest):
                g.add((e, KG.latest, Literal(latest, datatype=XSD.date)))
        sentences = list({s.start: s for s in (claim.sentence, *claim.also)}.values())
        for n, sentence in enumerate(sentences, start=1):
            evidence = URIRef(f"{e}/evidence" if n == 1 else f"{e}/evidence-{n}")
            g.add((e, KG.evidence, evidence))
            g.add((evidence, RDF.type, KG.Evidence))
            g.add((evidence, KG.exact, Literal(sentence.text)))
            g.add((evidence, KG.start, Literal(sentence.start, datatype=XSD.integer)))
            g.add((evidence, KG.end, Literal(sentence.end, datatype=XSD.integer)))


def to_graphs(extraction: Extraction, places: list[str | None], gazetteer: Gazetteer,
              minter: Minter) -> ArticleGraphs:
    return GraphWriter(extraction, places, gazetteer, minter).write()


def reference_places(gazetteer: Gazetteer, minter: Minter) -> Graph:
    """The reference graph's fixed part: every country, region and informal area."""
    graph = new_graph()
    for place in gazetteer.places.values():
        if place.kind in (COUNTRY, REGION, AREA):
            describe_place(graph, place, gazetteer, minter)
    return graph
