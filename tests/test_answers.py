"""Answers kept per published snapshot: asked again, a query is answered from memory until the next publish."""
import json
from dataclasses import dataclass

import pytest

from kg.answers import AnswerCache, keepable

TOKEN = "answers-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LABELS = "SELECT ?s WHERE { ?s <http://example.org/tag> ?t } ORDER BY ?s"


@dataclass(frozen=True)
class Job:
    snapshot: str
    text: str


def answer(cache: AnswerCache, job: Job, body: bytes, chunks: int = 1, rows: int = 1) -> bytes:
    """Run ``job`` through the cache as a worker would have answered it; returns what the client got."""
    size = -(-len(body) // chunks)
    stream = (body[i:i + size] for i in range(0, len(body), size))
    return b"".join(cache.keep(job, "text/csv", "select", stream, {"rows": rows, "truncated": False}))


@pytest.mark.parametrize("text, expected", [
    ("SELECT * { ?s ?p ?o }", True),
    ("SELECT (NOW() AS ?t) {}", False),
    ("SELECT ?s { ?s ?p ?o } ORDER BY rand ()", False),
    ("SELECT (STRUUID() AS ?u) {}", False),
    ("CONSTRUCT { ?s ?p ?b } WHERE { ?s ?p ?o BIND(BNODE(?o) AS ?b) }", False),
    ("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", False),
    ("SELECT * { ?s <http://example.org/nowhere> ?o }", True),  # a name containing "now" is no call of NOW()
])
def test_only_answers_that_depend_on_the_data_alone_are_kept(text, expected):
    assert keepable(text) is expected


def test_a_kept_answer_is_the_same_bytes_and_counts_as_a_hit():
    cache = AnswerCache(1 << 20)
    job = Job("/s/gen-000001", "Q")
    assert cache.get(job) is None
    assert answer(cache, job, b"a,b\n1,2\n", chunks=3, rows=1) == b"a,b\n1,2\n"
    kept = cache.get(job)
    assert kept is not None and (kept.body, kept.rows, kept.media) == (b"a,b\n1,2\n", 1, "text/csv")
    assert (cache.hits, cache.misses) == (1, 1) and cache.size > len(kept.body)


def test_a_newer_snapshot_forgets_older_answers_and_late_old_answers_are_dropped():
    cache = AnswerCache(1 << 20)
    old, new = Job("/s/gen-000001", "Q"), Job("/s/gen-000002", "Q")
    answer(cache, old, b"old")
    assert cache.get(new) is None and cache.size == 0
    answer(cache, old, b"old, finished after the publish")
    assert cache.get(old) is None
    answer(cache, new, b"new")
    assert cache.get(new).body == b"new"


def test_least_recently_used_answers_go_first_and_no_answer_takes_over_an_eighth():
    jobs = [Job("/s/gen-000001", f"Q{i}") for i in range(9)]
    probe = AnswerCache(1 << 20)
    answer(probe, jobs[0], b"x" * 100)
    cache = AnswerCache(8 * probe.size)  # room for eight answers like it
    for job in jobs[:8]:
        answer(cache, job, b"x" * 100)
    assert cache.get(jobs[0]) is not None  # now the most recently used
    answer(cache, jobs[8], b"y" * 100)
    assert cache.get(jobs[1]) is None and cache.get(jobs[0]) is not None and cache.get(jobs[8]) is not None
    assert cache.size <= cache.capacity
    big = Job("/s/gen-000001", "big")
    assert answer(cache, big, b"z" * (cache.largest + 1), chunks=4) == b"z" * (cache.largest + 1)
    assert cache.get(big) is None


def test_an_answer_not_sent_in_full_is_not_kept():
    cache = AnswerCache(1 << 20)
    job = Job("/s/gen-000001", "Q")
    closed = []

    def chunks():
        try:
            yield b"first"
            yield b"second"
        finally:
            closed.append(True)

    body = cache.keep(job, "text/csv", "select", chunks(), {})
    assert next(body) == b"first"
    body.close()  # the client went away
    assert closed and cache.get(job) is None


@pytest.fixture()
def service(app_on_copy):
    app = app_on_copy(KG_UPDATE_TOKEN=TOKEN, KG_ANSWER_CACHE_MB="1")
    return app.test_client(), app.extensions["kg_pool"]


def subjects(response) -> set[str]:
    return {b["s"]["value"] for b in json.loads(response.data)["results"]["bindings"]}


def tag(client, subject: str) -> None:
    update = f"INSERT DATA {{ <{subject}> <http://example.org/tag> 'x' }}"
    assert client.post("/sparql", data={"update": update}, headers=AUTH).status_code == 204


def test_the_service_answers_again_from_memory_until_a_publish_changes_the_answer(service):
    client, pool = service
    tag(client, "http://example.org/a")
    first = client.get("/sparql", query_string={"query": LABELS})
    assert subjects(first) == {"http://example.org/a"}  # read in full: now it is kept
    again = client.post("/sparql", data={"query": LABELS})
    assert again.data == first.data
    assert (pool.answers.hits, pool.answers.misses) == (1, 1)
    tag(client, "http://example.org/b")
    after = client.get("/sparql", query_string={"query": LABELS})
    assert subjects(after) == {"http://example.org/a", "http://example.org/b"}
    assert pool.answers.hits == 1
    counters = client.get("/metrics").text
    assert "kg_answer_cache_hits_total" in counters and "kg_answer_cache_misses_total" in counters


def test_a_client_revalidates_with_the_entity_tag(service):
    client, _ = service
    tag(client, "http://example.org/a")
    first = client.get("/sparql", query_string={"query": LABELS})
    etag = first.headers["ETag"]
    assert etag.startswith('W/"')
    unchanged = client.get("/sparql", query_string={"query": LABELS}, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and not unchanged.data and unchanged.headers["ETag"] == etag
    as_csv = client.get("/sparql", query_string={"query": LABELS}, headers={"If-None-Match": etag,
                                                                               "Accept": "text/csv"})
    assert as_csv.status_code == 200 and as_csv.headers["ETag"] != etag  # another representation
    tag(client, "http://example.org/b")
    changed = client.get("/sparql", query_string={"query": LABELS}, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and len(subjects(changed)) == 2 and changed.headers["ETag"] != etag


def test_queries_whose_answer_changes_by_itself_are_run_every_time(service):
    client, pool = service
    query = "SELECT (STRUUID() AS ?u) WHERE {}"
    answers = [json.loads(client.get("/sparql", query_string={"query": query}).data) for _ in range(2)]
    assert answers[0] != answers[1]
    assert "ETag" not in client.get("/sparql", query_string={"query": query}).headers
    assert (pool.answers.hits, pool.answers.misses) == (0, 0)
