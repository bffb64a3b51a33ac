"""Extraction speed: articles of about 3,000 characters per second, on one core.

    .venv/bin/python bench/bench_extract.py [--articles 300] [--corpus tests/corpus]

Articles are made by joining paragraphs of the gold corpus (and the seed) until each is about
3,000 characters, so the text has the density of places, units, counts and dates that news has.
Measures extract + link + mint + rdf (the work `kg build` does before validation) and, separately,
extract alone. Run it with nothing else busy; the figure goes to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import calendar
import dataclasses
import datetime as dt
import os
import random
import re
import time
from pathlib import Path

from kg import gazetteer as gazetteer_module
from kg.articles import read_paths
from kg.extract import extract
from kg.link import link
from kg.mint import Minter
from kg.rdf import to_graphs

TARGET_CHARS = 3000


def synthetic_articles(paths: list[Path], count: int, seed: int = 7) -> list:
    sources = [a for a in read_paths(paths) if a.text.strip()]
    paragraphs = [p for a in sources for p in a.text.split("\n") if len(p.strip()) > 40]
    rng = random.Random(seed)
    out = []
    for n in range(count):
        chosen: list[str] = []
        while sum(len(p) + 1 for p in chosen) < TARGET_CHARS:
            chosen.append(rng.choice(paragraphs))
        template = rng.choice(sources)
        # Each article in its own time: years and months moved by one offset per article, so that the same
        # paragraph in many articles reports many happenings (as news does), not one happening 300 times.
        years, months = rng.randint(-8, 2), rng.randint(0, 11)
        text = _shift("\n".join(chosen), years, months)
        published = template.published or dt.date(2023, 6, 30)
        month = published.month - 1 + months
        published = published.replace(year=published.year + years + month // 12, month=month % 12 + 1, day=1)
        out.append(dataclasses.replace(template, text=text, url=f"https://example.org/bench/{n}",
                                       published=published))
    return out


MONTH_NAMES = list(calendar.month_name)[1:]
_MONTH_RX = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b")
_YEAR_RX = re.compile(r"\b(20[12]\d)\b")


def _shift(text: str, years: int, months: int) -> str:
    text = _YEAR_RX.sub(lambda m: str(int(m.group(1)) + years), text)
    return _MONTH_RX.sub(lambda m: MONTH_NAMES[(MONTH_NAMES.index(m.group(1)) + months) % 12], text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=Path("tests/corpus"))
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    paths = [Path("seeds")] + ([args.corpus] if args.corpus.is_dir() else [])
    articles = synthetic_articles(paths, args.articles)
    gazetteer = gazetteer_module.load()
    minter = Minter()
    extract(articles[0], gazetteer)  # warm the pattern caches

    start = time.perf_counter()
    for article in articles:
        extract(article, gazetteer)
    extract_s = time.perf_counter() - start

    start = time.perf_counter()
    for article in articles:
        extraction = extract(article, gazetteer)
        link(extraction, gazetteer)
    linked_s = time.perf_counter() - start

    start = time.perf_counter()
    triples = 0
    for article in articles:
        extraction = extract(article, gazetteer)
        graphs = to_graphs(extraction, link(extraction, gazetteer), gazetteer, minter)
        triples += len(graphs.article) + len(graphs.reference)
    full_s = time.perf_counter() - start

    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"{len(articles)} articles, mean {chars:.0f} characters, one core")
    print(f"extract only:              {len(articles) / extract_s:8.1f} articles/s")
    print(f"extract+link (extraction): {len(articles) / linked_s:8.1f} articles/s")
    print(f"extract+link+mint+rdf:     {len(articles) / full_s:8.1f} articles/s ({triples / len(articles):.0f} triples/article)")


if __name__ == "__main__":
    main()
