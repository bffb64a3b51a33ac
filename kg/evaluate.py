"""Precision, recall and F1 of the extractor against a gold corpus (tests/corpus/README.md has the format).

Each article ``NNN_slug.txt`` (with its ``.json`` metadata sidecar) has a ``NNN_slug.gold.json``.
Gold and extraction are compared by identifier: places by ISO 3166 code, GeoNames id or area slug,
units by the IRI the minter gives them, events by type + count + place, dates by interval, sources
by normalized name. Articles sit in split directories (``dev/``, ``heldout/``); both are reported.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Namespace, URIRef

from kg import gazetteer as gazetteer_module
from kg.articles import Article, read_file
from kg.errors import InputError
from kg.extract import canonical_unit_name, extract
from kg.gazetteer import Gazetteer
from kg.mint import Minter
from kg.pipeline import article_graphs

KG = Namespace("https://w3id.org/newskg/ontology#")
CATEGORIES = ("countries", "regions", "settlements", "areas", "units", "events", "dates", "sources")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @staticmethod
    def summed(scores: Iterable[Score]) -> Score:
        out = Score()
        for score in scores:
            out.add(score)
        return out

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class ArticleResult:
    path: str
    scores: dict[str, Score]
    errors: list[str] = field(default_factory=list)


def compare_sets(gold: Iterable[Any], predicted: Iterable[Any], what: str, errors: list[str]) -> Score:
    g, p = set(gold), set(predicted)
    for missing in sorted(map(str, g - p)):
        errors.append(f"{what}: missed {missing}")
    for extra in sorted(map(str, p - g)):
        errors.append(f"{what}: spurious {extra}")
    return Score(len(g & p), len(p - g), len(g - p))


def normalize_source(name: str) -> str:
    name = name.lower().replace("’", "'").replace("defence", "defense")
    name = re.sub(r"'s?\b", "", name)
    name = re.sub(r"^(the|a|an)\s+", "", name.strip())
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


def _same_source(gold: str, predicted: str) -> bool:
    g, p = normalize_source(gold), normalize_source(predicted)
    return g == p or (len(p) > 3 and re.search(rf"\b{re.escape(p)}\b", g) is not None) or \
        (len(g) > 3 and re.search(rf"\b{re.escape(g)}\b", p) is not None)


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _quantity(graph: Graph, node: URIRef | None) -> dict[str, int] | None:
    if node is None:
        return None
    out = {}
    for key, prop in (("value", KG.value), ("min", KG.minValue), ("max", KG.maxValue)):
        value = graph.value(node, prop)
        if value is not None:
            out[key] = int(value)
    return out or None


def _gold_quantity(value: dict[str, Any] | None) -> dict[str, int] | None:
    if not value:
        return None
    return {k: int(v) for k, v in value.items() if k in ("value", "min", "max") and v is not None} or None


def best_pairing(weights: list[list[int]]) -> dict[int, int]:
    """The one-to-one pairing of rows with columns of the greatest total weight (Hungarian method, O(n³)).
    A weight of 0 means the two cannot pair; the result maps each paired row to its column."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    n = max(rows, cols)
    if not rows or not cols:
        return {}
    top = max(max(row) for row in weights)
    # Minimize cost = top - weight over a square matrix; padding and impossible pairs cost `top`.
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0) for j in range(n)] for i in range(n)]
    row_pot, col_pot = [0] * (n + 1), [0] * (n + 1)
    owner, way = [0] * (n + 1), [0] * (n + 1)  # owner[j]: the row (1-based) holding column j; 0 is free
    for i in range(1, n + 1):
        owner[0], col = i, 0
        slack, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while owner[col]:
            used[col] = True
            row, delta, nearest = owner[col], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    reduced = cost[row - 1][j - 1] - row_pot[row] - col_pot[j]
                    if reduced < slack[j]:
                        slack[j], way[j] = reduced, col
                    if slack[j] < delta:
                        delta, nearest = slack[j], j
            for j in range(n + 1):
                if used[j]:
                    row_pot[owner[j]] += delta
                    col_pot[j] -= delta
                else:
                    slack[j] -= delta
            col = nearest
        while col:
            previous = way[col]
            owner[col] = owner[previous]
            col = previous
    return {owner[j] - 1: j - 1 for j in range(1, n + 1)
            if owner[j] and owner[j] - 1 < rows and j - 1 < cols and weights[owner[j] - 1][j - 1] > 0}


