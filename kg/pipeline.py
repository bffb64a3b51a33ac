"""articles -> extract -> link -> mint -> rdf -> validate -> store: the stages put together."""
from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, XSD

from kg import gazetteer as gazetteer_module
from kg.articles import Article
from kg.crosslink import find_links, link_index, link_quads
from kg.errors import UnsupportedLanguage, ValidationFailed
from kg.extract import extract
from kg.link import link
from kg.mint import Minter
from kg.rdf import ArticleGraphs, reference_places, to_graphs
from kg.store import Store, graph_quads
from kg.validate import Report, validate

MIN_CHARS_FOR_LANGUAGE = 40
KG = Namespace("https://w3id.org/newskg/ontology#")


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
    links: int = 0


def store_article(store: Store, graphs: ArticleGraphs, minter: Minter, build_iri: URIRef | None = None,
                  article: Article | None = None) -> list[tuple[str, str]]:
    """One article in one transaction: its graph replaced, its places added to the reference graph, its
    PROV record added to the provenance graph. Then its events are linked to the same events reported by
    other articles (kg:sameEventAs, in the links graph). Returns those links."""
    reference, provenance = str(minter.graph("reference")), str(minter.graph("provenance"))
    entities = str(minter.graph("entities"))
    add = {reference: graph_quads(graphs.reference, reference), entities: graph_quads(graphs.shared, entities)}
    if build_iri is not None and article is not None:
        add[provenance] = graph_quads(article_provenance(graphs.iri, article, build_iri), provenance)
    store.replace_graphs({str(graphs.iri): graph_quads(graphs.article, str(graphs.iri))}, add=add)
    index = link_index(store.path, store.writer) if isinstance(store, Store) else None  # a remote store: SPARQL
    pairs = find_links(store.writer, str(graphs.iri), index)
    if pairs:
        store.writer.extend(link_quads(pairs, str(minter.graph("links"))))
    return pairs


def article_provenance(iri: URIRef, article: Article, build_iri: URIRef) -> Graph:
    """The article entity: generated by this build from input with this hash, at this time."""
    graph = Graph()
    graph.add((iri, RDF.type, PROV.Entity))
    graph.add((iri, PROV.wasGeneratedBy, build_iri))
    graph.add((iri, KG.inputHash, Literal("sha256:" + hashlib.sha256(article.text.encode()).hexdigest())))
    if article.url:
        graph.add((iri, PROV.hadPrimarySource, URIRef(article.url)))
    if article.source_path:
        graph.add((iri, KG.sourceFile, Literal(article.source_path)))
    return graph


def build_provenance(build_iri: URIRef, started: dt.datetime, ended: dt.datetime, result: BuildResult,
                     minter: Minter) -> Graph:
    """A build: a prov:Activity of the newskg software, with when it ran and what it stored."""
    from kg import __version__
    from kg.validate import shapes_version

    graph = Graph()
    software = minter.iri(f"software/newskg-{__version__}")
    graph.add((build_iri, RDF.type, KG.Build))
    graph.add((build_iri, RDF.type, PROV.Activity))
    graph.add((build_iri, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    graph.add((build_iri, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)))
    graph.add((build_iri, PROV.wasAssociatedWith, software))
    graph.add((build_iri, KG.shapesVersion, Literal(shapes_version())))
    graph.add((build_iri, KG.articlesStored, Literal(len(result.stored), datatype=XSD.integer)))
    graph.add((build_iri, KG.articlesRefused, Literal(len(result.refused), datatype=XSD.integer)))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"newskg {__version__}")))
    return graph


def load_reference(store: Store, minter: Minter) -> None:
    name = str(minter.graph("reference"))
    gazetteer = gazetteer_module.load()
    store.replace_graphs({}, add={name: graph_quads(reference_places(gazetteer, minter), name)})


def _prepare(article: Article, base: str) -> tuple[Article, ArticleGraphs | None, str | None, Report | None]:
    """Extract and validate one article (in a worker process when the build runs in parallel)."""
    try:
        return article, validated_graphs(article, Minter(base)), None, None
    except (ValidationFailed, UnsupportedLanguage) as exc:
        report = exc.details if isinstance(exc, ValidationFailed) else None
        return article, None, exc.message, report


def _prepared(articles: Iterable[Article], minter: Minter, workers: int) -> Iterator[
        tuple[Article, ArticleGraphs | None, str | None, Report | None]]:
    """Articles extracted and validated, in order: in this process, or on ``workers`` processes (each loads
    the gazetteer and shapes once; the store stays with the one writer, this process)."""
    if workers <= 1:
        for article in articles:
            yield _prepare(article, minter.base)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a process that holds the store open
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # A bounded window of articles in flight (Executor.map would submit them all at once, and the
        # finished graphs would pile up in memory whenever the one writer is slower than the workers).
        pending: deque = deque()
        for article in articles:
            pending.append(pool.submit(_prepare, article, minter.base))
            if len(pending) >= 4 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def build(articles: Iterable[Article], store: Store, minter: Minter,
          progress: Callable[[Article], None] | None = None, workers: int = 1) -> BuildResult:
    """Ingest articles: each validated, then stored in its own named graph; refused ones reported.
    With ``workers`` > 1 articles are extracted and validated in that many processes meanwhile."""
    result = BuildResult()
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    build_iri = minter.iri("build/" + started.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8])
    load_reference(store, minter)
    for article, graphs, refusal, report in _prepared(articles, minter, workers):
        if graphs is None:
            result.refused.append((article.source_path or article.key, refusal or "refused"))
            if report is not None:
                result.reports.append(report)
        else:
            result.links += len(store_article(store, graphs, minter, build_iri, article))
            result.stored.append(str(graphs.iri))
        if progress:
            progress(article)
    ended = dt.datetime.now(dt.UTC).replace(microsecond=0)
    provenance = str(minter.graph("provenance"))
    store.replace_graphs({}, add={provenance: graph_quads(build_provenance(build_iri, started, ended, result, minter),
                                                          provenance)})
    store.publish()
    return result
