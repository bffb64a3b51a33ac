"""Article -> mentions and claims. Pure: the gazetteer and pattern tables come in, nothing is written.

One pass over the sentences of the news part of the text (boilerplate removed, kg.text). In each sentence:
sources and who they are relayed by (kg.attribution), place names (kg.gazetteer), unit names, counts
(kg.quantities, given to events by kg.counting), dates (kg.dates, given to events by kg.timing), references to
groups of soldiers, and event triggers (data/patterns/events.tsv). A claim is one event trigger with the arguments
its sentence gives it; what a sentence leaves open (who said it, which soldiers, where, when) comes from the
sentences before it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.articles import Article
from kg.attribution import QUOTE, attribute, attribution_patterns, find_sources, unnamed_speakers
from kg.counting import (
    BACK_REFERENCE,
    KIN_EVENTS,
    KIN_NOUN,
    KIN_OF,
    OWN_COUNT,
    PARTITIVE,
    REASON_BEFORE,
    SUBJECT_BACK_REFERENCE,
    THEY,
    antecedent_count,
    as_count,
    clause_start,
    counts_for,
    event_counts,
    is_nominal,
    owner_of,
    subject_counted_before,
)
from kg.dates import DateMention, Interval, find_dates
from kg.gazetteer import Gazetteer, PlaceMatch
from kg.patterns import read_table, required_words
from kg.quantities import (
    NUMBER,
    NUMBER_WORDS,
    Quantity,
    QuantityMention,
    bounded,
    count_after,
    count_or_range_after,
    formation_size,
)
from kg.text import Sentence, sentences
from kg.timing import closer_to_another, event_interval, nearest_date, report_dates

MOVEMENT_EVENTS = {"Deployment", "DeploymentRefusal", "Reenlistment"}


@dataclass
class Source:
    """Someone an article attributes claims to, and who relayed them ("activists cited by MT Russian")."""

    key: str
    label: str
    kind: str
    wikidata: str | None
    cited_by: set[str] = field(default_factory=set)


@dataclass
class TroopGroup:
    """A group of soldiers the article follows: a named unit, or one known by home region and base."""

    name: str | None = None
    home: list[int] = field(default_factory=list)  # indices into Extraction.places
    bases: list[int] = field(default_factory=list)
    formation: bool = False  # the text calls it a unit (battalion, brigade, ...), not just soldiers from a place
    size: Quantity | None = None  # how many they are, when a sentence says so without reporting an event


@dataclass(frozen=True)
class Claim:
    """One reported event with the arguments the text gives it."""

    type: str
    sentence: Sentence
    trigger: tuple[int, int]
    certainty: str
    sources: tuple[str, ...]
    group: int | None
    places: tuple[int, ...]
    destinations: tuple[int, ...]
    participants: Quantity | None
    deaths: Quantity | None
    interval: Interval | None
    also: tuple[Sentence, ...] = ()  # more sentences that tell the same happening (evidence too)


@dataclass
class Extraction:
    article: Article
    sentences: list[Sentence]
    places: list[PlaceMatch]
    groups: list[TroopGroup]
    sources: dict[str, Source]
    claims: list[Claim]
    scenes: dict[int, tuple[int, ...]] = field(default_factory=dict)  # sentence start -> places it locates in
    headings: dict[int, int] = field(default_factory=dict)  # sentence start of a heading that is a place -> the place
    blows: dict[int, Interval] = field(default_factory=dict)  # sentence start of a dated blow -> when it struck


# -- pattern tables ---------------------------------------------------------------------------------------

# between an auxiliary and its participle: "were allegedly sent", "had already been killed" (not "not", "never")
ADVERB = r"(?:(?:(?!not\b)[a-z]+ly|then|later|also|already|all|both|soon|still|first|again|just)\s+)?"


@lru_cache(maxsize=1)
def _trigger_table() -> tuple[list[tuple[str, str]], dict[str, list[int]]]:
    """The event patterns in file order, with what finds which of them a sentence can match: each pattern's
    matches contain one of its words, so a sentence without any of them cannot have one."""
    patterns: list[tuple[str, str]] = []
    by_word: dict[str, list[int]] = {}
    for kind, rx in read_table("events.tsv"):
        rx = rx.replace("{ADV}", ADVERB)
        # a pattern without such words is tried on every sentence (listed under "")
        for word in required_words(rx, re.IGNORECASE) or {""}:
            by_word.setdefault(word, []).append(len(patterns))
        patterns.append((kind, rx))
    return patterns, by_word


@cache
def _pattern(index: int) -> re.Pattern[str]:
    return re.compile(_trigger_table()[0][index][1], re.IGNORECASE)


@cache
def _words_by_trigram() -> dict[str, tuple[str, ...]]:
    """The trigger table's required words by their first three letters (shorter ones under "", always tried)."""
    out: dict[str, list[str]] = {"": []}
    for word in _trigger_table()[1]:
        out.setdefault(word[:3] if len(word) >= 3 else "", []).append(word)
    return {tri: tuple(words) for tri, words in out.items()}


