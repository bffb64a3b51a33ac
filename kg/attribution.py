"""Who a sentence's claim is attributed to: sources named in it ("the defence ministry", "Mediazona", "a lawyer
for the men") and the chains they are relayed through ("activists cited by MT Russian said").

find_sources finds the names of sources a sentence mentions (data/patterns/sources.tsv), attribute decides which of
them the sentence's claim is told by and who relays whom (data/patterns/attribution.tsv: "said", "according to",
"cited by"), and unnamed_speakers takes a speaker the tables do not know ("hospital staff told Border Report").
Pure functions of the sentence; kg.extract keeps who is speaking across sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.patterns import read_table, required_words, words_test
from kg.text import Sentence


@dataclass(frozen=True)
class SourceMention:
    key: str
    label: str
    kind: str  # outlet, organisation, generic
    wikidata: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _source_patterns() -> tuple[tuple[str, str, str, str | None, re.Pattern[str], re.Pattern[str] | None], ...]:
    rows = []
    for row in read_table("sources.tsv"):
        key, label, kind, rx = row[:4]
        wikidata = row[4] if len(row) > 4 and row[4] else None
        flags = 0 if kind != "generic" and re.search(r"[A-Z]", rx) else re.IGNORECASE
        rows.append((key, label, kind, wikidata, re.compile(rx, flags), words_test(required_words(rx, flags))))
    return tuple(rows)


@lru_cache(maxsize=1)
def attribution_patterns() -> dict[str, re.Pattern[str]]:
    by_role: dict[str, list[str]] = {}
    for role, rx in read_table("attribution.tsv"):
        by_role.setdefault(role, []).append(f"(?:{rx})")
    return {role: re.compile("|".join(rxs), re.IGNORECASE) for role, rxs in by_role.items()}


QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")
# "the independent outlet Nasha Niva", "the Telegram channel 1ADAT": an outlet named after what it is
DESCRIBED_OUTLET = re.compile(r"\b(?:outlet|Telegram\s+channel|newspaper|news\s+site|website|news\s+agency|"
                              r"broadcaster|publication|portal)\s+(?P<name>[A-Z0-9][\w’'.-]*[\w’'](?:\s+[A-Z][\w’'-]*){0,3})")
NOT_AN_OUTLET_NAME = re.compile(r"The|This|That|On|In|At|For|It|He|She|They|We|I|A|An|But|And|Which|Who|"
                                r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                                r"January|February|March|April|May|June|July|August|September|October|"
                                r"November|December")
SENTENCE_CAPITAL = re.compile(r"(?:A|An|Their|His|Her|Its|One|Some|Several|Many|Two|Three|Local|Regional|"
                              r"Military|Independent|Relatives|Families|Soldiers|Officials|Activists)\b")


def find_sources(text: str, offset: int = 0) -> list[SourceMention]:
    """Source mentions in ``text``, longest first where they overlap."""
    hits = []
    lower = text.lower()
    for key, label, kind, wikidata, rx, words in _source_patterns():
        if words is not None and not words.search(lower):
            continue  # none of the words every match has
        for m in rx.finditer(text):
            # a generic source is called what the text calls it ("local Telegram channels", "one of the wives")
            # (one person in a role keeps the role's name: "an unnamed Moscow lawyer" is "a lawyer")
            described = kind == "generic" and not label.startswith("a ")
            named = re.sub(r"^the\s+", "", m.group(0), flags=re.I) if described else label
            if described and SENTENCE_CAPITAL.match(named):
                named = named[0].lower() + named[1:]  # "A lawyer said ..." at the start of a sentence
            hits.append(SourceMention(key, named, kind, wikidata, m.start() + offset, m.end() + offset))
    for m in DESCRIBED_OUTLET.finditer(text):
        if not NOT_AN_OUTLET_NAME.fullmatch(m["name"].split()[0]):
            from kg.mint import slugify

            hits = [h for h in hits if h.kind != "generic" or h.end <= m.start() + offset or h.start >= m.end() + offset]
            hits.append(SourceMention(slugify(m["name"]), m["name"], "outlet", None, m.start() + offset,
                                      m.end("name") + offset))
    chosen = _non_overlapping(hits)
    # "the independent outlet Lyudi Baikala": a description in apposition to the name it describes
    return [h for h in chosen if not (h.kind == "generic" and any(
        o.kind != "generic" and 0 <= o.start - h.end <= 1 for o in chosen))]


def _non_overlapping(hits: list[SourceMention]) -> list[SourceMention]:
    chosen: list[SourceMention] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _in_quote(position: int, quotes: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in quotes)


def attribute(sentence: Sentence, mentions: list[SourceMention]) -> tuple[list[SourceMention], dict[str, str]]:
    """Which source mentions the sentence attributes its claims to, and who relays each of them."""
    text, base = sentence.text, sentence.start
    rx = attribution_patterns()
    quotes = [(m.start() + base, m.end() + base) for m in QUOTE.finditer(text)]
    outside = [m for m in mentions if not _in_quote(m.start, quotes)]
    speakers: list[SourceMention] = []
    citers: dict[str, str] = {}
    for m in outside:
        before = text[: m.start - base]
        tail = before[-30:]
        if rx["citer"].search(tail) and re.search(rf"(?:{rx['citer'].pattern})\s*(?:the\s+)?$", before, re.I):
            relayed = [s for s in speakers if s.start < m.start]
            if relayed:
                citers[relayed[-1].key] = m.key
            continue
        if m.kind == "generic" and OF_ANOTHER_NOUN.search(before):
            continue  # "according to relatives of servicemen": the relatives
        if m.key == "official-figures" or _introduced(before, rx) or _says(m, outside, text, base, rx):
            speakers.append(m)
        elif speakers and re.fullmatch(r"(?:\s+[\w’'-]+){0,2}\s+and\s+(?:the\s+)?",
                                       text[speakers[-1].end - base: m.start - base]):
            speakers.append(m)  # "according to a count by the BBC Russian service and Mediazona": both
    return speakers, citers


REDUCED_RELATIVE = re.compile(r"\s+(?:working|acting|representing|advising|helping|defending|speaking)\s+"
                              r"(?:with|for|on\s+behalf\s+of|to\s+)?.*$", re.IGNORECASE)
SPEAKER_TAIL = re.compile(r"(?:\s+(?:also|has|have|had|repeatedly|later|previously|earlier|again|further|then|already|"
                          r"itself|themselves|first|since))+$", re.IGNORECASE)
_NP = r"(?P<np>(?:(?:the|a|an|their|his|her|its|one\s+of\s+the)\s+)?(?:[A-Za-z][\w’'-]*\s+){0,6}?[A-Za-z][\w’'-]*)"
SPEAKER_BEFORE_VERB = re.compile(
    rf"(?:^|[,;]\s+|\band\s+){_NP}\s+(?:said|says|told|reported|added|wrote|announced|insisted|claimed|"
    rf"confirmed|stated|noted|explained|alleged|admitted|denied|promised)\b")
SPEAKER_AFTER_ACCORDING = re.compile(rf"\baccording\s+to\s+{_NP}\s*(?=[.,;]|$)")
# a speaker is named by a noun phrase: "Dagestan remains the region with the most", "whose losses ... are",
# "saying they had not been" hold a verb of their own
NOT_A_NOUN_PHRASE = re.compile(r"\b(?:is|are|was|were|remains|counts|saying|whose|which|our|my)\b", re.I)
NOT_SPEAKERS = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|there|while|but|as|when|if|because|after|"
                          r"before|said|the\s+\w+\s+who)\b|\b(?:is|are|was|were|been|be|had|has|have|said|says|"
                          r"counts?|who|which)\b", re.I)


def unnamed_speakers(sentence: Sentence, mentions: list[SourceMention]) -> list[SourceMention]:
    """Whoever the sentence attributes its claim to when no known source is named: "hospital staff told
    Border Report", "according to the organisers". Scoped to the article, like every generic source."""
    from kg.mint import slugify

    text, base = sentence.text, sentence.start
    unquoted = QUOTE.sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for rx in (SPEAKER_AFTER_ACCORDING, SPEAKER_BEFORE_VERB):
        for m in rx.finditer(unquoted):
            phrase = SPEAKER_TAIL.sub("", m["np"].strip())  # "The ministry also said": the ministry
            phrase = REDUCED_RELATIVE.sub("", phrase)  # "A lawyer working with the soldiers said": a lawyer
            end = m.start("np") + len(phrase)
            if not phrase or NOT_SPEAKERS.match(phrase) or NOT_A_NOUN_PHRASE.search(phrase) or any(s.start - base < end and m.start("np") < s.end - base
                                                               for s in mentions):
                continue
            words = phrase.split()
            if len(words) > 7 or not any(w[0].isalpha() for w in words):
                continue
            found.append(SourceMention(slugify(phrase), phrase, "generic", None, base + m.start("np"),
                                       base + m.start("np") + len(phrase)))
    return found[:1]


