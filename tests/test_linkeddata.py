"""Every minted IRI dereferences: HTML for browsers, RDF by Accept; the ontology and a JSON-LD context."""
import json

import pytest
from rdflib import OWL, Graph, Literal, Namespace, URIRef

KG = Namespace("https://w3id.org/newskg/ontology#")
ID = "https://w3id.org/newskg/id/"
SELECT_EVENTS = "SELECT ?e WHERE { ?e <https://w3id.org/newskg/ontology#reportedIn> ?a }"


def test_region_as_turtle_has_iso_wikidata_and_geonames(client):
    response = client.get("/id/region/RU-DA", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    region = URIRef(ID + "region/RU-DA")
    assert (region, KG.iso3166, Literal("RU-DA")) in graph
    same = {str(o) for o in graph.objects(region, OWL.sameAs)}
    assert any(s.startswith("http://www.wikidata.org/entity/Q") for s in same)
    assert any(s.startswith("https://sws.geonames.org/") for s in same)


def test_region_in_a_browser_is_html(client):
    response = client.get("/id/region/RU-DA", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Dagestan" in page and "wikidata.org" in page and "geonames.org" in page


@pytest.mark.parametrize("accept, fmt", [("application/ld+json", "json-ld"), ("application/n-triples", "nt")])
def test_every_seed_event_dereferences_with_its_evidence(client, accept, fmt):
    events = client.get("/sparql", query_string={"query": SELECT_EVENTS}).json["results"]["bindings"]
    assert len(events) >= 8
    for row in events:
        iri = row["e"]["value"]
        response = client.get("/id/" + iri[len(ID):], headers={"Accept": accept})
        assert response.status_code == 200, iri
        graph = Graph().parse(data=response.get_data(as_text=True), format=fmt)
        evidence = graph.value(URIRef(iri), KG.evidence)
        assert evidence is not None and graph.value(evidence, KG.exact) is not None
        assert graph.value(URIRef(iri), KG.certainty) is not None


def test_event_page_highlights_the_quote_and_escapes_text(client):
    events = client.get("/sparql", query_string={"query": SELECT_EVENTS}).json["results"]["bindings"]
    iri = sorted(r["e"]["value"] for r in events)[0]
    page = client.get("/id/" + iri[len(ID):]).get_data(as_text=True)
    assert "<mark>" in page and "kg:accordingTo" in page and "kg:certainty" in page
    assert "<script" not in page.split("</style>")[1]


def test_unknown_iri_is_404(client):
    assert client.get("/id/region/RU-XX").status_code == 404
    assert client.get("/id/event/nothing-1", headers={"Accept": "text/turtle"}).status_code == 404


def test_format_parameter_and_406(client):
    assert client.get("/id/country/RU?format=ttl").mimetype == "text/turtle"
    assert client.get("/id/country/RU", headers={"Accept": "image/png"}).status_code == 406


def test_ontology_in_four_forms_and_context(client):
    html = client.get("/ontology", headers={"Accept": "text/html"})
    assert html.mimetype == "text/html" and "DeploymentRefusal" in html.get_data(as_text=True)
    for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                        ("application/rdf+xml", "xml")):
        response = client.get("/ontology", headers={"Accept": accept})
        graph = Graph().parse(data=response.get_data(as_text=True), format=fmt)
        assert (KG.DeploymentRefusal, None, None) in graph
    context = json.loads(client.get("/context.jsonld").get_data(as_text=True))["@context"]
    assert context["involvesUnit"] == {"@id": "kg:involvesUnit", "@type": "@id"}
    assert context["minValue"]["@type"] == "xsd:integer"
    # plain JSON with the context reads back as the same triples
    doc = {"@context": context, "id": ID + "event/x-1", "type": "DeploymentRefusal", "involvesUnit": ID + "unit/u",
           "earliest": "2022-03-01"}
    graph = Graph().parse(data=json.dumps(doc), format="json-ld")
    assert (URIRef(ID + "event/x-1"), KG.involvesUnit, URIRef(ID + "unit/u")) in graph


def test_void_describes_size_partitions_and_linksets(client):
    response = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    q = """PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#>
    PREFIX dct: <http://purl.org/dc/terms/>
    SELECT ?triples ?endpoint ?licence (COUNT(DISTINCT ?cp) AS ?classes) WHERE {
      ?d a void:Dataset, dcat:Dataset ; void:triples ?triples ; void:sparqlEndpoint ?endpoint ; dct:license ?licence ;
         void:classPartition ?cp ; void:propertyPartition ?pp ; void:exampleResource ?ex ; dcat:distribution ?dist .
    } GROUP BY ?triples ?endpoint ?licence"""
    rows = list(graph.query(q))
    assert len(rows) == 1 and int(rows[0].triples) > 1000 and int(rows[0].classes) > 5
    linksets = {str(s): int(n) for s, n in graph.query(
        "PREFIX void: <http://rdfs.org/ns/void#> SELECT ?s ?n WHERE { ?s a void:Linkset ; void:triples ?n }")}
    assert any(k.endswith("linkset-wikidata") and v > 50 for k, v in linksets.items())
    assert any(k.endswith("linkset-geonames") and v > 50 for k, v in linksets.items())
