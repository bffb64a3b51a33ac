"""A real `kg serve` process (gunicorn) on loopback, queried as the README shows."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import requests

from tests.live import live_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def server(built_store: Path):
    with live_server(built_store) as url:
        yield url


def readme_example() -> str:
    """The SPARQL query of the README's curl example."""
    text = (ROOT / "README.md").read_text()
    block = re.search(r"```sparql\n(.*?)```", text, re.S)
    assert block, "README has a ```sparql example"
    return block.group(1)


def test_readme_example_returns_the_dagestan_refusal(server):
    response = requests.post(server + "/sparql", data={"query": readme_example()},
                             headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.ok, response.text
    rows = response.json()["results"]["bindings"]
    assert rows
    row = rows[0]
    assert int(row["atLeast"]["value"]) == 300
    assert row["geonames"]["value"] == "https://sws.geonames.org/570479/"
    assert row["source"]["value"] and int(row["end"]["value"]) > int(row["start"]["value"])


def test_served_by_gunicorn(server):
    response = requests.get(server + "/health", timeout=5)
    assert response.headers.get("Server", "").startswith("gunicorn")
