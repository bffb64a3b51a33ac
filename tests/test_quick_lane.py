"""The quick lane: queries whose shape has lately answered fast get workers of their own."""
from __future__ import annotations

import json
import os
import threading
import time

import pytest

from kg.store import Store
from kg.workers import MAIN_NICE, Deadline, QueryJob, QueryPool, ShapeHistory, query_shape

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def lookup(iri: str) -> str:
    return f'SELECT ?p ?o WHERE {{ <{iri}> ?p ?o . FILTER(?p != <urn:x:nothing> || "a" = "b") }}'


def rows(answer: tuple) -> list[dict]:
    media, kind, body, _ = answer
    assert kind == "solutions" and media == "application/sparql-results+json"
    return json.loads(b"".join(body))["results"]["bindings"]


def test_shape_blanks_constants_only():
    a = query_shape('SELECT ?o WHERE { <http://a/1> ?p ?o ; <http://a/p> "x y"@en, 12 } LIMIT 5')
    b = query_shape('SELECT  ?o WHERE {\n <http://b/2> ?p ?o ; <http://b/q> "z"@en, -3.5 } LIMIT 50')
    assert a == b
    assert query_shape("SELECT ?o WHERE { <http://a> ?p ?o }") != query_shape("SELECT ?o WHERE { ?s ?p <http://a> }")
    assert query_shape("SELECT ?v2 WHERE { ?v2 ?p ?o }") == "SELECT ?v2 WHERE { ?v2 ?p ?o }"


def test_history_needs_mostly_fast_runs_and_forgets_old_shapes():
    history = ShapeHistory(quick_seconds=0.1, capacity=2, keep=4)
    history.record("a", 0.01)
    assert not history.is_quick("a")
    history.record("a", 0.02)
    assert history.is_quick("a")
    history.record("a", 0.5)  # one large answer among small ones
    assert history.is_quick("a")
    history.record("a", 0.6)
    assert not history.is_quick("a")  # half of the latest were slow
    history.overran("a")
    history.record("a", 0.01)
    assert not history.is_quick("a")
    history.record("a", 0.01)
    assert history.is_quick("a")
    for _ in range(4):
        history.record("b", 0.01)
    history.record("c", 0.01)
    assert "a" not in history.runs and set(history.runs) == {"b", "c"}


@pytest.fixture()
def snapshot(built_store):
    store = Store(built_store)
    yield store.snapshot_dir()
    store.close()


def some_subject(pool: QueryPool, snapshot: str) -> str:
    answer = pool.run(QueryJob(snapshot, "SELECT ?s WHERE { ?s a ?t } LIMIT 1"))
    return rows(answer)[0]["s"]["value"]


def test_a_lookup_answers_beside_a_runaway_query(snapshot):
    pool = QueryPool(size=1, timeout=4, quick=1)
    try:
        iri = some_subject(pool, snapshot)
        expected = rows(pool.run(QueryJob(snapshot, lookup(iri))))
        rows(pool.run(QueryJob(snapshot, lookup(iri))))
        assert pool.quick_answers == 0
        outcome = {}
        runaway = threading.Thread(target=lambda: outcome.update(
            error=pytest.raises(Deadline, pool.run, QueryJob(snapshot, RUNAWAY))))
        runaway.start()
        time.sleep(0.3)  # the only main worker is now busy
        started = time.monotonic()
        answer = rows(pool.run(QueryJob(snapshot, lookup(iri))))
        assert time.monotonic() - started < 2.0 and runaway.is_alive()
        assert answer == expected and pool.quick_answers == 1
        runaway.join(10)
        assert "error" in outcome
    finally:
        pool.close()


def test_a_lookup_over_its_quick_budget_is_answered_by_the_main_lane(snapshot):
    pool = QueryPool(size=1, timeout=10, quick=1, quick_budget=0.0001)
    try:
        iri = some_subject(pool, snapshot)
        expected = rows(pool.run(QueryJob(snapshot, lookup(iri))))
        rows(pool.run(QueryJob(snapshot, lookup(iri))))
        shape = list(pool.shapes.runs)[-1]
        assert pool.shapes.is_quick(shape)
        held = pool.main.borrow()  # the main lane is busy: the lookup goes to the quick lane, and overruns
        threading.Timer(0.5, pool.main.give_back, [held]).start()
        killed = pool.killed
        assert rows(pool.run(QueryJob(snapshot, lookup(iri)))) == expected
        assert pool.quick_answers == 0 and pool.killed == killed + 1
        assert not pool.shapes.is_quick(shape)
    finally:
        pool.close()


@pytest.mark.parametrize("quick", [1, 0])
def test_a_quick_query_takes_a_free_main_worker_first(snapshot, quick):
    """With a main worker free, a quick shape never uses the quick lane; without one, the lane never starts."""
    pool = QueryPool(size=1, timeout=10, quick=quick)
    try:
        iri = some_subject(pool, snapshot)
        for _ in range(4):
            assert rows(pool.run(QueryJob(snapshot, lookup(iri))))
        assert pool.shapes.is_quick(list(pool.shapes.runs)[-1])
        assert pool.quick_answers == 0 and pool.quick.started == quick  # started ahead of need, or not at all
    finally:
        pool.close()


def test_analytical_queries_give_way_to_lookups(snapshot):
    """With a quick lane, the main lane's workers run at a lower priority; without one, they do not."""
    base = os.getpriority(os.PRIO_PROCESS, 0)
    for quick, expected in ((1, min(base + MAIN_NICE, 19)), (0, base)):
        pool = QueryPool(size=1, timeout=10, quick=quick)
        try:
            some_subject(pool, snapshot)
            worker = pool.main.idle.get_nowait()
            assert os.getpriority(os.PRIO_PROCESS, worker.process.pid) == expected
            if quick:
                assert os.getpriority(os.PRIO_PROCESS, pool.quick.idle.get_nowait().process.pid) == base
            pool.main.idle.put(worker)
        finally:
            pool.close()


def test_a_worker_warmed_with_a_missing_snapshot_still_answers(snapshot, tmp_path):
    pool = QueryPool(size=1, timeout=10, quick=0)
    try:
        pool.main.prestart(str(tmp_path / "no-such-snapshot"))
        assert pool.main.started == 1
        assert rows(pool.run(QueryJob(snapshot, "SELECT ?s WHERE { ?s a ?t } LIMIT 1")))
        assert pool.main.started == 1  # the same worker, warmed in vain, answered
    finally:
        pool.close()
