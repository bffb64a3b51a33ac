"""What the dataset holds: counts for `kg stats`, and its VoID + DCAT description (/.well-known/void)."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, XSD

VOID = Namespace("http://rdfs.org/ns/void#")
KG = "https://w3id.org/newskg/ontology#"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
LINKSETS = {"wikidata": "http://www.wikidata.org/entity/", "geonames": "https://sws.geonames.org/"}

QUERIES = {
    "triples": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "entities": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c FILTER isIRI(?s) }",
    "articles": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{KG}Article> }}",
    "events": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s <{KG}reportedIn>|<{KG}certainty> ?a }}",
    "units": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{KG}MilitaryUnit> }}",
    "sources": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c VALUES ?c {{ <{KG}Source> <{KG}MediaOutlet> }} }}",
    "submissions": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{KG}Submission> }}",
    "links": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a <{KG}sameEventAs> ?b }}",
    "distinct_subjects": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }",
    "distinct_objects": "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }",
}
CLASSES = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)"
PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n)"
LINKSET = ("SELECT (COUNT(*) AS ?n) WHERE {{ ?s <http://www.w3.org/2002/07/owl#sameAs> ?o "
           "FILTER STRSTARTS(STR(?o), \"{prefix}\") }}")
EXAMPLES = f"""SELECT ?s WHERE {{ {{ SELECT ?s WHERE {{ ?s a <{KG}DeploymentRefusal> }} LIMIT 2 }} UNION
  {{ SELECT ?s WHERE {{ ?s a <{KG}MilitaryUnit> }} LIMIT 1 }} UNION {{ SELECT ?s WHERE {{ ?s a <{KG}Region> }} LIMIT 1 }} }}"""


def _number(store: ox.Store, query: str) -> int:
    rows = list(store.query(query, use_default_graph_as_union=True))
    return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0


def dataset_stats(store: ox.Store) -> dict[str, Any]:
    stats: dict[str, Any] = {name: _number(store, q) for name, q in QUERIES.items()}
    stats["cross_article_matches"] = stats.pop("links") // 2
    stats["classes"] = {row["c"].value: int(row["n"].value)
                        for row in store.query(CLASSES, use_default_graph_as_union=True)
                        if isinstance(row["c"], ox.NamedNode)}
    stats["properties"] = {row["p"].value: int(row["n"].value)
                           for row in store.query(PROPERTIES, use_default_graph_as_union=True)}
    stats["linksets"] = {name: _number(store, LINKSET.format(prefix=prefix)) for name, prefix in LINKSETS.items()}
    stats["examples"] = [row["s"].value for row in store.query(EXAMPLES, use_default_graph_as_union=True)]
    return stats


def void_graph(stats: dict[str, Any], service: str, base: str) -> Graph:
    """VoID and DCAT: size, class and property partitions, linksets, licence, endpoint, examples."""
    graph = Graph()
    graph.bind("void", VOID)
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    dataset = URIRef(base + "dataset")
    endpoint = URIRef(service + "sparql")
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("newskg: events about armed forces reported in the news", lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(
        "Events (refusals, desertions, deployments, casualties, ...), military units, places and sources "
        "extracted from news articles; every event carries its article, attribution, certainty and the quoted "
        "evidence.", lang="en")))
    graph.add((dataset, DCTERMS.license, URIRef(LICENSE)))
    graph.add((dataset, VOID.sparqlEndpoint, endpoint))
    graph.add((dataset, VOID.uriSpace, Literal(base)))
    graph.add((dataset, VOID.vocabulary, URIRef(KG)))
    graph.add((dataset, FOAF.homepage, URIRef(service)))
    for name, prop in (("triples", VOID.triples), ("entities", VOID.entities),
                       ("distinct_subjects", VOID.distinctSubjects), ("distinct_objects", VOID.distinctObjects)):
        graph.add((dataset, prop, Literal(stats[name], datatype=XSD.integer)))
    graph.add((dataset, VOID.classes, Literal(len(stats["classes"]), datatype=XSD.integer)))
    graph.add((dataset, VOID.properties, Literal(len(stats["properties"]), datatype=XSD.integer)))
    for example in stats["examples"]:
        graph.add((dataset, VOID.exampleResource, URIRef(example)))
    for cls, count in stats["classes"].items():
        partition = BNode()
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], URIRef(cls)))
        graph.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    for prop, count in stats["properties"].items():
        partition = BNode()
        graph.add((dataset, VOID.propertyPartition, partition))
        graph.add((partition, VOID.property, URIRef(prop)))
        graph.add((partition, VOID.triples, Literal(count, datatype=XSD.integer)))
    for name, count in stats["linksets"].items():
        linkset = URIRef(f"{base}dataset/linkset-{name}")
        graph.add((linkset, RDF.type, VOID.Linkset))
        graph.add((linkset, VOID.subjectsTarget, dataset))
        graph.add((linkset, VOID.objectsTarget, URIRef(f"{base}dataset/{name}")))
        graph.add((linkset, VOID.linkPredicate, URIRef("http://www.w3.org/2002/07/owl#sameAs")))
        graph.add((linkset, VOID.triples, Literal(count, datatype=XSD.integer)))
        graph.add((dataset, VOID.subset, linkset))
        graph.add((URIRef(f"{base}dataset/{name}"), VOID.uriSpace, Literal(LINKSETS[name])))
    distribution = BNode()
    graph.add((dataset, DCAT.distribution, distribution))
    graph.add((distribution, RDF.type, DCAT.Distribution))
    graph.add((distribution, DCAT.accessURL, endpoint))
    graph.add((distribution, DCTERMS.title, Literal("SPARQL 1.1 endpoint", lang="en")))
    service_node = BNode()
    graph.add((distribution, DCAT.accessService, service_node))
    graph.add((service_node, RDF.type, DCAT.DataService))
    graph.add((service_node, DCAT.endpointURL, endpoint))
    graph.add((service_node, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    return graph
