"""The evaluator's scoring rules, and `kg eval` on the shipped gold corpus."""
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import gazetteer
from kg.cli import main
from kg.evaluate import Evaluator, Score, _same_source, corpus_files
from kg.mint import Minter

CORPUS = Path(__file__).parent / "corpus"
D = dt.date.fromisoformat


def _predicted(lo, hi):
    return {"iri": "e", "earliest": D(lo) if lo else None, "latest": D(hi) if hi else None}


def test_score_arithmetic():
    s = Score(tp=3, fp=1, fn=2)
    assert (s.precision, s.recall) == (0.75, 0.6)
    assert abs(s.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-9
    assert Score().f1 == 1.0  # nothing to find, nothing found


@pytest.mark.parametrize("gold, predicted, expected", [
    ({"earliest": "2022-03-01", "latest": "2022-03-31"}, ("2022-03-01", "2022-03-31"), Score(tp=1)),
    # narrower than the text allows, with no known truth: claims more than the article says
    ({"earliest": "2022-03-01", "latest": "2022-03-31"}, ("2022-03-05", "2022-03-05"), Score(fp=1, fn=1)),
    # wider than the text allows
    ({"earliest": "2022-03-01", "latest": "2022-03-31"}, ("2022-01-01", "2022-12-31"), Score(fp=1, fn=1)),
    # with a known day: any interval inside the allowed one that contains it
    ({"earliest": "2022-03-01", "latest": "2022-03-31", "truth": "2022-03-05"}, ("2022-03-02", "2022-03-09"),
     Score(tp=1)),
    ({"earliest": "2022-03-01", "latest": "2022-03-31", "truth": "2022-03-05"}, ("2022-03-06", "2022-03-09"),
     Score(fp=1, fn=1)),
    ({"earliest": None, "latest": None}, (None, None), Score()),
    ({"earliest": None, "latest": None}, ("2022-03-01", None), Score(fp=1)),
    ({"earliest": "2022-03-01", "latest": None}, (None, None), Score(fn=1)),
])
def test_date_rule(gold, predicted, expected):
    assert Evaluator._date_score(gold, _predicted(*predicted), []) == expected


def test_source_names_match_loosely_but_not_anything():
    assert _same_source("MT Russian", "MT Russian")
    assert _same_source("the lawyer", "a lawyer")
    assert _same_source("Mediazona", "independent outlet Mediazona")
    assert not _same_source("activists", "lawyer")


def test_lineage_relates_settlement_region_country_and_area():
    ev = Evaluator(gazetteer.load(), Minter())
    line = ev.lineage("gn:570479")
    assert {"RU-DA", "RU", "area:north-caucasus"} <= line
    assert ev._place_ok(["RU-DA"], {"gn:570479"})
    assert not ev._place_ok(["RU-BU"], {"gn:570479"})


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="no gold corpus")


@needs_corpus
def test_corpus_has_both_splits_and_gold_for_every_article():
    splits = corpus_files(CORPUS)
    assert {"dev", "heldout"} <= set(splits)
    total = sum(len(v) for v in splits.values())
    never_tuned = sum(len(v) for name, v in splits.items() if name != "dev")
    assert total >= 40 and never_tuned >= total // 4
    for paths in splits.values():
        for txt in paths:
            gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text())
            text = txt.read_text()
            for event in gold["events"]:
                assert event.get("evidence", "") in text, (txt, event)


@needs_corpus
def test_kg_eval_reports_every_category_for_both_splits():
    result = CliRunner().invoke(main, ["eval", str(CORPUS), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert {"dev", "heldout"} <= set(scores)
    for split in scores.values():
        assert set(split["scores"]) == {"countries", "regions", "settlements", "areas", "units", "events",
                                        "dates", "sources", "overall"}
        # the extractor finds most of what the annotators marked, and little else
        assert split["scores"]["regions"]["f1"] >= 0.6
        assert split["scores"]["overall"]["f1"] >= 0.5


@needs_corpus
def test_readme_shows_the_current_scores():
    from kg.evaluate import evaluate, table

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert table(evaluate(CORPUS, Minter())) in readme, "regenerate the README table with `kg eval`"


def test_no_article_text_in_the_package():
    """Extraction works from patterns and data: no sentence of the seed or of a test article is in kg/."""
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text() for p in [*root.glob("seeds/*.txt"), *CORPUS.rglob("*.txt")]]
    fragments = {f.strip() for t in texts for f in t.replace("\n", ". ").split(". ") if len(f.strip()) >= 30}
    for path in (root / "kg").rglob("*"):
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".csv", ".json", ".html"):
            content = path.read_text(errors="ignore")
            leaked = [f for f in fragments if f in content]
            assert not leaked, (path, leaked[:3])
