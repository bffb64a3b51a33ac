"""Which people a sentence counts, and which event of the sentence each count belongs to.

A sentence's counts (kg.quantities finds them) are cut down to the people it tells of (not those in its
attribution, "a lawyer for two of the men said", nor a town's population), then given to its event triggers:
a count is the object of the verb right before it ("detained 14 men"), the one the noun counts ("the desertion of
900 soldiers"), the subject of the verbs after it, or nobody's when another clause claims it. Pure functions of
the sentence's text and triggers; kg.extract calls them for every claim.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from kg.quantities import NUMBER_WORDS, Quantity, QuantityMention, count_after, find_counts, parse_number, vague_count

# "over the desertion of more than 900 soldiers": the offence with a count of its own, told as a happening
OWN_COUNT = re.compile(r"\s+of\s+", re.IGNORECASE)


ATTRIBUTION_CLAUSE = re.compile(
    r"(?:,\s*(?P<after>[^,;“”\"]{3,70}?)\s+(?<!\bwho\s)(?<!\bhad\s)(?<!\bhas\s)(?<!\bhave\s)(?<!\bthat\s)"
    r"(?:said|says|told|reported|added|wrote)\b[^,;]{0,60}[.!?]?\s*$"
    r"|^\s*(?:according\s+to|citing|quoting)\s+(?P<before>[^,;]{3,70}),"
    r"|,\s*(?:according\s+to|citing|quoting)\s+(?P<tail>[^,;“”\"]{3,70}?)[.!?]?\s*$)", re.IGNORECASE)


POPULATION_OF = re.compile(r"\b(?:town|city|village|region|republic|district|settlement|community|hromada|oblast|krai|"
                           r"country|nation|population)\s+of\s+$|\bhome\s+to\s+$", re.IGNORECASE)


def event_counts(text: str) -> list[QuantityMention]:
    """Counts of people in a sentence, without those in its attribution ("a lawyer for two of the men said")."""
    return list(_event_counts(text))


@lru_cache(maxsize=64)
def _event_counts(text: str) -> tuple[QuantityMention, ...]:
    return tuple(_uncached_event_counts(text))


def _uncached_event_counts(text: str) -> list[QuantityMention]:
    # ("Kyakhta, a border town of 18,000 people, has buried 40": how many live there, counted)
    counts = [c for c in _counts_through_quotes(text) if not POPULATION_OF.search(text, max(0, c.start - 40), c.start)]
    clause = ATTRIBUTION_CLAUSE.search(text)
    if clause is None:
        return counts
    span = next(clause.span(g) for g in ("after", "before", "tail") if clause[g] is not None)
    return [c for c in counts if not span[0] <= c.start < span[1]]


def _counts_through_quotes(text: str) -> list[QuantityMention]:
    """Counts, reading a quoted figure as if unquoted ('had lost "dozens" of men', 'sent "in excess of 1,200" men',
    "'more than 500' new volunteers")."""
    if not QUOTE_MARK.search(text) and not SINGLE_QUOTED.search(text):
        return find_counts(text)
    quoted = {i for m in SINGLE_QUOTED.finditer(text) for i in (m.start(), m.end() - 1)}
    kept = [i for i, ch in enumerate(text) if not QUOTE_MARK.match(ch) and i not in quoted]
    plain = "".join(text[i] for i in kept)
    return [dataclasses.replace(c, start=kept[c.start], end=kept[c.end - 1] + 1) for c in find_counts(plain)]


QUOTE_MARK = re.compile(r"[\"“”«»]")
# a figure in single quotes: "'more than 500'" (not an apostrophe: "the men's", "soldiers' wives")
SINGLE_QUOTED = re.compile(r"(?<!\w)['‘](?=[^'‘’]{0,30}\d)[^'‘’]{1,40}['’](?!\w)")


WHICH_BEFORE = re.compile(r",\s*which\s+(?:(?:had|has|have|was|were|is|are)\s+)?(?:been\s+)?(?:[a-z]+ly\s+)?$")
NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s|;|\band\s+that\s")
# "four of the men" (a part of the group), not "seven soldiers of the brigade" (the group)
PARTITIVE = re.compile(r"\bof\s+(?:them|the|those|these|its|their)\b", re.IGNORECASE)

REASON_BEFORE = re.compile(r"\b(?:for|of|over|on\s+charges\s+of|charged\s+with)\s+(?:(?:the|their|his|her|an?)\s+)?"
                           r"(?:[\w-]+\s+)?$", re.IGNORECASE)

# "They went to the front together", "Both had deserted": a pronoun, the subject of the event's verb
THEY = re.compile(r"\W*(?:They|Both|All\s+of\s+them)\s+(?:(?:had|have|were|all|then|later|also|both|together|[a-z]+ly)\s+){0,3}")
# the soldiers a text has been telling of, named again: "the men", "the conscripts", "the accused"
GROUP_NOUNS = (r"men|soldiers|servicemen|marines|paratroopers|conscripts|reservists|recruits|airmen|sailors|volunteers|"
               r"fighters|troops|mobili[sz]ed(?:\s+men)?|accused|defendants|deserters")
SUBJECT_BACK_REFERENCE = re.compile(r"\s*[\"“]?(?:The|These|Those)\s+(?:(?-i:young|remaining|other|same)\s+)?"
                                    rf"(?:{GROUP_NOUNS})\b")
# ", where the brigade has been fighting": a clause with a subject of its own
OWN_SUBJECT_CLAUSE = re.compile(r",\s+(?:where|when|while|whereas)\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
                                r"(?:brigade|battalion|regiment|division|unit|company|army|command)\b", re.IGNORECASE)


def clause_start(text: str, start: int) -> int:
    """Where the clause of a trigger at ``start`` begins, when it is one with a subject of its own."""
    found = [m.start() for m in OWN_SUBJECT_CLAUSE.finditer(text, 0, start)]
    return found[-1] if found else 0


BACK_REFERENCE = re.compile(r"\b(?:they|both|all\s+of\s+them|(?<!\bof\s)the\s+(?:young\s+|remaining\s+|same\s+)?"
                            rf"(?:pair|two|{GROUP_NOUNS}|group))\b", re.IGNORECASE)

# "17 husbands of its members came home": the people counted, told whose they are, are the subject
COUNTED_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|our\s+)?(?:[\w-]+\s+){1,2}")
NOMINAL_BEFORE = re.compile(r"\b(?:at|during|after|before|for|over|against|amid|following|of)\s+"
                            r"(?:(?:a|an|the|their|his|her|its|this|that|these|those|another)\s+)?"
                            r"(?:(?!(?:have|has|had|were|was|are|is|being|having|getting)\b)[\w-]+\s+)?$", re.IGNORECASE)

DEATHS_COUNTED = re.compile(
    r"(?<![\w,.])(?:(?:more\s+than|over|at\s+least|about|around|nearly|almost|some|up\s+to|fewer\s+than|less\s+than|"
    r"in\s+excess\s+of|between)\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\s+and\s+(?P<hi>\d{1,3}(?:,\d{3})+|\d+))?"
    r"(?=\s+(?:confirmed\s+|more\s+)?(?:deaths|dead|fatalities|funerals)\b)", re.IGNORECASE)
DEATH_COUNT = re.compile(
    r"\b(?:deaths|death\s+tolls?|dead|fatalities|killed)\b\s*(?:(?:of|at|reached|rose\s+to|stood\s+at|"
    r"stands\s+at|to|was|is|were|has\s+reached|had\s+reached)\s+)?", re.IGNORECASE)


NOTICE_COUNT = re.compile(r"\b(?:(?:more\s+than|over|at\s+least|about|around|nearly|almost|some|up\s+to|"
                          r"in\s+excess\s+of)\s+)?(?:\d{1,3}(?:,\d{3})+|\d+)(?=\s+(?:new\s+)?(?:call-up\s+|military\s+)?"
                          r"(?:notices|summonses|call-up\s+papers|draft\s+notices)\b)", re.IGNORECASE)
VAGUE_CASES = re.compile(r"\b(?P<phrase>(?:dozens|hundreds|thousands)\s+of)\s+(?:such\s+|similar\s+|new\s+)?(?:criminal\s+)?"
                         r"(?:cases|prosecutions|sentences|verdicts|convictions)\b", re.IGNORECASE)
CASE_COUNT = re.compile(r"\b(?:(?:more\s+than|over|at\s+least|about|around|nearly|almost|some|up\s+to|fewer\s+than|"
                        rf"in\s+excess\s+of)\s+)?(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS})(?=\s+(?:such\s+|new\s+)?"
                        r"(?:criminal\s+)?"
                        r"(?:cases|prosecutions|sentences|verdicts|convictions)\b)", re.IGNORECASE)


KIN_NOUN = re.compile(r"\b(?:women|wives|mothers|relatives|families|parents|sisters|daughters|widows|"
                      r"children|kin|loved\s+ones)\b")
KIN_OF = re.compile(r"\b(?:relatives|wives|mothers|families|parents|sisters|widows|fathers|brothers|children|"
                    r"loved\s+ones)\s+of\s+(?:the\s+|some\s+|about\s+|around\s+)?$", re.IGNORECASE)
KIN_EVENTS = {"Protest", "Detention", "Prosecution"}  # what the relatives themselves may do or suffer


# a clause with a subject of its own: "..., and in September the brigade left", "since the division was deployed"
OTHER_SUBJECT = re.compile(r"(?:,\s+(?:and|but|while|whereas)\s+|;\s*|"
                           r"\b(?:since|after|before|when|until|as|because)\s+)"
                           r"(?:[\w-]+\s+){0,4}?(?<!\bof\s)(?:the|its|their|his|her)\s+(?:[\w-]+\s+)?"
                           r"(?:brigade|division|regiment|battalion|company|unit|army|ministry|command|court|police|"
                           r"authorities|government|governor|officials?|commanders?|officers?|prosecutors?|"
                           r"military|war|mobili[sz]ation|offensive|invasion)\s+(?:[a-z]+ly\s+)?"
                           r"(?:was|were|had|has|have|is|are|would|left|went|came|began|took|made|gave|[a-z]+ed)\b",
                           re.IGNORECASE)


def as_count(kind: str, quantity: Quantity) -> tuple[Quantity | None, Quantity | None]:
    """(participants, deaths): a death toll counts the dead, every other event its people."""
    return (None, quantity) if kind == "Casualties" else (quantity, None)


def counts_for(kind: str, text: str, start: int, end: int, counts: list[QuantityMention],
                triggers: list[tuple[str, int, int]]) -> tuple[Quantity | None, Quantity | None]:
    if kind in KIN_EVENTS:
        # "relatives of 25 mobilized men recorded a video", "police detained the relatives of a deserter": the men
        # counted are not the ones who protested or were detained
        counts = [c for c in counts if not KIN_OF.search(text, 0, c.start) or kind != "Protest" and c.start < start]
    else:
        # "about 40 women gathered outside the enlistment office": the women were not mobilized (but "214 women
        # signed contracts", inside the trigger, were)
        counts = [c for c in counts
                  if c.noun is None or not KIN_NOUN.search(c.noun) or start <= c.start and c.end <= end]
    inside = next((c for c in counts if start <= c.start and c.end <= end or c.start <= start and end <= c.end),
                  None)
    if inside is not None:  # "lost more than 100 soldiers": the count is part of the trigger
        return as_count(kind, inside.quantity)
    # "more than 11,000 such cases were opened": a case is one person charged; "served in excess of 1,000 call-up
    # notices": a notice is one man called up
    one_each = {"Prosecution": CASE_COUNT, "Mobilization": NOTICE_COUNT}.get(kind)
    if one_each is not None and not counts:
        for m in one_each.finditer(text):
            number = count_after(m.group(0))
            if number is not None:
                return number, None
        if kind == "Prosecution":
            vague = VAGUE_CASES.search(text)  # "heard dozens of such cases": at least 24 men tried
            if vague is not None and vague_count(vague["phrase"]) is not None:
                return vague_count(vague["phrase"]), None
    if kind == "Casualties":
        for m in DEATH_COUNT.finditer(text):
            direct = count_after(text[m.end():])
            if direct is not None:
                return None, direct
        nearest = _nearest_count(counts, start, end, triggers, kind, text)
        if nearest is None:
            for m in DEATHS_COUNTED.finditer(text):  # "Between 150 and 200 deaths have been confirmed"
                if m["hi"]:
                    low, high = parse_number(m["num"]), parse_number(m["hi"])
                    if low is not None and high is not None:
                        return None, Quantity(min=low, max=high)
                direct = count_after(m.group(0))
                if direct is not None:
                    return None, direct
        return None, nearest
    counted = next((c for c in counts if c.start >= end and OWN_COUNT.fullmatch(text, end, c.start)), None)
    if counted is not None:  # "the desertion of more than 900 soldiers": the ones it counts
        return counted.quantity, None
    if kind != "Injury" and NOMINAL_BEFORE.search(text[:start]) \
            and not re.match(r"(?:\w+(?:ing|ed)|has|have|had|was|were|is|are|been|being|with)\b", text[start:end]) \
            and not any(0 <= start - c.end <= 12 or c.end <= start and COUNTED_OF.fullmatch(text, c.end, start)
                        for c in counts):
        # "dozens of women were detained at a protest": a noun in another verb's phrase has no subject
        return None, None
    if len(counts) == 1 and counts[0].start >= end and NEW_CLAUSE.search(text[end:counts[0].start]) \
            and any(end <= t[1] and counts[0].end <= t[1] for t in triggers):
        return None, None  # "returned in April, and nearly 200 of them have since re-signed": the next clause's
    which = WHICH_BEFORE.search(text, 0, start)
    if which is not None and counts and all(c.end < which.start() for c in counts):
        return None, None  # "the five served in the 33rd Brigade, which was moved to Kurakhove": the brigade was
    if len(counts) == 1 and counts[0].end <= start and OTHER_SUBJECT.search(text, counts[0].end, end):
        return None, None  # "120 men signed new contracts, and in September the brigade left": its own subject
    if len(counts) == 1:
        # one group of people in the sentence: everything it did, unless it is another verb's object
        owner = owner_of(counts[0], triggers, text)
        if owner is None or (owner[0] == kind and owner[1] == start):
            return counts[0].quantity, None
    found = _nearest_count(counts, start, end, triggers, kind, text)
    owned = owner_of(counts[0], triggers, text) is not None if counts else False
    if found is None and len(counts) == 1 and counts[0].end <= start and not owned:
        between = [t for t in triggers if counts[0].end <= t[1] < start]
        if not between or re.search(r"\bthey\b", text[between[-1][2]:start], re.I):
            found = counts[0].quantity  # one group of people in the sentence: the subject of its verbs
    return found, None


def _nearest_count(counts: list[QuantityMention], start: int, end: int,
                   triggers: list[tuple[str, int, int]], kind: str, text: str) -> Quantity | None:
    """The count closest to the trigger, unless another trigger is closer to it. A count right after a
    verb is its object ("detained hundreds of people"): it belongs to that trigger alone."""
    best, best_distance = None, 10**9
    for count in counts:
        owner = owner_of(count, triggers, text)
        if owner is not None:
            if owner[1] == start and owner[0] == kind:
                return count.quantity
            continue
        distance = start - count.end if count.end <= start else count.start - end
        distance = abs(distance) if count.end <= start else abs(distance) + 15
        # ("Three of the men who were mobilised with him are dead": the relative clause's verb does not take the
        # count from the main verb that follows it)
        closer = [t for t in triggers if t[1] != start and _distance(count, t) < distance
                  and not (count.end <= t[1] < start and RELATIVE_OF_COUNT.fullmatch(text, count.end, t[1]))]
        if distance < best_distance and not closer:
            best, best_distance = count.quantity, distance
    return best


# "detained five men who had refused to go", "detained eight marines after they refused": the people counted as one
# verb's object are the subject of the clause that follows it
SUBJECT_OF_CLAUSE = re.compile(r"(?:,\s*)?(?:\b(?:who|that)|[,\s]\s*(?:after|before|because)\s+they)"
                               r"\s+(?:(?:had|have|has|were|was|had\s+been|have\s+been)\s+)?(?:[a-z]+ly\s+)?"
                               r"(?:(?:gone|went|go)\s+)?$")  # ("who had gone absent")


# "a contract soldier from Balakovo who had fled", "a marine, 24, who": where from, or an age, between
ORIGIN_GAP = re.compile(r"(?:\s+(?:from|of|in|at|near)\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?[A-Z][\w’'-]*"
                        r"(?:[\s-][A-Z][\w’'-]*){0,3}"
                        r"|\s+from\s+(?:[\w’'-]+\s+){1,6}?(?:in|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*){0,2}"
                        r"(?:\s+(?:region|oblast|krai|republic|district))?"
                        r"|\s*,\s*(?:aged\s+)?\d{2})?\s*,?\s*")


REDUCED_RELATIVE = re.compile(r"(?<=[a-z])\s+(?:(?:wanted|sought|suspected|accused)\s+(?:for|of)\s+)?$")
ABSENCE_AFTER_NOUN = re.compile(r"(?:absent|AWOL|desertion|deserting|unauthori[sz]ed\s+absence)\b", re.IGNORECASE)


RELATIVE_OF_COUNT = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:who|that)\s+(?:(?:had|have|has|were|was|been)\s+)*", re.IGNORECASE)


def antecedent_count(text: str, start: int, counts: list[QuantityMention]) -> Quantity | None:
    """The count of the noun a relative clause's verb is told of: "Of the 120 convicts from colonies in the Kirov
    region who were sent to Bakhmut, only 19 are alive" (120 were sent)."""
    clause = SUBJECT_OF_CLAUSE.search(text, 0, start)
    if clause is None or "they" in clause.group(0):
        return None
    before = [c for c in counts if c.end <= clause.start() and c.noun is not None]
    if before and ORIGIN_GAP.fullmatch(text, before[-1].end, clause.start()):
        return before[-1].quantity
    return None


