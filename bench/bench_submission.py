"""A 100,000-triple submission: parse, validate (pySHACL core + Oxigraph SHACL-SPARQL) and store.

    .venv/bin/python bench/bench_submission.py [--events 9000]

Each event is a kg:Detention with a count and an evidence node (11 triples), placed in a known region,
so validation exercises every event, quantity, evidence, IRI-scheme and place shape. Prints each phase
and the total; the figure goes to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import tempfile
import time

from kg import submissions
from kg.mint import Minter
from kg.pipeline import known_places
from kg.store import Store


def submission(events: int) -> bytes:
    parts = ["@prefix kg: <https://w3id.org/newskg/ontology#> .", "@prefix ex: <https://bench.example.org/> ."]
    for i in range(events):
        parts.append(
            f"ex:e{i} a kg:Detention ; kg:certainty kg:Reported ; kg:place <https://w3id.org/newskg/id/region/RU-DA> ;"
            f" kg:participants ex:q{i} ; kg:evidence ex:v{i} .\n"
            f"ex:q{i} a kg:Quantity ; kg:value {i % 50} .\n"
            f'ex:v{i} a kg:Evidence ; kg:exact "detained {i}" ; kg:start 0 ; kg:end 10 .')
    return "\n".join(parts).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=9000)
    args = parser.parse_args()
    minter = Minter()
    known_places(minter)  # the gazetteer loads once per process; not part of a submission's cost
    body = submission(args.events)
    started = time.perf_counter()
    parsed = submissions.parse(body, "text/turtle", "https://bench.example.org/")
    parsed_at = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        store = Store(directory)
        prov, report, iri = submissions.checked(parsed, minter, "bench")
        checked_at = time.perf_counter()
        assert report.conforms, report.summary()[:2000]
        _, _, triples, _ = submissions.submit(store, minter, parsed, "bench")
        done = time.perf_counter()
    print(f"{triples} triples ({len(body) / 1e6:.1f} MB of Turtle)")
    print(f"parse     {parsed_at - started:6.2f} s")
    print(f"validate  {checked_at - parsed_at:6.2f} s")
    print(f"validate+store (submit) {done - checked_at:6.2f} s")
    print(f"total, parse + submit: {parsed_at - started + done - checked_at:6.2f} s")


if __name__ == "__main__":
    main()
