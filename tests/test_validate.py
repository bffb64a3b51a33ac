"""Shapes accept what the pipeline writes and refuse broken graphs with a clear report."""
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import XSD

from kg.validate import validate

KG = Namespace("https://w3id.org/newskg/ontology#")


def test_seed_graph_conforms(seed_graph):
    report = validate(seed_graph)
    assert report.conforms, report.summary()


def _copy(graph):
    copy = type(graph)()
    for t in graph:
        copy.add(t)
    return copy


def _first_event(graph):
    return next(graph.subjects(KG.reportedIn, None))


def test_missing_certainty_is_reported_with_focus_and_path(seed_graph):
    broken = _copy(seed_graph)
    event = _first_event(broken)
    broken.remove((event, KG.certainty, None))
    report = validate(broken)
    assert not report.conforms
    assert any(v.focus == str(event) and v.path == str(KG.certainty) for v in report.results)


def test_earliest_after_latest_is_refused(seed_graph):
    broken = _copy(seed_graph)
    event = next(broken.subjects(KG.earliest, None))
    broken.remove((event, KG.latest, None))
    broken.add((event, KG.latest, Literal("2000-01-01", datatype=XSD.date)))
    report = validate(broken)
    assert not report.conforms and any(v.focus == str(event) for v in report.results)


def test_negative_count_is_refused(seed_graph):
    broken = _copy(seed_graph)
    quantity = URIRef(str(_first_event(broken)) + "/bad-quantity")
    broken.add((_first_event(broken), KG.participants, quantity))
    broken.add((quantity, KG.value, Literal(-5, datatype=XSD.integer)))
    assert not validate(broken).conforms