def _introduced(before: str, rx: dict[str, re.Pattern[str]]) -> bool:
    """'according to X', 'said X' (the source just after the attributing phrase)."""
    return bool(re.search(rf"(?:{rx['before'].pattern})\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){{0,2}}$", before, re.I)) \
        and not re.search(r"\b(?:said|told|reported|wrote)\s+(?:that\s+)?(?:[\w’'-]+\s+){2,}$", before) \
        and not REPORTED_CLAUSE_BEFORE.search(before) and not _clause_after_subject(before)


COUNT_AFTER_VERB = re.compile(
    r"\w+\s+(?:that\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds|thousands|several|some|many|"
    r"about|around|at|more|up|nearly|almost|over)\b)", re.IGNORECASE)


def _clause_after_subject(before: str) -> bool:
    """"A lawyer said nine soldiers deserted": after a subject and its verb comes what was said, not who said
    it (who says it after the verb is inverted after a quote or comma: '..., said the lawyer')."""
    m = re.search(r"\b(?:said|says|told|reported|wrote|confirmed)\s+(?:[\w’'-]+\s+){0,2}$", before, re.I)
    if m is not None and COUNT_AFTER_VERB.match(before[m.start():]):
        return True  # "..., said nine soldiers deserted": who is counted is what was said
    if m is None or re.search(r"\baccording\s+to\b|\b(?:by|from)\s+(?:[\w’'-]+\s+){0,3}$", before, re.I):
        return False
    lead = before[: m.start()].rstrip()
    return bool(re.search(r"[A-Za-z]$", lead)) and not re.search(r"[,“”\"’']\s*(?:[\w-]+\s*){0,1}$", lead)


