"""Answers kept per published snapshot.

A snapshot never changes once published, so the answer to a query over it stays right until the next
publish: the same query asked again (a dashboard's per-region counts, a popular entity page) is answered from
memory instead of by a worker. Entries are keyed by the snapshot and by everything that shapes the answer
(query text, dataset, base IRI, formats, row cap); a new snapshot drops the older ones. Queries whose answer
may change without a publish — NOW(), RAND(), UUID(), STRUUID(), BNODE(), SERVICE — are never kept.

The cache is per web process and bounded in bytes (``KG_ANSWER_CACHE_MB``), least recently used out first;
one answer may take at most an eighth of it, so a few huge answers cannot push out all the small ones.
"""
from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Protocol

# Built-ins whose value is not a function of the data, and federation, whose data is elsewhere.
_VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b", re.IGNORECASE)


class Keyed(Protocol):
    """What identifies a question: hashable, with the snapshot it is asked of (a kg.workers.QueryJob)."""

    @property
    def snapshot(self) -> str: ...

    @property
    def text(self) -> str: ...

    def __hash__(self) -> int: ...


@dataclass(frozen=True)
class Answer:
    media: str
    kind: str
    body: bytes
    rows: int | None
    truncated: bool


def generation(snapshot: str) -> str:
    """The snapshot's name (``gen-000042``): publishes number them in increasing order."""
    return PurePath(snapshot).name


def keepable(text: str) -> bool:
    """Whether the answer to ``text`` depends on the data alone (and may be kept until the next publish)."""
    return _VOLATILE.search(text) is None


class AnswerCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.largest = capacity // 8
        self.entries: OrderedDict[Keyed, Answer] = OrderedDict()
        self.size = 0
        self.generation = ""
        self.lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Keyed) -> Answer | None:
        """The kept answer for ``key``, or None."""
        with self.lock:
            self._move_to(generation(key.snapshot))
            answer = self.entries.get(key)
            if answer is None:
                self.misses += 1
                return None
            self.entries.move_to_end(key)
            self.hits += 1
            return answer

    def keep(self, key: Keyed, media: str, kind: str, body: Iterator[bytes],
             stats: dict[str, Any]) -> Iterator[bytes]:
        """``body``, passed through; once it has been sent in full (and was not too large), it is kept."""
        held: list[bytes] | None = []
        size = 0
        try:
            for chunk in body:
                if held is not None:
                    size += len(chunk)
                    if size <= self.largest:
                        held.append(chunk)
                    else:
                        held = None
                yield chunk
        finally:
            close = getattr(body, "close", None)
            if close is not None:  # the client went away: let the query's own stream stop its work now
                close()
        if held is not None:
            self._put(key, Answer(media, kind, b"".join(held), stats.get("rows"), bool(stats.get("truncated"))))

    def _put(self, key: Keyed, answer: Answer) -> None:
        with self.lock:
            if generation(key.snapshot) < self.generation:  # answered from a snapshot that has been replaced
                return
            self._move_to(generation(key.snapshot))
            old = self.entries.pop(key, None)
            self.size += _cost(key, answer) - (_cost(key, old) if old else 0)
            self.entries[key] = answer
            while self.size > self.capacity:
                dropped_key, dropped = self.entries.popitem(last=False)
                self.size -= _cost(dropped_key, dropped)

    def _move_to(self, name: str) -> None:
        """Forget every answer once a newer snapshot is seen (the caller holds the lock)."""
        if name > self.generation:
            self.generation = name
            self.entries.clear()
            self.size = 0


def _cost(key: Keyed, answer: Answer) -> int:
    """Memory an entry holds: its answer, its query text, and a rough allowance for the objects around them."""
    return len(answer.body) + len(key.text) + 512


def etag(key: Keyed) -> str:
    """The opaque part of a weak entity tag for the answer to ``key``: the same while the snapshot and the
    question are (weak: two runs may name blank nodes differently)."""
    digest = hashlib.blake2b(repr(key).encode(), digest_size=12).hexdigest()
    return f"{generation(key.snapshot)}-{digest}"
