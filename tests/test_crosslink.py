"""Across articles: the same happening reported by two outlets is linked, never merged; provenance and stats."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.commands import run_query

DATA = Path(__file__).parent / "data" / "crosslink"
P = "PREFIX kg: <https://w3id.org/newskg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cross") / "store"
    result = CliRunner().invoke(main, ["build", str(DATA), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _rows(store, query):
    import json

    return json.loads(run_query(P + query, "json", str(store)))["results"]["bindings"]


def test_same_refusal_in_two_articles_is_linked_both_ways(store):
    rows = _rows(store, """SELECT ?a ?b ?sa ?sb WHERE {
        ?a kg:sameEventAs ?b . ?a kg:reportedIn ?sa . ?b kg:reportedIn ?sb }""")
    pairs = {(r["a"]["value"], r["b"]["value"]) for r in rows}
    assert len(pairs) == 2 and all((b, a) in pairs for a, b in pairs)
    assert all(r["sa"]["value"] != r["sb"]["value"] for r in rows)


def test_the_buryatia_refusal_is_not_linked(store):
    rows = _rows(store, """SELECT ?e WHERE { ?e a kg:DeploymentRefusal ; kg:involvesUnit/kg:homeRegion
        <https://w3id.org/newskg/id/region/RU-BU> . FILTER EXISTS { ?e kg:sameEventAs ?x } }""")
    assert rows == []


def test_linked_events_keep_their_own_sources_and_evidence(store):
    rows = _rows(store, """SELECT ?e (COUNT(DISTINCT ?ev) AS ?n) WHERE {
        ?e kg:sameEventAs ?x ; kg:evidence ?ev ; kg:certainty ?c } GROUP BY ?e""")
    assert len(rows) == 2 and all(int(r["n"]["value"]) >= 1 for r in rows)


def test_build_and_article_provenance(store):
    rows = _rows(store, """SELECT ?article ?build ?hash ?url ?started ?software WHERE {
        ?article prov:wasGeneratedBy ?build ; kg:inputHash ?hash ; prov:hadPrimarySource ?url .
        ?build a kg:Build ; prov:startedAtTime ?started ; prov:wasAssociatedWith ?software }""")
    assert len(rows) == 3
    assert all(r["hash"]["value"].startswith("sha256:") for r in rows)


def test_stats_counts_entities_events_and_matches(store):
    result = CliRunner().invoke(main, ["stats", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    stats = json.loads(result.output)
    assert stats["articles"] == 3
    assert stats["events"] >= 3
    assert stats["cross_article_matches"] == 1
    assert stats["classes"]["https://w3id.org/newskg/ontology#DeploymentRefusal"] >= 3


def test_import_and_join_through_same_as(store, tmp_path):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    extract = Path(__file__).parent / "data" / "wikidata-extract.ttl"
    result = CliRunner().invoke(main, ["import", str(extract), "--graph", "https://example.org/graph/wikidata",
                                       "--store", str(copy)])
    assert result.exit_code == 0, result.output
    assert "imported 8 triples" in result.output
    rows = _rows(copy, """PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX wdt: <http://www.wikidata.org/prop/direct/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?event ?population ?capitalName WHERE {
          ?event a kg:DeploymentRefusal ; kg:involvesUnit/kg:homeRegion ?region .
          ?region owl:sameAs ?wd .
          GRAPH <https://example.org/graph/wikidata> { ?wd wdt:P1082 ?population ; wdt:P36/rdfs:label ?capitalName } }""")
    assert {r["capitalName"]["value"] for r in rows} >= {"Ulan-Ude"}
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .")
    refused = CliRunner().invoke(main, ["import", str(bad), "--graph", "https://example.org/g", "--store", str(copy)])
    assert refused.exit_code == 2 and "error:" in refused.output


def test_readme_merge_example(built_store, tmp_path):
    """The README's import + join, on the seed graph: both refusals with their region's capital."""
    import json
    import re
    import shutil

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme.split("## Merging with Wikidata and GeoNames", 1)[1]
    command = re.search(r"kg import (\S+) --graph (\S+)", section)
    query = re.search(r"kg query '\n(.*?)'\n", section, re.S).group(1)
    copy = tmp_path / "store"
    shutil.copytree(built_store, copy)
    root = Path(__file__).resolve().parent.parent
    result = CliRunner().invoke(main, ["import", str(root / command.group(1)), "--graph", command.group(2),
                                       "--store", str(copy)])
    assert result.exit_code == 0, result.output
    rows = json.loads(run_query(query, "json", str(copy)))["results"]["bindings"]
    assert {r["capital"]["value"] for r in rows} == {"Makhachkala", "Ulan-Ude"}


def test_two_corpus_reports_of_the_same_refusal_are_linked(tmp_path):
    import shutil

    corpus = Path(__file__).parent / "corpus" / "dev"
    articles = tmp_path / "articles"
    articles.mkdir()
    for stem in ("001_tuva-refusal", "041_tuva-refusal-second-report"):
        for suffix in (".txt", ".json"):
            shutil.copy(corpus / (stem + suffix), articles / (stem + suffix))
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["build", str(articles), "--store", str(store)]).exit_code == 0
    rows = _rows(store, """SELECT ?a ?b WHERE { ?a a kg:DeploymentRefusal ; kg:sameEventAs ?b .
        ?a kg:reportedIn ?x . ?b kg:reportedIn ?y . FILTER(?x != ?y) }""")
    assert len(rows) == 2


def test_events_in_russia_include_buynaksk(seed_graph):
    rows = list(seed_graph.query("""PREFIX kg: <https://w3id.org/newskg/ontology#>
        SELECT ?event WHERE { ?event kg:place ?p . ?p kg:locatedIn+ <https://w3id.org/newskg/id/country/RU> .
        FILTER(?p = <https://w3id.org/newskg/id/place/geonames-570479>) }"""))
    assert rows


def test_shared_entities_are_stated_once(tmp_path):
    """Two articles naming the same unit: its description is in the entities graph once, so counts over the
    union default graph count it once."""
    import json
    import shutil

    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_4e250d6f87dbdd5a.txt"
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(2):
        shutil.copy(seed, articles / f"{n}.txt")
        (articles / f"{n}.json").write_text(json.dumps({"url": f"https://example.org/copy/{n}",
                                                         "publisher": "The Moscow Times"}))
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["build", str(articles), "--store", str(store)]).exit_code == 0
    rows = _rows(store, """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g {
        <https://w3id.org/newskg/id/unit/unnamed-ru-da-buynaksk> kg:homeRegion ?r } } GROUP BY ?g""")
    assert [(r["g"]["value"], r["n"]["value"]) for r in rows] == [("https://w3id.org/newskg/id/graph/entities", "1")]
    events = _rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:DeploymentRefusal ; kg:involvesUnit/kg:homeRegion ?r }")
    assert events[0]["n"]["value"] == "4"  # two refusals in each of the two articles, each counted once


