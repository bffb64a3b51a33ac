"""Read articles from .txt (with an optional .json sidecar), .html, .json and .jsonl files."""
from __future__ import annotations

import datetime as dt
import hashlib
import html.parser
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kg.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


@dataclass(frozen=True)
class Article:
    """One news article as read: its text and what is known about it."""

    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    language: str | None = None
    source_path: str | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """First 16 hex digits of the sha256 of the canonical URL, or of the text without a URL."""
        basis = canonical_url(self.url) if self.url else self.text
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no byte-order mark: the text evidence offsets index into."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{where}: 'published' must be an ISO date (YYYY-MM-DD), got {value!r}") from exc


def article_from_record(record: dict[str, Any], where: str, text: str | None = None) -> Article:
    """An Article from a metadata dict (a sidecar, a JSON article or one JSONL line)."""
    body = text if text is not None else record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{where}: the article has no text (a JSON article needs a non-empty 'text' field)")
    return Article(
        text=normalize_text(body),
        url=record.get("url") or None,
        title=record.get("title") or None,
        published=parse_date(record.get("published") or record.get("datePublished"), where),
        publisher=record.get("publisher") or None,
        language=record.get("language") or None,
        source_path=where,
    )


class _TextOfHtml(html.parser.HTMLParser):
    """Visible text of an HTML page, one paragraph per block element; title and meta kept aside."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"}
    SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "figcaption", "form"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            a = dict(attrs)
            name = a.get("property") or a.get("name") or ""
            if a.get("content"):
                self.meta[name.lower()] = a["content"] or ""
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def article_from_html(markup: str, where: str, meta: dict[str, Any]) -> Article:
    page = _TextOfHtml()
    page.feed(markup)
    lines = [" ".join(line.split()) for line in "".join(page.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    record = {
        "url": page.meta.get("og:url"),
        "title": page.meta.get("og:title") or page.title.strip() or None,
        "published": (page.meta.get("article:published_time") or "")[:10] or None,
        "publisher": page.meta.get("og:site_name"),
        **{k: v for k, v in meta.items() if v is not None},
    }
    return article_from_record(record, where, text=text)


def _sidecar(path: Path) -> dict[str, Any]:
    side = path.with_suffix(".json")
    if not side.exists():
        return {}
    try:
        record = json.loads(side.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{side}: line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise InputError(f"{side}: a sidecar must be a JSON object")
    return record


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {exc.start} is not UTF-8; save the article as UTF-8") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc


def read_file(path: Path, meta: dict[str, Any] | None = None) -> Iterator[Article]:
    """Every article in one file; ``meta`` (from the command line) overrides the file's metadata."""
    meta = {k: v for k, v in (meta or {}).items() if v is not None}
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield article_from_record({**_sidecar(path), **meta}, str(path), text=_read_text(path))
    elif suffix in (".html", ".htm"):
        yield article_from_html(_read_text(path), str(path), {**_sidecar(path), **meta})
    elif suffix == ".json":
        yield article_from_record({**_load_json(path), **meta}, str(path))
    elif suffix == ".jsonl":
        for number, line in enumerate(_read_text(path).splitlines(), start=1):
            if line.strip():
                yield article_from_record({**_load_json_line(line, path, number), **meta}, f"{path}:{number}")
    else:
        raise InputError(f"{path}: unknown article format {suffix!r}; use one of {', '.join(ARTICLE_SUFFIXES)}")


def _load_json(path: Path) -> dict[str, Any]:
    try:
        record = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise InputError(f"{path}: a JSON article must be an object with a 'text' field")
    return record


def _load_json_line(line: str, path: Path, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: line {number} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise InputError(f"{path}: line {number}: each line must be a JSON object with a 'text' field")
    return record


def article_paths(paths: list[Path]) -> list[Path]:
    """Files to read, in a stable order; a directory contributes its article files (sidecars skipped)."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if _is_article_file(p))
        else:
            found.append(path)
    return found


def _is_article_file(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in ARTICLE_SUFFIXES:
        return False
    if path.name.lower().endswith(".gold.json"):  # annotations of an evaluation corpus
        return False
    if path.suffix.lower() == ".json":  # a sidecar sits next to a .txt or .html of the same stem
        return not any(path.with_suffix(s).exists() for s in (".txt", ".html", ".htm"))
    return True


def read_paths(paths: list[Path], meta: dict[str, Any] | None = None) -> Iterator[Article]:
    for path in article_paths(paths):
        yield from read_file(path, meta)
