"""Reference places (countries, regions, informal areas, settlements) and the names news uses for them.

Data files under kg/data/ (see its README for sources and licences): countries.csv, regions.csv,
areas.csv, settlements.csv, aliases.csv; kg/data/patterns/not-places.txt lists words never taken as places.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from kg.patterns import read_csv, read_lines

COUNTRY, REGION, AREA, SETTLEMENT = "country", "region", "area", "settlement"
MAX_ALIAS_TOKENS = 6
# Capitalized only because they open a sentence: "In Kazan", "Near Bakhmut" are not names like "John Kazan".
FUNCTION_WORDS = frozenset({"in", "at", "on", "near", "from", "to", "outside", "inside", "around", "across", "for",
                            "with", "by", "as", "after", "before", "while", "when", "since", "until", "like",
                            "unlike", "both", "and", "but", "the", "of", "into", "towards", "toward", "beyond",
                            "behind", "through", "throughout", "despite", "besides", "among", "between", "a", "an"})
REGION_WORDS = ("region", "oblast", "province", "krai", "kray", "territory")


@dataclass(frozen=True)
class Place:
    """A place of the reference data. ``id`` is "RU", "RU-DA", "area:donbas" or "gn:570479"."""

    id: str
    kind: str
    label: str
    country: str | None = None
    region: str | None = None
    population: int = 0
    lat: float | None = None
    lon: float | None = None
    wikidata: str | None = None
    geonames: str | None = None
    parts: tuple[str, ...] = ()
    alt_labels: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class PlaceMatch:
    """A name in the text and the places it may denote."""

    start: int
    end: int
    surface: str
    candidates: tuple[str, ...]
    alias_kind: str  # name, variant, demonym, cyrillic, settlement


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The key a name is looked up by: case, accents, apostrophes, dashes and possessives ignored. Cached: the
    extractor asks for the same few thousand spans of text again and again."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
        name = name.replace("’", "'").replace("‘", "'")
    name = _POSSESSIVE.sub("", name.lower().strip())
    name = _DASHES.sub(" ", name)
    return _ARTICLE.sub("", name).strip(" .,'")


_POSSESSIVE = re.compile(r"'s$")
_DASHES = re.compile(r"[-–—\s]+")
_ARTICLE = re.compile(r"^the ")
_ALIAS_SURFACE = re.compile(r"[\w’'.\s-]+")


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


class Gazetteer:
    """All reference places and an alias index over them."""

    def __init__(self, places: dict[str, Place], aliases: dict[str, list[tuple[str, str]]],
                 stop: frozenset[str]) -> None:
        self.places = places
        self.aliases = aliases
        self.stop = stop

    def __getitem__(self, place_id: str) -> Place:
        return self.places[place_id]

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    def country_of(self, place_id: str) -> str | None:
        place = self.places.get(place_id)
        if place is None:
            return None
        return place.id if place.kind == COUNTRY else place.country

    def region_of(self, place_id: str) -> str | None:
        place = self.places.get(place_id)
        if place is None:
            return None
        return place.id if place.kind == REGION else place.region

    def match(self, text: str, masked: list[tuple[int, int]] = ()) -> list[PlaceMatch]:  # type: ignore[assignment]
        """Every place name in ``text``: longest match first, names inside ``masked`` spans skipped."""
        tokens = [m for m in re.finditer(r"[^\W_][\w’']*", text)]
        found: list[PlaceMatch] = []
        i = 0
        while i < len(tokens):
            hit = None
            if tokens[i].group(0)[0].isupper() and not _inside(tokens[i].start(), masked):
                hit = self._longest_at(text, tokens, i)
            if hit is None:
                i += 1
                continue
            match, used = hit
            found.append(match)
            i += used
        return found

    def _longest_at(self, text: str, tokens: list[re.Match[str]], i: int) -> tuple[PlaceMatch, int] | None:
        for n in range(min(MAX_ALIAS_TOKENS, len(tokens) - i), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            surface = text[start:end]
            if not _ALIAS_SURFACE.fullmatch(surface) or "\n" in surface:
                continue
            entries = self.aliases.get(normalize(surface))
            if not entries:
                continue
            entries = self._plausible(entries, text, tokens, i, n)
            if entries:
                kind = entries[0][1]
                surface = re.sub(r"['’]s$", "", surface)
                ids = tuple(dict.fromkeys(place for place, _ in entries))
                return PlaceMatch(start, start + len(surface), surface, ids, kind), n
        return None

    def _plausible(self, entries: list[tuple[str, str]], text: str, tokens: list[re.Match[str]],
                   i: int, n: int) -> list[tuple[str, str]]:
        """Drop settlement readings that look like part of a person's or organisation's name."""
        named = [e for e in entries if e[1] != "settlement"]
        surface = text[tokens[i].start():tokens[i + n - 1].end()]
        after = tokens[i + n].group(0) if i + n < len(tokens) else ""
        gap_after = text[tokens[i + n - 1].end():tokens[i + n].start()] if after else ""
        possessive = re.search(r"['’]s$", surface) is not None  # "Kyiv's Independence Square": Kyiv
        if after in ("time", "Time") and gap_after == " ":
            return []  # "18:40 Kyiv time", "Moscow Time": a time zone, not the place
        if n == 1 and after[:1].isupper() and gap_after == " " and after.lower() not in FUNCTION_WORDS \
                and after not in INSTITUTION_WORDS and not possessive:
            return []  # the first word of a name ("Siberia Today", "Caucasus Monitor"), not the place
        third = tokens[i + n + 1] if i + n + 1 < len(tokens) else None
        if gap_after == "-" and after[:1].isupper() and third is not None and third.group(0)[:1].isupper() \
                and text[tokens[i + n].end():third.start()] == " " and third.group(0).lower() not in FUNCTION_WORDS:
            return []  # a joined name ("the Volga-Ural Review"; not "the Kursk-Belgorod border")
        if len(named) == len(entries):
            return entries
        before = tokens[i - 1].group(0) if i > 0 else ""
        gap_before = text[tokens[i - 1].end():tokens[i].start()] if before else ""
        person_like = (
            (after[:1].isupper() and gap_after.strip() == "" and after not in INSTITUTION_WORDS and not possessive)
            or (before[:1].isupper() and gap_before.strip() == "" and not _sentence_start(text, tokens[i].start())
                and before.lower() not in FUNCTION_WORDS)
            or normalize(surface) in self.stop
        )
        return named if person_like else entries


# demonyms that are no nouns with a plural in -s: "Polish", "Chinese", "Abkhaz"
DEMONYM_NO_PLURAL = re.compile(r"(?:sh|ch|ese|s|z|x)$")


# "the Yekaterinburg Garrison Military Court", "the Minsk Regional Court": an institution named by its place (not
# "the Pechersk District Court": a district of a city)
INSTITUTION_WORDS = frozenset({"Garrison", "Regional", "City", "Military", "Court"})


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?\n“\"("


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _add(aliases: dict[str, list[tuple[str, str]]], name: str, place_id: str, kind: str) -> None:
    key = normalize(name)
    if key and (place_id, kind) not in aliases[key]:
        aliases[key].append((place_id, kind))


def _region_variants(name: str) -> list[str]:
    """'Kursk Oblast' -> also 'Kursk region', 'Kursk province'; 'Republic of X' -> 'X Republic'."""
    out = [name]
    m = re.fullmatch(r"(.+?)\s+(?:Oblast|Krai|Kray|Region|Province|Territory)", name, re.I)
    if m:
        out += [f"{m.group(1)} {word}" for word in REGION_WORDS]
    m = re.fullmatch(r"(?:the\s+)?Republic\s+of\s+(.+)", name, re.I)
    if m:
        out.append(f"{m.group(1)} Republic")
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer (read once per process)."""
    places: dict[str, Place] = {}
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read_csv("countries.csv"):
        places[row["code"]] = Place(row["code"], COUNTRY, row["name_en"], country=row["code"],
                                    lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                                    wikidata=row.get("wikidata") or None, geonames=row.get("geonames_id") or None)
    city_regions: set[str] = set()
    for row in read_csv("regions.csv"):
        code = row["iso3166_2"]
        if "city" in row.get("kind", ""):
            city_regions.add(code)
        places[code] = Place(code, REGION, row["name_en"], country=row["country"],
                             lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                             wikidata=row.get("wikidata") or None, geonames=row.get("geonames_id") or None)
    for row in read_csv("areas.csv"):
        place_id = f"area:{row['slug']}"
        places[place_id] = Place(place_id, AREA, row["name_en"], country=row.get("country") or None,
                                 lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                                 wikidata=row.get("wikidata") or None,
                                 parts=tuple(p for p in (row.get("parts") or "").split("|") if p))
    stop = frozenset(normalize(w) for w in read_lines("not-places.txt"))
    for row in read_csv("aliases.csv"):
        if row["target"] in places:
            for variant in _region_variants(row["alias"]):
                _add(aliases, variant, row["target"], row["kind"])
            if row["kind"] == "demonym" and not DEMONYM_NO_PLURAL.search(row["alias"]):
                _add(aliases, row["alias"] + "s", row["target"], "demonym")  # "246 Ukrainians", "two Buryats"
    for place in list(places.values()):
        if place.id in city_regions:
            continue  # "Moscow" names the city (a settlement inside RU-MOW), not the federal subject
        for variant in _region_variants(place.label):
            _add(aliases, variant, place.id, "name")
    for row in read_csv("settlements.csv"):
        place_id = f"gn:{row['geonameid']}"
        alt = tuple(a for a in (row.get("alt_names") or "").split("|") if a)
        places[place_id] = Place(place_id, SETTLEMENT, row["name"], country=row["country"],
                                 region=row.get("region") or None, population=int(row.get("population") or 0),
                                 lat=_float(row.get("lat")), lon=_float(row.get("lon")),
                                 geonames=row["geonameid"], alt_labels=alt)
        for name in {row["name"], *alt}:
            if normalize(name) not in stop and len(normalize(name)) > 2:
                _add(aliases, name, place_id, "settlement")
    return Gazetteer(places, dict(aliases), stop)
