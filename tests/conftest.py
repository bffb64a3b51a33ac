"""Shared fixtures: the seed article, a store built from seeds/, the app and its clients."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.articles import Article, read_file
from kg.mint import Minter
from kg.pipeline import article_graphs, build
from kg.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = next(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return next(read_file(SEED))


@pytest.fixture(scope="session")
def minter() -> Minter:
    return Minter()


@pytest.fixture(scope="session")
def seed_graph(seed_article: Article, minter: Minter) -> Graph:
    """Article graph and reference places of the seed, as one graph."""
    return article_graphs(seed_article, minter).union()


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory, minter: Minter) -> Path:
    """A store built from seeds/ (shared by the read-only tests of a session)."""
    path = tmp_path_factory.mktemp("store")
    store = Store(path)
    result = build(read_file(SEED), store, minter)
    assert not result.refused, result.refused
    store.close()
    return path


@pytest.fixture()
def app(built_store: Path):  # noqa: ANN201
    from kg.serve import create_app

    return create_app({"KG_STORE": str(built_store)})


@pytest.fixture()
def client(app):  # noqa: ANN001, ANN201
    return app.test_client()


@pytest.fixture()
def app_on_copy(built_store: Path, tmp_path: Path):  # noqa: ANN201
    """Makes the app on a fresh copy of the seed store (writes stay in the test), with the given settings;
    their query workers are stopped afterwards."""
    import shutil

    from kg.serve import create_app

    made = []

    def make(**settings: str):  # noqa: ANN202
        store = tmp_path / f"store-{len(made)}"
        shutil.copytree(built_store, store)
        app = create_app({"KG_STORE": str(store), **settings})
        app.testing = True
        made.append(app)
        return app

    yield make
    for app in made:
        app.extensions["kg_pool"].close()
