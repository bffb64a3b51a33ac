"""newskg next to the servers people use today, on the same generated data and the same query mix.

    .venv/bin/python bench/generate.py --articles 10000 --out /tmp/kg-10k.nq
    .venv/bin/python bench/compare.py --data /tmp/kg-10k.nq --systems newskg baseline virtuoso --clients 1 2 8
    .venv/bin/python bench/generate.py --articles 1000 --out /tmp/kg-1k.nq
    .venv/bin/python bench/compare.py --data /tmp/kg-1k.nq --systems newskg rdflib-endpoint --clients 2

Each system is started on loopback and loaded with the data file: newskg (`kg serve` on a store bulk-loaded
with every article in its own graph), the bare pyoxigraph-in-gunicorn baseline (`bench/endpoint_baseline.py`),
Virtuoso 7 from Debian (loaded with `ld_dir`/`rdf_loader_run`), and rdflib-endpoint from PyPI in its own venv
(`bench/.venv-rdflib-endpoint`). All get the mix of `bench/bench_endpoint.py` with parameters drawn per run,
as form POSTs (Virtuoso 7 stalls on direct POSTs). Prints one Markdown table per concurrency.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_endpoint  # noqa: E402
from kg.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def newskg_store(data: Path, directory: Path) -> Path:
    store = Store(directory / "store")
    with store.transaction() as writer:
        writer.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    return directory / "store"


@contextmanager
def process(command: list[str], env: dict[str, str] | None = None) -> Iterator[None]:
    proc = subprocess.Popen(command, env={**os.environ, **(env or {})}, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def system(name: str, data: Path, work: Path) -> Iterator[str]:
    if name in ("newskg", "baseline"):
        store = newskg_store(data, work)
        if name == "newskg":
            command = [str(BIN / "kg"), "serve", "--port", "8021", "--workers", "2"]
            url = "http://127.0.0.1:8021/sparql"
        else:
            command = [str(BIN / "gunicorn"), "-w", "2", "-k", "gthread", "--threads", "4", "-b", "127.0.0.1:8022",
                       "bench.endpoint_baseline:app"]
            url = "http://127.0.0.1:8022/sparql"
        with process(command, {"KG_STORE": str(store), "KG_QUERY_TIMEOUT": "60"}):
            bench_endpoint.wait(url)
            yield url
    elif name == "virtuoso":
        from tests.virtuoso import virtuoso

        with virtuoso(work / "virtuoso") as (url, _):
            port = int((work / "virtuoso" / "virtuoso.ini").read_text().split("ServerPort = 127.0.0.1:")[1].split()[0])
            shutil.copy(data, work / "virtuoso" / "data.nq")
            script = (f"ld_dir('{work / 'virtuoso'}', 'data.nq', 'urn:default'); rdf_loader_run(); checkpoint;")
            subprocess.run(["isql-vt", str(port), "dba", "dba", f"exec={script}"], check=True, capture_output=True,
                           timeout=3600)
            yield url
    elif name == "rdflib-endpoint":
        venv = ROOT / "bench" / ".venv-rdflib-endpoint" / "bin"
        command = [str(venv / "rdflib-endpoint"), "serve", str(data), "--host", "127.0.0.1", "--port", "8023"]
        with process(command):
            url = "http://127.0.0.1:8023/"
            for _ in range(1800):
                try:
                    import requests

                    if requests.post(url, data={"query": "ASK {}"}, timeout=2).status_code == 200:
                        break
                except Exception:  # noqa: BLE001 - still loading
                    time.sleep(1)
            yield url
    else:
        raise SystemExit(f"unknown system {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--systems", nargs="+", default=["newskg", "baseline", "virtuoso"])
    parser.add_argument("--clients", nargs="+", type=int, default=[1, 2, 8])
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    params = json.loads(Path(str(args.data) + ".params.json").read_text())
    regions = sorted(set(params["regions"]))[:50] or bench_endpoint.REGIONS
    bench_endpoint.REGIONS[:] = regions
    events = params["events"]
    bench_endpoint.MIX["entity"] = lambda r: (f"SELECT ?p ?o WHERE {{ {{ <{r.choice(events)}> ?p ?o }} UNION "
                                              f"{{ ?o ?p <{r.choice(events)}> }} }}")
    triples = sum(1 for _ in ox.parse(path=str(args.data), format=ox.RdfFormat.N_QUADS))
    results: dict[int, dict[str, dict[str, object]]] = {c: {} for c in args.clients}
    for name in args.systems:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.monotonic()
            with system(name, args.data, Path(tmp)) as url:
                load = time.monotonic() - started
                bench_endpoint.run(url, 3, 2, 1)
                for clients in args.clients:
                    results[clients][name] = {**bench_endpoint.run(url, args.seconds, clients, 7 + clients),
                                              "load_s": load}
    print(f"data: {args.data} ({triples:,} quads); {args.seconds:g} s per run; machine: 2 cores")
    for clients, by_system in results.items():
        print(f"\n{clients} client(s)\n")
        print("| system | mixes/hour | p50 ms | p95 ms | p99 ms | entity p99 ms | errors | start+load s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, r in by_system.items():
            print(f"| {name} | {r['mixes_per_hour']:,.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | "
                  f"{r['entity_p99_ms']:.1f} | {r['errors']} | {r['load_s']:.0f} |")
        if "newskg" in by_system:
            base = by_system["newskg"]["mixes_per_hour"]
            for name, r in by_system.items():
                if name != "newskg" and r["mixes_per_hour"]:
                    print(f"\nnewskg / {name}: {base / r['mixes_per_hour']:.2f}")


if __name__ == "__main__":
    random.seed(0)
    main()
