"""The SPARQL endpoint through the Flask test client."""
import csv
import io
import json

from rdflib import Graph

ASK_REFUSAL = ("PREFIX kg: <https://w3id.org/newskg/ontology#> "
               "ASK { ?e a kg:DeploymentRefusal ; kg:participants [ kg:minValue 300 ] }")
SELECT_EVENTS = ("PREFIX kg: <https://w3id.org/newskg/ontology#> "
                 "SELECT ?e ?type WHERE { ?e kg:reportedIn ?a ; a ?type } ORDER BY ?e")
CONSTRUCT = ("PREFIX kg: <https://w3id.org/newskg/ontology#> "
             "CONSTRUCT { ?e a kg:DeploymentRefusal } WHERE { ?e a kg:DeploymentRefusal }")


def test_get_form_post_and_direct_post_agree(client):
    by_get = client.get("/sparql", query_string={"query": SELECT_EVENTS})
    by_form = client.post("/sparql", data={"query": SELECT_EVENTS})
    by_body = client.post("/sparql", data=SELECT_EVENTS, content_type="application/sparql-query")
    results = [json.loads(r.data)["results"]["bindings"] for r in (by_get, by_form, by_body)]
    assert results[0] and results[0] == results[1] == results[2]
    assert by_get.headers["Content-Type"].startswith("application/sparql-results+json")


def test_ask(client):
    response = client.get("/sparql", query_string={"query": ASK_REFUSAL})
    assert json.loads(response.data)["boolean"] is True


def test_result_formats_by_accept(client):
    xml = client.get("/sparql", query_string={"query": SELECT_EVENTS},
                     headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["Content-Type"].startswith("application/sparql-results+xml") and b"<sparql" in xml.data
    csv_response = client.get("/sparql", query_string={"query": SELECT_EVENTS}, headers={"Accept": "text/csv"})
    table = list(csv.reader(io.StringIO(csv_response.data.decode())))
    assert table[0] == ["e", "type"] and len(table) > 5
    tsv = client.get("/sparql", query_string={"query": SELECT_EVENTS},
                     headers={"Accept": "text/tab-separated-values"})
    assert tsv.data.decode().splitlines()[0] == "?e\t?type"


def test_graph_formats_by_accept(client):
    turtle = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "text/turtle"})
    assert len(Graph().parse(data=turtle.data, format="turtle")) >= 2
    nt = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"})
    assert nt.headers["Content-Type"].startswith("application/n-triples")
    assert len(Graph().parse(data=nt.data, format="nt")) == len(Graph().parse(data=turtle.data, format="turtle"))


def test_q_values_choose_the_format(client):
    response = client.get("/sparql", query_string={"query": SELECT_EVENTS},
                          headers={"Accept": "text/csv;q=0.5, application/sparql-results+xml;q=0.9"})
    assert response.headers["Content-Type"].startswith("application/sparql-results+xml")


def test_syntax_error_is_400_with_the_parsers_message(client):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    body = json.loads(response.data)
    assert response.status_code == 400 and body["status"] == 400 and "error" in body
    assert "syntax" in body["error"].lower()


def test_missing_or_repeated_query_is_400(client):
    assert client.post("/sparql", data="", content_type="application/x-www-form-urlencoded").status_code == 400
    assert client.post("/sparql", data={}).status_code in (400, 415)
    assert client.get("/sparql?query=ASK{}&query=ASK{}").status_code == 400


def test_wrong_media_type_is_refused(client):
    response = client.post("/sparql", data=ASK_REFUSAL, content_type="text/plain")
    assert response.status_code in (400, 415)


def test_unacceptable_accept_is_406(client):
    response = client.get("/sparql", query_string={"query": SELECT_EVENTS}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and json.loads(response.data)["status"] == 406


def test_health(client):
    assert json.loads(client.get("/health").data)["status"] == "ok"


def test_get_without_query_is_the_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.data, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert response.status_code == 200
    assert graph.query(f"ASK {{ ?s a <{sd}Service> ; <{sd}endpoint> ?e ; <{sd}supportedLanguage> <{sd}SPARQL11Query> }}").askAnswer
    names = {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("sd:name"))}
    assert any("/id/article/" in n for n in names)


def test_metrics_in_prometheus_text_format(client):
    client.get("/health").close()  # the server counts a request once its response is closed
    text = client.get("/metrics").get_data(as_text=True)
    samples = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert any(line.startswith("kg_requests_total{") and 'endpoint="/health"' in line for line in samples)
    for line in samples:
        name, value = line.rsplit(" ", 1)
        float(value)
        assert name.startswith("kg_")


def test_cors_for_reads_and_413_for_large_bodies(client):
    response = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    big = "ASK {} #" + "x" * (int(client.application.config["KG_MAX_BODY"]) + 10)
    assert client.post("/sparql", data=big, content_type="application/sparql-query").status_code == 413


def test_service_and_load_are_refused(client):
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:8890/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", query_string={"query": service})
    assert response.status_code == 403 and "KG_SERVICE_ALLOW" in response.json["error"]
