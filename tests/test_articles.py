import json
from pathlib import Path

import pytest

from kg.articles import article_paths, canonical_url, read_file
from kg.errors import InputError


def test_seed_sidecar_gives_publisher_and_no_invented_date(seed_article):
    assert seed_article.publisher == "The Moscow Times"
    assert seed_article.published is None
    assert seed_article.url is None


def test_key_is_sha256_of_canonical_url_or_text(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Some text about soldiers.")
    (tmp_path / "b.txt").write_text("Other text.")
    (tmp_path / "b.json").write_text(json.dumps({"url": "HTTPS://Example.org/news/1/#top"}))
    a = next(read_file(tmp_path / "a.txt"))
    b = next(read_file(tmp_path / "b.txt"))
    assert len(a.key) == 16 and a.key == next(read_file(tmp_path / "a.txt")).key
    assert canonical_url(b.url) == "https://example.org/news/1"
    assert b.key != next(read_file(tmp_path / "b.txt", {"url": "https://example.org/news/2"})).key


def test_sidecars_are_not_articles(tmp_path: Path):
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "b.json").write_text(json.dumps({"text": "a json article"}))
    assert [p.name for p in article_paths([tmp_path])] == ["a.txt", "b.json"]


def test_jsonl_and_html(tmp_path: Path):
    (tmp_path / "x.jsonl").write_text(json.dumps({"text": "one", "published": "2023-01-02"}) + "\n"
                                      + json.dumps({"text": "two"}) + "\n")
    first, second = read_file(tmp_path / "x.jsonl")
    assert first.published.isoformat() == "2023-01-02" and second.text == "two"
    (tmp_path / "p.html").write_text("<html><head><title>T</title><script>var x</script></head>"
                                     "<body><p>First para.</p><p>Second &amp; last.</p></body></html>")
    page = next(read_file(tmp_path / "p.html"))
    assert page.title == "T" and page.text == "First para.\nSecond & last."


@pytest.mark.parametrize("content,expected", [
    ('{"text": "x", "published": "last week"}', "ISO date"),
    ('{"text": ', "line 1 column"),
    ('{"title": "no text"}', "no text"),
])
def test_bad_input_says_where(tmp_path: Path, content: str, expected: str):
    (tmp_path / "bad.json").write_text(content)
    with pytest.raises(InputError, match=expected):
        list(read_file(tmp_path / "bad.json"))


def test_non_utf8_is_refused(tmp_path: Path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    with pytest.raises(InputError, match="byte 3 is not UTF-8"):
        list(read_file(tmp_path / "bad.txt"))
