"""Shapes accept what the pipeline writes and refuse broken graphs with a clear report."""
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from kg.mint import Minter
from kg.pipeline import check

KG = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ID = "https://w3id.org/newskg/id/"


def validate(graph):
    return check(graph, Minter())


def test_seed_graph_conforms(seed_graph):
    report = validate(seed_graph)
    assert report.conforms, report.summary()


def _copy(graph):
    copy = Graph()
    for t in graph:
        copy.add(t)
    return copy


def _first_event(graph):
    return sorted(graph.subjects(KG.reportedIn, None))[0]


def _refused(graph, focus=None, path=None):
    report = validate(graph)
    assert not report.conforms
    hits = [v for v in report.results
            if (focus is None or v.focus == str(focus)) and (path is None or v.path == str(path))]
    assert hits, report.summary()
    assert all(v.message for v in hits)
    return hits


def test_missing_certainty_is_reported_with_focus_and_path(seed_graph):
    broken = _copy(seed_graph)
    event = _first_event(broken)
    broken.remove((event, KG.certainty, None))
    _refused(broken, event, KG.certainty)


def test_earliest_after_latest_is_refused(seed_graph):
    broken = _copy(seed_graph)
    event = sorted(broken.subjects(KG.earliest, None))[0]
    broken.remove((event, KG.latest, None))
    broken.add((event, KG.latest, Literal("2000-01-01", datatype=XSD.date)))
    _refused(broken, event, KG.earliest)


def test_negative_count_and_inverted_bounds_are_refused(seed_graph):
    broken = _copy(seed_graph)
    quantity = next(broken.objects(_first_event(broken), KG.participants))
    broken.add((quantity, KG.value, Literal(-5, datatype=XSD.integer)))
    _refused(broken, quantity, KG.value)
    broken = _copy(seed_graph)
    quantity = next(broken.objects(_first_event(broken), KG.participants))
    broken.add((quantity, KG.maxValue, Literal(10, datatype=XSD.integer)))  # minValue is 300
    _refused(broken, quantity, KG.minValue)


def test_event_dated_after_publication_is_refused(seed_graph):
    broken = _copy(seed_graph)
    event = sorted(broken.subjects(KG.earliest, None))[0]
    article = broken.value(event, KG.reportedIn)
    broken.add((article, SCHEMA.datePublished, Literal("2021-06-01", datatype=XSD.date)))
    _refused(broken, event, KG.earliest)


def test_evidence_must_quote_the_article(seed_graph):
    broken = _copy(seed_graph)
    evidence = next(broken.objects(_first_event(broken), KG.evidence))
    broken.set((evidence, KG.exact, Literal("words the article never wrote")))
    _refused(broken, evidence, KG.exact)


def test_unknown_region_does_not_resolve(seed_graph):
    broken = _copy(seed_graph)
    event = _first_event(broken)
    broken.add((event, KG.place, URIRef(ID + "region/RU-XX")))
    _refused(broken, event, KG.place)


def test_iri_scheme_is_enforced_in_our_namespace_only(seed_graph):
    broken = _copy(seed_graph)
    unit = sorted(broken.subjects(RDF.type, KG.MilitaryUnit))[0]
    odd = URIRef(ID + "units/Not_A_Slug")
    for p, o in list(broken.predicate_objects(unit)):
        broken.add((odd, p, o))
    _refused(broken, odd)
    ours = _copy(seed_graph)
    elsewhere = URIRef("https://example.org/my/Unit_7")
    for p, o in list(ours.predicate_objects(unit)):
        ours.add((elsewhere, p, o))
    assert validate(ours).conforms


@pytest.mark.parametrize("event_type", [KG.Event, None])
def test_event_needs_exactly_one_specific_type(seed_graph, event_type):
    broken = _copy(seed_graph)
    event = _first_event(broken)
    broken.remove((event, RDF.type, None))
    broken.add((event, RDF.type, KG.Event))
    if event_type is None:
        broken.add((event, RDF.type, KG.Casualties))
        broken.add((event, RDF.type, KG.Protest))
    _refused(broken, event)


def test_a_publisher_known_by_another_name_is_one_outlet_with_one_label():
    import datetime as dt

    from rdflib import RDFS

    from kg.articles import Article
    from kg.pipeline import article_graphs

    article = Article("KYIV, March 6, 2025 (AFP) - Eleven soldiers were killed in a missile strike near Pavlohrad on "
                      "Tuesday, the Ground Forces command said. AFP could not verify the figure.",
                      url="https://example.org/afp", published=dt.date(2025, 3, 6), publisher="Agence France-Presse")
    graph = article_graphs(article, Minter()).union()
    report = validate(graph)
    assert report.conforms, report.summary()
    article_iri = graph.value(predicate=RDF.type, object=KG.Article)
    publisher = graph.value(article_iri, URIRef("http://purl.org/dc/terms/publisher"))
    assert [str(label) for label in graph.objects(publisher, RDFS.label)] == ["AFP"]


def test_every_study_article_makes_a_graph_the_shapes_accept():
    """Whole articles by authors blind to the extractor: whatever it reads there, it writes a graph that conforms."""
    from pathlib import Path

    from kg.articles import read_file
    from kg.pipeline import article_graphs

    minter = Minter()
    for path in sorted((Path(__file__).parent / "study").rglob("*.txt")):
        report = check(article_graphs(next(read_file(path)), minter).union(), minter)
        assert report.conforms, (path.name, report.summary())