def subject_counted_before(text: str, start: int, counts: list[QuantityMention],
                            triggers: list[tuple[str, int, int]]) -> Quantity | None:
    clause = SUBJECT_OF_CLAUSE.search(text, 0, start)
    if clause is None and ABSENCE_AFTER_NOUN.match(text, start):
        # "detained 23 servicemen absent without leave", "12 soldiers wanted for desertion": the counted noun's
        # own description
        clause = REDUCED_RELATIVE.search(text, 0, start)
    if clause is None:
        return None
    before = [c for c in counts if c.end <= clause.start() and c.noun is not None]
    if not before or owner_of(before[-1], triggers, text) is None:
        return None
    gap = text[before[-1].end:clause.start()]
    if "they" in clause.group(0) and len(before) == 1 or ORIGIN_GAP.fullmatch(gap):
        return before[-1].quantity
    return None


def is_nominal(text: str, trigger: tuple[str, int, int]) -> bool:
    """A trigger that is a noun in another verb's phrase ("for desertion", "at a protest")."""
    _, start, end = trigger
    return bool(NOMINAL_BEFORE.search(text[:start])) and not re.match(r"\w+(?:ing|ed)\b", text[start:end])


def owner_of(count: QuantityMention, triggers: list[tuple[str, int, int]], text: str) -> tuple[str, int, int] | None:
    """The trigger a count is the object of ("detained hundreds of people"), part of ("shot two men dead") or
    the noun it counts ("the desertion of more than 900 soldiers")."""
    # (not across a comma: "After his arrest, eight men recorded an appeal")
    return next((t for t in triggers if 0 <= count.start - t[2] <= 3 and not re.search(r"[,;:]", text[t[2]:count.start])
                 or t[1] <= count.start < t[2]
                 or OWN_COUNT.fullmatch(text, t[2], count.start) or OBJECT_RELATIVE.fullmatch(text, count.end, t[1])),
                None)


# "two men they had just detained": the men are the object of the verb in the relative clause
OBJECT_RELATIVE = re.compile(r"(?:\s+[\w-]+)?\s+(?:whom?\s+|that\s+)?(?:they|police|officers|he|she|we)\s+"
                             r"(?:had\s+|have\s+|has\s+)?(?:just\s+|earlier\s+|already\s+)?", re.IGNORECASE)


def _distance(count: QuantityMention, trigger: tuple[str, int, int]) -> int:
    _, start, end = trigger
    return start - count.end if count.end <= start else count.start - end + 15
