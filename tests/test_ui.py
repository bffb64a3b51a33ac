"""The query UI at /: served offline from the package, with example queries that all run."""
import json
import re
from pathlib import Path

import pytest

EXAMPLES = json.loads((Path(__file__).resolve().parent.parent / "kg" / "data" / "examples.json").read_text())


def test_page_has_the_editor_and_the_examples(client):
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert 'id="yasgui"' in page and "new Yasgui(" in page
    assert len(EXAMPLES) >= 10
    for example in EXAMPLES:
        assert example["title"] in page.replace("&#39;", "'").replace("&amp;", "&")


def test_assets_are_local_and_served(client):
    page = client.get("/").get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    for source in sources:
        assert not source.startswith(("http://", "https://", "//")), source
        if source.startswith("/static/"):
            assert client.get(source).status_code == 200, source
    assert '"prefixes", "variables"' in page  # no autocompleter that calls an outside service


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["id"] for e in EXAMPLES])
def test_every_example_runs_on_the_seed_graph(client, example):
    response = client.post("/sparql", data={"query": example["query"]},
                           headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    assert response.status_code == 200, response.get_data(as_text=True)
    if response.mimetype.endswith("json") and "results" in response.json:
        assert response.json["results"]["bindings"] or example["id"] in ("same-event",), example["id"]
