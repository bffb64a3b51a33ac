"""Synthetic newskg data of any size, as N-Quads, in the exact vocabulary and IRI scheme of docs/data-model.md.

    .venv/bin/python bench/generate.py --articles 10000 --out /tmp/kg-bench-10k.nq [--seed 7]

What it writes (streamed: memory stays flat from 1,000 to 1,000,000 articles):
- one named graph per article, ``id/article/{16 hex}`` (the sha256 of the article's URL): the article
  (kg:text, dct:title, schema:datePublished, dct:publisher, schema:url, dct:language, kg:mentions), its
  1-4 events (one of the 12 event classes; kg:reportedIn, kg:accordingTo, kg:certainty, kg:involvesUnit,
  kg:place, kg:destination, kg:participants / kg:deaths quantity nodes, kg:earliest / kg:latest, and a
  kg:evidence node whose kg:exact / kg:start / kg:end point into kg:text), and its article-scoped sources
  ("activists", "relatives", ...);
- ``id/graph/entities``: each shared entity described once, when an article first names it: named and
  unnamed units (kg:homeRegion, kg:basedAt a settlement and the base in it), military bases, outlets and
  named organisations (as `kg build` does, so the union default graph counts each once);
- ``id/graph/reference``: the real gazetteer's countries, regions and areas
  (``kg.rdf.reference_places(gazetteer.load(), Minter())``) plus every settlement an article used.

Skewed like the news: regions, settlements, units and outlets are drawn from Zipf-like weights, so a few
of them are in most events. Deterministic for a given ``--seed``. The whole output conforms to the shapes
(checked with `kg validate` on the 1,000-article file).

Beside OUT it writes ``OUT.params.json``: IRIs to draw query parameters from (a sample of events and
articles, the units, regions, settlements and countries with how many events each has, the date range,
label fragments, the number of quads). bench/querymix.py reads it.
"""
from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import itertools
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kg import gazetteer as gazetteer_module  # noqa: E402
from kg.gazetteer import SETTLEMENT  # noqa: E402
from kg.mint import Minter, slugify  # noqa: E402
from kg.rdf import EVENT_LABELS, describe_place, reference_places  # noqa: E402
from kg.store import to_ox_term  # noqa: E402

KG = "https://w3id.org/newskg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
TITLE = "<http://purl.org/dc/terms/title>"
PUBLISHER = "<http://purl.org/dc/terms/publisher>"
LANGUAGE = "<http://purl.org/dc/terms/language>"
PUBLISHED = "<https://schema.org/datePublished>"
URL = "<https://schema.org/url>"
SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"


def k(term: str) -> str:
    return f"<{KG}{term}>"


# How often each event class is reported (weights), and the words its sentence uses.
EVENT_TYPES = {
    "DeploymentRefusal": (14, "refused to deploy"), "Desertion": (10, "deserted"),
    "Deployment": (12, "were deployed"), "Return": (6, "returned to their base"),
    "ContractTermination": (6, "ended their contracts"), "Prosecution": (9, "were charged"),
    "Reenlistment": (3, "re-enlisted"), "Casualties": (12, "were killed"), "Injury": (6, "were wounded"),
    "Protest": (8, "protested"), "Detention": (7, "were detained"), "Mobilization": (7, "were mobilized"),
}
SENT_TO = {"Deployment", "DeploymentRefusal", "Mobilization"}  # events with a kg:destination
CERTAINTY = [("Reported", 55), ("Asserted", 25), ("Alleged", 15), ("Negated", 5)]
GENERIC_SOURCES = ["activists", "relatives", "a lawyer", "officials", "local residents", "soldiers' wives",
                   "a human rights group", "prosecutors", "the regional governor", "a court"]
OUTLETS = ["The Moscow Times", "Meduza", "Mediazona", "BBC Russian", "Novaya Gazeta Europe", "RFE/RL",
           "Kavkaz.Realii", "Sibir.Realii", "Verstka", "iStories", "Kyiv Independent", "Ukrainska Pravda",
           "Dozhd", "Kommersant", "RBC", "Fontanka", "Holod", "The Insider", "Vot Tak", "Sever.Realii"]
