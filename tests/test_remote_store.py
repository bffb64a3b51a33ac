"""The scale-out backend: the whole product on a remote SPARQL 1.1 server instead of the embedded store.

The remote server here is another `kg serve` process (a SPARQL 1.1 Protocol server with updates), started
on loopback with an empty store; build, submissions, queries and entity pages then run against it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.serve import create_app
from tests.live import live_server

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "remote-token"


@pytest.fixture(scope="module", params=["newskg", "virtuoso"])
def env(request, tmp_path_factory):
    """Settings that point newskg at a remote server: another newskg, or Virtuoso 7 from Debian."""
    if request.param == "virtuoso":
        from tests import virtuoso

        if not virtuoso.available():
            pytest.skip("virtuoso-opensource-7-bin is not installed (make test installs it where apt-get works)")
        with virtuoso.virtuoso(tmp_path_factory.mktemp("virtuoso")) as (query_url, update_url):
            yield {"KG_STORE": f"sparql+{query_url}", "KG_STORE_UPDATE_URL": update_url,
                   "KG_STORE_USER": "dba", "KG_STORE_PASSWORD": "dba"}
        return
    store = tmp_path_factory.mktemp("remote") / "store"
    from kg.store import Store

    with Store(store).transaction():
        pass  # an empty, published store
    with live_server(store, KG_UPDATE_TOKEN=TOKEN) as url:
        yield {"KG_STORE": f"sparql+{url}/sparql", "KG_STORE_UPDATE_URL": f"{url}/sparql", "TOKEN": TOKEN}


def test_build_query_and_stats_on_the_remote_store(env, monkeypatch):
    import requests

    if "TOKEN" in env:  # the remote newskg takes updates with a bearer token: give the client that header
        original = requests.Session.post

        def post(self, url, *args, **kwargs):
            if "update" in (kwargs.get("data") or {}):
                kwargs.setdefault("headers", {})["Authorization"] = f"Bearer {TOKEN}"
            return original(self, url, *args, **kwargs)

        monkeypatch.setattr(requests.Session, "post", post)
    env = {k: v for k, v in env.items() if k != "TOKEN"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(ROOT / "seeds")])
    assert built.exit_code == 0, built.output
    answer = runner.invoke(main, ["query", "PREFIX kg: <https://w3id.org/newskg/ontology#> SELECT ?min WHERE "
                                  "{ ?e a kg:DeploymentRefusal ; kg:participants/kg:minValue ?min }", "--format", "json"])
    values = {b["min"]["value"] for b in json.loads(answer.output)["results"]["bindings"]}
    assert values == {"300"}
    stats = json.loads(runner.invoke(main, ["stats", "--format", "json"]).output)
    assert stats["articles"] == 1 and stats["events"] >= 8
    submitted = runner.invoke(main, ["submit", str(ROOT / "tests" / "data" / "submission-valid.ttl"), "--by", "dana"])
    assert submitted.exit_code == 0, submitted.output

    # the web service on top of the remote store: SPARQL and entity pages
    app = create_app(env)
    client = app.test_client()
    ask = client.get("/sparql", query_string={"query": "ASK { ?s a <https://w3id.org/newskg/ontology#Submission> }"})
    assert ask.status_code == 200 and ask.json["boolean"] is True
    page = client.get("/id/region/RU-DA", headers={"Accept": "text/turtle"})
    assert page.status_code == 200 and "RU-DA" in page.get_data(as_text=True)
    html = client.get("/id/unit/unnamed-ru-da-buynaksk")
    assert html.status_code == 200 and "Buynaksk" in html.get_data(as_text=True)
