"""The `kg` command. Exit codes: 0 ok, 1 validation failed or not found, 2 usage or input error."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kg import settings
from kg.errors import KgError
from kg.mint import Minter

FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "nt": "nt", "jsonld": "json-ld"}


def _fail(exc: KgError) -> None:
    click.echo(f"error: {exc.message}", err=True)
    sys.exit(exc.exit_code)


class KgGroup(click.Group):
    """Turns library errors into one clear line and the documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            _fail(exc)


@click.group(cls=KgGroup)
@click.version_option(package_name="newskg")
def main() -> None:
    """newskg: knowledge graphs of news about armed forces."""


def _config() -> dict[str, str]:
    return settings.load()


def _minter() -> Minter:
    return Minter(_config()["KG_BASE_IRI"])


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", "store_path", help="Store directory (default: KG_STORE).")
def build(paths: tuple[Path, ...], store_path: str | None) -> None:
    """Ingest articles (default: seeds/) into the store, each validated first."""
    from kg.commands import run_build

    sys.exit(run_build(list(paths) or [Path("seeds")], store_path or _config()["KG_STORE"], _minter()))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="ttl", show_default=True)
@click.option("--url")
@click.option("--title")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.option("--publisher")
def extract(path: Path, fmt: str, url: str | None, title: str | None, published: str | None,
            publisher: str | None) -> None:
    """Print the graph of one article without storing it."""
    from kg.commands import extract_graph

    meta = {"url": url, "title": title, "published": published, "publisher": publisher}
    click.echo(extract_graph(path, meta, FORMATS[fmt], _minter()))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--shapes", "shapes_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "ttl", "json"]), default="text", show_default=True)
def validate(file: Path, shapes_dir: Path | None, fmt: str) -> None:
    """SHACL report for an RDF file (exit 0 conforms, 1 does not, 2 cannot read it)."""
    from kg.commands import validate_file

    text, conforms = validate_file(file, shapes_dir, fmt, _minter())
    click.echo(text)
    sys.exit(0 if conforms else 1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", type=int, help="Worker processes (default: KG_WORKERS).")
def serve(host: str, port: int, workers: int | None) -> None:
    """Serve the store over HTTP with a production WSGI server (gunicorn)."""
    from kg.commands import run_server

    run_server(host, port, workers or int(_config()["KG_WORKERS"]), int(_config()["KG_THREADS"]))


@main.command()
@click.argument("sparql")
@click.option("--format", "fmt", default="table",
              type=click.Choice(["table", "json", "xml", "csv", "tsv", "ttl", "nt"]), show_default=True)
def query(sparql: str, fmt: str) -> None:
    """Run a SPARQL query against the store and print the results."""
    from kg.commands import run_query

    click.echo(run_query(sparql, fmt, _config()["KG_STORE"]), nl=False)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--by", "who", default=None, help="Who submits (recorded in PROV; default: $USER).")
@click.option("--store", "store_path", help="Store directory (default: KG_STORE).")
def submit(file: Path, who: str | None, store_path: str | None) -> None:
    """Validate an RDF file and store it as a submission in its own named graph (exit 1 if it does not conform)."""
    import os

    from kg.commands import submit_file

    iri, _, state = submit_file(file, store_path or _config()["KG_STORE"], _minter(),
                                who or os.environ.get("USER") or "cli")
    click.echo(f"{state}: {iri}")


@main.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--graph", required=True, help="IRI of the named graph to load into (replaced if it exists).")
@click.option("--format", "fmt", help="File format by extension (ttl, nt, nq, trig, rdf, jsonld); default: the file's.")
@click.option("--store", "store_path", help="Store directory (default: KG_STORE).")
def import_(file: Path, graph: str, fmt: str | None, store_path: str | None) -> None:
    """Bulk-load any RDF file into its own named graph (to merge Wikidata, GeoNames, ... extracts)."""
    from kg.commands import import_file

    count, seconds = import_file(file, graph, store_path or _config()["KG_STORE"], fmt)
    click.echo(f"imported {count} triples into <{graph}> in {seconds:.1f} s ({count / max(seconds, 1e-9):,.0f} triples/s)")


@main.command()
@click.option("--store", "store_path", help="Store directory (default: KG_STORE).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(store_path: str | None, fmt: str) -> None:
    """Entities, events, links and cross-article matches in the store."""
    import json

    from kg.commands import dataset_statistics

    numbers = dataset_statistics(store_path or _config()["KG_STORE"])
    if fmt == "json":
        click.echo(json.dumps(numbers, indent=2))
        return
    for key in ("triples", "graphs", "entities", "articles", "events", "units", "sources", "submissions",
                "cross_article_matches"):
        click.echo(f"{key.replace('_', ' '):24} {numbers[key]:>10,}")
    for name, count in numbers["linksets"].items():
        click.echo(f"{'owl:sameAs ' + name:24} {count:>10,}")
    click.echo("events by type:")
    for cls, count in numbers["classes"].items():
        if cls.startswith("https://w3id.org/newskg/ontology#") and count and cls.rsplit("#", 1)[1] in EVENT_TYPES:
            click.echo(f"  {cls.rsplit('#', 1)[1]:22} {count:>10,}")


EVENT_TYPES = {"DeploymentRefusal", "Desertion", "Deployment", "Return", "ContractTermination", "Prosecution",
               "Reenlistment", "Casualties", "Injury", "Protest", "Detention", "Mobilization"}


@main.command(name="eval")
@click.argument("corpus", default="tests/corpus", type=click.Path(path_type=Path))
@click.option("--split", "splits", multiple=True, help="Only these splits (sub-directories), e.g. dev.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", is_flag=True, help="Also list every missed and spurious item, per article.")
def evaluate(corpus: Path, splits: tuple[str, ...], fmt: str, errors: bool) -> None:
    """Precision, recall and F1 per category against a gold corpus.

    CORPUS is a directory of articles with .gold.json annotations (split by sub-directory), or a sentence
    suite: .jsonl files of annotated single sentences (event types, counts and certainty only)."""
    import json

    from kg.evaluate import as_json, error_listing, table
    from kg.evaluate import evaluate as run_eval

    suites = sorted(corpus.glob("*.jsonl")) if corpus.is_dir() else [corpus] if corpus.suffix == ".jsonl" else []
    if suites:
        from kg.evaluate import evaluate_sentences, sentence_table

        found = [evaluate_sentences(p) for p in suites if not splits or p.stem in splits]
        if errors:
            click.echo("\n".join(e for r in found for e in r.errors))
        click.echo(sentence_table(found))
        return
    reports = run_eval(corpus, _minter(), splits or None)
    if errors:
        click.echo(error_listing(reports))
    click.echo(table(reports) if fmt == "table" else json.dumps(as_json(reports), indent=2))


if __name__ == "__main__":
    main()
