"""A submission lands completely or not at all, even when the server is killed with SIGKILL mid-write."""
from __future__ import annotations

import os
import shutil
import signal
import threading
import time

import pytest
import requests

from tests.live import descendants, live_server

TOKEN = "kill-token"
EVENTS = 800


def big_submission(n: int = EVENTS) -> bytes:
    parts = ["@prefix kg: <https://w3id.org/newskg/ontology#> .",
             "@prefix ex: <https://annotations.example.org/bulk/> ."]
    for i in range(n):
        parts.append(
            f'ex:e{i} a kg:Detention ; kg:certainty kg:Reported ; kg:place <https://w3id.org/newskg/id/region/RU-DA> ;'
            f' kg:participants ex:q{i} ; kg:evidence ex:v{i} .\n'
            f'ex:q{i} a kg:Quantity ; kg:value {i % 50} .\n'
            f'ex:v{i} a kg:Evidence ; kg:exact "detained {i}" ; kg:start 0 ; kg:end 10 .')
    return "\n".join(parts).encode()


def _kill(pid: int) -> None:
    for victim in [pid, *descendants(pid)]:
        try:
            os.kill(victim, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _triples_in_submissions(url: str) -> int:
    query = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER STRSTARTS(STR(?g), 'https://w3id.org/newskg/id/graph/submission/') }")
    response = requests.post(url + "/sparql", data={"query": query}, timeout=30)
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("fraction", [0.6, 1.0])
def test_all_or_nothing_after_sigkill(built_store, tmp_path, fraction):
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    body = big_submission()
    settings = {"KG_UPDATE_TOKEN": TOKEN, "KG_MAX_BODY": str(50 * 1024 * 1024)}
    # how long an undisturbed submission takes, and how many triples it stores
    with live_server(store, **settings) as url:
        started = time.monotonic()
        response = requests.post(url + "/submissions", data=body, headers={
            "Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"}, timeout=120)
        duration = time.monotonic() - started
        assert response.status_code == 201, response.text[:500]
        full = response.json()["triples"]
        assert requests.delete(url + f"/submissions/{response.json()['id']}",
                               headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30).status_code == 204
        pid = url.pid

        def send():
            try:
                requests.post(url + "/submissions", data=body, headers={
                    "Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"}, timeout=120)
            except requests.RequestException:
                pass

        sender = threading.Thread(target=send)
        sender.start()
        time.sleep(duration * fraction)
        _kill(pid)
        sender.join(30)
    with live_server(store, **settings) as url:
        assert _triples_in_submissions(url) in (0, full)