class Evaluator:
    def __init__(self, gazetteer: Gazetteer, minter: Minter) -> None:
        self.gazetteer = gazetteer
        self.minter = minter

    # Places ------------------------------------------------------------------------------------------
    def place_iri(self, place_id: str) -> URIRef:
        return self.minter.place(place_id)

    def lineage(self, place_id: str) -> set[str]:
        """The place, the places it lies in, and for areas their parts."""
        out = {place_id}
        place = self.gazetteer.get(place_id)
        if place is None:
            return out
        if place.region:
            out.add(place.region)
        if place.country:
            out.add(place.country)
        out.update(place.parts)
        for area in self.gazetteer.places.values():
            if area.parts and (place_id in area.parts or (place.region and place.region in area.parts)):
                out.add(area.id)
        return out

    def place_id(self, iri: URIRef) -> str:
        tail = str(iri)[len(self.minter.base):]
        kind, _, rest = tail.partition("/")
        return {"country": rest, "region": rest, "area": f"area:{rest}"}.get(
            kind, f"gn:{rest.removeprefix('geonames-')}")

    # Units ---------------------------------------------------------------------------------------------
    def unit_iris(self, unit: dict[str, Any]) -> set[URIRef]:
        if unit.get("name"):
            names = [unit["name"], *unit.get("alt", [])]
            return {self.minter.named_unit(canonical_unit_name(n)) for n in names}
        bases = [self.gazetteer[f"gn:{b}"].label for b in unit.get("base", []) if self.gazetteer.get(f"gn:{b}")]
        return {self.minter.unnamed_unit(list(unit.get("home", [])), bases)}

    # One article ------------------------------------------------------------------------------------
    def article(self, path: Path) -> ArticleResult:
        gold_path = path.with_name(path.stem + ".gold.json")
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"{gold_path}: cannot read the gold annotation: {exc}") from exc
        article = next(read_file(path))
        graphs = article_graphs(article, self.minter)
        graph = graphs.union()
        errors: list[str] = []
        scores: dict[str, Score] = {}
        mentioned = set(graph.objects(graphs.iri, KG.mentions))
        by_kind: dict[str, set[str]] = {"country": set(), "region": set(), "place": set(), "area": set()}
        for iri in mentioned:
            tail = str(iri)[len(self.minter.base):]
            kind, _, rest = tail.partition("/")
            if kind in by_kind:
                by_kind[kind].add(rest)
        scores["countries"] = compare_sets(gold.get("countries", []), by_kind["country"], "country", errors)
        scores["regions"] = compare_sets(gold.get("regions", []), by_kind["region"], "region", errors)
        scores["settlements"] = compare_sets(
            [int(g) for g in gold.get("settlements", [])],
            [int(p.removeprefix("geonames-")) for p in by_kind["place"] if p.startswith("geonames-")],
            "settlement", errors)
        scores["areas"] = compare_sets(gold.get("areas", []), by_kind["area"], "area", errors)
        scores["units"] = self._units(gold.get("units", []), graph, errors)
        scores["events"], scores["dates"] = self._events(gold.get("events", []), graph, errors)
        scores["sources"] = self._sources(gold.get("sources", []), graph, errors)
        return ArticleResult(str(path), scores, errors)

    def _units(self, gold: list[dict[str, Any]], graph: Graph, errors: list[str]) -> Score:
        predicted = set(graph.subjects(RDF.type, KG.MilitaryUnit))
        score = Score()
        matched: set[URIRef] = set()
        for unit in gold:
            hit = self.unit_iris(unit) & (predicted - matched)
            if hit:
                score.tp += 1
                matched.add(next(iter(hit)))
            else:
                score.fn += 1
                errors.append(f"unit: missed {json.dumps(unit)}")
        for extra in sorted(predicted - matched):
            score.fp += 1
            errors.append(f"unit: spurious {extra} ({graph.value(extra, RDFS.label)})")
        return score

    def _sources(self, gold: list[dict[str, Any]], graph: Graph, errors: list[str]) -> Score:
        predicted = {str(graph.value(s, RDFS.label)) for s in set(graph.objects(None, KG.accordingTo))
                     | set(graph.objects(None, KG.citedBy))}
        score = Score()
        left = set(predicted)
        for source in gold:
            hit = next((p for p in sorted(left) if _same_source(source["name"], p)), None)
            if hit is None:
                score.fn += 1
                errors.append(f"source: missed {source['name']!r}")
            else:
                score.tp += 1
                left.discard(hit)
        for extra in sorted(left):
            score.fp += 1
            errors.append(f"source: spurious {extra!r}")
        return score

    def _predicted_events(self, graph: Graph) -> list[dict[str, Any]]:
        events = []
        for event in set(graph.subjects(KG.reportedIn, None)):
            types = [str(t).rsplit("#", 1)[-1] for t in graph.objects(event, RDF.type)]
            places = {self.place_id(p) for p in graph.objects(event, KG.place)}
            places |= {self.place_id(p) for p in graph.objects(event, KG.destination)}
            for unit in graph.objects(event, KG.involvesUnit):
                places |= {self.place_id(p) for p in graph.objects(unit, KG.homeRegion)}
                places |= {self.place_id(p) for p in graph.objects(unit, KG.basedAt)
                           if not str(p).startswith(self.minter.base + "base/")}
            count = _quantity(graph, graph.value(event, KG.deaths)) or _quantity(graph, graph.value(event, KG.participants))
            events.append({"iri": str(event), "type": types[0] if types else None, "count": count,
                           "places": places, "earliest": _date(graph.value(event, KG.earliest)),
                           "latest": _date(graph.value(event, KG.latest)),
                           "certainty": str(graph.value(event, KG.certainty) or "").rsplit("#", 1)[-1]})
        return sorted(events, key=lambda e: e["iri"])

    def _place_ok(self, gold_places: list[str], predicted: set[str]) -> bool:
        if not gold_places:
            return True
        for g in gold_places:
            g_line = self.lineage(g)
            for p in predicted:
                if g == p or p in g_line or g in self.lineage(p):
                    return True
        return False

    def _events(self, gold: list[dict[str, Any]], graph: Graph, errors: list[str]) -> tuple[Score, Score]:
        """Pair gold and predicted events one to one, as many as possible and then as many dates right as
        possible. A greedy pairing would depend on the order of the IRIs: an event named twice (once in the
        headline, once with its date in the body) could pair the gold with the undated copy."""
        predicted = self._predicted_events(graph)
        keys, weights = [], []
        for g in gold:
            count = _gold_quantity(g.get("deaths")) or _gold_quantity(g.get("participants"))
            places = list(g.get("place") or []) + list(g.get("destination") or [])
            keys.append((count, places))
            row = [0] * len(predicted)
            weights.append(row)
            for j, p in enumerate(predicted):
                if p["type"] == g["type"] and p["count"] == count and self._place_ok(places, p["places"]):
                    date = self._date_score(g, p, [])
                    # Every pair outweighs any difference in dates: the most events first, then the best dates.
                    row[j] = 8 * (len(gold) + 1) + 2 + 2 * date.tp - date.fp - date.fn
        pairs = best_pairing(weights)
        events, dates = Score(), Score()
        for i, (g, (count, places)) in enumerate(zip(gold, keys, strict=True)):
            j = pairs.get(i)
            if j is None:
                events.fn += 1
                errors.append(f"event: missed {g['type']} count={count} place={places}: {g.get('evidence', '')[:90]!r}")
                if g.get("earliest") or g.get("latest"):
                    dates.fn += 1
                continue
            events.tp += 1
            dates.add(self._date_score(g, predicted[j], errors))
        paired = set(pairs.values())
        for j, p in enumerate(predicted):
            if j not in paired:
                events.fp += 1
                errors.append(f"event: spurious {p['type']} count={p['count']} places={sorted(p['places'])} "
                              f"<{p['iri']}>")
        return events, dates

    @staticmethod
    def _date_score(gold: dict[str, Any], predicted: dict[str, Any], errors: list[str]) -> Score:
        """An interval is right when it contains the truth and is no wider than the text allows."""
        lo, hi = _date(gold.get("earliest")), _date(gold.get("latest"))
        p_lo, p_hi = predicted["earliest"], predicted["latest"]
        if lo is None and hi is None:
            if p_lo is None and p_hi is None:
                return Score()
            errors.append(f"date: spurious {p_lo}..{p_hi} on {predicted['iri']}")
            return Score(fp=1)
        truth = _date(gold.get("truth"))
        if truth is not None:
            inside = (lo is None or (p_lo is not None and p_lo >= lo)) and \
                     (hi is None or (p_hi is not None and p_hi <= hi))
            ok = inside and (p_lo is None or p_lo <= truth) and (p_hi is None or truth <= p_hi)
        else:
            ok = (p_lo, p_hi) == (lo, hi)
        if ok:
            return Score(tp=1)
        errors.append(f"date: {p_lo}..{p_hi} on {predicted['iri']}, gold {lo}..{hi}")
        return Score(fp=1, fn=1) if (p_lo or p_hi) else Score(fn=1)


