"""The SPARQL 1.1 Protocol's request rules: which operation a request carries, and its dataset.

Pure functions over what Flask parsed; the web layer turns ``ProtocolError`` into a 4xx response.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from kg.errors import KgError

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


class ProtocolError(KgError):
    """A request the SPARQL 1.1 Protocol calls malformed."""

    exit_code = 2
    status = 400


class UnsupportedMediaType(ProtocolError):
    status = 415


class MethodNotAllowed(ProtocolError):
    status = 405


@dataclass(frozen=True)
class Operation:
    kind: str  # "query" or "update"
    text: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


def _charset_ok(content_type: str) -> bool:
    match = re.search(r"charset\s*=\s*\"?([\w.-]+)", content_type or "", re.I)
    return match is None or match.group(1).lower().replace("_", "-") in ("utf-8", "utf8", "us-ascii", "ascii")


def _decode(body: bytes, content_type: str, what: str) -> str:
    if not _charset_ok(content_type):
        raise UnsupportedMediaType(f"the {what} must be encoded as UTF-8 (got {content_type!r})")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the {what} is not valid UTF-8 (byte {exc.start})") from exc


def _one(values: list[str], name: str) -> str:
    if len(values) != 1:
        raise ProtocolError(f"exactly one '{name}' parameter is required, got {len(values)}")
    return values[0]


def operation(method: str, mimetype: str, content_type: str, args: MultiDict, form: MultiDict,
              body: bytes) -> Operation | None:
    """The operation of a request to the SPARQL endpoint; ``None`` for a GET that asks for nothing
    (the service description)."""
    if method == "GET":
        if "update" in args:
            raise MethodNotAllowed("updates must be sent with POST")
        if "query" not in args:
            return None
        return Operation("query", _one(args.getlist("query"), "query"),
                         args.getlist("default-graph-uri"), args.getlist("named-graph-uri"))
    if method != "POST":
        raise MethodNotAllowed(f"{method} is not a SPARQL protocol operation; use GET or POST")
    if mimetype == FORM:
        if not _charset_ok(content_type):
            raise UnsupportedMediaType("form bodies must be UTF-8")
        queries, updates = form.getlist("query"), form.getlist("update")
        if queries and updates:
            raise ProtocolError("a request carries either 'query' or 'update', not both")
        if updates:
            return Operation("update", _one(updates, "update"), form.getlist("using-graph-uri"),
                             form.getlist("using-named-graph-uri"))
        if not queries:
            raise ProtocolError("missing 'query' or 'update' parameter")
        return Operation("query", _one(queries, "query"), form.getlist("default-graph-uri"),
                         form.getlist("named-graph-uri"))
    if mimetype == QUERY_TYPE:
        return Operation("query", _decode(body, content_type, "query"), args.getlist("default-graph-uri"),
                         args.getlist("named-graph-uri"))
    if mimetype == UPDATE_TYPE:
        return Operation("update", _decode(body, content_type, "update"), args.getlist("using-graph-uri"),
                         args.getlist("using-named-graph-uri"))
    raise UnsupportedMediaType(
        f"unsupported media type {mimetype or '(none)'}; send {QUERY_TYPE}, {UPDATE_TYPE} or {FORM}")


# -- update dataset ------------------------------------------------------------------------------------

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_WORD = re.compile(r"[A-Za-z_]+")
_REMOTE = re.compile(r"SERVICE|LOAD", re.IGNORECASE)  # a text without either cannot reach out


def _top_level_words(text: str, every_depth: bool = False) -> list[tuple[str, int]]:
    """Keywords, operation separators (";") and top-level "{" outside braces, strings, IRIs and comments, with offsets."""
    words: list[tuple[str, int]] = []
    depth, i, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
        elif c == "<" and (m := _IRI.match(text, i)):
            i = m.end()
        elif c == ";" and depth == 0:
            words.append((";", i))
            i += 1
        elif c == "{":
            if depth == 0:
                words.append(("{", i))
            depth, i = depth + 1, i + 1
        elif c == "}":
            depth, i = depth - 1, i + 1
        elif (depth == 0 or every_depth) and (c.isalpha() or c == "_") and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "?$:_")):
            m = _WORD.match(text, i)
            assert m is not None
            words.append((m.group(0).upper(), i))
            i = m.end()
        else:
            i += 1
    return words


def apply_update_dataset(text: str, using: list[str], using_named: list[str]) -> str:
    """Add the protocol's ``using-graph-uri``/``using-named-graph-uri`` to every operation with a WHERE
    clause, as USING / USING NAMED clauses; 400 when the request has its own USING or WITH."""
    if not using and not using_named:
        return text
    words = _top_level_words(text)
    if any(w in ("USING", "WITH") for w, _ in words):
        raise ProtocolError("using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH "
                            "in the update")
    clause = " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named]) + " "
    inserts: list[int] = []
    operation: list[str] = []  # the keywords of the current operation, after its prologue
    for word, offset in words:
        if word == ";":
            operation = []
        elif word in ("PREFIX", "BASE") and not operation:
            continue
        elif word == "WHERE" and operation[:1] in (["INSERT"], ["DELETE"]) and "{" in operation:
            inserts.append(offset)  # INSERT/DELETE {..} WHERE takes USING; the short DELETE WHERE {..} does not
        else:
            operation.append(word)
    for offset in reversed(inserts):
        text = text[:offset] + clause + text[offset:]
    return text


def check_remote_access(text: str, allowed_hosts: frozenset[str], kind: str) -> None:
    """Refuse SERVICE calls to hosts outside ``KG_SERVICE_ALLOW``, and LOAD from URLs (always off)."""
    from urllib.parse import urlsplit

    from kg.errors import Forbidden

    if not _REMOTE.search(text):  # the scan below is the slow part of a request answered from kept answers
        return
    for word, offset in _top_level_words(text, every_depth=True):
        if word == "LOAD" and kind == "update":
            raise Forbidden("LOAD is disabled on this service: the server fetches nothing from URLs; "
                            "use the Graph Store protocol or `kg import` to add data")
        if word != "SERVICE":
            continue
        rest = text[offset + len("SERVICE"):].lstrip()
        if rest[:6].upper() == "SILENT":
            rest = rest[6:].lstrip()
        m = _IRI.match(rest)
        host = urlsplit(m.group(0)[1:-1]).hostname if m else None
        if host is None or host.lower() not in allowed_hosts:
            target = m.group(0) if m else rest.split(None, 1)[0] if rest else "(nothing)"
            raise Forbidden(f"SERVICE {target} is not allowed: this service calls only the hosts listed in "
                            f"KG_SERVICE_ALLOW ({', '.join(sorted(allowed_hosts)) or 'none'})")
