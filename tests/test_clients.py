"""Real clients against a real `kg serve`: SPARQLWrapper (GET and POST, every return format it asks for)
and rdflib's SPARQLStore / SPARQLUpdateStore."""
from __future__ import annotations

import shutil

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper

from tests.live import live_server

TOKEN = "client-token"
REFUSALS = """PREFIX kg: <https://w3id.org/newskg/ontology#>
SELECT ?e ?min WHERE { ?e a kg:DeploymentRefusal ; kg:participants/kg:minValue ?min } ORDER BY ?min"""


@pytest.fixture(scope="module")
def url(built_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("clients") / "store"
    shutil.copytree(built_store, store)
    with live_server(store, KG_UPDATE_TOKEN=TOKEN) as base:
        yield base


@pytest.mark.parametrize("method", ["GET", POST])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(url, method, fmt):
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(REFUSALS)
    client.setMethod(method)
    client.setReturnFormat(fmt)
    result = client.query().convert()
    if fmt == JSON:
        assert [b["min"]["value"] for b in result["results"]["bindings"]] == ["300"]
    elif fmt == XML:
        assert result.getElementsByTagName("result").length == 1
    else:
        text = result.decode() if isinstance(result, bytes) else result
        assert "300" in text and len(text.strip().splitlines()) == 2


def test_sparqlwrapper_ask_and_construct(url):
    client = SPARQLWrapper(url + "/sparql")
    client.setQuery("ASK { ?s a <https://w3id.org/newskg/ontology#DeploymentRefusal> }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT WHERE { ?s a <https://w3id.org/newskg/ontology#Region> }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) > 80


def test_rdflib_sparqlstore_reads_and_updates(url):
    graph = Graph(store=SPARQLStore(url + "/sparql"))
    rows = list(graph.query(REFUSALS))
    assert [int(r.min) for r in rows] == [300]
    store = SPARQLUpdateStore(url + "/sparql", url + "/sparql", auth=None,
                              headers={"Authorization": f"Bearer {TOKEN}"})
    named = Graph(store=store, identifier=URIRef("https://example.org/graph/notes"))
    named.add((URIRef("https://example.org/a"), URIRef("https://example.org/note"), Literal("checked")))
    assert (URIRef("https://example.org/a"), None, Literal("checked")) in named
