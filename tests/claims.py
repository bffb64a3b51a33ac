"""Claims extracted from short texts written for the tests."""
import datetime as dt

from kg.articles import Article
from kg.extract import extract


def claims(text, places, published="2023-06-14"):
    article = Article(text, url="https://example.org/t", published=dt.date.fromisoformat(published))
    return extract(article, places).claims


def only(found, kind):
    """The one claim of type ``kind`` among ``found``; fails if there are none or several."""
    matching = [c for c in found if c.type == kind]
    assert len(matching) == 1, f"{len(matching)} {kind} claims among {[c.type for c in found]}"
    return matching[0]