ORGANISATIONS = [("Committee of Soldiers' Mothers", None), ("Memorial", "Q1538532"), ("OVD-Info", "Q30919446"),
                 ("Go by the Forest", None), ("Idite Lesom", None), ("Conflict Intelligence Team", None),
                 ("Mediazona count", None), ("Russian Ministry of Defence", "Q1061253"),
                 ("Ukrainian General Staff", None), ("Human Rights Watch", "Q187052")]
FORMATIONS = ["Motor Rifle Brigade", "Guards Motor Rifle Brigade", "Tank Regiment", "Artillery Brigade",
              "Air Assault Division", "Naval Infantry Brigade", "Motor Rifle Regiment", "Engineer Brigade",
              "Separate Reconnaissance Battalion", "Spetsnaz Brigade"]
DESTINATIONS = [("UA", 60), ("UA-14", 12), ("UA-09", 8), ("UA-23", 6), ("UA-65", 5), ("area:donbas", 5),
                ("RU-BEL", 2), ("RU-KRS", 2)]
START = dt.date(2022, 2, 24)
DAYS = 1200  # publication dates run over about three and a third years


def nq_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def en(text: str) -> str:
    return nq_string(text) + "@en"


def date(day: dt.date) -> str:
    return f'"{day.isoformat()}"^^<{XSD}date>'


def integer(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Weighted:
    """A fixed population drawn from with fixed weights (cumulative, so a draw is one bisect)."""

    def __init__(self, items: list, weights: list[float]) -> None:
        self.items = items
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random):  # noqa: ANN201
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def zipf(items: list, s: float = 1.0) -> Weighted:
    return Weighted(items, [1 / rank ** s for rank in range(1, len(items) + 1)])


class Unit:
    __slots__ = ("iri", "label", "home", "base_place", "named", "alt")

    def __init__(self, iri: str, label: str, home: str | None, base_place: str | None, named: bool,
                 alt: str | None) -> None:
        self.iri, self.label, self.home, self.base_place, self.named, self.alt = iri, label, home, base_place, named, alt


