"""SPARQL 1.1 Graph Store HTTP Protocol at /store, through the Flask test client on a copy of the seed store."""
import pytest
from rdflib import Graph, URIRef

TOKEN = "gsp-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
G = "http://example.org/researcher/annotations"
DATA = """@prefix ex: <http://example.org/> .
ex:a ex:knows ex:b , ex:c .
ex:b ex:name "B"@en ."""


@pytest.fixture()
def gsp(app_on_copy):
    return app_on_copy(KG_UPDATE_TOKEN=TOKEN, KG_QUERY_TIMEOUT="20").test_client()


def _get(client, graph=G, accept="text/turtle"):
    return client.get("/store", query_string={"graph": graph}, headers={"Accept": accept})


def test_put_get_post_delete_cycle(gsp):
    assert _get(gsp).status_code == 404
    created = gsp.put("/store", query_string={"graph": G}, data=DATA, content_type="text/turtle", headers=AUTH)
    assert created.status_code == 201
    got = _get(gsp)
    assert got.status_code == 200 and got.mimetype == "text/turtle"
    assert len(Graph().parse(data=got.text, format="turtle")) == 3
    more = gsp.post("/store", query_string={"graph": G}, data="<http://example.org/d> <http://example.org/p> \"1\" .",
                    content_type="application/n-triples", headers=AUTH)
    assert more.status_code == 204
    nt = _get(gsp, accept="application/n-triples")
    assert nt.mimetype == "application/n-triples" and len(Graph().parse(data=nt.text, format="nt")) == 4
    replaced = gsp.put("/store", query_string={"graph": G}, data="<http://example.org/x> <http://example.org/y> <http://example.org/z> .",
                       content_type="text/turtle", headers=AUTH)
    assert replaced.status_code == 204
    assert set(Graph().parse(data=_get(gsp).text, format="turtle").subjects()) == {URIRef("http://example.org/x")}
    assert gsp.head("/store", query_string={"graph": G}).status_code == 200
    assert gsp.delete("/store", query_string={"graph": G}, headers=AUTH).status_code == 204
    assert _get(gsp).status_code == 404
    assert gsp.delete("/store", query_string={"graph": G}, headers=AUTH).status_code == 404


def test_writes_need_the_token_and_bad_bodies_change_nothing(gsp):
    assert gsp.put("/store", query_string={"graph": G}, data=DATA, content_type="text/turtle").status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert gsp.put("/store", query_string={"graph": G}, data=DATA, content_type="text/turtle",
                   headers=wrong).status_code == 403
    bad = gsp.put("/store", query_string={"graph": G}, data="<a> <b> .", content_type="text/turtle", headers=AUTH)
    assert bad.status_code == 400 and bad.json["details"]["line"] == 1
    assert gsp.put("/store", query_string={"graph": G}, data=DATA, content_type="application/x-unknown",
                   headers=AUTH).status_code == 415
    assert _get(gsp).status_code == 404


def test_addressing_rules(gsp):
    assert gsp.get("/store").status_code == 400
    assert gsp.get("/store", query_string={"graph": "not an iri"}).status_code == 400
    article_graphs = gsp.get("/sparql", query_string={"query": "SELECT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/newskg/ontology#Article> } }"})
    g = article_graphs.json["results"]["bindings"][0]["g"]["value"]
    response = gsp.get("/store", query_string={"graph": g}, headers={"Accept": "application/ld+json"})
    assert response.status_code == 200 and response.mimetype == "application/ld+json"
