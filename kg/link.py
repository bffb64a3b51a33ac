"""Mentions -> the reference places they denote, disambiguated by what else the article names.

A settlement name is read as the candidate whose region the article names, else whose country it names,
else the most populous; a name that is both a federal city and its region ("Moscow") is the city.
"""
from __future__ import annotations

import math

from kg.extract import Extraction
from kg.gazetteer import AREA, COUNTRY, REGION, SETTLEMENT, Gazetteer, PlaceMatch, normalize


def context_of(extraction: Extraction, gazetteer: Gazetteer) -> tuple[set[str], set[str]]:
    """Regions and countries the article names without ambiguity."""
    regions: set[str] = set()
    countries: set[str] = set()
    for match in extraction.places:
        kinds = {gazetteer[c].kind for c in match.candidates}
        if len(match.candidates) == 1 and kinds == {REGION}:
            regions.add(match.candidates[0])
            countries.add(gazetteer[match.candidates[0]].country or "")
        elif len(match.candidates) == 1 and kinds == {COUNTRY}:
            countries.add(match.candidates[0])
        elif len(match.candidates) == 1 and kinds == {AREA}:
            countries.add(gazetteer[match.candidates[0]].country or "")
    return regions, countries


def resolve(match: PlaceMatch, gazetteer: Gazetteer, regions: set[str], countries: set[str]) -> str | None:
    """The one place a name denotes in this article, or None when nothing fits."""
    candidates = [gazetteer[c] for c in match.candidates if c in gazetteer.places]
    if not candidates:
        return None
    named = [p for p in candidates if p.kind != SETTLEMENT]
    settlements = [p for p in candidates if p.kind == SETTLEMENT]
    if named and settlements:
        cities = [s for s in settlements if s.region in {n.id for n in named}]
        if not cities:
            return named[0].id
        settlements = cities
    if not settlements:
        return named[0].id

    surface = normalize(match.surface)
    largest = max(s.population for s in settlements)

    def score(place_id: str) -> float:
        # the region the article names, then a town called so today over one that once was (Engels was
        # Pokrovsk), then the country the article is about, then size
        # (a record with no population is no town the article means because it names that record's region)
        place = gazetteer[place_id]
        inhabited = place.population > 0 or largest == 0
        return (100.0 if place.region in regions and inhabited else 0.0) \
            + (40.0 if normalize(place.label) == surface and place.population * 10 >= largest else 0.0) \
            + (30.0 if place.country in countries else 0.0) + math.log10(place.population + 1)

    return max((s.id for s in settlements), key=score)


def link(extraction: Extraction, gazetteer: Gazetteer) -> list[str | None]:
    """The place id of every place mention of ``extraction``, in order."""
    regions, countries = context_of(extraction, gazetteer)
    return [resolve(m, gazetteer, regions, countries) for m in extraction.places]
