"""A build killed with SIGKILL and run again ends with exactly the data of an uninterrupted build.

(The provenance graph is compared apart: it records each build that ran, so the interrupted one is in it.)
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
PROVENANCE = "https://w3id.org/newskg/id/graph/provenance"


def corpus(directory: Path, copies: int = 16) -> Path:
    """Copies of the seed and the cross-link articles, each under its own URL (so each is its own article)."""
    directory.mkdir()
    sources = [ROOT / "seeds" / "000_4e250d6f87dbdd5a.txt", *sorted((ROOT / "tests" / "data" / "crosslink").glob("*.txt"))]
    for n in range(copies):
        source = sources[n % len(sources)]
        shutil.copy(source, directory / f"{n:03d}.txt")
        meta = json.loads(source.with_suffix(".json").read_text())
        meta["url"] = f"https://example.org/copies/{n}"
        (directory / f"{n:03d}.json").write_text(json.dumps(meta))
    return directory


def kg(*args: str, store: Path) -> subprocess.Popen:
    return subprocess.Popen([str(Path(sys.executable).with_name("kg")), *args, "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ})


def data_quads(store: Path) -> set[str]:
    snapshot = store / "snapshots" / (store / "CURRENT").read_text().strip()
    db = ox.Store.read_only(str(snapshot))
    return {str(q) for q in db if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == PROVENANCE)}


def test_interrupted_build_converges(tmp_path):
    articles = corpus(tmp_path / "articles")
    started = time.monotonic()
    assert kg("build", str(articles), store=tmp_path / "whole").wait(300) == 0
    duration = time.monotonic() - started
    interrupted = tmp_path / "interrupted"
    process = kg("build", str(articles), store=interrupted)
    time.sleep(duration * 0.6)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert kg("build", str(articles), store=interrupted).wait(300) == 0
    assert data_quads(interrupted) == data_quads(tmp_path / "whole")
