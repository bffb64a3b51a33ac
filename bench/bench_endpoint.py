"""The endpoint under a query mix, side by side with the bare pyoxigraph-in-gunicorn baseline.

    .venv/bin/python bench/bench_endpoint.py [--store data/store] [--seconds 20] [--clients 2]

Starts `kg serve` (2 web workers) and the baseline (`bench/endpoint_baseline.py`, 2 gunicorn workers) on
loopback over the same store, runs the same mix with the same number of clients against each in turn, and
prints query mixes per hour and p50/p95/p99 latency. The mix is the users' one in small: an entity lookup,
events by region and time window, refusals per region per month, claims with sources and evidence, a
kg:locatedIn+ join with the reference graph, a label search, and a CONSTRUCT of an event.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
P = "PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
REGIONS = ["RU-DA", "RU-BU", "RU-TY", "RU-ZAB", "RU-MOS", "UA-14"]
MIX = {
    "entity": lambda r: f"SELECT ?p ?o WHERE {{ <https://w3id.org/newskg/id/region/{r.choice(REGIONS)}> ?p ?o }}",
    "events_by_region": lambda r: P + f"""SELECT ?e ?t WHERE {{ ?e a ?t ; kg:place|kg:involvesUnit/kg:homeRegion ?p .
        ?p kg:locatedIn* <https://w3id.org/newskg/id/region/{r.choice(REGIONS)}> .
        OPTIONAL {{ ?e kg:earliest ?d }} FILTER(!BOUND(?d) || ?d >= "2022-0{r.randint(1, 9)}-01"^^<http://www.w3.org/2001/XMLSchema#date>) }}""",
    "refusals_per_month": lambda r: P + """SELECT ?region ?month (COUNT(?e) AS ?n) WHERE {
        SELECT DISTINCT ?region ?month ?e WHERE {
        ?e a kg:DeploymentRefusal ; kg:earliest ?d ; kg:place/kg:locatedIn* ?region . ?region a kg:Region .
        BIND(SUBSTR(STR(?d), 1, 7) AS ?month) } } GROUP BY ?region ?month""",
    "claims": lambda r: P + """SELECT ?e ?source ?certainty ?exact WHERE { ?e kg:certainty ?certainty ;
        kg:evidence/kg:exact ?exact . OPTIONAL { ?e kg:accordingTo/rdfs:label ?source } } LIMIT 50""",
    "in_russia": lambda r: P + """SELECT ?e ?place WHERE { ?e kg:place ?place .
        ?place kg:locatedIn+ <https://w3id.org/newskg/id/country/RU> }""",
    "label_search": lambda r: P + f"""SELECT ?s ?l WHERE {{ ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)),
        "{r.choice(['bur', 'dag', 'ukr', 'refus', 'unit'])}")) }} LIMIT 20""",
    "construct_event": lambda r: P + """CONSTRUCT { ?e ?p ?o . ?v kg:exact ?x } WHERE {
        { SELECT ?e WHERE { ?e a kg:DeploymentRefusal } LIMIT 1 } ?e ?p ?o ; kg:evidence ?v . ?v kg:exact ?x }""",
}


def wait(url: str) -> None:
    for _ in range(200):
        try:
            requests.post(url, data={"query": "ASK {}"}, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


def run(url: str, seconds: float, clients: int, seed: int) -> dict[str, object]:
    latencies: dict[str, list[float]] = {name: [] for name in MIX}
    errors = [0]
    stop = time.monotonic() + seconds
    mixes = [0]

    def client(n: int) -> None:
        rng = random.Random(seed + n)
        session = requests.Session()
        while time.monotonic() < stop:
            for name, make in MIX.items():
                started = time.perf_counter()
                response = session.post(url, data={"query": make(rng)},
                                        headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"})
                latencies[name].append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors[0] += 1
            mixes[0] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = sorted(x for v in latencies.values() for x in v)
    q = statistics.quantiles(every, n=100)
    return {"mixes_per_hour": mixes[0] * 3600 / seconds, "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000,
            "p99_ms": q[98] * 1000, "errors": errors[0],
            "entity_p99_ms": statistics.quantiles(sorted(latencies["entity"]), n=100)[98] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default="data/store")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=2)
    args = parser.parse_args()
    env = {**os.environ, "KG_STORE": args.store}
    bin_dir = Path(sys.executable).parent
    servers = {
        "newskg (kg serve)": ([str(bin_dir / "kg"), "serve", "--port", "8011", "--workers", "2"], "http://127.0.0.1:8011/sparql"),
        "baseline (pyoxigraph in gunicorn)": ([str(bin_dir / "gunicorn"), "-w", "2", "-k", "gthread", "--threads", "4",
                                               "-b", "127.0.0.1:8012", "bench.endpoint_baseline:app"], "http://127.0.0.1:8012/sparql"),
    }
    results = {}
    for name, (command, url) in servers.items():
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait(url)
            run(url, 3, args.clients, 1)  # warm up
            results[name] = run(url, args.seconds, args.clients, 7)
        finally:
            process.terminate()
            process.wait(10)
    print(f"{args.clients} clients, {args.seconds:g} s each, store {args.store}")
    print("| server | mixes/hour | p50 ms | p95 ms | p99 ms | entity p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['mixes_per_hour']:,.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | "
              f"{r['entity_p99_ms']:.1f} | {r['errors']} |")
    a, b = results.values()
    print(f"\nnewskg / baseline throughput: {a['mixes_per_hour'] / b['mixes_per_hour']:.2f}")


if __name__ == "__main__":
    main()
