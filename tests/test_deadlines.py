"""Deadlines and row caps on a real server: a runaway query is stopped, others keep their latency."""
from __future__ import annotations

import threading
import time

import pytest
import requests

from tests.live import cpu_seconds, descendants, live_server

RUNAWAY = """SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"""
SIMPLE = "ASK { ?s a <https://w3id.org/newskg/ontology#DeploymentRefusal> }"
TIMEOUT = 3


@pytest.fixture(scope="module")
def server(built_store):
    with live_server(built_store, KG_QUERY_TIMEOUT=str(TIMEOUT), KG_MAX_ROWS="5") as url:
        yield url


def test_runaway_query_gets_503_and_really_stops(server):
    outcome = {}

    def runaway():
        started = time.monotonic()
        response = requests.post(server + "/sparql", data={"query": RUNAWAY}, timeout=60)
        outcome.update(status=response.status_code, body=response.json(), seconds=time.monotonic() - started)

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    latencies = []
    while thread.is_alive() and len(latencies) < 20:
        started = time.monotonic()
        response = requests.get(server + "/sparql", params={"query": SIMPLE}, timeout=10)
        latencies.append(time.monotonic() - started)
        assert response.status_code == 200 and response.json()["boolean"] is True
        time.sleep(0.05)
    thread.join(30)
    assert outcome["status"] == 503 and outcome["body"]["status"] == 503
    assert "within" in outcome["body"]["error"]
    assert outcome["seconds"] < TIMEOUT + 2
    assert latencies and max(latencies) < 1.0, latencies
    # the killed worker's work is gone: the server's processes are nearly idle afterwards
    time.sleep(0.5)
    pids = [server.pid, *descendants(server.pid)]
    before = cpu_seconds(pids)
    time.sleep(1.0)
    assert cpu_seconds(pids) - before < 0.3


def test_row_cap_keeps_the_format_valid(server):
    response = requests.post(server + "/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o }"},
                             headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 5
    xml = requests.post(server + "/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o }"},
                        headers={"Accept": "application/sparql-results+xml"}, timeout=30)
    assert xml.text.count("<result>") == 5 and xml.text.rstrip().endswith("</sparql>")