@dataclass
class SplitReport:
    name: str
    articles: list[ArticleResult]

    def totals(self) -> dict[str, Score]:
        totals = {c: Score() for c in CATEGORIES}
        for result in self.articles:
            for category, score in result.scores.items():
                totals[category].add(score)
        totals["overall"] = Score.summed(totals.values())
        return totals


def corpus_files(corpus: Path) -> dict[str, list[Path]]:
    """Articles with a gold file, by split (the sub-directory name; "all" for a flat directory)."""
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a directory")
    splits: dict[str, list[Path]] = {}
    for txt in sorted(corpus.rglob("*.txt")):
        if txt.with_name(txt.stem + ".gold.json").exists():
            split = txt.parent.name if txt.parent != corpus else "all"
            splits.setdefault(split, []).append(txt)
    if not splits:
        raise InputError(f"{corpus}: no articles with a .gold.json annotation")
    return splits


def evaluate(corpus: Path, minter: Minter, splits: Iterable[str] | None = None) -> list[SplitReport]:
    evaluator = Evaluator(gazetteer_module.load(), minter)
    wanted = set(splits) if splits else None
    return [SplitReport(name, [evaluator.article(p) for p in paths])
            for name, paths in corpus_files(corpus).items() if wanted is None or name in wanted]


def _markdown(corner: str, names: list[str], rows: list[tuple[str, list[Score]]], sizes: str) -> str:
    """A Markdown table: precision/recall/F1 of each row's score per named column group, then a line of sizes."""
    lines = ["| " + corner + " | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |",
             "|---|" + "---:|" * (3 * len(names))]
    for label, scores in rows:
        lines.append(f"| {label} | " + " | ".join(f"{s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f}" for s in scores)
                     + " |")
    return "\n".join(lines) + f"\n\n{sizes}"