class Generator:
    def __init__(self, seed: int, minter: Minter | None = None) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.m = minter or Minter()
        self.gz = gazetteer_module.load()
        self.reference_name = str(self.m.graph("reference"))
        self.entities_name = str(self.m.graph("entities"))
        rng = self.rng
        places = self.gz.places
        # Regions where the news happens: RU and UA first-level divisions, in a seeded shuffled order of
        # popularity, with Dagestan, Buryatia and Tuva (the seed article's sort of story) at the top.
        regions = sorted(p.id for p in places.values() if p.kind == "region" and p.country in ("RU", "UA"))
        rng.shuffle(regions)
        for code in ("RU-TY", "RU-BU", "RU-DA"):
            regions.remove(code)
            regions.insert(0, code)
        self.regions = zipf(regions, 1.1)
        # Settlements by region, the most populous first (drawn Zipf-like within the region).
        by_region: dict[str, list] = {}
        for place in places.values():
            if place.kind == SETTLEMENT and place.region in places and place.country in ("RU", "UA"):
                by_region.setdefault(place.region, []).append(place)
        self.settlements = {r: zipf([p.id for p in sorted(ps, key=lambda p: (-p.population, p.id))[:60]], 1.2)
                            for r, ps in by_region.items()}
        self.areas = sorted(p.id for p in places.values() if p.kind == "area")
        self.units = zipf(self._unit_pool(regions), 1.05)
        self.outlets = zipf(OUTLETS, 0.9)
        self.types = Weighted(list(EVENT_TYPES), [w for w, _ in EVENT_TYPES.values()])
        self.certainty = Weighted([c for c, _ in CERTAINTY], [w for _, w in CERTAINTY])
        self.destinations = Weighted([d for d, _ in DESTINATIONS], [w for _, w in DESTINATIONS])
        self.described: set[str] = set()  # shared entities already written to the entities graph
        self.used_settlements: set[str] = set()
        self.article_sources: set[str] = set()
        # What the query mix draws its parameters from (bounded: counters over fixed pools, reservoirs).
        self.place_events: Counter[str] = Counter()  # region / settlement / country / area IRI -> events
        self.unit_events: Counter[str] = Counter()
        self.sample_rng = random.Random(seed + 1)  # kept apart so that sampling never changes the data
        self.event_sample: list[str] = []
        self.article_sample: list[str] = []
        self.seen_events = 0
        self.seen_articles = 0
        self.first_day, self.last_day = dt.date.max, dt.date.min

    def _settlement(self, region: str) -> str | None:
        pool = self.settlements.get(region)
        return pool.draw(self.rng) if pool else None

    def _unit_pool(self, regions: list[str]) -> list[Unit]:
        """700 units: 300 named (most with a home region and a base) and 400 unnamed, known by home and base."""
        rng, m, gz = self.rng, self.m, self.gz
        pool: list[Unit] = []
        home_draw = zipf(regions, 1.1)
        for n in rng.sample(range(1, 1000), 300):
            name = f"{ordinal(n)} {rng.choice(FORMATIONS)}"
            home = home_draw.draw(rng) if rng.random() < 0.7 else None
            base = self._settlement(home) if home and rng.random() < 0.8 else None
            alt = f"military unit {rng.randrange(10000, 99999)}" if rng.random() < 0.4 else None
            pool.append(Unit(str(m.named_unit(name)), name, home, base, True, alt))
        seen = {u.iri for u in pool}
        while len(pool) < 700:
            home = home_draw.draw(rng)
            base = self._settlement(home) if rng.random() < 0.75 else None
            iri = str(m.unnamed_unit([home], [gz[base].label] if base else []))
            if iri in seen:
                continue
            seen.add(iri)
            label = f"unit from {gz[home].label}" + (f" based in {gz[base].label}" if base else "")
            pool.append(Unit(iri, label, home, base, False, None))
        rng.shuffle(pool)
        return pool

    # -- writing ------------------------------------------------------------------------------------------
    def _entity(self, out: list[str], iri: str, lines: list[tuple[str, str, str]]) -> None:
        """Describe a shared entity in the entities graph the first time an article names it."""
        if iri in self.described:
            return
        self.described.add(iri)
        g = self.entities_name
        out.extend(f"{s} {p} {o} <{g}> .\n" for s, p, o in lines)

    def _unit(self, out: list[str], unit: Unit) -> None:
        if unit.iri in self.described:
            return
        u = f"<{unit.iri}>"
        lines = [(u, A, k("MilitaryUnit")), (u, LABEL, en(unit.label))]
        if unit.alt:
            lines.append((u, ALT, nq_string(unit.alt)))
        if unit.home:
            lines.append((u, k("homeRegion"), f"<{self.m.place(unit.home)}>"))
        if unit.base_place:
            settlement = f"<{self.m.place(unit.base_place)}>"
            base = f"<{self.m.base_in(unit.base_place)}>"
            self.used_settlements.add(unit.base_place)
            lines += [(u, k("basedAt"), settlement), (u, k("basedAt"), base)]
            self._entity(out, base[1:-1], [(base, A, k("MilitaryBase")),
                                           (base, LABEL, en(f"military base in {self.gz[unit.base_place].label}")),
                                           (base, k("locatedIn"), settlement)])
        self._entity(out, unit.iri, lines)

    def _source(self, out: list[str], key: str, g: str) -> str:
        """A source an event is attributed to: article-scoped generic, a named organisation, or an outlet."""
        rng, m = self.rng, self.m
        roll = rng.random()
        if roll < 0.6:
            label = rng.choice(GENERIC_SOURCES)
            iri = f"<{m.source(slugify(label), 'generic', key)}>"
            if iri not in self.article_sources:
                self.article_sources.add(iri)
                out.append(f"{iri} {A} {k('Source')} <{g}> .\n{iri} {LABEL} {en(label)} <{g}> .\n")
            return iri
        if roll < 0.85:
            label, qid = rng.choice(ORGANISATIONS)
            iri = f"<{m.source(slugify(label), 'organisation', key)}>"
            lines = [(iri, A, k("Source")), (iri, LABEL, en(label))]
            if qid:
                lines.append((iri, SAME_AS, f"<http://www.wikidata.org/entity/{qid}>"))
            self._entity(out, iri[1:-1], lines)
            return iri
        label = self.outlets.draw(rng)
        iri = f"<{m.source(slugify(label), 'outlet', key)}>"
        self._entity(out, iri[1:-1], [(iri, A, k("MediaOutlet")), (iri, LABEL, en(label))])
        return iri

    def _place(self, unit: Unit | None) -> tuple[str, str]:
        """(place id, words) where an event happened; often where its unit is from or based."""
        rng = self.rng
        if unit is not None and unit.home and rng.random() < 0.5:
            if unit.base_place and rng.random() < 0.6:
                return unit.base_place, self.gz[unit.base_place].label
            return unit.home, self.gz[unit.home].label
        roll = rng.random()
        if roll < 0.04:
            area = rng.choice(self.areas)
            return area, self.gz[area].label
        if roll < 0.08:
            country = "RU" if rng.random() < 0.8 else "UA"
            return country, self.gz[country].label
        region = self.regions.draw(rng)
        if roll < 0.55:
            settlement = self._settlement(region)
            if settlement:
                return settlement, self.gz[settlement].label
        return region, self.gz[region].label

    def _quantity(self, out: list[str], iri: str, g: str) -> str:
        """A count as reported: exact, approximate, at least, at most, or a range. Returns its words."""
        rng = self.rng
        n = max(1, int(rng.paretovariate(1.3) * 4))
        roll = rng.random()
        q = f"<{iri}>"
        out.append(f"{q} {A} {k('Quantity')} <{g}> .\n")
        if roll < 0.45:
            out.append(f"{q} {k('value')} {integer(n)} <{g}> .\n")
            return str(n)
        if roll < 0.65:
            out.append(f"{q} {k('value')} {integer(n)} <{g}> .\n"
                       f'{q} {k("approximate")} "true"^^<{XSD}boolean> <{g}> .\n')
            return f"about {n}"
        if roll < 0.85:
            out.append(f"{q} {k('minValue')} {integer(n)} <{g}> .\n")
            return f"at least {n}"
        if roll < 0.93:
            out.append(f"{q} {k('maxValue')} {integer(n)} <{g}> .\n")
            return f"up to {n}"
        out.append(f"{q} {k('minValue')} {integer(n)} <{g}> .\n{q} {k('maxValue')} {integer(n * 2)} <{g}> .\n")
        return f"between {n} and {n * 2}"

    def _interval(self, published: dt.date) -> tuple[dt.date | None, dt.date | None, str]:
        """kg:earliest / kg:latest as the extraction writes them: a day, a month, an open bound, or none."""
        rng = self.rng
        roll = rng.random()
        day = published - dt.timedelta(days=min(int(rng.expovariate(1 / 12)), 300))
        if roll < 0.45:
            return day, day, f"on {day:%d %B %Y}"
        if roll < 0.75:
            first = day.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return first, min(last, published), f"in {day:%B %Y}"
        if roll < 0.85:
            return day, None, f"since {day:%d %B %Y}"
        if roll < 0.92:
            return None, day, f"before {day:%d %B %Y}"
        return None, None, "recently"

    def article(self, n: int) -> str:
        """All the quads of article ``n`` (and of the shared entities it names first)."""
        rng, m = self.rng, self.m
        url = f"https://news.example.org/{2022 + n % 4}/{n}"
        key = hashlib.sha256(url.encode()).hexdigest()[:16]
        a = f"<{m.article(key)}>"
        g = str(m.article(key))
        published = START + dt.timedelta(days=rng.randrange(DAYS))
        outlet = self.outlets.draw(rng)
        outlet_iri = f"<{m.source(slugify(outlet), 'outlet', key)}>"
        out: list[str] = []
        self.article_sources = set()
        self._entity(out, outlet_iri[1:-1], [(outlet_iri, A, k("MediaOutlet")), (outlet_iri, LABEL, en(outlet))])
        mentions: dict[str, None] = {}
        sentences: list[str] = []
        offset = 0
        for e in range(1, rng.choices((1, 2, 3, 4), (40, 30, 20, 10))[0] + 1):
            event = str(m.event(key, e))
            ev = f"<{event}>"
            kind = self.types.draw(rng)
            lines = [(ev, A, k(kind)), (ev, LABEL, en(EVENT_LABELS[kind])), (ev, k("reportedIn"), a),
                     (ev, k("certainty"), k(self.certainty.draw(rng)))]
            unit = self.units.draw(rng) if rng.random() < 0.85 else None
            who = "soldiers"
            if unit is not None:
                self._unit(out, unit)
                lines.append((ev, k("involvesUnit"), f"<{unit.iri}>"))
                mentions[f"<{unit.iri}>"] = None
                self.unit_events[unit.iri] += 1
                who = f"soldiers of the {unit.label}"
            place_id, where = self._place(unit)
            place = f"<{m.place(place_id)}>"
            lines.append((ev, k("place"), place))
            mentions[place] = None
            if place_id.startswith("gn:"):
                self.used_settlements.add(place_id)
            self.place_events[place[1:-1]] += 1
            region = self.gz.region_of(place_id)
            if region and region != place_id:
                self.place_events[str(m.place(region))] += 1  # counted for its region too (kg:locatedIn*)
            words = f" {EVENT_TYPES[kind][1]} in {where}"
            if kind in SENT_TO and rng.random() < 0.7:
                destination = self.destinations.draw(rng)
                lines.append((ev, k("destination"), f"<{m.place(destination)}>"))
                mentions[f"<{m.place(destination)}>"] = None
                words += f" (sent to {self.gz[destination].label})"
            if rng.random() < 0.8:
                prop = "deaths" if kind == "Casualties" else "participants"
                quantity = f"{event}/{prop}"
                lines.append((ev, k(prop), f"<{quantity}>"))
                who = self._quantity(out, quantity, g) + " " + who
            earliest, latest, when = self._interval(published)
            if earliest:
                lines.append((ev, k("earliest"), date(earliest)))
                self.first_day = min(self.first_day, earliest)
            if latest:
                lines.append((ev, k("latest"), date(latest)))
                self.last_day = max(self.last_day, latest)
            sources = [self._source(out, key, g) for _ in range(rng.choices((0, 1, 2), (25, 60, 15))[0])]
            lines += [(ev, k("accordingTo"), s) for s in dict.fromkeys(sources)]
            attribution = ", according to sources" if sources else ""
            sentence = f"{who[0].upper()}{who[1:]}{words} {when}{attribution}."
            start = offset + (1 if sentences else 0)
            sentences.append(sentence)
            offset = start + len(sentence)
            evidence = f"<{event}/evidence>"
            lines += [(ev, k("evidence"), evidence), (evidence, A, k("Evidence")),
                      (evidence, k("exact"), nq_string(sentence)), (evidence, k("start"), integer(start)),
                      (evidence, k("end"), integer(offset))]
            out.extend(f"{s} {p} {o} <{g}> .\n" for s, p, o in lines)
            self._sample_event(event)
        text = " ".join(sentences)
        title = sentences[0].split(",")[0].rstrip(".")
        head = [(a, A, k("Article")), (a, k("text"), nq_string(text)), (a, TITLE, en(title[:90])),
                (a, PUBLISHED, date(published)), (a, PUBLISHER, outlet_iri), (a, URL, f"<{url}>"),
                (a, LANGUAGE, '"en"')]
        head += [(a, k("mentions"), iri) for iri in mentions]
        out.extend(f"{s} {p} {o} <{g}> .\n" for s, p, o in head)
        self._sample_article(g)
        return "".join(out)

    def _sample_event(self, iri: str) -> None:
        """Reservoir sample of event IRIs (uniform over all events, fixed size)."""
        self.seen_events += 1
        if len(self.event_sample) < 5000:
            self.event_sample.append(iri)
        else:
            j = self.sample_rng.randrange(self.seen_events)
            if j < 5000:
                self.event_sample[j] = iri

    def _sample_article(self, iri: str) -> None:
        self.seen_articles += 1
        if len(self.article_sample) < 1000:
            self.article_sample.append(iri)
        else:
            j = self.sample_rng.randrange(self.seen_articles)
            if j < 1000:
                self.article_sample[j] = iri

    def reference(self) -> str:
        """The reference graph: every country, region and area, and the settlements the articles used."""
        graph = reference_places(self.gz, self.m)
        for place_id in sorted(self.used_settlements):
            describe_place(graph, self.gz[place_id], self.gz, self.m)
        name = ox.NamedNode(self.reference_name)
        quads = [ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o), name) for s, p, o in graph]  # type: ignore[arg-type]
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")

    def params(self, quads: int, articles: int) -> dict[str, object]:
        gz, m = self.gz, self.m
        regions = {str(m.place(p.id)): p for p in gz.places.values() if p.kind == "region"}
        settlements = {str(m.place(p)) for p in self.used_settlements}
        labels = sorted({gz[p].label for p in self.used_settlements}
                        | {p.label for iri, p in regions.items() if iri in self.place_events})
        units = sorted(self.unit_events.items(), key=lambda kv: (-kv[1], kv[0]))
        unit_labels = {u.iri: u.label for u in self.units.items}
        terms: Counter[str] = Counter()
        for label in labels + [unit_labels[u] for u, _ in units]:
            for word in label.lower().replace("-", " ").split():
                if len(word) >= 5 and word.isalpha():
                    terms[word[:5]] += 1
        ranked = self.place_events.most_common()
        return {
            "generator": {"articles": articles, "quads": quads, "seed": self.seed},
            "events": self.event_sample,
            "articles": self.article_sample,
            "units": [u for u, _ in units],
            "unit_events": dict(units),
            "regions": [regions[iri].id for iri, _ in ranked if iri in regions],
            "region_iris": {iri: n for iri, n in ranked if iri in regions},
            "settlement_iris": {iri: n for iri, n in ranked if iri in settlements},
            "countries": {iri: n for iri, n in ranked if "/country/" in iri},
            "date_range": [self.first_day.isoformat(), self.last_day.isoformat()],
            "label_terms": [t for t, _ in terms.most_common(60)],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.monotonic()
    generator = Generator(args.seed)
    quads = 0
    with args.out.open("w", encoding="utf-8", buffering=1 << 20) as out:
        batch: list[str] = []
        for n in range(args.articles):
            batch.append(generator.article(n))
            if len(batch) == 200:
                text = "".join(batch)
                quads += text.count("\n")
                out.write(text)
                batch = []
            if n and n % 100000 == 0:
                print(f"  {n:,} articles, {quads:,} quads, {time.monotonic() - started:.0f} s", file=sys.stderr)
        text = "".join(batch) + generator.reference()
        quads += text.count("\n")
        out.write(text)
    params = generator.params(quads, args.articles)
    Path(str(args.out) + ".params.json").write_text(json.dumps(params, indent=1))
    print(f"wrote {args.out}: {args.articles:,} articles, {quads:,} quads, {args.out.stat().st_size / 1e6:.1f} MB "
          f"in {time.monotonic() - started:.1f} s (+ {args.out}.params.json)")


if __name__ == "__main__":
    main()