def _triggers(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns the sentence can match (those whose required words it holds), with their classes."""
    patterns, by_word = _trigger_table()
    lower = text.lower()
    # only the words whose first three letters occur in the sentence can be in it (a few hundred substring tests
    # per sentence become a few dozen)
    by_trigram = _words_by_trigram()
    present = ({lower[i:i + 3] for i in range(len(lower) - 2)} | {""}) & by_trigram.keys()
    active = sorted({i for tri in present for word in by_trigram[tri] if word in lower for i in by_word[word]})
    return [(patterns[i][0], _pattern(i)) for i in active]


@lru_cache(maxsize=1)
def _troops() -> dict[str, re.Pattern[str]]:
    by_role: dict[str, list[str]] = {}
    for role, rx in read_table("troops.tsv"):
        by_role.setdefault(role, []).append(f"(?:{rx})")
    return {role: re.compile("|".join(rxs), re.IGNORECASE) for role, rxs in by_role.items()}


@lru_cache(maxsize=1)
def _unit_names() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{row[0]})" for row in read_table("units.tsv")))


# "the Alga battalion", "volunteers of the Timer battalion": a proper name before a lower-case formation word
NAMED_BATTALION = re.compile(r"(?<![\w’'-])(?:the\s+)?(?P<name>[A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?)\s+(?:battalion|regiment|"
                             r"brigade)\b")
NOT_A_UNIT_NAME = re.compile(r"(?:The|This|That|These|Those|Each|Every|Their|His|Her|Its|Our|Your|One|Another|"
                             r"Second|Third|First|Volunteer|Separate|Special|Penal|Assault|Storm|Reserve|"
                             r"Territorial|Rifle|Tank|Marine|Naval|Guards?|Airborne|Border|Police|Punishment|"
                             r"Former|New|Old|Same|Whole|Entire|Last|Next|Local|Regional|Federal|National|"
                             r"Russian|Ukrainian|Belarusian|Foreign|Mobili[sz]ed|Wagner|When|After|Before|"
                             r"Since|While|If|A|An|Both|All|Most|Some|Many|Several)", re.IGNORECASE)


def _named_battalions(text: str, base: int, units: list[tuple[int, int, str]],
                      gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """A unit named by a proper name that is no place or people ("Chechen battalion" is no name)."""
    found = []
    for m in NAMED_BATTALION.finditer(text):
        name = m.group("name")
        if NOT_A_UNIT_NAME.fullmatch(name) or gazetteer.match(name) \
                or any(s - base < m.end() and m.start() < e - base for s, e, _ in units):
            continue
        found.append((m.start() + base, m.end() + base, text[m.start("name"):m.end()]))
    return found


BASE_BEFORE = re.compile(
    r"\b(?:base|bases|garrison|barracks|camp|training\s+(?:ground|grounds|centre|center)|military\s+town|"
    r"deployment\s+point|headquarters|airfield|air\s+base|(?:based|stationed|garrisoned|quartered|housed))"
    r"\s+(?:(?:located|situated)\s+)?(?:in|at|near|outside|of|close\s+to)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|settlement|urban-type\s+settlement)\s+of\s+)?(?:[\w’'-]+\s+){0,1}$",
    re.IGNORECASE)
BASE_AFTER = re.compile(r"^\s+(?:garrison|base|barracks|military\s+base|training\s+ground)\b", re.IGNORECASE)
ORIGIN_BEFORE = re.compile(
    r"\b(?:from|hail(?:ing|s)?\s+from|native\s+to|natives\s+of|recruited\s+in|formed\s+in|raised\s+in|"
    r"mobili[sz]ed\s+in|drafted\s+in)\s+(?:the\s+)?"
    # (not "women from Ufa rallied in Kazan": a place after another preposition is not where they are from)
    r"(?:(?!(?:to|into|towards?|for|near|at|in|on|outside|inside|across|around|over|by|with)\b)[\w’'-]+\s+){0,3}$",
    re.IGNORECASE)
# "wives from Ulan-Ude", "mothers of conscripts from Bashkortostan": relatives, by where they are from
PEOPLE_FROM = re.compile(r"\b(?:women|mothers|wives|relatives|families|parents|widows)(?:\s+of\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:conscripts|soldiers|servicemen|men|marines|reservists|paratroopers))?"
                         r"\s+from\s+(?:the\s+)?$", re.IGNORECASE)
DEMAND_AFTER = re.compile(r"\b(?:asking|demanding|calling\s+for|to\s+demand|urging|to\s+(?:complain|ask|protest)|"
                          r"complaining|saying|asked)\b", re.IGNORECASE)
# "were called up from Novosibirsk": where a call-up took them from is where it happened
CALLED_UP_FROM = re.compile(r"\b(?:called\s+up|mobili[sz]ed|drafted|conscripted)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|on|across|around|of|into|to|toward|towards|within|over|along|"
    r"between|and)\s+(?:the\s+|eastern\s+|western\s+|southern\s+|northern\s+|occupied\s+|[\w’'-]+\s+){0,3}$"
    r"|^\s*$|,\s*$",
    re.IGNORECASE)
# "The Minsk city court sentenced ...": where a court sits is where it tries
# (not "the Kyivskyi District Court": a district of a city, named like towns elsewhere)
COURT_AFTER = re.compile(r"(?:\s+(?:city|regional|garrison|military|appeals?))*\s+courts?\b", re.IGNORECASE)
# "by the Mahilyow enlistment office", "the Kharkiv district court": an office of the place, which acts there
INSTITUTION_AFTER = re.compile(r"\s+(?:(?:city|district|regional|oblast|garrison|military|territorial|central)\s+){0,3}"
                               r"(?:enlistment\s+office|recruitment\s+(?:office|cent(?:re|er))|commissariat|"
                               r"(?:military\s+)?court|TCC)\b", re.IGNORECASE)
DESTINATION_BEFORE = re.compile(
    r"\b(?:to|into|for\s+deployment\s+(?:in|to)|in|(?<=\bleft\s)(?:[\w’'-]+\s+){0,2}for)\s+(?:the\s+|eastern\s+|southern\s+|occupied\s+|front\s+in\s+)?"
    r"(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
DISTRIBUTIVE = re.compile(r"\b(?:each|both|apiece)\b", re.IGNORECASE)
EACH = re.compile(r"\beach\b", re.IGNORECASE)
THREAT = re.compile(r"\b(?:without\s+(?:facing|being|any)|(?:the\s+)?right\s+to|free\s+to|threaten(?:ed|ing|s)?\s+(?:\w+\s+){0,3}with|(?:could|may|might|would|will)\s+"
                    r"(?:\w+\s+)?face|risk(?:s|ed|ing)?|warned\s+of|avoid(?:s|ed|ing)?|escap(?:e|es|ed|ing)|"
                    r"evad(?:e|es|ed|ing)|(?:want|wants|wanted|wish|wishes|plan|plans|planned|intend|intends|"
                    r"hope|hopes|tried|trying|try)\s+to|fear(?:s|ed|ing)?(?:\s+that)?|"
                    r"(?-i:may|might|can|could)(?:\s+not)?)"
                    r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "wives of detained men", "the detained soldiers": people described, not a detention told
DESCRIBED_DETAINED = re.compile(r"(?:(?<=\bof\s)|(?<=\bthe\s))detained(?=\s+(?:[a-z]+\s+)?(?:men|soldiers|servicemen|"
                                r"husbands|sons|marines|conscripts|reservists|deserters)\b)|(?<=\btheir\s)detained\b",
                                re.IGNORECASE)
# "a week after the rally", "two days before the exchange": a happening told of before, named again as a time
HAPPENING_NAMED = re.compile(r"(?:rally|protest|picket|demonstration|gathering|vigil|exchange|swap)\b", re.IGNORECASE)
AFTER_THE = re.compile(r"\b(?:after|before|since|following|during|at|until)\s+(?:the|that|this|their|last\s+week['’]s)\s+"
                       r"(?:[\w-]+\s+)?$", re.IGNORECASE)
# "the criminal code has punished refusal to take part in hostilities since 2022": what a law names, no happening
STATUTE = re.compile(r"\b(?:criminal\s+code|code\s+of|article\s+\d+|punishable|the\s+law|a\s+law|new\s+law|decree|"
                     r"amendments?)\b", re.IGNORECASE)
STATUTE_WORDS = re.compile(r"(?:refusal|abandonment|desertion|absence|discharge|dismissal|mobili[sz]ation)\b", re.IGNORECASE)
ATTEMPT = re.compile(r"(?:tried|trying|try)\s+to\b", re.IGNORECASE)
# a number in digits or words ("14", "fourteen", "two hundred"), not "a", "an" or "one" alone
COUNT_WORD = rf"(?:\d[\d,]*|(?!(?:an?|one|zero)\b){NUMBER_WORDS})"
# (the country may follow the place: "KHARKIV, Ukraine, Feb 8 (Wire) -")
DATELINE = re.compile(r"^\s*[A-Z][A-Z’'.-]+(?:[ -][A-Z][A-Z’'.-]+)*(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=,))?"
                      r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
                      r"[A-Z][a-z]{2,8}\.?))?(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s*")
NEW_STORY = re.compile(r"^\s*(?:Separately|Meanwhile|Elsewhere|In\s+a\s+separate|In\s+another|Also\s+on|Earlier|"
                       r"Last\s+(?:week|month|year)|In\s+(?:neighbouring|neighboring)\b)", re.IGNORECASE)
NEGATED_SUBJECT = re.compile(r"\b(?:none|no\s+one|nobody|not\s+a\s+single|not\s+one|no\s+(?:[\w-]+\s+)?(?:fighters?|soldiers?|"
                             r"servicem[ae]n|conscripts?|reservists?|marines?|paratroopers?|recruits?|residents?))\b"
                             r"(?:(?:\s+of\s+(?:the|their|its|them)\b)?[^,.;]{0,40}?\s+(?:had|has|have|was|were|is|are)(?:\s+been)?"
                             # "no fighter of the battalion left", "not a single man from our battalion has been home"
                             r"|(?:\s+(?!(?:of|from|in)\b)[\w-]+)?(?:\s+(?:of|from|in)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+)?)"
                             r"\s+(?:[a-z]+ly\s+)?$",
                             re.IGNORECASE)
NEGATED_OBJECT = re.compile(r"\s+(?:no\s+one|nobody|none|no\s+(?:soldiers?|servicem[ae]n|troops|one|people|"
                            r"protesters|conscripts|reservists))\b", re.IGNORECASE)
TEMPORAL_BEFORE = re.compile(r"\b(?:since|after|before|until|till|when|as|during|throughout|under|"
                             r"(?:days|weeks|months)\s+into|"
                             r"(?:start|beginning|end|course|launch)\s+of)\s+(?:the\s+|this\s+|last\s+"
                             r"(?:year|autumn|fall)['’]s\s+)?(?:partial\s+|general\s+|September\s+|spring\s+|autumn\s+|"
                             r"fall\s+|winter\s+)?$", re.IGNORECASE)
FORMATION_NOUN = re.compile(r"\b(?:unit|units|battalion|battalions|brigade|brigades|regiment|regiments|company|"
                       r"platoon|detachment|division|formation|squad)\b", re.IGNORECASE)
BACK_TO_FORMATION = re.compile(r"\b(?:the|its|their|his|her|this|that|our|same)\s+$", re.IGNORECASE)
POSSESSED_BY_UNIT = re.compile(r"\b(?:its|the\s+(?:brigade|regiment|division|battalion|unit|corps)['’]s?)\s+"
                               r"(?:[\w-]+\s+)?$", re.IGNORECASE)


# -- one sentence -----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _elsewhere() -> re.Pattern[str]:
    from kg.patterns import read_lines

    names = "|".join(re.escape(n) for n in sorted(read_lines("elsewhere.txt"), key=len, reverse=True))
    return re.compile(rf"^,\s*(?:{names})(?![\w])")


_NAME = r"[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)?"
REGION_LIST_BEFORE = re.compile(rf"(?P<list>(?:{_NAME},\s+)*{_NAME}\s+and\s+{_NAME})\s+(?:regions|oblasts|provinces)\b")
REGION_LIST_AFTER = re.compile(rf"\b(?:regions|oblasts|provinces)\s+of\s+(?P<list>(?:{_NAME},\s+)*{_NAME}\s+and\s+{_NAME})")


def _region_lists(text: str, gazetteer: Gazetteer) -> dict[tuple[int, int], str]:
    """Names in "the Ryazan, Tula and Kaluga regions" or "the regions of Belgorod, Bryansk and Kursk" are
    regions, though each alone would name a city: (start, end) of each name -> its region."""
    from kg.gazetteer import normalize

    out: dict[tuple[int, int], str] = {}
    for rx in (REGION_LIST_BEFORE, REGION_LIST_AFTER):
        for m in rx.finditer(text):
            for name in re.finditer(_NAME, m["list"]):
                entries = gazetteer.aliases.get(normalize(name.group(0) + " region")) or []
                region = next((place for place, _ in entries if _REGION_ID.fullmatch(place)), None)
                if region is not None:
                    out[(m.start("list") + name.start(), m.start("list") + name.end())] = region
    return out


_REGION_ID = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")


SOURCE_ANAPHOR = re.compile(r"(?:the|its|their)\s+(?:[\w-]+\s+)?(?:outlet|site|website|newspaper|paper|channel|"
                            r"group|project|bureau|agency|organi[sz]ation|monitor|service|centre|center|office|"
                            r"committee|report|count|tally|publication|broadcaster|portal|movement|network)",
                            re.IGNORECASE)


def find_triggers(text: str) -> list[tuple[str, int, int]]:
    """Event triggers, longest first where they overlap; one per event class per sentence."""
    # per class, what one alternation of its patterns in file order would find: at the leftmost place, the first
    # pattern that matches there, then on after it (trying each pattern alone is cheaper than compiling the
    # alternation of every set of patterns a sentence can match)
    found: dict[str, list[tuple[int, int, int]]] = {}
    for n, (kind, rx) in enumerate(_triggers(text)):
        found.setdefault(kind, []).extend((m.start(), n, m.end()) for m in rx.finditer(text))
    hits = []
    for kind, matches in found.items():
        after = 0
        for start, _, end in sorted(matches):
            if start >= after:
                after = max(end, start + 1)
                if not _not_an_event(kind, text, start):
                    hits.append((kind, start, end))
    chosen: list[tuple[str, int, int]] = []
    # (a death told with its funeral is told by the death: "buried a gunner killed near Bakhmut on 3 May")
    for hit in sorted(hits, key=lambda h: (h[0] == "Casualties" and BURIAL.search(text, h[1], h[2]) is not None,
                                           -(h[2] - h[1]), h[1])):
        if all(hit[2] <= c[1] or hit[1] >= c[2] for c in chosen) \
                and all(hit[0] != c[0] or _another_clause(text, hit, c) for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h[1])


def _another_clause(text: str, a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    """Whether two triggers of one class tell two events: each a verb in a clause of its own ("killing six
    sappers, and in May 14 gunners died")."""
    first, second = sorted((a, b), key=lambda t: t[1])
    joint = CLAUSE_JOINT.search(text, first[2], second[1])
    if joint is None or is_nominal(text, first) or is_nominal(text, second) \
            or re.match(r"(?:announc|declar|order)", text[first[1]:first[2]], re.IGNORECASE):
        return False  # ("announced a mobilisation, and 300,000 were called up": one event, told as it was decreed)
    clause_end = CLAUSE_PUNCTUATION.search(text, second[2]).start()
    before, clause = text[joint.end():second[1]], text[joint.end():clause_end]
    # not the first told again: "the ministry denied that he had deserted", "nine of them were buried",
    # "his release papers arrived", "their names appear in obituaries", "and buried him in Uman"
    if RETOLD.search(before) or PARTITIVE.search(clause) or re.search(r"\b(?:his|her|their|its|in)\s+$", before, re.I) \
            or re.match(r"\s*(?:him|her|them)\b", text[second[2]:]):
        return False
    # its own count, time or place: "and in May 14 gunners died", "and a further 1,500 were summoned"
    return bool(event_counts(clause) or find_dates(clause, None, None) or OWN_PLACE.search(clause))


def _own_clause(text: str, trigger: tuple[str, int, int], triggers: list[tuple[str, int, int]]) -> tuple[int, int]:
    """The part of the sentence that tells ``trigger``'s event when another of its class is told in a clause of its
    own: from the joint before it to the joint after it."""
    kind, start, end = trigger
    lo, hi = 0, len(text)
    for other in triggers:
        if other[0] != kind or other[1] == start:
            continue
        if other[2] <= start:
            joint = CLAUSE_JOINT.search(text, other[2], start)
            lo = max(lo, joint.end()) if joint else lo
        else:
            joint = CLAUSE_JOINT.search(text, end, other[1])
            hi = min(hi, joint.start()) if joint else hi
    return lo, hi


CLAUSE_JOINT = re.compile(r",\s+(?:and|while|whereas)\s|;\s")
CLAUSE_PUNCTUATION = re.compile(r"[,;:.]|$")
RETOLD = re.compile(r"\b(?:said|says|denied|denies|claimed|claims|confirmed|reported|added)\s+"
                    r"(?:that\b|(?:he|she|they|it|any|no|none|the)\s)", re.IGNORECASE)
OWN_PLACE = re.compile(r"\b(?:in|near|at|to|from)\s+(?:the\s+)?[A-Z]")


def _threatened(kind: str, text: str, start: int) -> bool:
    """"threatened with criminal cases", "could face prosecution", "wanted to leave": not (yet) an event; but
    "tried to end his contract" is a termination (the ontology's "end, or try to end")."""
    threat = THREAT.search(text[max(0, start - 45):start])
    if kind == "Prosecution" and EXPECTED_AFTER.match(text, start):
        return True  # "a criminal case for desertion is expected"
    return threat is not None and not (kind == "ContractTermination" and ATTEMPT.match(threat.group(0)))


# what is yet to come: "a criminal case ... is expected", "charges are likely"
EXPECTED_AFTER = re.compile(r"[^.;,]{0,80}?\b(?:is|are)\s+(?:now\s+|still\s+)?(?:expected|likely|planned|being\s+prepared)\b",
                            re.IGNORECASE)


def _not_an_event(kind: str, text: str, start: int) -> bool:
    """A threat ("could face prosecution"), an intention ("want to leave the army") or a time ("since the
    mobilization began") that uses an event's words."""
    return _threatened(kind, text, start) or bool(kind == "Detention" and DESCRIBED_DETAINED.match(text, start)) or \
        bool(HAPPENING_NAMED.match(text, start) and AFTER_THE.search(text[max(0, start - 30):start])) or \
        bool(STATUTE.search(text) and STATUTE_WORDS.match(text, start)) or (
        kind == "Mobilization" and bool(TEMPORAL_BEFORE.search(text[max(0, start - 30):start]))) or \
        bool(NOT_REPORTED.search(text[max(0, start - 45):start])) or bool(HYPOTHETICAL.match(text)) or \
        bool(COUNTERFACTUAL.search(text[max(0, start - 40):start])) or bool(HEADING.fullmatch(text)) or \
        bool(QUESTION.fullmatch(text)) or bool(WISH.search(text[max(0, start - 80):start])) or \
        bool(FUTURE.search(text[max(0, start - 40):start])) or \
        bool(kind == "Deployment" and TO_HOSPITAL.match(text, start)) or \
        bool(NOT_DONE_BEFORE.search(text[max(0, start - 30):start])) or \
        bool(kind == "Mobilization" and EVADED_BEFORE.search(text[max(0, start - 40):start])) or \
        bool(kind == "Desertion" and TRAVELLING_ON.match(text, start)) or \
        bool(FACT_CHECK_LABEL.match(text)) or \
        bool(kind == "Return" and text.startswith("home", start)
             and WHO_WERE_HOME.search(text[max(0, start - 40):start])) or \
        bool(kind == "Prosecution" and VERDICT_AS_A_PAPER.match(text, start)
             and not VERDICT_GIVEN_BEFORE.search(text[max(0, start - 40):start])) or \
        bool(kind == "Mobilization" and (HAD_BEEN_WHO.search(text[max(0, start - 40):start])
                                         or WHOSE_MEN.search(text[max(0, start - 50):start])
                                         and not PLACE_AFTER.match(text, start))) or \
        bool(WILL_BE_HELD.match(text, start)) or bool(IF_BEFORE.search(text, max(0, start - 12), start)) or \
        bool(kind == "Injury" and WOUNDED_AS_A_NAME.match(text, start)
             and (not COUNTED_BEFORE.search(text[max(0, start - 40):start]) or not IN_CARE.search(text)))


IF_BEFORE = re.compile(r"\b(?:if|unless)\s+(?:found\s+)?$", re.IGNORECASE)  # "faces life imprisonment if convicted"
# "Funerals for four of the soldiers will be held on Wednesday": to come, not told
WILL_BE_HELD = re.compile(r"[^.;]{0,50}?\bwill\s+(?:be\s+held|take\s+place)\b", re.IGNORECASE)
# "wives of wounded soldiers", "several of the wounded": who they are, not a wounding ("400 wounded soldiers were
# evacuated" counts the wounded)
COUNTED_BEFORE = re.compile(rf"\b(?:{COUNT_WORD}|hundreds|thousands|dozens)\s+$", re.IGNORECASE)
WOUNDED_AS_A_NAME = re.compile(r"(?:wounded|injured)\s+(?:(?!\d)[\w-]+\s+)?(?:soldiers|servicemen|men|paratroopers|marines|"
                               r"veterans|fighters|conscripts|troops)\b|(?<=\bthe\s)(?:wounded|injured)\b"
                               rf"(?!\s+(?:in|by|near|at|on)\b|\s*[,—–-]\s*(?:some|about|around|nearly|{COUNT_WORD})\b)",
                               re.IGNORECASE)
# "400 wounded soldiers were evacuated", "twelve wounded men are being treated": the wounded counted where they are
# cared for (not "60 wounded soldiers and their wives picketed", "40 wounded men were discharged")
IN_CARE = re.compile(r"\b(?:treated|treatment|evacuated|evacuation|hospitali[sz]ed|admitted|taken\s+in|in\s+hospitals?|"
                     r"hospitals?\b[^.;]{0,40}\b(?:received|receive|took\s+in)|"
                     r"(?:to|at|in)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?hospitals?)\b", re.IGNORECASE)
# "the men, who had been drafted in the autumn, were on leave": who they are, not what the text reports
HAD_BEEN_WHO = re.compile(r"\b(?:who|that)\s+had\s+(?:been\s+)?(?:[a-z]+ly\s+)?$", re.IGNORECASE)
# "about twenty women whose husbands were mobilised in 2022 stood with placards": who the women are (where the men
# were called up tells that it happened: "whose husbands were mobilized in Khabarovsk in October 2022")
PLACE_AFTER = re.compile(r"[^,;]{0,30}?\b(?:in|from)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
WHOSE_MEN = re.compile(r"\bwhose\s+(?:[\w-]+\s+)?(?:husbands|sons|men|relatives|brothers|fathers)\s+"
                       r"(?:(?:were|have\s+been|had\s+been)\s+)?(?:[a-z]+ly\s+)?$", re.IGNORECASE)
# "Our verdict: unproven", "Verdict: false": a fact-check's rating of a claim, not a court's; what follows its
# label repeats what the check told (not "The verdict: five years for desertion")
FACT_CHECK_LABEL = re.compile(r"\s*(?:our\s+)?(?:verdict|rating)\s*:", re.IGNORECASE)
# "left the training ground at the weekend, travelling by rail towards the Gomel region": a unit moving on
TRAVELLING_ON = re.compile(r"[^.;]{0,100}?,\s+(?:travelling|traveling|heading|bound|moving)\s+"
                           r"(?:by\s+(?:rail|road|train)\s+)?(?:towards?|to|for)\b", re.IGNORECASE)
# "the verdict is twelve pages long", "the outlet obtained the verdict": the court's paper, not its ruling, unless
# the text gives or counts it ("the verdict was read on Monday", "passed 1,146 verdicts")
VERDICT_AS_A_PAPER = re.compile(r"verdicts?\b(?!\s+(?:was|were|is|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?"
                                r"(?:read|handed|delivered|announced|passed|issued|upheld|overturned)\b)",
                                re.IGNORECASE)
VERDICT_GIVEN_BEFORE = re.compile(r"(?:\d|\b(?:passed|issued|handed\s+down|delivered|announced|reached|returned|"
                                  r"dozens|hundreds|thousands|guilty)\b)[^.;]{0,25}$", re.IGNORECASE)
# "nine soldiers who were home on leave refused to go back": where they were, not a homecoming told
WHO_WERE_HOME = re.compile(r"\b(?:who|that)\s+(?:were|was|are|is)\s+(?:still\s+|already\s+|then\s+)?(?:back\s+)?$"
                           # ("64 servicemen home on leave signed new contracts": who they are, not what they did)
                           r"|\b(?:servicem[ae]n|soldiers|men|marines|troops|reservists|paratroopers|fighters)\s+$",
                           re.IGNORECASE)
# "twice ignored summonses", "hiding from the call-up", "fined for evading mobilisation": no one called up
EVADED_BEFORE = re.compile(r"\b(?:ignor\w+|evad\w+|evasion\s+of|dodg\w+|avoid\w*|hid\w*\s+from|escap\w+|"
                           r"refus\w+\s+to\s+(?:accept|take|sign\s+for))\s+"
                           r"(?:(?:the|their|his|two|three|several|repeated|previous)\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# "sent home without being discharged", "instead of being released": not done
NOT_DONE_BEFORE = re.compile(r"\b(?:without|instead\s+of)\s+(?:ever\s+)?(?:(?:being|having\s+been)\s+)?$",
                             re.IGNORECASE)
# "four of the men were moved to a hospital in Moscow": treated, not deployed
TO_HOSPITAL = re.compile(r"[\w\s-]{0,30}?\bto\s+(?:a|the|an)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:hospitals?|clinics?|infirmary|medical)\b", re.IGNORECASE)
# "does not publish casualty figures", "the footage does not show how many were killed", "said in a video address":
# the words of an event in what is (not) made known, or the medium of a statement
NOT_REPORTED = re.compile(r"\b(?:(?:not|n['’]t|never|no\s+longer|stopped|refus\w+\s+to)\s+(?:\w+\s+)?(?:publish|disclos|releas|"
                          r"reveal)\w*|(?:said|says|spoke|told\s+\w+|announced)\s+in\s+an?)"
                          r"\s+(?:[\w’'-]+\s+){0,3}$"
                          # "does not show how many soldiers were killed or wounded", "would not say how many"
                          r"|\b(?:show|say|said|know|knew|specify|specified|disclose|reveal|clear)\w*\s+(?:how\s+many|whether|if)\s+"
                          r"(?:[\w’'-]+\s+){0,6}$"
                          # "made no mention of casualties", "a full list of those killed": named, not told
                          r"|\b(?:no|any)\s+mention\s+of\s+(?:[\w’'-]+\s+){0,2}$"
                          # "does not report military deaths"
                          r"|\b(?:does|do|did)\s+not\s+report\s+(?:military\s+|its\s+|their\s+|any\s+)?$"
                          r"|\b(?:lists?|names|number|families|relatives|bodies|graves|portraits|photographs)\s+of\s+"
                          r"(?:all\s+)?those\s+$", re.IGNORECASE)
FUTURE = re.compile(r"\b(?:will|shall|(?:is|are|was|were|had\s+been|has\s+been|have\s+been)\s+(?:due|scheduled|set|going)\s+to)"
                    r"\s+(?:(?:[a-z]+ly|now|then|also|soon|still)\s+)?(?:be\s+)?(?:[a-z]+ly\s+)?$", re.IGNORECASE)
# "funerals will be held", "had been due to return", "both will now face charges"
COUNTERFACTUAL = re.compile(r"\b(?:should|would|could|might)\s+(?:never|not)\s+have\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
# "Desertions", "Monthly summary: leaving the army", 'Wives picket governor's office: "Bring them home" now' — a
# headline or a heading, which sums up what the body tells: no sentence
HEADING = re.compile(r"[^\n]{1,160}(?<![.!?…\"”’')\]])\s*")
# "to demand that the men be rotated home", "calling for them to be brought back": wanted, not done
WISH = re.compile(r"\b(?:demand(?:s|ed|ing)?|ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|want(?:s|ed)?|"
                  r"insist(?:s|ed|ing)?)\b[^.;:]{0,60}?\b(?:be|to\s+be)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
# "Will the Kremlin announce a second wave of mobilization?": asked, not told
QUESTION = re.compile(r"\s*[^\"“”]+\?\s*")
HYPOTHETICAL = re.compile(r"\s*[\"“]?(?:If|Should|Unless)\b")  # "If you know of a soldier who was killed, write to us"


# -- the article ------------------------------------------------------------------------------------------

@dataclass
class _State:
    """What the text has established so far: the year in context, who is speaking, which soldiers."""

    context_year: int | None
    speakers: tuple[str, ...] = ()
    group: int | None = None
    topic: str | None = None  # the kind of event the text is tallying ("Dagestan 612, Chechnya 236")
    anchor: Interval | None = None  # the time the text last named ("two days later" counts from it)
    story: tuple[int, int] | None = None  # the year and month the text last stated ("that December" follows it)
    times: dict[str, Interval] = field(default_factory=dict)  # the last time given to an event of each kind
    wheres: dict[str, tuple[int, ...]] = field(default_factory=dict)  # the last places given to each kind
    told: tuple[Sentence, Quantity] | None = None  # the one group of people the last sentence that counted any counted


def extract(article: Article, gazetteer: Gazetteer) -> Extraction:
    """Mentions and claims of one article."""
    result = Extraction(article, sentences(article.text), [], [], {}, [])
    state = _State(context_year=None)
    for n, sentence in enumerate(result.sentences):
        if n and sentence.paragraph != result.sentences[n - 1].paragraph and NEW_STORY.match(sentence.text):
            state.speakers = ()  # "Separately, ...": what the last speaker said does not carry over
        _read_sentence(n, result, state, gazetteer)
    result.claims = _same_happenings(_places_from_context(result), gazetteer)
    _time_of_the_roundup(result)  # (after merging: each place's part stays an event of its own)
    _time_of_the_appeal(result)
    _narrowed_by_its_day(result)
    result.claims = _origins_are_no_units(result)
    result.claims = [_home_again(result, c) for c in result.claims]
    result.claims = _the_articles_place(result, gazetteer)
    result.claims = [_nobody_counted(c) for c in result.claims]
    return result


def _home_again(result: Extraction, claim: Claim) -> Claim:
    """Soldiers who "arrived in Yuzhno-Sakhalinsk", the town their brigade is based in, came home: a return, not a
    deployment (only an arrival, and only when every place they came to is one the text gives as their home or
    base; men "sent to" their home region go to its training grounds)."""
    start = claim.sentence.start
    if claim.type != "Deployment" or claim.group is None \
            or "arriv" not in claim.sentence.text[claim.trigger[0] - start:claim.trigger[1] - start]:
        return claim
    targets = claim.destinations or claim.places
    group = result.groups[claim.group]
    home = {c for i in (*group.home, *group.bases) for c in result.places[i].candidates}
    if targets and home and all(set(result.places[i].candidates) <= home for i in targets):
        return dataclasses.replace(claim, type="Return")
    return claim


def _nobody_counted(claim: Claim) -> Claim:
    """"no one had been detained", "no soldier of the regiment had refused": a denial that nobody did it counts
    no one (not the group the article counted before)."""
    start = claim.trigger[0] - claim.sentence.start
    nobody = NOBODY.search(claim.sentence.text, max(0, start - 60), max(0, start))
    if claim.certainty != "Negated" or (claim.participants is None and claim.deaths is None) or nobody is None \
            or re.search(rf"\b{COUNT_WORD}\b", claim.sentence.text[nobody.start():start], re.IGNORECASE):
        return claim  # ("none of the 14 soldiers had deserted": the fourteen, counted)
    return dataclasses.replace(claim, participants=None, deaths=None)


NOBODY = re.compile(r"\b(?:no\s+one|nobody|none\s+of|not\s+a\s+single|no\s+(?:[\w-]+\s+){0,2}?(?:soldiers?|servicem[ae]n|"
                    r"conscripts?|men|man|unit|fighter|residents?|cases?|refusals?|detentions?)|any(?:one|body)?\b)",
                    re.IGNORECASE)


def _origins_are_no_units(result: Extraction) -> list[Claim]:
    """"About 25 mobilized soldiers from the Sverdlovsk region were treated": soldiers known only by where
    they come from are no unit (the text calls them no battalion or brigade, gives no base, and tells of no
    refusal or desertion, which a serving group does together); where they come from places what happened
    to them when the text places it nowhere else ("men from Yakutia were mobilized")."""
    serving = {c.group for c in result.claims if c.type in ("DeploymentRefusal", "Desertion")}
    loose = {i for i, g in enumerate(result.groups)
             if g.name is None and not g.formation and not g.bases and i not in serving}
    claims = []
    for c in result.claims:
        home = tuple(i for i in result.groups[c.group].home if i not in c.places) if c.group in loose else ()
        if home and (c.type in ("Mobilization", "Deployment") or not c.places and not c.destinations):
            c = _with_places(c, home + c.places)  # men are called up, and sent off, from where they come from
        elif home and c.type == "Return" and not c.destinations:
            c = dataclasses.replace(c, destinations=home)  # they come home
        claims.append(c)
    for i in loose:
        result.groups[i].home = []
    return claims


# what happens where soldiers and their families live: rallies, arrests, call-ups, trials, homecomings, contracts
AT_HOME = ("Protest", "Detention", "Mobilization", "Prosecution", "Return", "ContractTermination", "Reenlistment")


def _the_articles_place(result: Extraction, gazetteer: Gazetteer) -> list[Claim]:
    """An event that happens at home and that nothing in the text places happened in the town the article is
    about, or failing one, in the country it is about."""
    mention = _the_articles_town(result, gazetteer)
    if mention is None:
        mention = _the_articles_country(result, gazetteer)
    if mention is None:
        return result.claims
    return [_with_places(c, (mention,)) if c.type in AT_HOME and not c.places and not c.destinations else c
            for c in result.claims]


def _the_articles_town(result: Extraction, gazetteer: Gazetteer) -> int | None:
    """The mention of the town an article is about: the one settlement it names more often than any other, at
    least twice."""
    counts = Counter(p.candidates[0] for p in result.places
                     if len(p.candidates) == 1 and p.alias_kind != "demonym"
                     and gazetteer.get(p.candidates[0]) is not None
                     and gazetteer.get(p.candidates[0]).kind == "settlement")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return next(i for i, p in enumerate(result.places) if p.candidates == (ranked[0][0],))


COUNTRY_SHARE = 0.8  # of the places an article names that lie in one country, for it to be about that country


def _the_articles_country(result: Extraction, gazetteer: Gazetteer) -> int | None:
    """The mention of the country an article is about: at least four in five of the places it names lie there, and
    it names the country itself ("Russia", "Russian"); "Military courts handed down 3,000 sentences in the quarter"
    happened there."""
    countries = Counter(found.pop() for found in ({gazetteer.country_of(c) for c in p.candidates} - {None}
                                                  for p in result.places) if len(found) == 1)
    total = sum(countries.values())
    if total < 3:
        return None
    top, share = countries.most_common(1)[0]
    if share < COUNTRY_SHARE * total:
        return None
    return next((i for i, p in enumerate(result.places) if p.candidates == (top,)), None)


def _where(result: Extraction, places: tuple[int, ...], gazetteer: Gazetteer) -> list[tuple[set[str], set[str]]]:
    """Each place mention as (its candidates, its candidates with the regions and countries they lie in)."""
    out = []
    for i in places:
        lineage = set(result.places[i].candidates)
        for c in result.places[i].candidates:
            place = gazetteer.get(c)
            lineage |= {place.region, place.country} - {None} if place is not None else set()
        out.append((set(result.places[i].candidates), lineage))
    return out


def _apart(pa: list[tuple[set[str], set[str]]], pb: list[tuple[set[str], set[str]]]) -> bool:
    """Whether two sets of place mentions (as ``_where`` gives them) name different places: none of one is one of
    the other or lies in it (two towns of one region are apart)."""
    return bool(pa and pb) and not any(xc & yl or yc & xl for xc, xl in pa for yc, yl in pb)


def _places_from_context(result: Extraction) -> Extraction:
    """An event its sentence does not place happened where the text last placed one ("About 150 people
    rallied outside the recruitment centre", after the centre in Lviv)."""
    claims: list[Claim] = []
    starts = [s.start for s in result.sentences]
    for claim in result.claims:
        # where men were called up is no scene for what happens to them next
        heading = max((h for h in result.headings if h <= claim.sentence.start), default=None)
        before = next((c for c in reversed(claims) if c.places and c.sentence.start < claim.sentence.start
                       and (heading is None or c.sentence.start >= heading)
                       and (c.type != "Mobilization" or claim.type == "Mobilization")), None)
        n = starts.index(claim.sentence.start)
        # (a heading, or an item's dateline, begins a new scene)
        scene = result.scenes.get(starts[n - 1], ()) if n and (heading is None or starts[n - 1] >= heading) else ()
        # "two other Belarusians were wounded": where they are from, not where it happened
        origins = claim.places if all(_counted_origin(result.places[i]) or claim.type in HARM
                                      and _their_nationality(result.places[i], result.article.text)
                                      for i in claim.places) else ()
        claim = _with_places(claim, ()) if origins else claim
        if not claim.places and not claim.destinations and scene and (
                before is None or _sentence_distance(result, before.sentence, claim.sentence) > 1):
            # "... a strike hit a school near Beryslav. Nine men were killed": where the sentence before was
            claim = _with_places(claim, scene)
            claim = Claim(*[getattr(claim, f) for f in Claim.__dataclass_fields__ if f != "also"],
                          also=claim.also + (result.sentences[n - 1],))
        elif not claim.places and not claim.destinations and before is None and heading is not None:
            claim = _with_places(claim, (result.headings[heading],))  # the place the item is headed with
        elif not claim.places and not claim.destinations and before is not None \
                and _within_scene(result, before.sentence, claim.sentence):
            claim = _with_places(claim, before.places)
            # the sentence that placed it is evidence too
            claim = Claim(*[getattr(claim, f) for f in Claim.__dataclass_fields__ if f != "also"],
                          also=claim.also + (before.sentence,))
        if origins:
            claim = _with_places(claim, claim.places + origins)
        claims.append(claim)
    result.claims = claims
    return result


def _their_nationality(place: PlaceMatch, text: str) -> bool:
    """"killed up to 60 Russian servicemen": the nationality of those it happened to, not where."""
    return place.alias_kind == "demonym" and PEOPLE_NOUN_AFTER.match(text, place.end) is not None


PEOPLE_NOUN_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:servicem[ae]n|soldiers?|troops|conscripts?|marines|"
                               r"paratroopers|fighters|prisoners|POWs|reservists|officers|forces)\b", re.IGNORECASE)


def _counted_origin(place: PlaceMatch) -> bool:
    return place.alias_kind == "demonym" and place.surface.endswith("s")


def _same_happenings(result: Extraction, gazetteer: Gazetteer) -> list[Claim]:
    """A happening told twice in one article is one event: a claim that agrees with an earlier one of its
    class on everything both give (count, place, time, soldiers, denial) adds its sentence and what it
    knows to that one ("14 servicemen deserted in April ... each faces prison for desertion")."""
    def where(claim: Claim) -> list[tuple[set[str], set[str]]]:
        return _where(result, claim.places + claim.destinations, gazetteer)

    def agree(a: Claim, b: Claim) -> bool:
        if a.type != b.type or (a.certainty == "Negated") != (b.certainty == "Negated"):
            return False
        if ANOTHER_BEFORE.search(b.sentence.text, 0, b.trigger[0] - b.sentence.start) \
                or ANOTHER_AFTER.match(b.sentence.text, b.trigger[1] - b.sentence.start):
            return False  # "the families have also sent 40 appeals", "detained another man": one more
        for x, y in ((a.participants, b.participants), (a.deaths, b.deaths)):
            if x is not None and y is not None and x != y:
                return False
        if a.group is not None and b.group is not None and a.group != b.group:
            ga, gb = result.groups[a.group], result.groups[b.group]
            homes_a = {result.places[i].surface.lower() for i in ga.home}
            homes_b = {result.places[i].surface.lower() for i in gb.home}
            if (ga.name and gb.name) or (homes_a and homes_b and not homes_a & homes_b):
                return False  # two named units, or soldiers from two places
        if a.type == "Casualties" and _burial(a) != _burial(b) and a.deaths is not None and (
                a.deaths == b.deaths and _sentence_distance(result, a.sentence, b.sentence) <= 2
                or b.deaths is None and _sentence_distance(result, a.sentence, b.sentence) == 1):
            # "Kolomyia buried Sergeant K. ... He died of his wounds on 11 May in Dnipro": one death; "Funerals of
            # 11 marines were held ... The marines were killed in the Kursk region": the deaths the funerals were for
            return True
        if a.interval is not None and b.interval is not None and not _overlap(a.interval, b.interval):
            return False
        pa, pb = where(a), where(b)
        # the same place, or one inside the other (two towns of one region are not the same place)
        if _apart(pa, pb):
            return False
        # nothing against it; for it: told in the next sentence, or the same count, place or time
        near = _sentence_distance(result, a.sentence, b.sentence) <= 1 and bool(pa) == bool(pb)
        same_count = a.participants is not None and a.participants == b.participants or \
            a.deaths is not None and a.deaths == b.deaths
        same_place = any(xc & yc for xc, _ in pa for yc, _ in pb)
        return near or same_count or same_place or (a.interval is not None and a.interval == b.interval) \
            or _refers_back(b)

    merged: list[Claim] = []
    for claim in result.claims:
        earlier = next((n for n in range(len(merged) - 1, -1, -1) if agree(merged[n], claim)
                        and merged[n].sentence.start != claim.sentence.start), None)
        if earlier is None:
            merged.append(claim)
            continue
        merged[earlier] = _merge(merged[earlier], claim)
    return merged


ANOTHER_BEFORE = re.compile(r"\b(?:also|again|similar|another|separate|smaller|larger|bigger)\s+(?:[\w,-]+\s+){0,5}$",
                            re.IGNORECASE)
ANOTHER_AFTER = re.compile(r"\s+(?:another|a\s+second|a\s+third|a\s+further)\b", re.IGNORECASE)
SAME_NUMBER = re.compile(r"\b(?:the\s+)?same\s+number\s+of\b", re.IGNORECASE)
FRACTIONS = {"half": 1 / 2, "a-third": 1 / 3, "one-third": 1 / 3, "two-thirds": 2 / 3, "a-quarter": 1 / 4,
             "one-quarter": 1 / 4, "three-quarters": 3 / 4}
FRACTION_OF = re.compile(r"(?:^|[,;:—–-]\s*|\band\s+)(?P<about>(?:about|around|roughly|nearly|some)\s+)?"
                         r"(?P<share>half|(?:a|one)[\s-]third|two[\s-]thirds|(?:a|one)[\s-]quarter|three[\s-]quarters)\s+of\s+"
                         r"(?:them|the\s+(?:men|soldiers|group|survivors|conscripts|reservists|servicemen)|those)\b",
                         re.IGNORECASE)
THEM_AFTER = re.compile(r"\s+(?:all\s+)?them\b(?!\s+(?:to\s+)?(?:go|return|leave|sign|serve|fight|stay)\b)")
DEFINITE_BEFORE = re.compile(r"\b(?:the|that|this|these|those)\s+(?:same\s+|earlier\s+|first\s+)?$", re.IGNORECASE)


def _refers_back(claim: Claim) -> bool:
    """"Police detained three women after the rally": a happening named with "the", told before."""
    start = claim.trigger[0] - claim.sentence.start
    return bool(DEFINITE_BEFORE.search(claim.sentence.text[max(0, start - 20):start]))


def _merge(first: Claim, later: Claim) -> Claim:
    """One event from two tellings: the arguments of the more informative one, what it lacks from the other;
    the trigger and sentence of the first, the other sentence as more evidence."""
    def informative(c: Claim) -> tuple[int, int, int]:
        return (c.participants is not None or c.deaths is not None, c.interval is not None, bool(c.places))

    if first.type == "Casualties" and _burial(first) != _burial(later):
        # "Kolomyia buried Sergeant K. ... He died of his wounds on 11 May in Dnipro": the death, where and when it
        # happened (not the funeral's place and day), with the funeral's sentence as more evidence
        death, funeral = (later, first) if _burial(first) else (first, later)
        return dataclasses.replace(
            death, sources=tuple(dict.fromkeys(death.sources + funeral.sources)),
            group=death.group if death.group is not None else funeral.group,
            deaths=death.deaths or funeral.deaths, also=_evidence(death, funeral))
    main, other = (later, first) if informative(later) > informative(first) else (first, later)
    return Claim(
        first.type, first.sentence, first.trigger, main.certainty, tuple(dict.fromkeys(main.sources + other.sources)),
        main.group if main.group is not None else other.group, main.places or other.places,
        main.destinations or other.destinations,
        main.participants if main.participants is not None else other.participants,
        main.deaths if main.deaths is not None else other.deaths,
        main.interval if main.interval is not None else other.interval, _evidence(first, later))


def _evidence(kept: Claim, other: Claim) -> tuple[Sentence, ...]:
    """The sentences besides ``kept``'s own that tell the merged event: its own others, ``other``'s and its others."""
    return tuple({s.start: s for s in kept.also + (other.sentence,) + other.also
                  if s.start != kept.sentence.start}.values())


def _burial(claim: Claim) -> bool:
    """A death told by its funeral: where and when it was buried, not where and when he died."""
    start, end = claim.trigger
    return BURIAL.search(claim.sentence.text, start - claim.sentence.start, end - claim.sentence.start) is not None


BURIAL = re.compile(r"\b(?:buried|burial|funerals?|laid\s+to\s+rest|farewell)\b", re.IGNORECASE)


def _overlap(a: Interval, b: Interval) -> bool:
    return (a.latest is None or b.earliest is None or b.earliest <= a.latest) and \
        (b.latest is None or a.earliest is None or a.earliest <= b.latest)


NAMED_AFTER = re.compile(r"\b(?:named\s+after|in\s+hono(?:u)?r\s+of)\s+(?:the\s+)?"
                         r"(?P<name>(?:(?:general|marshal|admiral|colonel|hero|saint|prince|princess|king|hetman|poet|writer)\s+|"
                         r"(?-i:[A-Z])[\w’'-]*\s+(?:of\s+)?)*(?-i:[A-Z])[\w’'-]*)")


def _read_sentence(n: int, result: Extraction, state: _State, gazetteer: Gazetteer) -> None:
    """What the ``n``-th sentence tells: its sources, places, units, dates and claims."""
    sentence = result.sentences[n]
    text, base = sentence.text, sentence.start
    opens = n == 0 or result.sentences[n - 1].paragraph != sentence.paragraph  # the paragraph's first sentence
    alone = opens and (n + 1 == len(result.sentences) or result.sentences[n + 1].paragraph != sentence.paragraph)
    source_mentions = find_sources(text, base)
    units = [(m.start() + base, m.end() + base, canonical_unit_name(m.group(0))) for m in _unit_names().finditer(text)]
    units += _named_battalions(text, base, units, gazetteer)
    masked = [(s.start - base, s.end - base) for s in source_mentions if s.kind != "generic"]
    masked += [(s - base, e - base) for s, e, _ in units]
    masked += [m.span("name") for m in NAMED_AFTER.finditer(text)]  # "named after Anne of Kyiv": a name, no place
    # a paragraph's first words, "MOSCOW, Feb 12 (Reuters) -" or an item's "BELGOROD —" in a roundup
    dateline = DATELINE.match(text) if opens else None
    first_place = len(result.places)
    lists = _region_lists(text, gazetteer)
    for match in gazetteer.match(text, masked):
        if _elsewhere().match(text[match.end:]):
            continue  # "Moscow, Idaho": the namesake abroad
        region = lists.get((match.start, match.end))
        if region is not None:
            match = PlaceMatch(match.start, match.end, match.surface, (region,), "name")
        result.places.append(PlaceMatch(match.start + base, match.end + base, match.surface, match.candidates,
                                        match.alias_kind))
    _back_references(text, base, result, first_place, gazetteer)
    place_ids = list(range(first_place, len(result.places)))
    if dateline:
        # where it was filed: a place the article names, and where what the item tells happened unless it says
        filed = [i for i in place_ids if result.places[i].start - base < dateline.end()]
        place_ids = [i for i in place_ids if i not in filed]
        if filed:
            result.headings[sentence.start] = filed[0]
    speakers, citers = attribute(sentence, source_mentions)
    if not speakers:
        speakers = unnamed_speakers(sentence, source_mentions)
        head = speakers[0].label.split()[-1].lower() if speakers and re.match(r"(?i)the\s", speakers[0].label) else ""
        same = [k for k, src in result.sources.items() if head and len(speakers[0].label.split()) <= 3
                and src.label.lower().split()[-1:] == [head] and k != speakers[0].key]
        if same:
            # "the ministry said", after "the regional interior ministry": the source named before
            state.speakers = (same[-1],)
            speakers = []
        elif speakers and SOURCE_ANAPHOR.fullmatch(speakers[0].label) and result.sources:
            # "the outlet said", "the group added": the source named before, not a new one
            if not state.speakers:
                state.speakers = (next(reversed(result.sources)),)
            speakers = []
    for mention in speakers:
        source = result.sources.setdefault(mention.key, Source(mention.key, mention.label, mention.kind,
                                                               mention.wikidata))
        if mention.key in citers:
            citer = next(s for s in source_mentions if s.key == citers[mention.key])
            result.sources.setdefault(citer.key, Source(citer.key, citer.label, citer.kind, citer.wikidata))
            source.cited_by.add(citer.key)
    if speakers:
        state.speakers = tuple(dict.fromkeys(s.key for s in speakers if s.key not in citers.values()))
    happening = _time_of_named_happening(text, state)
    # "two of the organisers were later detained" after "the rally": counted from when the rally was
    anchor = happening[0].interval if happening else state.anchor
    dates = find_dates(text, sentence_published(result), state.context_year, anchor, state.story)
    if dateline:
        dates = [d for d in dates if d.start >= dateline.end()]
    reported = report_dates(sentence, dates)
    event_dates = [d for i, d in enumerate(dates) if i not in reported]
    if not event_dates:
        event_dates = _after_it(happening, text, sentence_published(result))
    # "more than in the whole of 2022": a time compared with is not the one the story goes on in
    storyline = [d for d in (event_dates or dates) if not COMPARED_BEFORE.search(text[:d.start])]
    named = [d.interval for d in storyline if d.interval.earliest and d.interval.latest]
    stated = [d.interval for d in storyline if d.interval.earliest and d.interval.latest and not d.relative]
    named = stated or named  # "on 25 September, ... four days earlier": the story goes on from the 25th
    if named:
        # "on 14 February ... for leaving last summer. ... the previous month": the story goes on from its day
        state.anchor = min(reversed(named), key=lambda i: (i.latest - i.earliest).days)
    group = _track_group(sentence, result, state, units, place_ids)
    # a sentence that says when and where something happened sets the scene for the next one
    if len(place_ids) == 1 and PLACE_HEADING.fullmatch(text.replace(result.places[place_ids[0]].surface, "PLACE", 1)):
        # "Omsk", "Belgorod region" on a line of its own: the items that follow happened there
        result.headings[sentence.start] = place_ids[0]
    result.scenes[sentence.start] = () if not any(d.interval.earliest for d in event_dates) else tuple(
        i for i in place_ids if LOCATIVE_BEFORE.search(text[: result.places[i].start - base])
        and not ORIGIN_BEFORE.search(text[: result.places[i].start - base])
        # (where a training ground or base lies is where a blow on it struck)
        and (not _is_base(result.places[i], text, base) or BLOW.search(text) is not None)
        and result.places[i].alias_kind != "demonym")
    blow_times = {d.interval for d in event_dates if d.interval.earliest and d.interval.latest}
    if len(blow_times) == 1 and BLOW.search(text):
        # "On 3 February the vehicle hit a mine." when the dead and wounded are told next
        result.blows[sentence.start] = blow_times.pop()
    triggers = [] if _short_heading(text, opens, alone) else find_triggers(text)
    first_claim = len(result.claims)
    tallied = _tally(result, sentence, state, place_ids, triggers, event_dates, units, dates)
    for kind, start, end in triggers:
        if kind == "Return" and _sent_back_to_the_war(text, base, end, place_ids, result, gazetteer):
            kind = "Deployment"  # "his unit sent him back to the Zaporizhzhia region": to the war, not home
        if kind != tallied:
            _add_claims(result, sentence, state, (kind, start, end), place_ids, event_dates, group, triggers)
    if not triggers and tallied is None:
        _complete_last_claim(result, sentence, group)
        _crowd_size(result, sentence)
        _deny_last_claim(result, sentence, state)
    if triggers:
        state.topic = triggers[0][0] if len({t[0] for t in triggers}) == 1 else state.topic
    if tallied is not None:
        state.topic = tallied
    _the_figures_compared(result, sentence, first_claim, state)
    _time_of_the_main_clause(result, first_claim)
    _one_person_throughout(result, first_claim)
    _share_coordinated_times(result, first_claim)
    if not dates:
        _time_of_the_happening_before(result, n, first_claim, gazetteer)
    reference = HAPPENING_REFERENCE.search(text)
    for n in range(first_claim, len(result.claims)):
        claim = result.claims[n]
        if reference is not None and reference.lastgroup in ("Protest", "Casualties", "Return") and not claim.places \
                and not claim.destinations:
            # "three of the women were later taken to a police station" after "the gathering": where it was (a
            # verdict or an arrest named tells when, not where: "detained him there, according to the verdict")
            kinds = _happening_kinds(reference)
            where = next((state.wheres[k] for k in kinds if k in state.wheres), ())
            if where:
                result.claims[n] = claim = _with_places(claim, where)
        if claim.interval is not None:
            state.times[claim.type] = claim.interval
        if claim.places:
            state.wheres[claim.type] = claim.places
    if group is not None and result.groups[group].size is None and triggers:
        # "Roughly 70 soldiers who refused to go back have been held ...": how many the group is, for "the men" later
        # (a count that is a verb's object, "detained 14 servicemen", says how many it took, not how many they are)
        # ("some 250 wounded servicemen": the people noun after the adjective; "the two had left": all of them)
        counted = [c for c in event_counts(text) if not PARTITIVE.search(text, c.start, c.end)
                   and owner_of(c, triggers, text) is None and (
                       c.noun is not None and _troops()["noun"].fullmatch(c.noun.split()[-1])
                       or c.noun is not None and _troops()["noun"].match(text, c.end + 1)
                       or c.noun is None and THE_BEFORE.search(text, 0, c.start) is not None)]
        if len(counted) == 1:
            result.groups[group].size = counted[0].quantity
    people = [c for c in event_counts(text) if c.noun is not None and owner_of(c, triggers, text) is None
              and not KIN_NOUN.search(c.noun) and not KIN_OF.search(text, 0, c.start)
              and not re.search(r"\b(?:more|others?|another|further)\b", text[c.start:c.end + 7], re.IGNORECASE)
              and not PARTITIVE.search(text, c.start, c.end)]
    if len(people) == 1:
        state.told = (sentence, people[0].quantity)
    # ("more than in the whole of 2023": a year compared with is not the one the story goes on in)
    with_years = [d for d in dates if d.explicit_year is not None and not COMPARED_BEFORE.search(text[:d.start])]
    if with_years:
        state.context_year = with_years[-1].explicit_year
        state.story = next(((d.explicit_year, d.interval.earliest.month) for d in reversed(with_years)
                            if d.interval.earliest is not None), state.story)


THE_BEFORE = re.compile(r"\b(?i:the)\s+$")  # "the two", "the eleven": all of those told of
COMPARED_BEFORE = re.compile(r"\b(?:than|up\s+from|down\s+from|compared\s+(?:with|to))\s+(?:(?:in|during|over|at|for)\s+"
                             r"(?:[\w’'-]+\s+){0,3}|(?:about|around|some|nearly|\d[\d,.]*)\s+){0,2}$", re.IGNORECASE)
HAPPENING_REFERENCE = re.compile(
    r"\b(?:the|that|this)\s+(?:same\s+)?(?:(?P<Protest>rally|protest|picket|gathering|demonstration|vigil|scuffle|confrontation|standoff)|"
    r"(?P<Casualties>strike|attack|assault|shelling|raid|bombardment|ambush)|"
    r"(?P<Return>(?:prisoner\s+)?(?:exchange|swap)))\b"
    # "the day after his death", "on the day of the verdict", "after his arrest": the event of that kind told before
    # ("according to the verdict" is no time)
    r"|\b(?:after|before|since|until|following|during|day\s+of)\s+(?:the|his|her|their)\s+"
    r"(?:(?P<Death>death)|(?P<Prosecution>verdict|sentencing|trial)|"
    r"(?P<Detention>arrest|detention))\b", re.IGNORECASE)


def _happening_kinds(m: re.Match[str]) -> tuple[str, ...]:
    """The events a happening named again is told by: a rally by protests, an exchange by returns, a strike by
    the killed and the wounded."""
    named = next((k for k in ("Protest", "Return", "Prosecution", "Detention") if m[k]), None)
    return (named,) if named else ("Casualties",) if m["Death"] else ("Casualties", "Injury")


SENT_BACK = re.compile(r"(?:sent|moved|taken|transferred|redeployed|flown|driven|bus+ed|shipped)\b", re.IGNORECASE)


def _sent_back_to_the_war(text: str, base: int, end: int, place_ids: list[int], result: Extraction,
                          gazetteer: Gazetteer) -> bool:
    """Whether "sent back to" names a place in Ukraine, the war, as where they were sent."""
    verbs = [m.start() for m in SENT_BACK.finditer(text, 0, end)]
    if not verbs or end - verbs[-1] > 40:
        return False
    after = [result.places[i] for i in place_ids if 0 <= result.places[i].start - base - end <= 25
             and not re.search(r"\bfrom\b", text[end:result.places[i].start - base])]  # ("flown home from")
    if not after:
        return False
    # (a name shared with a town in Russia, "Donetsk", is the one in Ukraine, where the war is, unless the sentence
    # names the other's region: "to their barracks in Kirovsk, in the Murmansk region")
    regions = [_region_of_candidates((c,), gazetteer) or c for c in after[0].candidates]
    named = {c for i in place_ids for c in result.places[i].candidates}
    return any(region.startswith("UA") for region in ([r for r in regions if r in named] or regions))


def _short_heading(text: str, opens: bool, alone: bool) -> bool:
    """"Call-up.", "1. Snap call-up.": a paragraph of a few words and no verb (``alone``: the paragraph's one
    sentence; ``opens``: its first) heads the items below it."""
    run_in = opens and len(text.split()) <= 3  # "Call-up. On Tuesday the ministry announced ..."
    return (alone or run_in) and bool(SHORT_HEADING.fullmatch(text)) and not HEADING_VERB.search(text)


SHORT_HEADING = re.compile(r"\s*(?:\d{1,2}\.\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}\.?\s*")
HEADING_VERB = re.compile(r"\b(?:\w+ed|is|are|was|were|has|have|had|came|went|fled|left|said|says|took|gave|got|ran|"
                          r"began|made|sent|held|kept|lost|fell|died|will|would)\b", re.IGNORECASE)


def _time_of_named_happening(text: str, state: _State) -> list[DateMention]:
    """"Police detained two women at the rally": a sentence with no time of its own that names a happening told
    before ("the rally", "the same assault", "on the day of the verdict") happened when that one did."""
    for m in HAPPENING_REFERENCE.finditer(text):
        kinds = _happening_kinds(m)
        interval = next((state.times[k] for k in kinds if k in state.times), None)
        if interval is not None:
            return [DateMention(m.start(), m.end(), interval, None, relative=True)]
    return []


def _after_it(happening: list[DateMention], text: str, published: dt.date | None) -> list[DateMention]:
    """"After his arrest, eight men recorded an appeal": between the happening named and ``published``."""
    if not happening or published is None:
        return happening
    named = happening[0]
    if not re.match(r"(?i:after|since|following)\b", text[named.start:]) or named.interval.earliest is None \
            or named.interval.earliest > published:
        return happening
    return [dataclasses.replace(named, interval=Interval(named.interval.earliest, published))]


PLACE_HEADING = re.compile(r"\s*(?:In\s+)?PLACE[.:—–-]?\s*")
PLACE_BACK_REFERENCE = re.compile(
    r"\bthe\s+(?:same\s+)?(?P<kind>region|oblast|republic|province|krai|town|city|village)\b(?!\s+of\b|['’])", re.IGNORECASE)


CITY_SIZE = 50_000  # inhabitants of the smallest place news calls "the city" when it has named a town since


def _back_references(text: str, base: int, result: Extraction, first_place: int, gazetteer: Gazetteer) -> None:
    """"in the region", "around the town": the region or settlement the text named last, as a place mention
    of this sentence."""
    for m in PLACE_BACK_REFERENCE.finditer(text):
        start, end = m.start() + base, m.end() + base
        if any(p.start < end and start < p.end for p in result.places[first_place:]):
            continue
        earlier = [p for p in result.places[:first_place] if p.end <= start]
        wanted = "settlement" if m["kind"].lower() in ("town", "city", "village") else "region"
        found: tuple[str, ...] | None = None
        if wanted == "region":
            # the region the text has talked about most (its towns count for it), the last named of those:
            # "The region has lost 87 men" after a story told in Irkutsk, Bratsk and Angarsk that named the
            # Luhansk region once as where the men were sent
            named = [r for r in (_region_of(p, gazetteer) for p in earlier) if r is not None]
            if named:
                counts = {r: named.count(r) for r in named}
                found = (max(reversed(named), key=lambda r: counts[r]),)
        settlements = [p for p in (earlier if wanted == "settlement" else [])
                       if p.candidates and all(gazetteer.get(c) is not None and gazetteer.get(c).kind == "settlement"
                                               for c in p.candidates)]
        if m["kind"].lower() == "city":
            # "outside the city", after a city and a small town: the city (the last named of any size, if none is one)
            cities = [p for p in settlements if max(gazetteer.get(c).population for c in p.candidates) >= CITY_SIZE]
            settlements = cities or settlements
        if settlements:
            found = settlements[-1].candidates
        if found:
            result.places.append(PlaceMatch(start, end, m.group(0), found, "reference"))


def _region_of(place: PlaceMatch, gazetteer: Gazetteer) -> str | None:
    """The one region a place mention names or lies in (None for a country, or a name of several)."""
    return _region_of_candidates(place.candidates, gazetteer)


def _region_of_candidates(candidates: tuple[str, ...], gazetteer: Gazetteer) -> str | None:
    kinds = {c: (gazetteer.get(c).kind if gazetteer.get(c) else None) for c in candidates}
    regions = {c for c, k in kinds.items() if k == "region"}
    if not regions and kinds and all(k == "settlement" for k in kinds.values()):
        regions = {gazetteer.get(c).region for c in candidates} - {None}
    return next(iter(regions)) if len(regions) == 1 else None


def sentence_published(result: Extraction):  # noqa: ANN201 - small accessor
    return result.article.published


def canonical_unit_name(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"\s+", " ", name)
    if re.match(r"military unit", name, re.I):
        return "military unit " + re.sub(r"\D", "", name)
    m = re.match(r"unit\s+(?:No\.?\s*)?(\d+)(.*)", name, re.I)
    if m:
        return f"Unit {m.group(1)}{m.group(2)}"
    return name


DESIGNATION_APPOSITION = re.compile(
    r"\b(?:the|its|their|this|that)\s+(?:[\w-]+\s+)?(?:unit|brigade|regiment|division|battalion|corps)\s*"
    r"(?:,|\()\s*(?:(?:also\s+)?(?:known|designated)\s+as\s+|or\s+)?$", re.IGNORECASE)


def _track_group(sentence: Sentence, result: Extraction, state: _State,
                 units: list[tuple[int, int, str]], place_ids: list[int]) -> int | None:
    """The group of soldiers this sentence is about (new, named, or the one the text was following)."""
    text, base = sentence.text, sentence.start
    troops = _troops()
    nouns = list(troops["noun"].finditer(text))
    pronouns = troops["pronoun"].search(text)
    origins = [i for i in place_ids if _is_origin(result.places[i], text, base, nouns)]
    bases = [i for i in place_ids if _is_base(result.places[i], text, base)]
    group: int | None = None
    current = state.group
    if current is not None and result.groups[current].name is not None:
        # "The brigade, also known as military unit 63354, ...": a second designation of the unit followed
        units = [u for u in units if not DESIGNATION_APPOSITION.search(text[: u[0] - base])]
    if units:
        group = _named_group(result, units[0][2])
        for _, _, name in units[1:]:
            _named_group(result, name)
    elif nouns and current is not None and result.groups[current].name is not None \
            and all(POSSESSED_BY_UNIT.search(text[: n.start()]) for n in nouns):
        group = current  # "its soldiers were stationed in Bucha": the unit told of, wherever they were
    elif nouns or bases:
        fresh = any(troops["new"].search(text[max(0, n.start() - 25): n.start()]) for n in nouns)
        current = state.group
        if current is None or fresh or _conflicts(result, current, origins):
            if not nouns and current is not None:
                group = current
            else:
                result.groups.append(TroopGroup())
                group = len(result.groups) - 1
        else:
            group = current
    elif pronouns:
        group = state.group
    if group is not None and state.group is not None and group != state.group and result.groups[group].size is None \
            and SUBJECT_BACK_REFERENCE.match(text):
        # "The men, who were mobilized in Ufa, ...", "The men left the 28th Brigade": the ones counted before
        result.groups[group].size = result.groups[state.group].size
    if group is not None:
        known = result.groups[group]
        if any(not BACK_TO_FORMATION.search(text[: f.start()]) for f in FORMATION_NOUN.finditer(text)):
            known.formation = True  # "a Chechen battalion", not "the brigade" (the unit told of before)
        known.home.extend(i for i in origins if i not in known.home)
        known.bases.extend(i for i in bases if i not in known.bases)
        state.group = group
    return group if (nouns or pronouns or units or bases) else None


# "A sergeant of the regiment, who asked not to be named, told ...": the one counted is the one speaking
SAYS_AFTER = re.compile(r"(?:\s+of\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)?(?:\s*,[^,.;]{0,60},)?\s+(?:said|says|told|tells|added|wrote)\b")


# what lies between two events one clause tells in turn: "killing four and wounding nine", "were detained on Monday
# and taken back to their unit"
COORDINATED_EVENTS = re.compile(r"(?:(?!(?:after|before|because|until)\b)[^,.;:()\"“”]|,(?=\s*and\b)){0,60}?"
                                r"\band\s+"
                                # (not a phrase of the first event's, "five and six years for leaving", nor a
                                # state up to now, "and has been deployed since")
                                r"(?:(?!(?:for|of|to|in|on|at|with|by|from|after|before|since|has|have)\b)"
                                r"[^\s,.;:()\"“”]+\s+){0,4}", re.IGNORECASE)
PERFECT = re.compile(r"\b(?:has|have)\b", re.IGNORECASE)  # "and criminal proceedings have been opened"
HARM = ("Casualties", "Injury")


def _one_person_throughout(result: Extraction, first: int) -> None:
    """A sentence about one person and no group tells each of its events of that person: "A court jailed a
    mobilized soldier for refusing to go back after being treated for concussion" (the concussion is his), "He hid
    at his parents' house until police came for him" (a sentence with "he" or "her son", and no count or unit)."""
    claims = result.claims[first:]
    if not claims:
        return
    text = claims[0].sentence.text
    counts = {c.participants or c.deaths for c in claims} - {None}
    if GROUP_WORDS.search(text) or PLURAL_PEOPLE.search(text) or NOBODY.search(text) or len(counts) > 1:
        return  # ("he said no one had refused": nobody)
    if not counts and not (SINGULAR_PERSON.search(text) and not event_counts(text) and not UNIT_WORD.search(text)):
        return
    if counts and next(iter(counts)) != Quantity(value=1):
        return
    for n in range(first, len(result.claims)):
        c = result.claims[n]
        start = c.trigger[0] - c.sentence.start
        # (not what his unit did: "before his regiment was moved to the Belgorod region")
        if c.participants is None and c.deaths is None and c.certainty != "Negated" and c.type != "Protest" \
                and not UNIT_SUBJECT.search(c.sentence.text, max(0, start - 40), start):
            result.claims[n] = dataclasses.replace(c, participants=Quantity(value=1))


SINGULAR_PERSON = re.compile(r"\b(?:he|she|him)\b|\b(?:her|his)\s+(?:son|husband|brother|father|nephew|grandson)\b",
                             re.IGNORECASE)
UNIT_WORD = re.compile(r"\b(?:regiment|brigade|battalion|company|division|unit|platoon|detachment|army|forces|"
                       r"troops)\b", re.IGNORECASE)
UNIT_SUBJECT = re.compile(r"\b(?:regiment|brigade|battalion|company|division|unit|platoon|detachment)\s+"
                          r"(?:(?:was|were|had|has|been|then|later)\s+)*$", re.IGNORECASE)


# people in the plural (or each of several): a sentence that names them is about more than one person
PLURAL_PEOPLE = re.compile(r"\b(?:soldiers|servicemen|men|women|people|conscripts|reservists|recruits|marines|"
                           r"paratroopers|deserters|relatives|wives|mothers|families|sons|husbands|others|brothers|"
                           r"comrades|friends|colleagues|dozens|hundreds|each|every)\b",
                           re.IGNORECASE)


# "detained 11 servicemen who had left their unit ... on Saturday": a relative clause in the pluperfect, and a
# day the news counts back from publication after it
PLUPERFECT_RELATIVE = re.compile(r"[^,;:.]{0,80}?\b(?:who|that)\s+had\b", re.IGNORECASE)
RECENT_DAY = re.compile(r"^[^,;:.]*\b(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                        r"yesterday|last\s+(?:week|weekend|night)|(?:earlier\s+)?this\s+(?:week|morning))\b"
                        r"(?!['’]s)")  # ("during Thursday's shelling" is when they had left)


def _time_of_the_main_clause(result: Extraction, first: int) -> None:
    """A recent day told at the end of a pluperfect relative clause is the main clause's ("Military police detained
    11 servicemen who had left their unit ... on a train in Voronezh on Saturday": the detention was on Saturday;
    when they had left, the sentence does not say)."""
    claims = result.claims
    for n in range(first + 1, len(claims)):
        a, b = claims[n - 1], claims[n]
        if a.sentence is not b.sentence or a.interval is not None or b.interval is None:
            continue
        text, base = a.sentence.text, a.sentence.start
        if PLUPERFECT_RELATIVE.match(text[:b.trigger[1] - base], a.trigger[1] - base) \
                and RECENT_DAY.search(text[b.trigger[1] - base:]):
            claims[n - 1] = dataclasses.replace(a, interval=b.interval)
            claims[n] = dataclasses.replace(b, interval=None)


def _share_coordinated_times(result: Extraction, first: int) -> None:
    """Events one clause tells in turn happened at the clause's time: a later one its sentence gives no time of
    its own takes the time of the one before it ("on 17 February, killing four and wounding nine"). The killed
    and the wounded of one blow share a time either way ("four were killed and 11 wounded in the first week"), and
    a rally arrests on a day followed was that day."""
    claims = result.claims
    for n in range(first + 1, len(claims)):
        a, b = claims[n - 1], claims[n]
        if a.sentence is not b.sentence or a.trigger[1] > b.trigger[0]:
            continue
        text, base = a.sentence.text, a.sentence.start
        joined = re.match(r"and\s+", text[b.trigger[0] - base:])  # a trigger with its "and": "and sent back"
        between_end = b.trigger[0] - base + (joined.end() if joined else 0)
        if not COORDINATED_EVENTS.fullmatch(text, a.trigger[1] - base, between_end):
            continue
        if b.interval is None and a.interval is not None \
                and not PERFECT.search(text, b.trigger[0] - base, b.trigger[1] - base + 5):
            # (nor one with a time of its own the sentence did not pin down: "and handed a notice the next morning")
            clause = re.match(r"[^,;:.]*", text[b.trigger[1] - base:]).group(0)
            if not find_dates(clause, result.article.published, None, a.interval):
                claims[n] = dataclasses.replace(b, interval=a.interval)
        elif a.interval is None and b.interval is not None and a.type in HARM and b.type in HARM:
            claims[n - 1] = dataclasses.replace(a, interval=b.interval)
    for n in range(first + 1, len(claims)):
        a, b = claims[n - 1], claims[n]
        # "police detained 20 people on Tuesday after hundreds gathered outside the government building": the
        # rally the arrests followed was that day
        if a.sentence is not b.sentence or (a.type, b.type) != ("Detention", "Protest") or b.interval is not None \
                or a.interval is None or a.interval.earliest is None or a.interval.earliest != a.interval.latest:
            continue
        if re.search(r"\bafter\b", a.sentence.text[a.trigger[1] - a.sentence.start:b.trigger[0] - a.sentence.start]):
            claims[n] = dataclasses.replace(b, interval=a.interval)


# what strikes soldiers down: a strike, a shell, a mine, a drone
BLOW = re.compile(r"\b(?:hit|struck|strikes?|shell(?:s|ed|ing)?|mines?|drones?|missiles?|bombs?|explo(?:ded|sion)|"
                  r"attack(?:ed)?|ambush(?:ed)?|fired)\b", re.IGNORECASE)
HAPPENING_DAYS = 31  # the longest a happening a sentence goes on with can last (a tally's time is longer)
# what a sentence with no time of its own goes on to tell about the happening of the sentence before: the wounded
# after the killed ("Another 18 were wounded."), the killed after the wounded, the people police took at a rally
FOLLOW_UPS = {"Injury": ("Casualties",), "Casualties": ("Injury",), "Detention": ("Protest",)}


def _time_of_the_happening_before(result: Extraction, n: int, first: int, gazetteer: Gazetteer) -> None:
    """An event of a sentence that names no time, told right after a happening it is part of, took place at that
    happening's time: "Police detained three of them." after a rally on Saturday, "Nine men were killed." after
    "On 4 November a missile hit the school near Beryslav" (a blow told with its time and place). Not when it is
    placed elsewhere ("In the neighbouring region, no one was hurt.") or denied after a blow. The events are the
    ``n``-th sentence's claims, from ``first``."""
    # (one place lying in the other is no elsewhere: "Russia's defence ministry denied that anyone had been killed"
    # after a strike in the Kursk region is about that strike)
    def elsewhere(ours: tuple[int, ...], theirs: tuple[int, ...]) -> bool:
        return _apart(_where(result, ours, gazetteer), _where(result, theirs, gazetteer))

    if first == len(result.claims) or n == 0:
        return
    previous = result.sentences[n - 1].start  # the sentence before this one, the ``n``-th
    blow = result.blows.get(previous)
    # (a blow where it struck: "drones hit targets in eleven regions over the past week" is no one blow)
    scene = result.scenes.get(previous, ())
    # (a happening: not a tally over a longer time, "at least 170 killed since February 2022")
    before = [c for c in result.claims[:first] if c.sentence.start == previous and c.interval is not None
              and c.interval.earliest is not None and c.interval.latest is not None
              and (c.interval.latest - c.interval.earliest).days <= HAPPENING_DAYS]
    for k in range(first, len(result.claims)):
        claim = result.claims[k]
        if claim.interval is not None:
            continue
        happening = next((c for c in reversed(before) if c.type in FOLLOW_UPS.get(claim.type, ())
                          and not elsewhere(claim.places, c.places)), None)
        if happening is not None:
            result.claims[k] = dataclasses.replace(claim, interval=happening.interval)
        elif blow is not None and claim.type in HARM and claim.certainty != "Negated" and scene \
                and not elsewhere(claim.places, scene):
            result.claims[k] = dataclasses.replace(claim, interval=blow)


# "held pickets in at least 15 cities on Saturday", "rallied across Russia on Sunday": one happening in many places
MANY_PLACES = re.compile(r"\b(?:in|across)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|over\s+|nearly\s+)?"
                         r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|several|many|"
                         r"a\s+number\s+of)\s+(?:other\s+)?(?:cities|towns|regions)\b"
                         r"|\bacross\s+(?:the\s+country|Russia|Ukraine|Belarus)\b", re.IGNORECASE)
ROUNDUP_SENTENCES = 6  # how far on the places of a happening told in many places are told


def _time_of_the_roundup(result: Extraction) -> None:
    """The places of a happening told in many places, each told after it with no time of its own, were part of it:
    "Wives held pickets in at least 15 cities on Saturday. In Moscow, about 40 women gathered at the Kremlin wall.
    Police detained 27 people there." are Saturday's. Up to the first such event told with a time of its own."""
    index = {s.start: n for n, s in enumerate(result.sentences)}
    for i, lead in enumerate(result.claims):
        when = lead.interval
        if when is None or when.earliest is None or when.latest is None \
                or (when.latest - when.earliest).days > HAPPENING_DAYS or not MANY_PLACES.search(lead.sentence.text):
            continue
        for k in range(i + 1, len(result.claims)):
            claim = result.claims[k]
            if claim.sentence.start == lead.sentence.start:
                continue
            if index[claim.sentence.start] - index[lead.sentence.start] > ROUNDUP_SENTENCES:
                break
            part = claim.type == lead.type or lead.type in FOLLOW_UPS.get(claim.type, ())
            if claim.interval is not None:
                if claim.type == lead.type:
                    break  # another happening, told with its own time
                continue
            # (what followed at one of its places, "Police detained 27 people there", need not name it again)
            if part and (claim.places or claim.type != lead.type):
                result.claims[k] = dataclasses.replace(claim, interval=when)


# "In the video, published on Tuesday, ...", "The appeal, posted on Sunday, ...": when the appeal told before came out
APPEAL_DATED = re.compile(r"\b(?i:the)\s+(?:video(?:\s+appeal|\s+address|\s+message)?|appeal|letter|petition|address)"
                          r",?\s+(?:which\s+)?(?:was\s+|were\s+)?(?:first\s+)?(?:published|posted|released|shared|"
                          r"recorded|sent|dated|filmed)\b")
TOLD_BEFORE = 2  # how many sentences back a happening a sentence dates by name may have been told


def _last_told(result: Extraction, kind: str, n: int, this_sentence: bool) -> int | None:
    """The index of the last claim of ``kind`` told in the ``TOLD_BEFORE`` sentences before the ``n``-th (or in it)."""
    since = result.sentences[max(0, n - TOLD_BEFORE)].start
    here = result.sentences[n].start
    return next((k for k in range(len(result.claims) - 1, -1, -1) if result.claims[k].type == kind
                 and since <= result.claims[k].sentence.start and (result.claims[k].sentence.start < here
                                                                   or this_sentence
                                                                   and result.claims[k].sentence.start == here)),
                None)


def _time_of_the_appeal(result: Extraction) -> None:
    """An appeal told without its time ("Sixteen soldiers have recorded a video address ...") came out when a
    sentence soon after dates it ("In the video, published on Tuesday, the men say ...")."""
    for n, sentence in enumerate(result.sentences):
        m = APPEAL_DATED.search(sentence.text)
        if m is None:
            continue
        dated = [d for d in find_dates(sentence.text, result.article.published, None) if d.start >= m.end()
                 and d.interval.earliest is not None and d.interval.earliest == d.interval.latest]
        if not dated:
            continue
        k = _last_told(result, "Protest", n, this_sentence=True)
        if k is not None and result.claims[k].interval is None:
            result.claims[k] = dataclasses.replace(result.claims[k], interval=dated[0].interval)


# "during Saturday's rally", "Tuesday's strike": a happening told before, named by its day
DAYS_HAPPENING = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\s+(?:[\w-]+\s+)?"
    r"(?:(?P<Protest>rally|protest|picket|gathering|demonstration|vigil)|(?P<Casualties>strike|attack|shelling)|"
    r"(?P<Return>(?:prisoner\s+)?(?:exchange|swap)))\b")


def _narrowed_by_its_day(result: Extraction) -> None:
    """A happening told over a longer time ("gathered at the weekend") took place on the day a sentence soon after
    names it by ("Police detained four of them during Saturday's rally")."""
    for n, sentence in enumerate(result.sentences):
        for m in DAYS_HAPPENING.finditer(sentence.text):
            kind = next(k for k in ("Protest", "Casualties", "Return") if m[k])
            day = next((d.interval for d in find_dates(sentence.text, result.article.published, None)
                        if d.start == m.start() and d.interval.earliest is not None
                        and d.interval.earliest == d.interval.latest), None)
            if day is None:
                continue
            k = _last_told(result, kind, n, this_sentence=False)
            told = result.claims[k].interval if k is not None else None
            if told is not None and told.earliest is not None and told.latest is not None \
                    and told.earliest <= day.earliest <= told.latest and told != day:
                result.claims[k] = dataclasses.replace(result.claims[k], interval=day)


def _complete_last_claim(result: Extraction, sentence: Sentence, group: int | None) -> None:
    """"The brigade was sent to Zaporizhzhia. Some 1,500 servicemen were on the trains": a sentence that
    reports no event but counts the soldiers the text is following gives the count to the event just told
    about them, when that event has none (not when the one counted is who tells it: "A soldier of the brigade
    told the outlet ...")."""
    if group is None:
        return
    counts = event_counts(sentence.text)
    if len(counts) == 1 and SAYS_AFTER.match(sentence.text, counts[0].end):
        return
    if len(counts) == 1 and counts[0].noun is not None:
        result.groups[group].size = counts[0].quantity  # "Forty-six of the accused serve in the brigade."
    if not result.claims:
        return
    last = result.claims[-1]
    if len(counts) != 1 or last.group != group or last.participants is not None \
            or last.type == "Casualties" or _sentence_distance(result, last.sentence, sentence) > 1 \
            or PARTITIVE.search(sentence.text, counts[0].start, counts[0].end):
        return  # ("About 150 of the paratroopers were from Ulyanovsk": some of them, not all that event took)
    result.claims[-1] = Claim(last.type, last.sentence, last.trigger, last.certainty, last.sources, last.group,
                              last.places, last.destinations, counts[0].quantity, last.deaths, last.interval,
                              last.also + (sentence,))


TURNOUT = re.compile(r"\s+(?:took\s+part|attended|turned\s+(?:out|up)|showed\s+up|came|joined\s+(?:in|them|it)|"
                     r"were\s+(?:there|present)|participated)\b", re.IGNORECASE)
THERE_WERE = re.compile(r"\s*(?i:there\s+were)\s+")
# "police put the number of protesters at 200 to 300", "organisers estimated the crowd at 2,000"
CROWD_SIZE = re.compile(r"\b(?:put|puts|estimated|estimates|put\s+the\s+size\s+of)\s+(?:the\s+)?(?:number\s+of\s+"
                        r"(?:people|protesters|demonstrators|participants|women)|crowd|turnout|attendance)\s+at\s+",
                        re.IGNORECASE)


def _crowd_size(result: Extraction, sentence: Sentence) -> None:
    """A sentence that tells how many people a protest just told of drew gives the protest that count ("The police
    put the crowd at 300", "About 150 people took part", "There were some thirty of them")."""
    m = CROWD_SIZE.search(sentence.text)
    protest = next((i for i in range(len(result.claims) - 1, -1, -1) if result.claims[i].type == "Protest"), None)
    size = count_or_range_after(sentence.text[m.end():]) if m is not None else None
    counts = event_counts(sentence.text)
    if size is None and len(counts) == 1 and (TURNOUT.match(sentence.text, counts[0].end)
                                              or THERE_WERE.fullmatch(sentence.text, 0, counts[0].start)
                                              and re.match(r"\s+of\s+them\b", sentence.text[counts[0].end:])):
        size = counts[0].quantity
    if size is None or protest is None:
        return
    claim = result.claims[protest]
    if claim.participants is None and _sentence_distance(result, claim.sentence, sentence) <= 1:
        result.claims[protest] = dataclasses.replace(claim, participants=size, also=claim.also + (sentence,))


def _deny_last_claim(result: Extraction, sentence: Sentence, state: _State) -> None:
    """"A spokesman denied this.", "The governor called the report a lie.": a denial of the claim just told, by
    whoever the sentence has speaking — an event of its own, Negated, where and when the claim placed it (its count
    is the claim's, not the denial's, so none)."""
    if not result.claims or not DENIAL_OF_THE_LAST.search(sentence.text):
        return
    last = result.claims[-1]
    if last.certainty == "Negated" or _sentence_distance(result, last.sentence, sentence) > 1:
        return
    result.claims.append(Claim(last.type, sentence, (sentence.start, sentence.start), "Negated", state.speakers,
                               last.group, last.places, last.destinations, None, None, last.interval))


# "denied this", "rejected the claim", "called the report fabricated", "dismissed the figure as propaganda"
DENIAL_OF_THE_LAST = re.compile(
    r"\b(?:denied|denies|deny)\s+(?:this|that|it|the\s+(?:report|claims?|reports|allegations?|figures?|account))"
    r"(?=\s*[,.;]|\s+(?:as|and|on|in)\b)"
    r"|\b(?:rejected|dismissed|disputed)\s+(?:the|this|that|these)\s+(?:claims?|reports?|allegations?|figures?|account)"
    r"|\bcalled\s+(?:the|this|that|these)\s+(?:reports?|claims?|figures?|allegations?|account|story)\s+(?:a\s+)?[\"“'‘]?"
    r"(?:lies?|fabricat\w*|false|fake|propaganda|fantasy|slander|provocation|untrue|nonsense)", re.IGNORECASE)


def _within_scene(result: Extraction, a: Sentence, b: Sentence) -> bool:
    """Whether ``b`` is near enough to ``a`` to happen where ``a`` placed its event: three sentences on, or up to six
    when none between names a place (quoted words and comment do not move the scene)."""
    distance = _sentence_distance(result, a, b)
    if distance <= 3:
        return True
    return distance <= 6 and not any(a.end <= p.start < b.start for p in result.places)


def _sentence_distance(result: Extraction, a: Sentence, b: Sentence) -> int:
    starts = [s.start for s in result.sentences]
    return abs(starts.index(b.start) - starts.index(a.start))


def _named_group(result: Extraction, name: str) -> int:
    for index, group in enumerate(result.groups):
        if group.name == name:
            return index
    result.groups.append(TroopGroup(name=name))
    return len(result.groups) - 1


def _conflicts(result: Extraction, group: int, origins: list[int]) -> bool:
    """Soldiers from somewhere else than the group the text was following are another group."""
    known = {result.places[i].surface.lower() for i in result.groups[group].home}
    new = {result.places[i].surface.lower() for i in origins}
    return bool(known and new and not known & new) or (result.groups[group].name is not None and bool(new))


def _is_origin(place: PlaceMatch, text: str, base: int, nouns: list[re.Match[str]]) -> bool:
    before = text[: place.start - base]
    if ORIGIN_BEFORE.search(before):
        return True
    after = text[place.end - base:]
    return place.alias_kind == "demonym" and any(n.start() == place.end - base + len(after) - len(after.lstrip())
                                                 for n in nouns) or bool(
        place.alias_kind == "demonym" and (re.match(r"^\s+(?:[\w-]+\s+){0,2}(?:unit|battalion|brigade|regiment|"
                                                     r"division|mobili[sz]ed)\b", after, re.I)
                                            or _people_after(after)))


def _people_after(after: str) -> bool:
    """Whether people are named right after a word ("Buryat tank crewmen", "Dagestani contract soldiers")."""
    return _people_noun().match(after) is not None


@lru_cache(maxsize=1)
def _people_noun() -> re.Pattern[str]:
    from kg.patterns import read_lines

    nouns = "|".join(re.escape(n) for n in sorted(read_lines("people.txt"), key=len, reverse=True))
    return re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\b", re.IGNORECASE)


def _is_base(place: PlaceMatch, text: str, base: int) -> bool:
    return bool(BASE_BEFORE.search(text[: place.start - base]) or BASE_AFTER.match(text[place.end - base:]))


# the men of a family, one of whom an event is told of ("her husband", "his younger brother")
KIN_MEN = r"husband|son|brother|father|nephew|grandson|partner|fianc[eé]|cousin|uncle"
# "He had deserted in May, his lawyer said": a man or woman told of by a pronoun is one person, when the
# pronoun is the subject of the event's own clause (no verb of saying, no other clause between)
ONE_PERSON_SUBJECT = re.compile(r"(?:(?:^|[.;:]\s+|,\s+(?:and\s+|but\s+)?|\b(?:that|said|says|added|wrote)\s+|[\"“'‘])(?:He|She|I|"
                                r"(?i:her|his|my|their|our|whose)\s+(?i:" + KIN_MEN + r"|client|mother|wife|sister|daughter|widow|friend)"
                                r"(?:,\s+(?-i:[A-Z][a-z]+),|\s+(?-i:[A-Z][a-z]+))?|(?-i:[A-Z][a-z]+(?:\s+[A-Z]\.)?)['’]s\s+(?:(?:own|younger|elder|eldest|youngest)\s+)?"
                                r"(?:mother|wife|sister|father|widow|son|husband|brother)"
                                r"(?:,\s+(?-i:[A-Z][a-z]+),)?|(?i:the)\s+\d{2}-year-old|(?i:the)\s+(?:[\w-]+\s+)?"
                                r"(?i:soldier|serviceman|conscript|reservist|deserter|sergeant|private|marine|paratrooper|"
                                r"airman|sailor|officer|man|woman)(?:,\s+\d{2},)?)|\b(?:he|she|(?-i:I))|\b(?i:her|his|my|our|whose)\s+(?:(?:younger|elder|older|eldest|youngest)\s+)?"
                                r"(?:" + KIN_MEN + r"|client|(?:platoon\s+|company\s+|battalion\s+)?commander))"
                                # "Senyk's own brother, he said, was wounded"
                                # "her husband, who serves in the 93rd Brigade, had been wounded"
                                # "whose husband, a welder from Kansk, was sent"
                                r"(?:,\s+(?:he|she|they)\s+(?:said|says|added),)?(?:,\s+who(?:\s[^,;.]{3,80},)?)?"
                                r"(?:,\s+(?:a|an)\s[^,;.]{3,60},)?\s+"
                                # ('the soldier "has not deserted"': a quotation that opens on its auxiliary)
                                r"(?:[\"“](?=(?:had|has|was|is|have)\b))?"
                                r"(?!(?:said|says|told|added|claimed|reported|wrote|denied)\b)"
                                r"(?:(?:had|has|was|is|have|been|then|later|also|allegedly|reportedly|never|not|ever|"
                                r"subsequently|eventually|again|already|first|now|still|tried\s+to|attempted\s+to|"
                                r"being|twice|once|since|just|received|got|handed|given|a|an|his|her|[a-z]+ly|stood|"
                                r"(?:is|was)\s+said\s+to\s+have)\s+){0,4}$")
# "The man left his brigade in January and was detained in March": one man, subject of both verbs
ONE_PERSON_COORDINATED = re.compile(r"(?:^|[.;:]\s+|\b(?:that|said|says)\s+|^[^,;.]{3,60},\s+)"
                                    r"(?:He|She|he|she|I|(?i:the)\s+(?:man|woman|"
                                    r"soldier|serviceman|conscript|reservist|deserter|sergeant|private|officer|"
                                    r"\d{2}-year-old)|(?i:her|his|my|their|our|whose)\s+(?i:" + KIN_MEN + r"))\b"
                                    r"(?:,\s+who\s[^,;.]{3,80},)?[^.;,]{3,100}?\s+and\s*(?:,[^.;,]{3,80},)?\s*(?:(?:was|had|has|been|then|later|also|being)\s+){0,3}$")


AGENT_VERB = re.compile(r"(?:announced|declared|ordered|sentenced|jailed|fined|detained|arrested|convicted|captured|"
                        r"dismissed|mobili[sz]ed|drafted|called\s+up|sent|deployed|charged|acquitted)\b", re.IGNORECASE)
# "Taras has been wounded twice", "Rinat G., 41, was mobilized": a person by name, the subject of the event's
# clause (the name is one the article also uses mid-sentence, so not a capitalised first word)
NAMED_SUBJECT = re.compile(r"(?:^|[.;:]\s+|,\s+(?:and\s+|but\s+)?|\b(?:that|said|says|when|When|after|After|until)\s+|[\"“]|"
                           # "On 2 May Lebedev was killed": after a time put first
                           r"(?:^|[.;]\s+)(?:On|In|By|Last|Early|Late)\s+(?:\d{1,2}\s+)?[A-Za-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?,?\s+)"
                           r"(?P<name>(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\s+(?-i:[A-Z][a-z]+|[A-Z][a-z]?\.))?)"
                           r"(?:,\s+(?:now\s+|aged\s+)?\d{2},|,\s+who\s[^,;.]{3,80},)?\s+[\"“]?"
                           r"(?!(?:said|says|told|added|claimed|reported|wrote|denied)\b)"
                           r"(?:(?:had|has|was|is|been|then|later|also|never|not|since|just|twice|[a-z]+ly|"
                           r"subsequently|eventually|again|already|first|now|still|being|once)\s+){0,3}$")
# "Alim K. signed his first contract in 2022 and was wounded near Vasylivka": a name, subject of both verbs
NAMED_COORDINATED = re.compile(r"(?:^|[.;:]\s+|\b(?:that|said|says)\s+)"
                               r"(?P<name>(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:\s+(?-i:[A-Z][a-z]+|[A-Z][a-z]?\.))?)"
                               r"(?:,\s+\d{2},)?\s+(?!(?:said|says|told|added|claimed|reported|wrote|denied)\b)"
                               r"[^.;]{3,120}?\s+and\s*,?[^.;]{0,80}?,?\s+(?:(?:was|had|has|been|then|later|also|being)\s+){0,3}$")
NOT_NAMES = frozenset("""He She It I We They You The This That These Those There Here Then When After Before Since Until
    While But And Or So Yet In On At By For From With Without Of To Into Near Over Under About Around Also All Both Each
    Every Some Many Most Several Few No None Not One Two Three Four Five Six Seven Eight Nine Ten Police Officers Soldiers
    Prosecutors Investigators Relatives Authorities Troops Men Women Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Last Earlier Later""".split())


@lru_cache(maxsize=8)
def _names_used_mid_sentence(text: str) -> frozenset[str]:
    """Capitalised words the text also uses after a lower-case word: names, not first words of sentences."""
    return frozenset(m.group(1) for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]+)(?=['’]s\b|\b)", text))


def _his_own(text: str, start: int, end: int) -> bool:
    """"asked to terminate his contract", "left his unit", "a shrapnel wound to his leg": one man's, in a sentence
    that tells of no group ("they", "their", "the men")."""
    return bool(HIS_OWN.search(text, start, min(len(text), end + 30))
                or re.search(r"\b(?:his|her)\s+(?:resignation|discharge)\b", text[max(0, start - 12):end])) \
        and not GROUP_WORDS.search(text)


HIS_OWN = re.compile(r"\b(?:his|her)\s+(?:own\s+|first\s+|second\s+|left\s+|right\s+)?(?:unit|contract|brigade|battalion|"
                     r"company|regiment|position|post|leg|arm|head|hand|foot|knee|shoulder|back|chest|face|eyes?|neck|spine|"
                     r"stomach|hip|jaw|ribs?|report|service|leave|trench)\b",
                     re.IGNORECASE)
GROUP_WORDS = re.compile(r"\b(?:they|their|them|the\s+(?:men|soldiers|women|conscripts|reservists)|both|all)\b",
                         re.IGNORECASE)


def _one_person_subject(result: Extraction, sentence: Sentence, start: int) -> bool:
    """Whether the subject of the event's clause is one person: "he", "her husband", "the soldier", a name (not
    one who did it to others: "Vladimir Putin announced a mobilisation", "the judge sentenced ...")."""
    before = sentence.text[:start]
    if AGENT_VERB.match(sentence.text, start) \
            and not re.search(r"\b(?:was|were|been|being|be|is|are)\s+(?:(?:not|never|then|later|also|now|still|already|"
                              r"[a-z]+ly)\s+)*$", before):
        return False
    if ONE_PERSON_SUBJECT.search(before) or ONE_PERSON_COORDINATED.search(before):
        return True
    m = NAMED_SUBJECT.search(before) or NAMED_COORDINATED.search(before)
    if m is None:
        return False
    name = m["name"].split()[0]
    at = sentence.start + m.start("name")
    # "Yevgeny S.", "Bair, 31,": an initial or an age tells a person
    person = bool(re.search(r"\s[A-Z][a-z]?\.$", m["name"])) or bool(re.match(r",\s+(?:now\s+|aged\s+)?\d{2},",
                                                                            sentence.text[m.end("name"):]))
    return name not in NOT_NAMES and (person or name in _names_used_mid_sentence(result.article.text)) and not any(
        p.start <= at < p.end for p in result.places)


ONE_MORE = re.compile(r"(?:\band|,)\s+(?:only\s+)?one\s+(?:other\s+|more\s+)?(?:was|had\s+been|has\s+been)\s+"
                      r"(?:[a-z]+ly\s+)?$", re.IGNORECASE)
COORDINATED_VERB = re.compile(r"\band\s+(?:(?:in|on|by)\s+(?-i:[A-Z])[a-z]+(?:\s+\d{4})?\s+)?"  # "and in August came back"
                              r"(?:(?:was|were|had\s+been|has\s+been|later|then)\s+)?$")
_ONE_OF = (r"(?i:one)\s+of\s+(?:the|them|their|those|these|its|her|his|my|our)\b(?:\s+[\w’'-]+){0,3}?"
           r"(?:\s*,[^,;]{1,60},)?\s+(?:(?:had|has|was|is|have|been|later|also|then|reportedly|allegedly|subsequently)"
           r"\s+){0,3}$")
ONE_OF_SUBJECT = re.compile(r"\s*[\"“]?(?:(?:Last|This)\s+(?:week|month|year)\s+|In\s+[A-Z][a-z]+\s+)?" + _ONE_OF)
# "saying that one of the conscripts had been injured": the same, as the subject of a reported clause
ONE_OF_SUBJECT_AFTER_THAT = re.compile(r"\b(?:that|said|says)\s+" + _ONE_OF)


# "Their battalion was moved", "In July the battalion was pulled back": a formation told of before, moving whole
FORMATION_SUBJECT = re.compile(r"(?:^|[.;:]\s+|,\s+|\b(?:that|said|says|and)\s+|"
                               r"\b(?i:in|on|by)\s+[A-Z][a-z]+(?:\s+\d{4})?,?\s+|"
                               r"\b(?:spring|summer|autumn|winter|week|month|year)\s+)"
                               # ('"The battalion was withdrawn," the press service said': a quotation's subject;
                               # "Lebedev and his company were sent": the company told with its commander)
                               r"[\"“]?(?i:the|his|her|their|its|our|my)\s+(?:(?:whole|entire|own|same)\s+)?"
                               r"(?P<unit>(?i:battalion|company|platoon))(?:,\s[^,;.]{3,80},)?\s+"
                               r"(?:(?:was|were|had|has|have|been|then|later|also|now|finally|again)\s+)*$")
# "one motor rifle battalion, which trained for a month and was sent": the formation, subject of its relative clause
FORMATION_WHICH = re.compile(r"\b(?i:a|one|the|his|their|its)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?P<unit>(?i:battalion|company|platoon)),\s+which\s+[^;.]{0,120}?(?:\s+and)?\s+"
                             r"(?:(?:was|were|had|has|been|then|later)\s+)*$")
HOSPITAL_PLACES = re.compile(r"\b(?:(?:taken|brought|evacuated|flown|transferred|sent|moved|rushed)\s+to|"
                             r"(?:is|are)\s+(?:now\s+|still\s+)?(?:being\s+treated\s+)?in)\s+(?:a\s+|the\s+)?"
                             r"(?:[\w-]+\s+)?(?:hospitals?|clinics?|infirmar(?:y|ies)|medical\s+cent(?:re|er)s?)\s+"
                             r"(?:in|at|near)\s+[^,.;]{0,60}", re.IGNORECASE)


def _add_claims(result: Extraction, sentence: Sentence, state: _State, trigger: tuple[str, int, int],
                place_ids: list[int], dates: list[DateMention], group: int | None,
                triggers: list[tuple[str, int, int]]) -> None:
    kind, start, end = trigger
    text, base = sentence.text, sentence.start
    lo, hi = _own_clause(text, trigger, triggers)
    if (lo, hi) != (0, len(text)):
        # "killing six sappers, and in May 14 gunners died": each event of the class its own clause's
        # places, times and counts (and a time put first, before both, when its clause has none)
        place_ids = [i for i in place_ids if lo <= result.places[i].start - base < hi]
        first = min(t[1] for t in triggers if t[0] == kind)
        dates = [d for d in dates if lo <= d.start < hi] or [d for d in dates if d.end <= first]
    if _only_the_offence(result, text, base, trigger, place_ids, dates, triggers) \
            or _absence_of_the_returned(result, text, base, trigger, place_ids, dates, triggers) \
            or _offence_of_the_figures(text, trigger, triggers):
        return
    destinations = tuple(i for i in place_ids if kind in MOVEMENT_EVENTS
                         and _is_destination(result.places[i], text, base, (start, end)))
    origins_or_bases = set(result.groups[group].home if group is not None else [])
    others = [t for t in triggers if t[1] != start]
    verbal_others = [t for t in others if not is_nominal(text, t)]
    places = tuple(i for i in place_ids if i not in destinations and i not in origins_or_bases
                   and ((LOCATIVE_BEFORE.search(text[: result.places[i].start - base])
                         or INSTITUTION_AFTER.match(text, result.places[i].end - base))
                        and not ORIGIN_BEFORE.search(text[: result.places[i].start - base])
                        or kind == "Mobilization" and CALLED_UP_FROM.search(text, 0, result.places[i].start - base))
                   and (not _agent_modifier(result.places[i], text, base)
                        or kind == "Prosecution" and COURT_AFTER.match(text, result.places[i].end - base) is not None
                        and not result.places[i].surface.lower().endswith("district"))
                   and not _speaker_country(result.places[i], text, base, start))
    if kind == "Protest":
        # "mothers of conscripts from Seversk wrote to the prosecutor to complain that their sons had been moved to the
        # Kursk region": what they ask about is not where they protest; with no place of its own, a protest is placed
        # where those protesting are from
        demand = DEMAND_AFTER.search(text, end)
        places = tuple(i for i in places if demand is None or result.places[i].start - base < demand.start()) or \
            tuple(i for i in place_ids if result.places[i].start - base < start
                  and PEOPLE_FROM.search(text[: result.places[i].start - base])) or places
    if kind == "Injury" and not re.search(r"\btreat", text[start:end], re.IGNORECASE):
        # "wounded near Bakhmut and taken to hospitals in Kharkiv": where they were taken, by another verb ("wounded
        # fighters are being treated in hospitals in Rostov": told by the treatment, in the wards there)
        wards = [m.span() for m in HOSPITAL_PLACES.finditer(text)]
        places = tuple(i for i in places if not any(a <= result.places[i].start - base < b for a, b in wards))
    # with several events in the sentence, each takes the places nearest to it, if it has any of its own
    own = tuple(i for i in places if not closer_to_another(result.places[i].start - base,
                                                            result.places[i].end - base, (start, end), others))
    places = own or tuple(i for i in places if not _inside_another(result.places[i], base, others))
    # "brought home 246 Ukrainians": where the people counted are from, as "Ukrainian soldiers" would say
    places += tuple(i for i in place_ids if i not in places and _counted_people(result.places[i], text, base)
                    and not closer_to_another(result.places[i].start - base, result.places[i].end - base,
                                               (start, end), others))
    if not places and not destinations:
        # "Russian military courts handed down 612 sentences": a national figure, placed in its country
        # (an agency of the state prosecutes and calls up in its own country: "Ukraine's State Bureau of
        # Investigation opened cases against 500 servicemen")
        countries = tuple(i for i in place_ids if _a_country(result.places[i])
                          and result.places[i].start - base < start
                          and not _inside_another(result.places[i], base, others)
                          and not REQUEST_AFTER.match(text, result.places[i].end - base)
                          and (kind in ("Prosecution", "Mobilization")
                               or not _speaker_country(result.places[i], text, base, start)))
        places = countries[-1:]
    counts = [c for c in event_counts(text) if lo <= c.start < hi]
    participants, deaths = counts_for(kind, text, start, end, counts, triggers)
    if ONE_MORE.search(text, 0, start):  # "two servicemen were killed and one was wounded": one
        participants, deaths = as_count(kind, Quantity(value=1))
    found = participants or deaths
    if found is not None and _one_person_subject(result, sentence, start) \
            and all(c.start >= end and not re.search(r"\b(?:together|along)\s+with\s+[\"“]?$", text[:c.start])
                    for c in counts if c.quantity == found):
        # "he refused on 2 February to join an assault after 23 men of his company had been killed": he, not the 23
        participants, deaths = as_count(kind, Quantity(value=1))
    court = next((t for t in triggers if t[0] == "Prosecution" and t[2] <= start), None)
    if participants is None and kind in ("Desertion", "DeploymentRefusal") and court is not None \
            and REASON_BEFORE.search(text[max(0, start - 40):start]):
        # "sentenced five soldiers to five years for leaving their unit": the ones sentenced did it
        participants = counts_for("Prosecution", text, court[1], court[2], counts, triggers)[0]
    if participants is None and deaths is None and kind != "Casualties":
        participants = subject_counted_before(text, start, counts, triggers)
    elif participants is not None and kind != "Casualties" and all(c.start >= end for c in counts
                                                                    if c.quantity == participants):
        # "Of the 120 convicts from the Kirov region who were sent to Bakhmut, only 19 are alive": the relative
        # clause's verb is told of the counted noun it follows, not of a count after it
        participants = antecedent_count(text, start, counts) or participants
    whole = WHOLE_BEFORE.search(text, 0, start)
    if whole is not None and kind != "Casualties" and (whole["who"] or re.match(r"[a-z]+ed\b", text[start:end])):
        # "Fifteen of the 23 soldiers who have been freed from captivity", "1,000 of the roughly 5,000 Ukrainians
        # freed": the clause tells of all of them, not of the part counted first
        participants = count_after(whole["whole"]) or participants
    same = None
    if participants is None and deaths is None and SAME_NUMBER.search(text):
        # "Russia received the same number of its soldiers": as many as the last such event counted (and when)
        same = next((c for c in reversed(result.claims) if c.type == kind and (c.participants or c.deaths)), None)
        if same is not None:
            participants, deaths = same.participants, same.deaths
    fraction = FRACTION_OF.search(text[:start])
    size = result.groups[group].size if group is not None else None
    if participants is None and deaths is None and not counts and fraction is not None and size is not None \
            and size.value is not None:
        # "Half of them went home on leave": that share of the group counted before
        share = FRACTIONS[fraction["share"].lower().replace(" ", "-")]
        quantity = Quantity(value=round(size.value * share), approximate=bool(fraction["about"]) or size.approximate)
        participants, deaths = as_count(kind, quantity)
    # "three brothers from Tuymazy ... They went to the front together": the people the sentence before counted
    just_told = state.told[1] if state.told is not None and state.told[0] is not sentence \
        and _sentence_distance(result, state.told[0], sentence) == 1 and (
            THEY.fullmatch(text, 0, start) or SUBJECT_BACK_REFERENCE.match(text)) else None
    if participants is None and deaths is None and not counts and (size is not None or just_told is not None) \
            and kind != "Casualties" and (BACK_REFERENCE.search(text, clause_start(text, start), end)
                                          or THEM_AFTER.match(text, end)
                                          or re.search(r"\bthem$", text[start:end])) \
            and _certainty(text, start, False, end) != "Negated":
        # "... they left their positions", "the court charged them with refusing", "police found them": the group
        # counted before (a denial, "the men did not refuse", counts none)
        participants = just_told or size
    # ("his wife and two daughters buried him": his kin, counted, are not the ones it happened to)
    people = [c for c in counts if kind in KIN_EVENTS or c.noun is None or not KIN_NOUN.search(c.noun)]
    others_objects = [c for c in people if (owner_of(c, triggers, text) or (kind, start, end))[1] != start]
    if participants is None and deaths is None and len(others_objects) == len(people) \
            and (_one_person_subject(result, sentence, start) or _his_own(text, start, end)):
        # "He had deserted in May": one man; "He was killed in August": one death (not "arrested him" alone, the
        # object of another verb)
        participants, deaths = as_count(kind, Quantity(value=1))
    if participants is None and deaths is None and (COORDINATED_VERB.search(text[:start])
                                                    or re.match(r"and\s", text[start:end])):
        # "Rustam K., 34, who was called up in October and killed on 9 February": one man, both verbs his
        earlier = next((c for c in reversed(result.claims) if c.sentence.start == sentence.start), None)
        told = earlier.participants or earlier.deaths if earlier is not None else None
        if told is not None and (told == Quantity(value=1) or not counts):
            # ("They went to the front together in the spring and were killed within a month": the three, both verbs)
            participants, deaths = as_count(kind, told)
    formation = FORMATION_SUBJECT.search(text, 0, start) or FORMATION_WHICH.search(text, 0, start) \
        if kind in ("Deployment", "Return") else None
    # ("Sergeant Orlov and his company were sent": the company, not the one man named with it)
    with_commander = formation is not None and re.match(r"\s*and\b", text[formation.start():])
    alone = not counts or with_commander and all(c.quantity == Quantity(value=1) for c in counts)
    if (participants is None and deaths is None or with_commander and participants == Quantity(value=1)) \
            and formation is not None and alone:
        # "his battalion was sent to the Zaporizhzhia region": the formation's nominal strength, as "a battalion"
        participants = formation_size(formation["unit"])
    one_of = ONE_OF_SUBJECT.match(text[:start]) or ONE_OF_SUBJECT_AFTER_THAT.search(text[:start])
    named_formation = re.search(r",\s+the\s+(?:[\w-]+\s+){0,3}?(battalion|company|platoon)\s*,", one_of.group(0)) \
        if one_of is not None else None
    if participants is None and deaths is None and named_formation is not None:
        # "One of them, the Shaimuratov battalion, was sent": one formation, of its nominal strength
        participants = formation_size(named_formation.group(1))
    if participants is None and deaths is None and one_of is not None:
        # "One of the men, a 46-year-old from Omsk, died in hospital": one of those told of
        participants, deaths = as_count(kind, Quantity(value=1))
    if participants is None and deaths is None and kind != "Casualties" and THEN_AFTER_THE_GROUP.match(text[:start]):
        # "A platoon refused to advance. The men were then locked in a cellar": those the sentence before counted
        participants = next((c.participants for c in reversed(result.claims) if c.participants is not None
                             and c.sentence is not sentence and _sentence_distance(result, c.sentence, sentence) == 1),
                            None)
    interval = event_interval(text, (kind, start, end), dates, triggers, others, verbal_others,
                               _court_statistics(text, triggers, counts), sentence_published(result),
                               same.interval if same is not None else None)
    certainty = _certainty(text, start, bool(state.speakers), end)
    claim = Claim(kind, sentence, (base + start, base + end), certainty, state.speakers, group, places,
                  destinations, participants, deaths, interval)
    regions = [i for i in place_ids if _looks_like_region(result.places[i])]
    # ("Russia and Ukraine each brought home 90 prisoners": one exchange, a return to each country)
    countries = [i for i in places if _a_country(result.places[i])]
    if DISTRIBUTIVE.search(text) and len(regions) > 1:
        for region in regions:
            result.claims.append(_with_places(claim, (region,)))
    elif kind == "Return" and len(countries) > 1 and len(countries) == len(places) and EACH.search(text, 0, end):
        for country in countries:
            result.claims.append(_with_places(claim, (country,)))
    else:
        result.claims.append(claim)


def _the_figures_compared(result: Extraction, sentence: Sentence, first: int, state: _State) -> None:
    """"convicted 830 servicemen in May, up from 760 in April": the figure compared with counts the same kind
    of event at its own time, an event of its own. The figure counted is the one claim with a count of the sentence
    (its claims are those from ``first``), or, in a sentence that tells no event ("That is down from 58 in June."),
    of the sentence before."""
    counted = [c for c in result.claims[first:] if c.participants is not None or c.deaths is not None]
    if not counted and first == len(result.claims) and FIGURE_TOLD_AGAIN.match(sentence.text) and result.claims:
        counted = [c for c in result.claims[-1:] if (c.participants is not None or c.deaths is not None)
                   and _sentence_distance(result, c.sentence, sentence) == 1]
    if len(counted) != 1:
        return
    claim = counted[0]
    text = sentence.text
    after = claim.trigger[1] - sentence.start if claim.sentence is sentence else 0
    for m in COMPARED_FIGURE.finditer(text, after):
        figure = count_after(m["figure"])
        if figure is None or m["when"] is None:
            continue
        dates = find_dates(m["when"], sentence_published(result), state.context_year)
        interval = dates[0].interval if len(dates) == 1 and dates[0].interval.earliest else None
        if A_YEAR_EARLIER.fullmatch(m["when"]) and claim.interval is not None and claim.interval.earliest \
                and claim.interval.latest:
            # "against 1,250 a year earlier": the same time the year before
            interval = Interval(_a_year_before(claim.interval.earliest), _a_year_before(claim.interval.latest))
        if interval is None:
            continue
        participants, deaths = as_count(claim.type, figure)
        result.claims.append(dataclasses.replace(
            claim, sentence=sentence, trigger=(sentence.start + m.start(), sentence.start + m.end()),
            participants=participants, deaths=deaths, interval=interval, also=()))


def _a_year_before(day: dt.date) -> dt.date:
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


A_YEAR_EARLIER = re.compile(r"a\s+year\s+(?:earlier|before)|the\s+year\s+before", re.IGNORECASE)
FIGURE_TOLD_AGAIN = re.compile(r"\W*(?:That|This|It|The\s+figure)\s+is\b", re.IGNORECASE)
# "up from 760 in April", "compared with 2,900 in the first half of last year", "against 1,250 a year earlier"
COMPARED_FIGURE = re.compile(r"(?:\b(?:up|down)\s+from|\bcompared\s+(?:with|to)|"
                             r"\bagainst(?=\s+(?:about\s+|around\s+)?\d))\s+"
                             r"(?P<figure>(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?\d[\d,]*)\s+"
                             r"(?P<when>(?:in|during|over|for)\s+[^,;.]{3,40}?|a\s+year\s+(?:earlier|before)|"
                             r"the\s+year\s+before)(?=\s*[,;.]|\s+and\b|\s*$)",
                             re.IGNORECASE)


# "The men, most of them from Khabarovsk, were then", "They were later": the group the sentence before told of
THEN_AFTER_THE_GROUP = re.compile(r"\W*(?:They|(?:The|These)\s+(?:men|soldiers|servicemen|marines|paratroopers|"
                                  r"conscripts|reservists|refuseniks|survivors|company|platoon|battalion|group))\b"
                                  r"[^.;]{0,70}?"
                                  r"\b(?:then|later|afterwards|subsequently)\s+(?:[\w-]+\s+){0,2}$")
WHOLE_BEFORE = re.compile(
    rf"\b{NUMBER}\s+of\s+(?:the\s+)?(?P<whole>(?:roughly\s+|about\s+|some\s+|around\s+|nearly\s+)?{NUMBER})\s+"
    r"(?!(?:were|was|are|is|have|had|has|later|then|also|all|both|will|would)\b)[a-z][\w-]*"
    r"(?:\s+(?:from|of|in)\s+[^,;]{1,40}?)?\s+(?P<who>who\s+(?:have|had|has|were|was)\s+(?:been\s+)?)?$",
    re.IGNORECASE)
STATISTIC_NOUN = re.compile(r"\b(?:verdicts|sentences|convictions|cases)\b", re.IGNORECASE)


def _court_statistics(text: str, triggers: list[tuple[str, int, int]], counts: list[QuantityMention]) -> bool:
    """Whether a court's figures are told ("2,154 servicemen convicted", "480 verdicts"), not one man's case."""
    court = next((t for t in triggers if t[0] == "Prosecution"), None)
    if court is None:
        return False
    if STATISTIC_NOUN.search(text, court[1], court[2] + 40):
        return True
    # "2,154 servicemen convicted", "at least 11 men have been sentenced since 2023": figures, not one case
    return any((c.quantity.value or c.quantity.min or 0) >= 20 and not c.quantity.approximate
               or c.quantity.value is None and c.quantity.min is not None for c in counts)


def _only_the_offence(result: Extraction, text: str, base: int, trigger: tuple[str, int, int], place_ids: list[int],
                      dates: list[DateMention], triggers: list[tuple[str, int, int]]) -> bool:
    """"sentenced to five years for desertion", "charged with unauthorised abandonment of a unit": the offence a
    court or an investigator names is part of the prosecution, not a happening told of its own, unless the text
    gives it its own place or time ("for desertion from a unit in Mazyr in March 2022")."""
    kind, start, end = trigger
    if any(OWN_COUNT.fullmatch(text, end, c.start) for c in event_counts(text) if c.start >= end):
        return False
    if kind in ("Desertion", "DeploymentRefusal") and (REASON_BEFORE.search(text[:start]) or OFFENCE_LINK.search(text[:start])) \
            and any(t[0] == "Prosecution" and t[2] <= start for t in triggers) \
            and _court_statistics(text, triggers, event_counts(text)):
        return True  # "612 sentences for unauthorised abandonment of a unit in January": a court's figures
    if kind not in ("Desertion", "DeploymentRefusal") or not OFFENCE_BEFORE.search(text[:start]) \
            or not OFFENCE_NOUN.match(text, start):
        return False  # "for refusing to go to the front": a verb, which tells what they did
    if not any(t[0] == "Prosecution" and t[2] <= start for t in triggers):
        return False
    clause_end = CLAUSE_END.search(text, end)
    stop = clause_end.start() if clause_end else len(text)
    told = any(end <= d.start < stop for d in dates) or \
        any(end <= result.places[i].start - base < stop for i in place_ids)
    return not told


def _absence_of_the_returned(result: Extraction, text: str, base: int, trigger: tuple[str, int, int],
                             place_ids: list[int], dates: list[DateMention],
                             triggers: list[tuple[str, int, int]]) -> bool:
    """"servicemen who had left their units without permission have returned to service": the absence says who
    came back; it is told as a happening of its own only with a place or a time in its clause ("who had left
    their unit near Toretsk in May")."""
    kind, start, end = trigger
    if kind != "Desertion" or not WHO_HAD_BEFORE.search(text, 0, start):
        return False
    back = next((t for t in triggers if t[0] in ("Return", "Reenlistment") and t[1] >= end), None)
    if back is None or re.search(r"[;:]|,\s+(?:and|but)\s", text[end:back[1]]):
        return False
    return not (any(end <= d.start < back[1] for d in dates)
                or any(end <= result.places[i].start - base < back[1] for i in place_ids))


def _offence_of_the_figures(text: str, trigger: tuple[str, int, int], triggers: list[tuple[str, int, int]]) -> bool:
    """"opened more than 300 criminal cases against soldiers who had abandoned their units": the offence a court's or
    an investigator's figures count is no happening of its own (one unit's men, "cases against 87 soldiers of the 14th
    Brigade who left their positions near Kupiansk", are)."""
    kind, start, _ = trigger
    court = next((t for t in triggers if t[0] == "Prosecution" and t[2] <= start), None)
    if kind not in ("Desertion", "DeploymentRefusal") or court is None or not WHO_HAD_BEFORE.search(text, 0, start):
        return False
    figures = any((c.quantity.value or c.quantity.min or c.quantity.max or 0) >= 20 for c in event_counts(text)
                  if c.end <= start) \
        or bool(LARGE_FIGURE.search(text, court[1], start))
    return figures and not FORMATION_WORD.search(text, court[2], start)


LARGE_FIGURE = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|[2-9]\d|\d{3,})\s+(?:[\w-]+\s+)?"
                          r"(?:cases|verdicts|sentences)\b", re.IGNORECASE)
FORMATION_WORD = re.compile(r"\b(?:brigade|battalion|regiment|division|company|platoon|unit\s+\d+|military\s+unit)",
                            re.IGNORECASE)
WHO_HAD_BEFORE = re.compile(r"\b(?:who|that)\s+(?:had\s+|have\s+)?(?:(?:earlier|previously|once)\s+)?$", re.IGNORECASE)


# "for going AWOL or deserting", "under the article on", "under the graver charge of": the offence a figure counts
OFFENCE_LINK = re.compile(r"\b(?:for|of)\s+(?:[\w-]+\s+){1,5}(?:or|and)\s+$|\bunder\s+the\s+(?:[\w-]+\s+)?(?:article|charge)"
                          r"\s+(?:on|of)\s+(?:(?:unauthori[sz]ed|the)\s+)?$", re.IGNORECASE)
# "for desertion", "with refusing to obey orders", "of unauthorised abandonment": the offence named
OFFENCE_BEFORE = re.compile(r"\b(?:for|of|with|over|on\s+charges\s+of)\s+(?:(?:unauthori[sz]ed|repeated|alleged|mass|"
                            r"collective|the|his|their|her)\s+)?$", re.IGNORECASE)
OFFENCE_NOUN = re.compile(r"(?:unauthori[sz]ed\s+)?(?:desertion|refusal|abandonment|absence|AWOL)\b", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,;:]|\s(?:and|but|after|before|when|while|who|which)\s|$")


TALLY_NUMBER = re.compile(
    r"^(?P<gap>[^.;]{0,45}?)(?<![\w-])(?P<qual>more\s+than|at\s+least|about|around|some|nearly|almost|over|"
    r"fewer\s+than|less\s+than|up\s+to|in\s+excess\s+of|between)?\s*(?P<num>\d{1,3}(?:,\d{3})+|\d{2,})"
    r"(?:\s+and\s+(?P<hi>\d{1,3}(?:,\d{3})+|\d{2,}))?(?![\w,.]\d|th\b|st\b|"
    r"nd\b|rd\b|\s*(?:km|kilomet|per\s*cent|%|years?|days?|months?))", re.IGNORECASE)

# "Dagestan remains the region with the most confirmed deaths, at 371": the figure set off after a comma
TALLY_AT_NUMBER = re.compile(TALLY_NUMBER.pattern.replace(r"^(?P<gap>[^.;]{0,45}?)(?<![\w-])",
                                                          r"^(?P<gap>[^.;]{0,80}?,\s*at\s+)", 1), re.IGNORECASE)


def _tally(result: Extraction, sentence: Sentence, state: _State, place_ids: list[int],
           triggers: list[tuple[str, int, int]], dates: list[DateMention], units: list[tuple[int, int, str]],
           all_dates: list[DateMention]) -> str | None:
    """Tallies by place ("Dagestan leads with 612 deaths. Chechnya follows with 236, North Ossetia with 199"):
    one event per (place, number) pair, of the kind the sentence or the text before it is about.
    Returns that kind, whose ordinary claims this sentence then does not repeat."""
    text, base = sentence.text, sentence.start
    kinds = {t[0] for t in triggers}
    kind = next(iter(kinds)) if len(kinds) == 1 else (state.topic if not kinds else None)
    counted = TALLY_NOUN.search(text)
    if counted is not None and (kind is None or kind in kinds or not kinds):
        # "Lviv led with 1,412 cases": what is counted says what the tally is of
        kind = next(k for k, group in TALLY_KINDS.items() if counted[group])
        if kind not in kinds and kinds - {kind}:
            return None
    if kind is None:
        return None
    skip = [(s - base, e - base) for s, e, _ in units] + [(d.start, d.end) for d in all_dates]
    places = [i for i in place_ids if _looks_like_region(result.places[i])]
    towns = [i for i in place_ids if i not in places and TOWN_FIGURE.match(text, result.places[i].end - base)]
    if len(towns) > 1:
        # "Ukhta follows with 58, and Vorkuta with 41", "Donetsk (about 9,800), Kramatorsk (about 3,600)": a tally
        # of towns, each with its figure right after it
        places = sorted(places + towns, key=lambda i: result.places[i].start)
    pairs: list[tuple[int, Quantity, int]] = []  # (place, count, characters between them)
    for n, index in enumerate(places):
        end = result.places[index].end - base
        stop = result.places[places[n + 1]].start - base if n + 1 < len(places) else len(text)
        m = TALLY_NUMBER.match(text[end:stop]) or TALLY_AT_NUMBER.match(text[end:stop])
        aside = TALLY_ASIDE.match(text, end, stop)
        if aside is not None and (m is None or len(m["gap"]) > 12):
            # "The Kherson region, the most populous in the count, had 400": the figure after an aside
            after = TALLY_NUMBER.match(text[aside.end():stop])
            if after is not None and len(after["gap"]) <= 12:
                m, end = after, aside.end()
        if m is None or any(s <= end + m.start("num") < e for s, e in skip):
            continue
        quantity = _tally_quantity(m)
        if quantity is not None:
            pairs.append((index, quantity, len(m["gap"])))
    if not pairs:
        # "among them 51 to Achinsk, 44 to Kansk and 38 to Minusinsk": each figure before its place
        before = [(i, FIGURE_BEFORE.search(text, max(0, result.places[i].start - base - 20),
                                           result.places[i].start - base)) for i in place_ids]
        before = [(i, m) for i, m in before if m is not None and not any(s <= m.start() < e for s, e in skip)]
        if len(before) > 1:
            pairs = [(i, Quantity(value=int(m["num"].replace(",", ""))), 0) for i, m in before]
    distributive = False
    if DISTRIBUTIVE.search(text) and len(places) > 1 and pairs and pairs[-1][0] == places[-1]:
        # "X, Y and Z each count fewer than 150": the one number holds for every place listed
        pairs = [(index, pairs[-1][1], 0) for index in places]
    elif DISTRIBUTIVE.search(text) and len(places) > 1 and not pairs:
        # "More than 100 have been counted in each of X, Y and Z": the number before them, for each
        lead = TALLY_NUMBER.match(text[: result.places[places[0]].start - base])
        quantity = _tally_quantity(lead) if lead is not None and len(lead["gap"]) < 3 else None
        if quantity is not None:
            pairs = [(index, quantity, 0) for index in places]
            distributive = True
    elif len(pairs) == 1 and (pairs[0][2] > 12 or not (triggers or state.topic)):
        return None  # one number far from its place: the ordinary rules decide
    if not pairs:
        return None
    interval = nearest_date(dates, 0)
    if interval is None and not dates and (len(pairs) > 1 or not triggers):
        # a roundup goes on with the time its first figures were given for (also in a sentence that only
        # gives a place its figure: "The Kherson region had 400.")
        interval = state.times.get(kind)
    certainty = _certainty(text, len(text), bool(state.speakers))
    trigger = next(((base + s, base + e) for k, s, e in triggers if k == kind), (base, base))
    if distributive:
        # "fewer than 50 in each of X, Y and Z": one figure told once for the places it names together (but
        # "X, Y and Z each count fewer than 150" tells of each place as the subject of its own clause)
        participants, deaths = as_count(kind, pairs[0][1])
        result.claims.append(Claim(kind, sentence, trigger, certainty, state.speakers, None,
                                   tuple(index for index, _, _ in pairs), (), participants, deaths, interval))
        return kind
    for index, quantity, _ in pairs:
        participants, deaths = as_count(kind, quantity)
        result.claims.append(Claim(kind, sentence, trigger, certainty, state.speakers, None, (index,), (),
                                   participants, deaths, interval))
    return kind


FIGURE_BEFORE = re.compile(r"(?<![\d,.])(?P<num>\d{1,3}(?:,\d{3})+|\d{2,})\s+(?:to|in|from|at)\s+(?:the\s+)?$")
TOWN_FIGURE = re.compile(r"\s*(?:\(\s*|,?(?:\s+(?:follows?|followed|comes?|came|ranks?|ranked)(?:\s+next)?)?"
                         r"\s+(?:with|had|has|at|on|counted|reported|recorded|registered)\s+|:\s*)"
                         r"(?:more\s+than\s+|at\s+least\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+)?"
                         r"\d{1,3}(?:,\d{3})*\b(?!\s*(?:km|kilomet|per\s*cent|%|years?|days?|months?))", re.IGNORECASE)
TALLY_ASIDE = re.compile(r",[^,.;:\d]{1,80},\s*")
TALLY_NOUN = re.compile(r"\d(?:[\d,]*\d)?\s+(?:(?P<cases>(?:criminal\s+)?(?:cases|verdicts|convictions|sentences))|"
                        r"(?P<deaths>(?:confirmed\s+)?(?:deaths|funerals|fatalities|dead))|(?P<wounded>wounded|injured))\b",
                        re.IGNORECASE)
TALLY_KINDS = {"Prosecution": "cases", "Casualties": "deaths", "Injury": "wounded"}


def _tally_quantity(m: re.Match[str]) -> Quantity | None:
    number = int(m["num"].replace(",", ""))
    if 1900 <= number <= 2100 and "," not in m["num"]:
        return None  # a year
    qualifier = re.sub(r"\s+", " ", (m["qual"] or "").lower())
    if qualifier == "between" and m["hi"]:
        return Quantity(min=number, max=int(m["hi"].replace(",", "")))
    bound = {"more than": "min_exclusive", "over": "min_exclusive", "in excess of": "min_exclusive",
             "at least": "min", "about": "approx", "around": "approx", "some": "approx",
             "nearly": "max_exclusive_approx", "almost": "max_exclusive_approx", "fewer than": "max_exclusive",
             "less than": "max_exclusive", "up to": "max"}.get(qualifier)
    return bounded(number, bound)


def _looks_like_region(place: PlaceMatch) -> bool:
    return any(re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", c) for c in place.candidates)


def _a_country(place: PlaceMatch) -> bool:
    """A mention that names one country and nothing else ("Russia", "Ukraine's")."""
    return len(place.candidates) == 1 and re.fullmatch(r"[A-Z]{2}", place.candidates[0]) is not None


AGENT_AFTER = re.compile(r"\s+(?:officials?|authorities|forces|troops|government|ministry|military|courts?|media|"
                         r"intelligence|investigators|prosecutors|police|officers|army|navy|border\s+guards?|side|"
                         r"command|defen[cs]e|General\s+Staff)\b", re.IGNORECASE)


# "at Moscow's request", "on a Russian warrant": the state that asked, not where it happened
REQUEST_AFTER = re.compile(r"(?:['’]s)?\s+(?:request|behest|warrant|extradition\s+request)\b", re.IGNORECASE)


def _agent_modifier(place: PlaceMatch, text: str, base: int) -> bool:
    """"US officials estimated ...", "Russian forces lost ...": a country that says whose, not where (it places an
    event only when nothing else does)."""
    return bool(AGENT_AFTER.match(text, place.end - base)) and \
        bool(re.search(r"(?:^|,)\s*(?:the\s+)?$", text[: place.start - base])) \
        or bool(REQUEST_AFTER.match(text, place.end - base))


SPEAKER_OWNED = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:ministry|General\s+Staff|military|army|forces|officials?|"
                           r"authorities|government|command|spokes(?:man|woman|person)|media|side|president|leader)\b"
                           r"[^.;]*?\b(?:said|says|claimed|claims|reported|stated|announced|insisted|alleged|asserted)\b",
                           re.IGNORECASE)


def _speaker_country(place: PlaceMatch, text: str, base: int, trigger_start: int) -> bool:
    """"Russia's defence ministry claimed the strike had killed 150": the country of who says it, not where it
    happened (what a speaker tells comes after the verb of saying)."""
    m = SPEAKER_OWNED.match(text, place.end - base)
    return m is not None and m.end() <= trigger_start and all(
        re.fullmatch(r"[A-Z]{2}", c) for c in place.candidates)


def _inside_another(place: PlaceMatch, base: int, others: list[tuple[str, int, int]]) -> bool:
    """"who left the garrison for Ukraine": a place inside another event's words is that event's."""
    return any(s <= place.start - base and place.end - base <= e for _, s, e in others)


def _with_places(claim: Claim, places: tuple[int, ...]) -> Claim:
    return Claim(claim.type, claim.sentence, claim.trigger, claim.certainty, claim.sources, claim.group, places,
                 claim.destinations, claim.participants, claim.deaths, claim.interval, claim.also)


def _counted_people(place: PlaceMatch, text: str, base: int) -> bool:
    """"brought home 246 Ukrainians", "two Buryats were killed": people counted by where they are from."""
    return place.alias_kind == "demonym" and place.surface.endswith("s") and \
        COUNT_BEFORE.search(text, 0, place.start - base) is not None


COUNT_BEFORE = re.compile(rf"\b(?:{COUNT_WORD}|dozens|hundreds|thousands|several|many|some)\s+$", re.IGNORECASE)


def _is_destination(place: PlaceMatch, text: str, base: int, trigger: tuple[int, int]) -> bool:
    """A place right after a verb of sending ("sent to X") or inside its words ("left Pskov for X")."""
    offset = place.start - base
    return trigger[0] <= offset <= trigger[1] + 60 and bool(DESTINATION_BEFORE.search(text[:offset])) \
        and not re.search(r"[,;]", text[trigger[1]:offset])


RELATIVE_BEFORE_NOT = re.compile(r"\b(?:who|that|which)\s+(?:\w+\s+)?$", re.IGNORECASE)
VERB_THEN_AUX = re.compile(r"\b(?!(?:be|been|being|have|had|was|were|yet|even|ever)\b)[a-z]+\s+(?:were|was|had|have|has|are|is)\b")
COORDINATION = re.compile(r"\b(?:and|but|then)\s+(?!not\b|never\b)|[,;]")


def _certainty(text: str, trigger_start: int, attributed: bool, trigger_end: int | None = None) -> str:
    rx = attribution_patterns()
    before = text[:trigger_start]
    unquoted = QUOTE.sub(" ", text)
    negation = rx["negation"].search(before[-25:])
    if negation is not None and COORDINATION.search(before[-25:], negation.end()):
        negation = None  # "chose not to renew and were discharged": the "not" is the other verb's
    if negation is not None and RELATIVE_BEFORE_NOT.search(before[-25:], 0, negation.start()) \
            and VERB_THEN_AUX.search(before[-25:], negation.end()):
        negation = None  # "two men who did not report were detained": the "not" is the relative clause's
    if negation or re.search(r"\b(?:denied|denies|deny|refuted)\b", before, re.I):
        return "Negated"
    if NEGATED_SUBJECT.search(before):
        return "Negated"  # "none of the brigade's servicemen had been detained"
    if trigger_end is not None and NEGATED_OBJECT.match(text[trigger_end:]):
        return "Negated"  # "detained no one"
    if rx["hedge"].search(unquoted):
        return "Alleged"
    return "Reported" if attributed else "Asserted"