def table(reports: list[SplitReport]) -> str:
    """A Markdown table: one row per category, precision/recall/F1 per split."""
    totals = [r.totals() for r in reports]
    rows = [(f"**{c}**" if c == "overall" else c, [t[c] for t in totals]) for c in (*CATEGORIES, "overall")]
    return _markdown("category", [r.name for r in reports], rows,
                     ", ".join(f"{r.name}: {len(r.articles)} articles" for r in reports))


def as_json(reports: list[SplitReport]) -> dict[str, Any]:
    return {r.name: {"articles": len(r.articles),
                     "scores": {c: s.as_dict() for c, s in r.totals().items()}} for r in reports}


def error_listing(reports: list[SplitReport]) -> str:
    lines = []
    for report in reports:
        for result in report.articles:
            if result.errors:
                lines.append(f"## {result.path}")
                lines += [f"  {e}" for e in result.errors]
    counts = Counter(e.split(":")[0] for r in reports for a in r.articles for e in a.errors)
    lines.append("errors by category: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return "\n".join(lines)


# -- the sentence suite ----------------------------------------------------------------------------------
# One sentence per line (tests/sentences/README.md): which events it reports, how sure, how many people.
# Denser than articles for what phrasing the triggers know; no places, no dates, no sources.

@dataclass
class SentenceReport:
    name: str
    sentences: int = 0
    types: dict[str, Score] = field(default_factory=dict)
    counts: Score = field(default_factory=Score)  # among events found: the count as annotated
    certainty: Score = field(default_factory=Score)  # among events found: the certainty as annotated
    errors: list[str] = field(default_factory=list)

    def total(self) -> Score:
        return Score.summed(self.types.values())


def _claim_count(claim: Any) -> dict[str, int] | None:
    quantity = claim.deaths or claim.participants
    if quantity is None:
        return None
    return {k: v for k, v in (("value", quantity.value), ("min", quantity.min), ("max", quantity.max))
            if v is not None} or None


def evaluate_sentences(path: Path) -> SentenceReport:
    """Event types, counts and certainty of every sentence of a .jsonl suite against its annotation."""
    gazetteer = gazetteer_module.load()
    report = SentenceReport(path.stem)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            published = dt.date.fromisoformat(item["published"]) if item.get("published") else None
            gold = [(e["type"], e.get("certainty"), _gold_quantity(e.get("count"))) for e in item["events"]]
            text = item["text"]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}:{number}: not a suite line: {exc}") from exc
        report.sentences += 1
        claims = list(extract(Article(text, published=published), gazetteer).claims)
        label = item.get("id", f"line {number}")
        for kind, certainty, count in gold:
            score = report.types.setdefault(kind, Score())
            match = next((c for c in claims if c.type == kind), None)
            if match is None:
                score.fn += 1
                report.errors.append(f"{label}: missed {kind}: {text}")
                continue
            claims.remove(match)
            score.tp += 1
            found = _claim_count(match)
            report.counts.add(Score(tp=1) if found == count else Score(fp=1 if found else 0, fn=1 if count else 0))
            if found != count:
                report.errors.append(f"{label}: {kind} count {found}, annotated {count}: {text}")
            if certainty:
                right = match.certainty == certainty
                report.certainty.add(Score(tp=1) if right else Score(fp=1, fn=1))
                if not right:
                    report.errors.append(f"{label}: {kind} {match.certainty}, annotated {certainty}: {text}")
        for claim in claims:
            report.types.setdefault(claim.type, Score()).fp += 1
            report.errors.append(f"{label}: spurious {claim.type}: {text}")
    return report


def sentence_table(reports: list[SentenceReport]) -> str:
    """A Markdown table: event types found per class, then counts and certainty of the events found."""
    kinds = sorted({k for r in reports for k in r.types})
    rows = [(kind, [r.types.get(kind, Score()) for r in reports]) for kind in kinds]
    rows += [("**all types**", [r.total() for r in reports]),
             ("counts of events found", [r.counts for r in reports]),
             ("certainty of events found", [r.certainty for r in reports])]
    return _markdown("events", [r.name for r in reports], rows,
                     ", ".join(f"{r.name}: {r.sentences} sentences" for r in reports))
