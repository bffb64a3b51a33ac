"""The SPARQL 1.1 Service Description of the endpoint (returned by GET /sparql without a query)."""
from __future__ import annotations

from rdflib import RDF, BNode, Graph, Namespace, URIRef

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads")


def service_description(endpoint: str, named_graphs: list[str], updates: bool) -> Graph:
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint + "#service")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if updates:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    for feature in ("UnionDefaultGraph", "BasicFederatedQuery"):
        graph.add((service, SD.feature, SD[feature]))
    dataset = BNode("dataset")
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode("default")
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for name in named_graphs:
        node = BNode()
        graph.add((dataset, SD.namedGraph, node))
        graph.add((node, RDF.type, SD.NamedGraph))
        graph.add((node, SD.name, URIRef(name)))
    return graph
