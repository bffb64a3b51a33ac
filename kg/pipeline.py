"""articles -> extract -> link -> mint -> rdf -> validate -> store: the stages put together."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph

from kg import gazetteer as gazetteer_module
from kg.articles import Article
from kg.errors import UnsupportedLanguage, ValidationFailed
from kg.extract import extract
from kg.link import link
from kg.mint import Minter
from kg.rdf import ArticleGraphs, reference_places, to_graphs
from kg.store import Store, graph_quads
from kg.validate import Report, validate

MIN_CHARS_FOR_LANGUAGE = 40


@lru_cache(maxsize=1)
def _language_identifier():  # noqa: ANN202 - third-party object
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    language, probability = _language_identifier().classify(text[:4000])
    return language, float(probability)


def check_language(article: Article) -> None:
    """Refuse articles not in English: the patterns and gazetteer aliases are English."""
    declared = (article.language or "").lower()[:2]
    if declared and declared != "en":
        raise UnsupportedLanguage(f"{article.source_path or 'article'}: language {declared!r} is not supported; "
                                  "newskg extracts from English text only")
    if len(article.text.strip()) < MIN_CHARS_FOR_LANGUAGE:
        return
    language, probability = detect_language(article.text)
    if language != "en" and probability > 0.9:
        raise UnsupportedLanguage(f"{article.source_path or 'article'}: language {language!r} is not supported "
                                  f"(detected with probability {probability:.2f}); newskg extracts from English "
                                  "text only")


def article_graphs(article: Article, minter: Minter) -> ArticleGraphs:
    """The RDF of one article (not validated, not stored)."""
    check_language(article)
    gazetteer = gazetteer_module.load()
    extraction = extract(article, gazetteer)
    return to_graphs(extraction, link(extraction, gazetteer), gazetteer, minter)


@lru_cache(maxsize=4)
def _known_places(base: str) -> Graph:
    return reference_places(gazetteer_module.load(), Minter(base))


def known_places(minter: Minter) -> Graph:
    """Countries, regions and areas of the reference graph: the places any graph may point at."""
    return _known_places(minter.base)


def check(graph: Graph, minter: Minter, shapes_dir: str | None = None, in_place: bool = False,
          data_quads: list | None = None) -> Report:
    """Validate a graph as the store would: shapes, ontology, and the known places it refers to.
    With ``in_place`` the graph is used as the working copy (it gains the ontology and those places)."""
    return validate(graph, shapes_dir, base=minter.base, known=known_places(minter), in_place=in_place,
                    data_quads=data_quads)


def validated_graphs(article: Article, minter: Minter) -> ArticleGraphs:
    graphs = article_graphs(article, minter)
    report = check(graphs.union(), minter)
    if not report.conforms:
        raise ValidationFailed(f"{article.source_path or 'article'}: the extracted graph does not conform to "
                               f"the shapes\n{report.summary()}", report)
    return graphs


@dataclass
class BuildResult:
    stored: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)


def store_article(store: Store, graphs: ArticleGraphs, minter: Minter) -> None:
    """One article in one transaction: its graph replaced, its places added to the reference graph."""
    store.replace_graphs({str(graphs.iri): graph_quads(graphs.article, str(graphs.iri))},
                         add={str(minter.graph("reference")): graph_quads(graphs.reference,
                                                                          str(minter.graph("reference")))})


def load_reference(store: Store, minter: Minter) -> None:
    name = str(minter.graph("reference"))
    gazetteer = gazetteer_module.load()
    store.replace_graphs({}, add={name: graph_quads(reference_places(gazetteer, minter), name)})


def build(articles: Iterable[Article], store: Store, minter: Minter,
          progress: Callable[[Article], None] | None = None) -> BuildResult:
    """Ingest articles: each validated, then stored in its own named graph; refused ones reported."""
    result = BuildResult()
    load_reference(store, minter)
    for article in articles:
        try:
            graphs = validated_graphs(article, minter)
        except (ValidationFailed, UnsupportedLanguage) as exc:
            result.refused.append((article.source_path or article.key, exc.message))
            if isinstance(exc, ValidationFailed):
                result.reports.append(exc.details)
        else:
            store_article(store, graphs, minter)
            result.stored.append(str(graphs.iri))
        if progress:
            progress(article)
    store.publish()
    return result
