"""Deterministic IRIs: the same input always gives the same IRIs, so re-ingesting is idempotent."""
from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace, URIRef

KG = Namespace("https://w3id.org/newskg/ontology#")
DEFAULT_BASE = "https://w3id.org/newskg/id/"


def slugify(text: str) -> str:
    """'136th Guards Motor Rifle Brigade' -> '136th-guards-motor-rifle-brigade'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


class Minter:
    """IRIs under one base (the KG_BASE_IRI setting); the paths below it are fixed."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith("/") else base + "/"

    def iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def article(self, key: str) -> URIRef:
        return self.iri(f"article/{key}")

    def event(self, key: str, number: int) -> URIRef:
        return self.iri(f"event/{key}-{number}")

    def place(self, place_id: str) -> URIRef:
        """'RU' -> country/RU, 'RU-DA' -> region/RU-DA, 'area:donbas' -> area/donbas, 'gn:1' -> place/geonames-1."""
        if place_id.startswith("gn:"):
            return self.iri(f"place/geonames-{place_id[3:]}")
        if place_id.startswith("area:"):
            return self.iri(f"area/{place_id[5:]}")
        if "-" in place_id:
            return self.iri(f"region/{place_id}")
        return self.iri(f"country/{place_id}")

    def geometry(self, place_id: str) -> URIRef:
        return URIRef(str(self.place(place_id)) + "/geometry")

    def named_unit(self, name: str) -> URIRef:
        return self.iri(f"unit/{slugify(name)}")

    def unnamed_unit(self, home_regions: list[str], base_labels: list[str]) -> URIRef:
        """An unnamed unit is known by its home region(s) and base(s)."""
        parts = sorted(r.lower() for r in home_regions) + sorted(slugify(b) for b in base_labels)
        return self.iri("unit/unnamed-" + slugify("-".join(parts)))

    def base_in(self, place_id: str) -> URIRef:
        """The military base or garrison in a settlement."""
        return self.iri("base/" + str(self.place(place_id)).rsplit("/", 1)[-1])

    def source(self, key: str, kind: str, article_key: str) -> URIRef:
        """Outlets and organisations are one IRI everywhere; generic sources belong to their article."""
        return self.iri(f"source/{key}" if kind != "generic" else f"source/{article_key}-{key}")

    def graph(self, name: str) -> URIRef:
        return self.iri(f"graph/{name}")
