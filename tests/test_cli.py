"""The `kg` command through click's runner: round trips and exit codes."""
import json
from pathlib import Path

from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import main

from .conftest import SEED


def test_extract_then_validate_round_trip(tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(SEED), "--format", "ttl"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "seed.ttl"
    out.write_text(result.output)
    assert len(Graph().parse(out)) > 50
    checked = runner.invoke(main, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    assert "Conforms" in checked.output


def test_extract_as_trig_has_article_and_reference_graphs():
    result = CliRunner().invoke(main, ["extract", str(SEED), "--format", "trig"])
    dataset = Dataset()
    dataset.parse(data=result.output, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert any("/id/article/" in n for n in names) and any(n.endswith("/id/graph/reference") for n in names)


def test_validate_refusal_exit_1_with_json_report(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/newskg/ontology#> .\n"
                   "<https://w3id.org/newskg/id/event/0123456789abcdef-1> a kg:DeploymentRefusal .\n")
    result = CliRunner().invoke(main, ["validate", str(bad), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["conforms"] is False and report["results"]
    assert all({"focus", "path", "message", "severity"} <= set(r) for r in report["results"])


def test_bad_input_exit_2(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 2 and "error:" in result.output
    missing = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2


def test_non_english_article_is_refused(tmp_path: Path):
    article = tmp_path / "ru.txt"
    article.write_text("Не менее 300 военнослужащих из одной воинской части отказались ехать на войну, "
                       "сообщили активисты в понедельник.")
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 2 and "language 'ru' is not supported" in result.output


def test_build_and_query(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "store"))
    runner = CliRunner()
    built = runner.invoke(main, ["build", str(SEED)])
    assert built.exit_code == 0, built.output
    answer = runner.invoke(main, ["query", "PREFIX kg: <https://w3id.org/newskg/ontology#> "
                                           "SELECT (COUNT(?e) AS ?n) { ?e a kg:DeploymentRefusal }", "--format", "json"])
    assert answer.exit_code == 0
    assert int(json.loads(answer.output)["results"]["bindings"][0]["n"]["value"]) >= 2
    again = runner.invoke(main, ["build", str(SEED)])
    assert again.exit_code == 0
    count = runner.invoke(main, ["query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "--format", "json"])
    first = runner.invoke(main, ["query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "--format", "json"])
    assert count.output == first.output


def test_query_on_empty_store_says_what_to_do(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "empty"))
    result = CliRunner().invoke(main, ["query", "ASK {}"])
    assert result.exit_code == 1 and "kg build" in result.output


def test_submit_stores_valid_and_refuses_invalid(tmp_path: Path):
    import shutil

    data = Path(__file__).parent / "data" / "submission-valid.ttl"
    store = tmp_path / "store"
    runner = CliRunner()
    ok = runner.invoke(main, ["submit", str(data), "--store", str(store), "--by", "carol"])
    assert ok.exit_code == 0, ok.output
    assert "stored: https://w3id.org/newskg/id/graph/submission/" in ok.output
    bad = tmp_path / "bad.ttl"
    shutil.copy(data, bad)
    bad.write_text(data.read_text().replace("kg:minValue 12", "kg:minValue -12"))
    refused = runner.invoke(main, ["submit", str(bad), "--store", str(store)])
    assert refused.exit_code == 1 and "minValue" in refused.output
    listed = runner.invoke(main, ["query", "SELECT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/newskg/ontology#Submission> } }",
                                  "--format", "csv"], env={"KG_STORE": str(store)})
    assert listed.output.count("/graph/submission/") == 1