# "The governor said that the soldiers had been guarding ...": who is named in what was said did not say it
REPORTED_CLAUSE_BEFORE = re.compile(r"\b(?:said|says|told|tells|reported|wrote|confirmed|added|claimed)\s+"
                                    r"(?:[\w’'-]+\s+)?that\s+(?:the\s+|their\s+|its\s+)?(?:[\w’'-]+\s+){0,2}$",
                                    re.IGNORECASE)
OF_ANOTHER_NOUN = re.compile(r"\b(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|some|several|many|most|all|"
                             r"none|each|any|both|dozens|hundreds|thousands|half|majority|number|group)\b)[a-z][\w’'-]*\s+"
                             r"of\s+(?:the\s+|their\s+|its\s+)?$", re.IGNORECASE)
# "a lawyer working with the soldiers said": people named after a preposition belong to another speaker's words
OBJECT_OF_PREPOSITION = re.compile(r"\b(?:with|for|from|among|about|against|to|by|representing|represents|"
                                   r"represent|helping|helps|defending|defends)\s+(?:the\s+|their\s+|its\s+|"
                                   r"several\s+|some\s+|many\s+|dozens\s+of\s+(?:the\s+)?|"
                                   r"(?:[\w-]+\s+)?(?:dozen|hundred)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


def _says(m: SourceMention, outside: list[SourceMention], text: str, base: int,
          rx: dict[str, re.Pattern[str]]) -> bool:
    """'X said', 'X who represented the soldiers told': a verb of saying after X, no other speaker between."""
    after = text[m.end - base: m.end - base + 100]
    verb = rx["speech"].search(after)
    if not verb:
        return False
    gap = after[: verb.start()]
    if re.search(r"\b(?:was|were|been|be|being|is|are)\s+$", gap):
        return False  # "the soldiers were found": a passive, not a speaker
    if re.search(r"[.;:“”\"]", gap) or ("," in gap and not gap.lstrip().startswith(",")):
        return False  # "Nine soldiers deserted, said a lawyer": the verb after the comma has its own subject
    if m.kind == "generic" and m.key == "soldiers" and len(gap.split()) > 1:
        return False
    if re.search(r"\b(?:who|which|that)\s+(?:[\w’'-]+\s+){1,3}$", text[: m.start - base]):
        return False
    if m.kind == "generic" and (OBJECT_OF_PREPOSITION.search(text[: m.start - base])
                                or OF_ANOTHER_NOUN.search(text[: m.start - base])):
        return False  # "relatives of the servicemen told ...": the relatives told it  # the object of another speaker's relative clause: "a lawyer who represented the soldiers"
    between = [o for o in outside if m.end <= o.start < m.end + verb.start()
               and not (o.kind == "generic" and (OBJECT_OF_PREPOSITION.search(text[: o.start - base])
                                                 or OF_ANOTHER_NOUN.search(text[: o.start - base])))]
    relative = re.match(r"^\s*,?\s*(?:who|which|that)\b", gap)
    return not between or bool(relative)
