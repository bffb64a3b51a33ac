"""Validated submissions: stored only if they conform, with a clear report otherwise; nothing half-written."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

DATA = Path(__file__).parent / "data"
VALID = (DATA / "submission-valid.ttl").read_bytes()
TOKEN = "sub-token"
AUTH = {"Authorization": f"Bearer alice-{TOKEN}"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture()
def app(app_on_copy):
    return app_on_copy(KG_UPDATE_TOKEN=f"alice=alice-{TOKEN},bob=bob-{TOKEN}")


@pytest.fixture()
def client(app):
    return app.test_client()


def triples(client) -> int:
    return int(client.get("/sparql", query_string={"query": COUNT}).json["results"]["bindings"][0]["n"]["value"])


def test_valid_submission_is_stored_in_its_own_graph_with_provenance(client):
    before = triples(client)
    response = client.post("/submissions", data=VALID, content_type="text/turtle", headers=AUTH)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["graph"].startswith("https://w3id.org/newskg/id/graph/submission/")
    assert body["prov"]["submittedBy"] == "alice"
    assert body["prov"]["inputHash"].startswith("sha256:") and len(body["prov"]["shapesVersion"]) == 64
    ask = f"ASK {{ GRAPH <{body['graph']}> {{ <https://annotations.example.org/study-7/event-1> a ?t }} }}"
    assert client.get("/sparql", query_string={"query": ask}).json["boolean"] is True
    assert triples(client) == before + body["triples"]
    listed = client.get("/submissions").json["submissions"]
    assert [s["graph"] for s in listed] == [body["graph"]] and listed[0]["by"] == "alice"
    got = client.get(f"/submissions/{body['id']}", headers={"Accept": "text/turtle"})
    assert len(Graph().parse(data=got.get_data(as_text=True), format="turtle")) == body["triples"]
    # the same submission again: the same graph, nothing added
    again = client.post("/submissions", data=VALID, content_type="text/turtle", headers=AUTH)
    assert again.status_code == 200 and again.json["graph"] == body["graph"] and triples(client) == before + body["triples"]
    # DELETE removes exactly that graph
    assert client.delete(f"/submissions/{body['id']}").status_code == 401
    assert client.delete(f"/submissions/{body['id']}", headers=AUTH).status_code == 204
    assert triples(client) == before
    assert client.get(f"/submissions/{body['id']}").status_code == 404


def test_violation_gets_422_with_focus_path_and_changes_nothing(client):
    before = triples(client)
    broken = VALID.replace(b'kg:latest "2023-05-31"', b'kg:latest "2023-04-01"')
    response = client.post("/submissions", data=broken, content_type="text/turtle", headers=AUTH)
    assert response.status_code == 422
    results = response.json["details"]["results"]
    assert any(r["focus"] == "https://annotations.example.org/study-7/event-1"
               and r["path"] == "https://w3id.org/newskg/ontology#earliest" for r in results)
    assert all({"focus", "path", "value", "message", "severity", "shape"} <= set(r) for r in results)
    assert triples(client) == before
    turtle = client.post("/validate", data=broken, content_type="text/turtle", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 422
    report = Graph().parse(data=turtle.get_data(as_text=True), format="turtle")
    assert report.query("ASK { ?r a <http://www.w3.org/ns/shacl#ValidationReport> ; "
                        "<http://www.w3.org/ns/shacl#conforms> false }").askAnswer


@pytest.mark.parametrize("body, media, status", [
    (b"<a> <b> .", "text/turtle", 400),
    (b"@prefix x: <http://x/> . x:a x:b", "text/turtle", 400),
    (VALID, "application/x-unknown", 415),
    (b"", "text/turtle", 400),
    (b'{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "http://x/a", "http://x/p": "v"}',
     "application/ld+json", 400),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rdf:RDF '
     b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', "application/rdf+xml", 400),
    (b"<http://x/a> <http://x/b> <http://x/c> <http://x/g> .", "application/n-quads", 400),
])
def test_malformed_submissions_are_refused_with_where(client, body, media, status):
    before = triples(client)
    response = client.post("/submissions", data=body, content_type=media, headers=AUTH)
    assert response.status_code == status, response.json
    assert response.json["error"]
    if body == b"<a> <b> .":
        assert response.json["details"] == {"line": 1, "column": 9}
    assert triples(client) == before


def test_writes_need_a_token(client, app):
    assert client.post("/submissions", data=VALID, content_type="text/turtle").status_code == 401
    assert client.post("/submissions", data=VALID, content_type="text/turtle",
                       headers={"Authorization": "Bearer wrong"}).status_code == 403
    app.config["KG_UPDATE_TOKEN"] = ""
    assert client.post("/submissions", data=VALID, content_type="text/turtle", headers=AUTH).status_code == 403


def test_validate_reports_without_storing(client):
    before = triples(client)
    response = client.post("/validate", data=VALID, content_type="text/turtle")
    assert response.status_code == 200 and response.json["conforms"] is True
    assert triples(client) == before


def test_unknown_region_and_foreign_iri_scheme_are_refused(client):
    odd = VALID.replace(b"region/RU-BU", b"region/RU-ZZ")
    results = client.post("/validate", data=odd, content_type="text/turtle").json["details"]["results"]
    assert any(r["path"] == "https://w3id.org/newskg/ontology#place" for r in results)
    ours = VALID.replace(b"https://annotations.example.org/study-7/event-1 ", b"x").replace(
        b"ann:event-1 a kg:Desertion", b"<https://w3id.org/newskg/id/events/Bad_One> a kg:Desertion")
    response = client.post("/validate", data=ours, content_type="text/turtle")
    assert response.status_code == 422
    assert any("IRI of the form" in r["message"] for r in response.json["details"]["results"])
    assert json.dumps(response.json)  # the report is plain JSON