def test_parallel_build_stores_the_same_data(tmp_path):
    import pyoxigraph as ox

    from kg.articles import read_paths
    from kg.mint import Minter
    from kg.pipeline import build
    from kg.store import Store

    stores = {}
    for workers in (1, 2):
        store = Store(tmp_path / f"w{workers}")
        result = build(read_paths([DATA]), store, Minter(), workers=workers)
        assert len(result.stored) == 3
        store.close()
        snapshot = tmp_path / f"w{workers}" / "snapshots" / (tmp_path / f"w{workers}" / "CURRENT").read_text().strip()
        stores[workers] = {str(q) for q in ox.Store.read_only(str(snapshot))
                           if not str(q.graph_name).endswith("/graph/provenance>")}
    assert stores[1] == stores[2]


def test_the_link_index_is_rebuilt_from_the_store_when_missing(tmp_path):
    import shutil

    from kg import crosslink

    corpus = Path(__file__).parent / "corpus" / "dev"
    store = tmp_path / "store"
    for stem in ("001_tuva-refusal", "041_tuva-refusal-second-report"):
        articles = tmp_path / stem
        articles.mkdir()
        for suffix in (".txt", ".json"):
            shutil.copy(corpus / (stem + suffix), articles / (stem + suffix))
        if stem.startswith("041"):  # the index of the first build is lost: it must come back from the store
            (store / "link-index.sqlite").unlink()
            crosslink._indexes.clear()
        assert CliRunner().invoke(main, ["build", str(articles), "--store", str(store)]).exit_code == 0
    rows = _rows(store, """SELECT ?a ?b WHERE { ?a a kg:DeploymentRefusal ; kg:sameEventAs ?b .
        ?a kg:reportedIn ?x . ?b kg:reportedIn ?y . FILTER(?x != ?y) }""")
    assert len(rows) == 2
