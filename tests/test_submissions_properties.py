"""Property-based: random bytes and random mutations of a valid submission never store anything that does
not conform, and never cause a server error."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.serve import create_app

VALID = (Path(__file__).parent / "data" / "submission-valid.ttl").read_bytes()
AUTH = {"Authorization": "Bearer prop-token"}
MEDIA = ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
         "application/trig", "application/n-quads"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def client(built_store, tmp_path_factory):
    store = tmp_path_factory.mktemp("prop") / "store"
    shutil.copytree(built_store, store)
    app = create_app({"KG_STORE": str(store), "KG_UPDATE_TOKEN": "prop-token"})
    app.testing = True
    yield app.test_client()
    app.extensions["kg_pool"].close()


def _count(client) -> int:
    return int(client.get("/sparql", query_string={"query": COUNT}).json["results"]["bindings"][0]["n"]["value"])


def _submit_and_check(client, body: bytes, media: str) -> None:
    before = _count(client)
    response = client.post("/submissions", data=body, content_type=media, headers=AUTH)
    assert response.status_code < 500, response.get_data(as_text=True)
    assert response.status_code in (200, 201, 400, 413, 415, 422)
    if response.status_code == 201:
        # it landed: so it conforms, and all of it is there
        assert client.post("/validate", data=body, content_type=media).status_code == 200
        assert _count(client) == before + response.json["triples"]
        assert client.delete(f"/submissions/{response.json['id']}", headers=AUTH).status_code == 204
    else:
        assert _count(client) == before


@PROPERTY
@given(body=st.binary(max_size=400), media=st.sampled_from(MEDIA))
def test_random_bytes(client, body, media):
    _submit_and_check(client, body, media)


@st.composite
def mutations(draw):
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "drop_line", "swap_number"]))
        if kind == "drop_line":
            lines = bytes(data).split(b"\n")
            del lines[draw(st.integers(0, len(lines) - 1))]
            data = bytearray(b"\n".join(lines))
            continue
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 8))]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from([b"-", b"9", b" ", b";", b".", b"<", b'"', b"kg:", b"\xff"]))
        else:
            data = bytearray(bytes(data).replace(b"12", str(draw(st.integers(-50, 50))).encode(), 1))
    return bytes(data)


@PROPERTY
@given(body=mutations())
def test_mutations_of_a_valid_submission(client, body):
    _submit_and_check(client, body, "text/turtle")
