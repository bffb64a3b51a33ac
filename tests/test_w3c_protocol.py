"""The 34 tests of the W3C SPARQL 1.1 Protocol manifest, against a real `kg serve` process.

The data files are loaded into the named graphs the manifest's queries name (dataN.nt into
<http://kasei.us/2009/09/sparql/data/dataN.rdf>), every request carries the update token, and each test's
requests run in order, checking status class, result format and, for ASK, the boolean.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

from kg.store import Store
from tests.live import live_server

HERE = Path(__file__).parent / "w3c" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
TOKEN = "w3c-protocol-test-token"
TABULAR = {"application/sparql-results+xml", "application/sparql-results+json", "text/csv",
           "text/tab-separated-values"}
BOOLEAN = {"application/sparql-results+xml", "application/sparql-results+json"}
RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "text/plain"}

MANIFEST = Graph().parse(HERE / "manifest.ttl", format="turtle")
ENTRIES = list(Collection(MANIFEST, next(MANIFEST.objects(None, MF.entries))))


def _requests(test):
    action = MANIFEST.value(test, MF.action)
    return list(Collection(MANIFEST, MANIFEST.value(action, HT.requests)))


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    path = tmp_path_factory.mktemp("w3c-store")
    store = Store(path)
    with store.transaction() as writer:
        for n in (1, 2, 3):
            writer.load(path=str(HERE / f"data{n}.nt"), format=ox.RdfFormat.N_TRIPLES,
                        to_graph=ox.NamedNode(f"http://kasei.us/2009/09/sparql/data/data{n}.rdf"))
    with live_server(path, KG_UPDATE_TOKEN=TOKEN) as url:
        yield url + "/sparql"


def _boolean(response) -> bool:
    media = response.headers["Content-Type"].split(";")[0]
    if media.endswith("json"):
        return json.loads(response.text)["boolean"]
    root = ET.fromstring(response.content)
    return root.find("{http://www.w3.org/2005/sparql-results#}boolean").text.strip() == "true"


@pytest.mark.parametrize("test", ENTRIES, ids=[str(t).rsplit("#", 1)[-1] for t in ENTRIES])
def test_protocol(endpoint, test):
    for request in _requests(test):
        method = str(MANIFEST.value(request, HT.methodName))
        path = str(MANIFEST.value(request, HT.absolutePath))
        assert path.startswith("/sparql/")
        url = endpoint + path[len("/sparql/") - 1:].replace("/", "", 1) if path != "/sparql/" else endpoint
        headers = {"Authorization": f"Bearer {TOKEN}"}
        header_list = MANIFEST.value(request, HT.headers)
        for header in (Collection(MANIFEST, header_list) if header_list else []):
            headers[str(MANIFEST.value(header, HT.fieldName))] = str(MANIFEST.value(header, HT.fieldValue))
        body = MANIFEST.value(request, HT.body)
        data = None
        if body is not None:
            encoding = str(MANIFEST.value(body, CNT.characterEncoding) or "UTF-8")
            data = str(MANIFEST.value(body, CNT.chars)).encode(encoding)
        response = requests.request(method, url, data=data, headers=headers, timeout=30)
        expected = MANIFEST.value(request, HT.resp)
        statuses = {str(s).rsplit("#StatusCode", 1)[-1] for s in MANIFEST.objects(expected, MF.expectedStatus)}
        assert f"{str(response.status_code)[0]}xx" in statuses, (
            f"{MANIFEST.value(test, MF.name)}: {method} {path} -> {response.status_code} {response.text[:300]}")
        media = response.headers.get("Content-Type", "").split(";")[0].strip()
        fmt = MANIFEST.value(expected, MF.expectedFormat)
        if fmt is not None:
            allowed = {"tabular": TABULAR, "boolean": BOOLEAN, "RDF": RDF_TYPES}[str(fmt)]
            assert media in allowed, f"{MANIFEST.value(test, MF.name)}: got {media}"
        boolean = MANIFEST.value(expected, MF.expectedBoolean)
        if boolean is not None:
            assert _boolean(response) == boolean.toPython(), MANIFEST.value(test, MF.name)


def test_manifest_has_34_tests():
    assert len(ENTRIES) == 34
    assert all((t, RDF.type, MF.ProtocolTest) in MANIFEST for t in ENTRIES)
