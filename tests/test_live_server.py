"""A real `kg serve` process (gunicorn) on loopback, queried as the README shows."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_store: Path):
    port = free_port()
    env = {**os.environ, "KG_STORE": str(built_store)}
    kg = Path(sys.executable).with_name("kg")
    process = subprocess.Popen([str(kg), "serve", "--port", str(port), "--workers", "2"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if requests.get(url + "/health", timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("kg serve did not start: " + (process.stdout.read() if process.stdout else ""))
    yield url
    process.terminate()
    process.wait(timeout=10)


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
