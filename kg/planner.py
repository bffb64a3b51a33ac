"""Put the property paths of a query where Oxigraph evaluates them cheaply.

Oxigraph joins a property path with the triple patterns around it much in the order they are written:
``?event kg:place ?place . ?place kg:locatedIn* <R>`` walks up from the place of every event, while the same
patterns written path-first walk down from ``<R>`` once and then look the events up by place — 40 times
faster on 10,000 articles. Users write the natural order, so before a query runs, each block of triple
patterns that holds a path is reordered: first the pattern with the most selective constant, then, one at a
time, the pattern that shares the most already-bound variables.

Reordering inside one block of triple patterns never changes the solutions: the block is a join of its
patterns, and joins commute. (Their order may change, as SPARQL allows when there is no ORDER BY; so may which
ones a LIMIT without ORDER BY keeps.) Only blocks this module fully understands are touched (subjects and objects that
are variables, IRIs, prefixed names or literals; predicates that are any path); anything else — blank nodes,
collections, nested groups inside the block — leaves the query exactly as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"""
    (?P<ws>\s+|\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<string>\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<dt>\^\^)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<bnode>_:[^\s.;,(){}\[\]]+)
  | (?P<name>(?:[A-Za-z\u00c0-\uffff][\w\-.\u00b7\u00c0-\uffff]*)?:(?:[\w\-:%\u00b7\u00c0-\uffff]|\\.|\.(?=[\w\-:%]))*
              |[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>[{}()\[\];,.*+/|^!=<>&?-])
""", re.VERBOSE)

# Keywords that end a block of triple patterns inside a group.
_BREAKS = {"optional", "minus", "graph", "service", "filter", "bind", "values"}
_TYPE = {"a", "rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"}


@dataclass
class _Triple:
    subject: str
    predicate: list[str]  # the tokens of the predicate or path
    object: str

    @property
    def is_path(self) -> bool:
        return len(self.predicate) > 1 or self.predicate[0].startswith("^")

    def text(self) -> str:
        return f"{self.subject} {''.join(self.predicate)} {self.object} ."


def tokenize(text: str) -> list[tuple[str, str, int]] | None:
    """(kind, text, offset) for each token but white space; None if some of the text is not understood."""
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            return None
        if match.lastgroup != "ws":
            tokens.append((match.lastgroup or "", match.group(), position))
        position = match.end()
    return tokens


def _term(tokens: list[tuple[str, str, int]], i: int) -> tuple[str, int] | None:
    """A subject or object at ``i``: a variable, IRI, prefixed name, number or literal (with its tag)."""
    kind, text, _ = tokens[i]
    if kind in ("var", "iri", "number") or (kind == "name" and ":" in text):
        return text, i + 1
    if kind == "name" and text in ("true", "false"):
        return text, i + 1
    if kind == "string":
        if i + 1 < len(tokens) and tokens[i + 1][0] == "lang":
            return text + tokens[i + 1][1], i + 2
        if i + 2 < len(tokens) and tokens[i + 1][0] == "dt" and tokens[i + 2][0] in ("iri", "name"):
            return text + "^^" + tokens[i + 2][1], i + 3
        return text, i + 1
    return None


def _predicate(tokens: list[tuple[str, str, int]], i: int) -> tuple[list[str], int] | None:
    """A predicate or property path at ``i``, up to the object that follows it."""
    out, depth = [], 0
    while i < len(tokens):
        kind, text, _ = tokens[i]
        if kind == "var" and not out:
            return [text], i + 1
        closing = kind == "punct" and text == ")" and depth > 0
        if kind == "iri" or (kind == "name" and (":" in text or text == "a")) or closing:
            if closing:
                depth -= 1
            out.append(text)
            i += 1
            # modifiers stay with what they follow; a sequence or alternative continues the path
            while i < len(tokens) and tokens[i][0] == "punct" and tokens[i][1] in ("*", "+", "?"):
                out.append(tokens[i][1])
                i += 1
            if depth == 0 and not (i < len(tokens) and tokens[i][1] in ("/", "|")):
                return out, i
            continue
        if kind == "punct" and text in ("/", "|", "^", "!", "("):
            if text == "(":
                depth += 1
            out.append(text)
            i += 1
            continue
        return None
    return None


def _block(tokens: list[tuple[str, str, int]], i: int) -> tuple[list[_Triple], int] | None:
    """The triple patterns from ``i`` up to the end of the block: returns them and the index of the token
    after the last one's final dot (or after its object when no dot follows); None if not understood."""
    triples: list[_Triple] = []
    while True:
        subject = _term(tokens, i)
        if subject is None:
            return (triples, i) if triples else None
        s, i = subject
        while True:  # predicate-object list
            predicate = _predicate(tokens, i)
            if predicate is None:
                return None
            p, i = predicate
            while True:  # object list
                obj = _term(tokens, i) if i < len(tokens) else None
                if obj is None:
                    return None
                o, i = obj
                triples.append(_Triple(s, p, o))
                if tokens[i][1] != ",":
                    break
                i += 1
            if tokens[i][1] != ";":
                break
            while tokens[i][1] == ";":
                i += 1
            if tokens[i][1] in (".", "}"):
                break
        if tokens[i][1] == ".":
            i += 1
        else:
            return triples, i


def _variables(term: str) -> set[str]:
    return {term[1:]} if term[:1] in "?$" else set()


def _order(triples: list[_Triple]) -> list[_Triple]:
    """Most selective first, then by the variables already bound; ties keep the written order."""
    def score(t: _Triple, bound: set[str]) -> float:
        fixed = 0.0
        for position, term in (("s", t.subject), ("o", t.object)):
            if term[:1] in "?$":
                fixed += 1.0 if term[1:] in bound else 0.0
            elif position == "o" and "".join(t.predicate) in _TYPE:
                fixed += 0.5  # a class has many members
            else:
                fixed += 1.0
        if t.predicate[0][:1] in "?$" and t.predicate[0][1:] in bound:
            fixed += 0.25
        return fixed

    left, bound, out = list(triples), set(), []
    while left:
        connected = [t for t in left if not bound or (_variables(t.subject) | _variables(t.object)) & bound]
        pool = connected or left
        best = max(pool, key=lambda t: (score(t, bound), -left.index(t)))
        left.remove(best)
        out.append(best)
        bound |= _variables(best.subject) | _variables(best.object) | _variables(best.predicate[0])
    return out


def reorder_paths(text: str) -> str:
    """``text`` with every block of triple patterns that holds a property path reordered (see the module
    docstring); the text itself when there is nothing to do or the query is not fully understood."""
    if not any(op in text for op in ("*", "+", "/", "^", "|")):
        return text
    tokens = tokenize(text)
    if tokens is None or any(kind == "bnode" or t == "[" for kind, t, _ in tokens):
        return text
    edits: list[tuple[int, int, str]] = []
    for i, (kind, tok, _) in enumerate(tokens):
        if tok == "{" and kind == "punct":
            start = i + 1
            try:
                parsed = _block(tokens, start) if start < len(tokens) else None
            except IndexError:  # the query ends inside the block: leave it to the parser to complain
                parsed = None
            if parsed is None:
                continue
            triples, end = parsed
            closing = tokens[end][1].lower() if end < len(tokens) else ""
            if not (closing == "}" or closing in _BREAKS or closing == "{"):
                continue
            if not any(t.is_path for t in triples) or len(triples) < 2:
                continue
            ordered = _order(triples)
            if ordered == triples:
                continue
            first, last = tokens[start][2], tokens[end][2] if end < len(tokens) else len(text)
            edits.append((first, last, "\n  ".join(t.text() for t in ordered) + "\n  "))
    if not edits:
        return text
    for first, last, replacement in reversed(edits):
        text = text[:first] + replacement + text[last:]
    return text
