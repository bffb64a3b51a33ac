"""Synthetic newskg data of any size, as N-Quads, following the ontology and the IRI scheme.

    .venv/bin/python bench/generate.py --articles 10000 --out /tmp/kg-10k.nq [--seed 7]

One named graph per article (its events with counts, dates, sources, certainty and evidence; its units
and sources), plus the reference graph of every country, region and area and the settlements used.
Skewed like the news: regions, settlements and units are drawn from Zipf-like weights, so a few of them
are in most events. Streams to the file in constant memory. Also writes OUT.params.json with IRIs the
query mix draws its parameters from.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
from pathlib import Path

from kg import gazetteer as gazetteer_module
from kg.mint import Minter
from kg.rdf import describe_place, new_graph, reference_places

KG = "https://w3id.org/newskg/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_TYPES = ["DeploymentRefusal", "Desertion", "Deployment", "Return", "ContractTermination", "Prosecution",
               "Reenlistment", "Casualties", "Injury", "Protest", "Detention", "Mobilization"]
CERTAINTY = ["Reported"] * 6 + ["Asserted"] * 2 + ["Alleged", "Negated"]
SOURCES = ["activists", "relatives", "a lawyer", "officials", "the governor", "local media", "prosecutors"]
OUTLETS = ["Example Wire", "Regional Daily", "Frontline Notes", "Border Report", "Volga Courier"]


def lit(value: object, datatype: str | None = None, lang: str | None = None) -> str:
    text = json.dumps(str(value), ensure_ascii=False)
    if lang:
        return f"{text}@{lang}"
    return f"{text}^^<{XSD}{datatype}>" if datatype else text


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1 / (rank ** s) for rank in range(1, n + 1)]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.minter = Minter()
        self.gazetteer = gazetteer_module.load()
        places = self.gazetteer.places.values()
        self.regions = [p for p in places if p.kind == "region" and p.country in ("RU", "UA")]
        self.rng.shuffle(self.regions)
        self.settlements = sorted((p for p in places if p.kind == "settlement" and p.country in ("RU", "UA")),
                                  key=lambda p: -p.population)[:400]
        self.region_weights = zipf_weights(len(self.regions))
        self.settlement_weights = zipf_weights(len(self.settlements))
        self.units = [f"{n}th Separate Motor Rifle Brigade" for n in range(4, 204)]
        self.unit_weights = zipf_weights(len(self.units))
        self.used_settlements: set[str] = set()

    def q(self, s: str, p: str, o: str, g: str) -> str:
        return f"{s} {p} {o} <{g}> .\n"

    def article(self, n: int) -> tuple[str, dict[str, list[str]]]:
        rng, m = self.rng, self.minter
        key = hashlib.sha256(f"bench-{n}".encode()).hexdigest()[:16]
        a = m.article(key)
        g = str(a)
        published = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(0, 1000))
        text = f"Synthetic article {n} about armed forces, published {published.isoformat()}."
        out = [self.q(f"<{a}>", RDF_TYPE, f"<{KG}Article>", g),
               self.q(f"<{a}>", f"<{KG}text>", lit(text), g),
               self.q(f"<{a}>", "<https://schema.org/datePublished>", lit(published, "date"), g),
               self.q(f"<{a}>", "<http://purl.org/dc/terms/title>", lit(f"Report {n}", lang="en"), g)]
        outlet = m.source(OUTLETS[n % len(OUTLETS)].lower().replace(" ", "-"), "outlet", key)
        out += [self.q(f"<{a}>", "<http://purl.org/dc/terms/publisher>", f"<{outlet}>", g),
                self.q(f"<{outlet}>", RDF_TYPE, f"<{KG}MediaOutlet>", g),
                self.q(f"<{outlet}>", LABEL, lit(OUTLETS[n % len(OUTLETS)], lang="en"), g)]
        params: dict[str, list[str]] = {"events": [], "units": [], "regions": []}
        for e in range(1, rng.randint(1, 4) + 1):
            event = m.event(key, e)
            kind = rng.choice(EVENT_TYPES)
            region = rng.choices(self.regions, self.region_weights)[0]
            settlement = rng.choices(self.settlements, self.settlement_weights)[0]
            place = m.place(settlement.id if rng.random() < 0.5 else region.id)
            if place == m.place(settlement.id):
                self.used_settlements.add(settlement.id)
            unit_index = rng.choices(range(len(self.units)), self.unit_weights)[0]
            unit_name = self.units[unit_index]
            unit = m.named_unit(unit_name)
            home = self.regions[unit_index % len(self.regions)]  # a unit has one home region
            source = m.source(rng.choice(SOURCES).replace(" ", "-"), "generic", key)
            earliest = published - dt.timedelta(days=rng.randrange(0, 60))
            latest = min(published, earliest + dt.timedelta(days=rng.choice([0, 6, 30])))
            start = rng.randrange(0, 500)
            quote = f"{kind} number {e} reported in article {n}"
            ev, qn = f"<{event}>", f"<{event}/participants>"
            out += [self.q(ev, RDF_TYPE, f"<{KG}{kind}>", g),
                    self.q(ev, LABEL, lit(kind, lang="en"), g),
                    self.q(ev, f"<{KG}reportedIn>", f"<{a}>", g),
                    self.q(ev, f"<{KG}certainty>", f"<{KG}{rng.choice(CERTAINTY)}>", g),
                    self.q(ev, f"<{KG}accordingTo>", f"<{source}>", g),
                    self.q(f"<{source}>", RDF_TYPE, f"<{KG}Source>", g),
                    self.q(f"<{source}>", LABEL, lit(source.rsplit("-", 1)[-1], lang="en"), g),
                    self.q(ev, f"<{KG}involvesUnit>", f"<{unit}>", g),
                    self.q(f"<{unit}>", RDF_TYPE, f"<{KG}MilitaryUnit>", g),
                    self.q(f"<{unit}>", LABEL, lit(unit_name, lang="en"), g),
                    self.q(f"<{unit}>", f"<{KG}homeRegion>", f"<{m.place(home.id)}>", g),
                    self.q(ev, f"<{KG}place>", f"<{place}>", g),
                    self.q(ev, f"<{KG}earliest>", lit(earliest, "date"), g),
                    self.q(ev, f"<{KG}latest>", lit(latest, "date"), g),
                    self.q(ev, f"<{KG}evidence>", f"<{event}/evidence>", g),
                    self.q(f"<{event}/evidence>", RDF_TYPE, f"<{KG}Evidence>", g),
                    self.q(f"<{event}/evidence>", f"<{KG}exact>", lit(quote), g),
                    self.q(f"<{event}/evidence>", f"<{KG}start>", lit(start, "integer"), g),
                    self.q(f"<{event}/evidence>", f"<{KG}end>", lit(start + len(quote), "integer"), g),
                    self.q(ev, f"<{KG}{'deaths' if kind == 'Casualties' else 'participants'}>", qn, g),
                    self.q(qn, RDF_TYPE, f"<{KG}Quantity>", g),
                    self.q(qn, f"<{KG}{rng.choice(['value', 'minValue'])}>", lit(rng.randint(1, 500), "integer"), g),
                    self.q(f"<{a}>", f"<{KG}mentions>", f"<{place}>", g)]
            params["events"].append(str(event))
            params["units"].append(str(unit))
            params["regions"].append(region.id)
        return "".join(out), params

    def reference(self) -> str:
        graph = reference_places(self.gazetteer, self.minter)
        for place_id in sorted(self.used_settlements):
            describe_place(graph, self.gazetteer[place_id], self.gazetteer, self.minter)
        name = str(self.minter.graph("reference"))
        return "".join(f"{s.n3()} {p.n3()} {o.n3()} <{name}> .\n" for s, p, o in graph)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generator = Generator(args.seed)
    sample: dict[str, list[str]] = {"events": [], "units": [], "regions": []}
    with args.out.open("w", encoding="utf-8") as out:
        for n in range(args.articles):
            text, params = generator.article(n)
            out.write(text)
            if generator.rng.random() < 0.05:
                for key, values in params.items():
                    sample[key].extend(values)
        out.write(generator.reference())
    sample = {k: sorted(set(v))[:2000] for k, v in sample.items()}
    Path(str(args.out) + ".params.json").write_text(json.dumps(sample))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
