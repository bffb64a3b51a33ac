"""Counts as news reports them: "300", "three hundred", "at least 300", "in excess of 200", "dozens of"."""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.patterns import read_lines, read_table

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
NUMBER_WORDS = rf"(?:(?:{_WORD}|a)(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)"
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS})"


@dataclass(frozen=True)
class Quantity:
    """A count as reported: exact (value), bounded (min/max) or approximate."""

    value: int | None = None
    min: int | None = None
    max: int | None = None
    approximate: bool = False


@dataclass(frozen=True)
class QuantityMention:
    quantity: Quantity
    start: int
    end: int
    noun: str | None  # the people noun counted, None for bare counts ("deaths in excess of 200")


def parse_number(text: str) -> int | None:
    """'1,200' -> 1200, 'three hundred' -> 300, 'twenty-five' -> 25, 'a hundred' -> 100."""
    text = text.strip().lower()
    if re.fullmatch(r"[\d,]+", text):
        return int(text.replace(",", ""))
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text):
        if word in ("and", ""):
            continue
        if word == "a":
            current, seen = 1, True
        elif word in UNITS:
            current, seen = current + UNITS[word], True
        elif word in TENS:
            current, seen = current + TENS[word], True
        elif word in SCALES:
            current, seen = max(current, 1) * SCALES[word], True
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current if seen else None


def bounded(number: int, bound: str | None) -> Quantity:
    """Apply a qualifier's bound to a number."""
    match bound:
        case "min":
            return Quantity(min=number)
        case "min_exclusive":
            return Quantity(min=number + 1)
        case "max":
            return Quantity(max=number)
        case "max_exclusive":
            return Quantity(max=max(number - 1, 0))
        case "max_exclusive_approx":
            return Quantity(max=max(number - 1, 0), approximate=True)
        case "approx":
            return Quantity(value=number, approximate=True)
        case _:
            return Quantity(value=number)


@lru_cache(maxsize=1)
def _qualifier_alternation() -> str:
    """The qualifiers of data/patterns/quantifiers.tsv ("more than", "at least") as one regex alternation, longest
    first (equal lengths alphabetically, so the pattern is the same on every run)."""
    qualifiers = {row[0].lower() for row in read_table("quantifiers.tsv")}
    return "|".join(re.escape(q) for q in sorted(qualifiers, key=lambda q: (-len(q), q)))


# "a dozen armoured vehicles": things counted, not people
THINGS = (r"(?:vehicles|tanks|trucks|lorries|drones|missiles|shells|rockets|buses|trains|cars|carriages|wagons|"
          r"villages|towns|cities|regions|times|kilometres|kilometers|miles|guns|howitzers|aircraft|helicopters|"
          r"planes)\b")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, Quantity]]:
    qualifiers = {row[0].lower(): row[1] for row in read_table("quantifiers.tsv")}
    collectives = {
        row[0].lower(): Quantity(
            value=int(row[1]) if row[1].strip() else None,
            min=int(row[2]) if row[2].strip() else None,
            max=int(row[3]) if row[3].strip() else None,
            approximate=row[4].strip() == "true",
        )
        for row in read_table("collectives.tsv")
    }
    nouns = sorted(read_lines("people.txt"), key=len, reverse=True)
    qual = _qualifier_alternation()
    coll = "|".join(re.escape(c) for c in sorted(collectives, key=len, reverse=True))
    noun = "|".join(re.escape(n) for n in nouns) + r"|\d{1,2}-year-olds"  # "two 18-year-olds"
    # up to three modifiers between the number and the noun: "300 Dagestani contract soldiers"
    not_modifier = "|".join([_WORD, *(m for m in calendar.month_name if m)])
    modifiers = rf"(?:(?:more|other|additional|further|of\s+the|of\s+their|of\s+its|(?!(?:{not_modifier})\b)[A-Za-z’'-]+)\s+){{0,3}}?"
    standalone = "|".join(re.escape(c) for c in sorted(collectives, key=len, reverse=True)
                          if not c.endswith(" of"))
    counted = re.compile(
        rf"\b(?P<coll>{coll})\s+{modifiers}(?P<cnoun>{noun})\b|"
        rf"\b(?P<scoll>{standalone})\b(?!['’])(?!\s+(?:of(?!\s+(?:the\s+)?\d)|spokes|commander))"
        rf"(?!\s+(?:[\w-]+\s+)?{THINGS})|"
        rf"\b(?:(?P<qual>{qual})\s+)?(?:(?P<lo>{NUMBER})(?:(?<=\d)\s*[-–]\s*|\s+to\s+))?(?P<num>{NUMBER})(?<!\b[Aa])(?<!\b[Aa]n)"
        rf"(?:\s+|-)(?!percent|per\b|years?\b|days?\b|months?\b|weeks?\b|hours?\b|km\b|kilomet)"
        rf"{modifiers}(?P<noun>{noun})\b",
        re.IGNORECASE,
    )
    between = re.compile(rf"\bbetween\s+(?P<lo>{NUMBER})\s+and\s+(?P<hi>{NUMBER})\s+{modifiers}(?P<noun>{noun})\b",
                         re.IGNORECASE)
    bare = re.compile(rf"\b(?:(?P<qual>{qual})\s+)?(?P<num>{NUMBER})\b", re.IGNORECASE)
    return counted, between, bare, qualifiers, collectives


@lru_cache(maxsize=1)
def _starts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a match of the counted patterns (and of the "more" patterns) can begin: a digit, a number word, "a"
    before a number word, a qualifier, or (counted only) a collective, at a word's start. Trying the long
    patterns only there finds the same matches as ``finditer`` at about half the cost."""
    *_, collectives = _patterns()
    qual = _qualifier_alternation()
    coll = "|".join(re.escape(c) for c in sorted(collectives, key=len, reverse=True))
    number = rf"\d|{_WORD}|a(?=[\s-])"
    return (re.compile(rf"\b(?:{number}|{qual}|{coll})", re.IGNORECASE),
            re.compile(rf"\b(?:{number}|{qual}|both\b)", re.IGNORECASE))


def _matches(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only at the positions ``starts`` finds (a superset of where a match
    can begin): leftmost first, none overlapping."""
    end = 0
    for start in starts.finditer(text):
        if start.start() >= end and (m := pattern.match(text, start.start())):
            end = m.end()
            yield m


def find_counts(text: str) -> list[QuantityMention]:
    """Counts of people in ``text`` ("at least 300 soldiers", "dozens of conscripts")."""
    counted, between, _, qualifiers, collectives = _patterns()
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []
    for m in between.finditer(text):
        lo, hi = parse_number(m["lo"]), parse_number(m["hi"])
        if lo is not None and hi is not None:
            found.append(QuantityMention(Quantity(min=lo, max=hi), m.start(), m.end(), m["noun"].lower()))
            taken.append(m.span())
    for m in _matches(counted, _starts()[0], text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        q = _counted_quantity(m, qualifiers, collectives)
        if (m["coll"] or m["scoll"]) and q is not None and q.value is not None:
            # "more than a dozen", "at least a company": the qualifier bounds the collective's number
            qual = _qualifier_before().search(text, max(0, m.start() - 25), m.start())
            if qual is not None:
                q = bounded(q.value, qualifiers.get(re.sub(r"\s+", " ", qual["qual"].lower())))
        if m["scoll"] and found and found[-1].noun and re.fullmatch(r"\s+of\s+", text[found[-1].end:m.start()]):
            continue  # "about two hundred fighters of a battalion": the fighters are counted, not their battalion
        if m["scoll"] and found and re.fullmatch(r"\s*,\s*", text[found[-1].end:m.start()]):
            continue  # "two brothers, both sergeants in a brigade, ...": the same people, told again
        if q is not None:
            noun = (m["noun"] or m["cnoun"] or "").lower() or None
            found.append(QuantityMention(q, m.start(), m.end(), noun))
            taken.append(m.span())
    for m in COUNTED_FORMATIONS.finditer(text):
        # "two battalions were moved", "the regiment's first battalion came back", "one of the battalions": as many
        # times the nominal strength
        if not _overlaps(m.span(), taken):
            times = parse_number(m["times"]) if m["times"] else 1
            unit = (m["units"] or m["unit1"] or m["unit2"]).lower()
            size = formation_size({"battalions": "battalion", "companies": "company", "platoons": "platoon"}.get(unit, unit))
            if times:
                found.append(QuantityMention(Quantity(value=size.value * times, approximate=True), m.start(), m.end(),
                                             None))
                taken.append(m.span())
    for m in COUNTED_FORMATION.finditer(text):
        # "a tank company was withdrawn", "their battalion was moved", "a battalion of its special forces": the
        # nominal strength of the formation (the sizes "a platoon", "a company" and "a battalion" have alone)
        if not _overlaps(m.span(), taken):
            found.append(QuantityMention(formation_size(m["unit"]), m.start(), m.end(), None))
            taken.append(m.span())
    for m in _singular().finditer(text):
        # "sentenced a contract soldier", "one conscript was killed": one person is a count of one
        if not _overlaps(m.span(), taken):
            if found and found[-1].quantity == Quantity(value=1) and text[found[-1].end:m.start()].strip() == ",":
                continue  # "A sixth, a 41-year-old from Kazan": the same person, told again
            bound = qualifiers.get(re.sub(r"\s+", " ", m["qual"].lower())) if m["qual"] else None
            noun = m["noun"] or m["office"] or m["office_subject"] or m["named_noun"] or m["definite"] or (m["rank"].split()[-2] if m["rank"] else "person")
            found.append(QuantityMention(bounded(1, bound), m.start(), m.end(), noun.lower()))
            taken.append(m.span())
    for m in _matches(_more(), _starts()[1], text):
        # "seventeen more deserted", "nearly 300 more are expected", "the eleven had been held": people
        # counted before, counted again
        told = next((m[g] for g in ("num", "num2", "num3", "num4", "num5", "num6", "num7", "num8", "num9", "num10",
                                    "num11", "num12", "num13", "num14", "num15", "num16") if m[g]), None)
        vague = m["vague"] or m["vague2"]
        if vague and not _overlaps(m.span(), taken):
            found.append(QuantityMention(collectives[f"{vague.lower()} of"], m.start(), m.end(), None))
            continue
        number = 2 if m["both"] else parse_number(told) if told else None
        if (m["num3"] or m["num5"] or m["num8"] or m["num11"]) and number is not None and 1900 <= number <= 2100:
            continue  # a year
        if number is not None and number > 1 and not _overlaps(m.span(), taken):
            qual = m["qual"] or m["qual3"] or m["qual5"] or m["qual6"] or m["qual8"] or m["qual11"]
            bound = qualifiers.get(re.sub(r"\s+", " ", qual.lower())) if qual else None
            found.append(QuantityMention(bounded(number, bound), m.start(), m.end(), None))
    return _summed(text, sorted((_and_one_more(text, _part_of(text, q, qualifiers)) for q in found),
                                key=lambda q: q.start))


def _summed(text: str, counts: list[QuantityMention]) -> list[QuantityMention]:
    """"two sergeants and a private", "three men and two women": the people of one phrase, counted together."""
    out: list[QuantityMention] = []
    for count in counts:
        last = out[-1] if out else None
        if last is not None and last.noun and count.noun and AND_ONLY.fullmatch(text, last.end, count.start) \
                and last.quantity.value is not None and count.quantity.value is not None \
                and not last.quantity.approximate and not count.quantity.approximate:
            out[-1] = QuantityMention(Quantity(value=last.quantity.value + count.quantity.value), last.start,
                                      count.end, last.noun)
            continue
        out.append(count)
    return out


AND_ONLY = re.compile(r"\s+and\s+")


# "her son and four other men", "he and two friends": one person and a number of others
ONE_AND = re.compile(r"\b(?:he|she|(?:her|his|my|our)\s+(?:son|husband|brother|father|nephew))\s+and\s+"
                     r"(?:about\s+|some\s+|around\s+|nearly\s+)?$",
                     re.IGNORECASE)
# "Denis and two other drivers": a name and others like him (not "Russia and about 300 soldiers")
NAME_AND_OTHERS = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]{2,}\s+and\s+$")


TOGETHER_WITH = re.compile(r"\b(?:together|along)\s+with\s+[\"“]?$", re.IGNORECASE)


def _and_one_more(text: str, count: QuantityMention) -> QuantityMention:
    """"her son and four other men", "called up together with 60 other men": the one person and the others."""
    q = count.quantity
    if q.value is None:
        return count
    window = max(0, count.start - 40)
    together = TOGETHER_WITH.search(text, window, count.start) is not None \
        and re.match(r"(?:[\w-]+\s+){1,2}?[\"”]?\s*other\b", text[count.start:count.end + 12]) is not None
    named = NAME_AND_OTHERS.search(text, window, count.start) is not None \
        and re.match(r"[\w-]+\s+other\s", text[count.start:count.end + 12]) is not None
    one_and = (ONE_AND.search(text, window, count.start) is not None or named) \
        and re.match(r"(?:[\w-]+\s+){1,3}?(?:other\s+|of\s+(?:his|her|their)\s+)?(?:[\w-]+\s+)?"
                     r"(?:men|friends|comrades|colleagues|soldiers|servicemen|others|conscripts|parents|mothers|"
                     r"wives|women|relatives|drivers|officers|fighters|marines|paratroopers|reservists|volunteers|"
                     r"prisoners|detainees|guys|boys|lads)\b", text[count.start:count.end + 40]) is not None
    if not (together or one_and):
        return count
    return QuantityMention(Quantity(value=q.value + 1, approximate=q.approximate), count.start, count.end, count.noun)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether a match begins or ends inside a span already counted."""
    return any(s <= span[0] < e or s < span[1] <= e for s, e in taken)


@lru_cache(maxsize=1)
def _part_before() -> re.Pattern[str]:
    qual = _qualifier_alternation()
    return re.compile(rf"\b(?:(?P<qual>{qual})\s+)?(?P<num>{NUMBER})\s+of\s+"
                      rf"(?:(?P<det>the|those|these|its|their|our|his|her|my)\s+)?(?:(?:{qual})\s+)?$", re.IGNORECASE)


def _part_of(text: str, count: QuantityMention, qualifiers: dict[str, str]) -> QuantityMention:
    """"Fifteen of the 23 soldiers", "46 of our 310 drivers", "87 of 91 protesters": the part told of, not the whole
    it is taken from ("one of about 40 sappers injured in the blast": the forty were injured)."""
    m = _part_before().search(text, max(0, count.start - 60), count.start)
    if m is None or m.end() != count.start and text[m.end():count.start].strip():
        return count
    if m["num"].lower() == "one" and m["det"] is None:
        return count
    number = parse_number(m["num"])
    if number is None or m["num"].lower() in ("a", "an"):
        return count
    bound = qualifiers.get(re.sub(r"\s+", " ", m["qual"].lower())) if m["qual"] else None
    return QuantityMention(bounded(number, bound), m.start(), count.end, count.noun)


COUNTED_FORMATION = re.compile(
    r"(?<!\bof\s)(?<!\band\s)(?<!\bfrom\s)(?<!\bwith\s)(?<!\bin\s)(?<!\bfor\s)(?<!\bto\s)(?<!\binto\s)"
    r"\b(?:(?:an?|one|another)\s+(?:(?:whole|entire)\s+)?|(?:the|their|its|his|our)\s+(?:whole|entire)\s+)"
    r"(?:(?!(?:private|military|security|state|oil|mining|construction|insurance|energy|same|other|first|second|"
    r"third|fourth|fifth|last|next|new)\b)(?-i:[a-z][\w-]*)\s+){0,2}?(?P<unit>platoon|company|battalion)\b"
    r"(?!['’]s|-|\s+(?:of\s+(?:the\s+)?\d[\d,]*(?!\d|st|nd|rd|th)|of\s+(?:about|some|around|more|up|at)\b|commanders?|spokes\w*|press|"
    r"headquarters|chief|leadership|officers?|level|sizes?|and\b|or\b|in\s+which|where|that\s+(?!was|were|had|has)))",
    re.IGNORECASE)
COUNTED_FORMATIONS = re.compile(
    r"(?<!\bof\s)(?<!\band\s)\b(?:(?P<times>two|three|four|five|2|3|4|5)\s+(?:of\s+(?:its|their|the)\s+)?"
    r"(?P<units>battalions|companies|platoons)"
    r"|[\w-]+['’]s\s+(?:first|second|third|fourth|fifth)\s+(?P<unit1>battalion|company|platoon)"
    r"|one\s+of\s+(?:the|its|their)\s+(?P<unit2>battalions|companies|platoons))\b"
    r"(?!['’]s|\s+(?:of\s+(?:the\s+)?\d[\d,]*(?!\d|st|nd|rd|th)|commanders?|spokes\w*|press|headquarters))", re.IGNORECASE)
SINGULAR_NOUNS = (r"soldier|serviceman|servicewoman|service\s?member|conscript|reservist|recruit|draftee|sergeant|"
                  r"private|corporal|lieutenant|airman|marine|sailor|paratrooper|deserter|volunteer|infantryman|"
                  r"guardsman|fighter|cadet|man|woman|resident|member\s+of\s+(?:the|his|their|its)\s+[\w-]+|"
                  r"officer|commander|captain|colonel|engineer|driver|medic|sapper|pilot|gunner|sniper|scout|"
                  r"instructor|operator|father|citizen|migrant|veteran|pensioner|prisoner|convict|inmate|mercenary")


@lru_cache(maxsize=1)
def _singular() -> re.Pattern[str]:
    """One person named with an article or "one": "a 34-year-old reservist", "one contract soldier"
    (not "one of the men", "a soldier's wife", "an officer who ...": another's)."""
    modifier = r"(?:(?!(?:of|who|which|that|and|or|with|from|in|at|to|by)\b)[\w’'-]+\s+){0,3}?"
    qual = _qualifier_alternation()
    year_old = r"\d{2}-year-old"
    objects_of = ("arrested", "detained", "sentenced", "charged", "convicted", "jailed", "sent", "transferred",
                  "mobilized", "mobilised", "drafted", "fined", "captured", "against", "remanded", "released", "caught",
                  "found", "took", "drove", "brought", "picked", "stopped", "seized", "beat", "called", "gave", "given",
                  "made", "forced", "pressed")
    after_verb = "(?:" + "|".join(rf"(?<=\b{verb}\s)" for verb in objects_of) + ")"
    forms = [
        # "a contract soldier", "one conscript", "another soldier", "at least one marine" (not "a private Anton
        # Sokolov": see rank)
        rf"(?:(?P<qual>{qual})\s+(?=one\b))?(?:an?|one|another|(?-i:A|An|One|Another))\s+{modifier}"
        rf"(?P<noun>{SINGULAR_NOUNS})"
        r"(?!\s+(?-i:[A-Z][a-z]))",
        # "a 41-year-old from Naberezhnye Chelny", "a 52-year-old fitter from Tolyatti": a person by age
        rf"(?:an?|(?-i:A|An))\s+(?P<age>{year_old})(?:\s+[a-z-]+){{0,2}}?(?=\s+(?:from|who|of|in|at|to|for)\b|\s*,)",
        # "47-year-old Alexei Rudakov", "23-year-old Artyom,"
        rf"(?P<age3>{year_old})(?=\s+(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+|[A-Z][a-z]+\s*[,.;]))",
        # "the youngest, 23-year-old Artyom,"; "The youngest of the freed men, aged 19,": one singled out by age
        r"(?i:the)\s+(?P<superlative>youngest|eldest|oldest)\b(?=(?:\s+of\s+[^,.;]{1,40})?,\s+(?:aged\s+)?\d{2}\b)",
        # "the 27-year-old was killed" (not "the 19-year-old conscripts")
        rf"(?:the|(?-i:The))\s+(?P<age2>{year_old})"
        r"(?!\s+(?:[\w-]+\s+)?(?:men|women|people|(?!(?:was|has|is|as)\b)[a-z]{2,}s)\b)",
        # "Sardana's son Aital, 22,", "the elder, 21,": a person named or singled out, with an age
        r"(?-i:(?P<named>\b[A-Z][a-z]+|(?i:the\s+(?:younger|elder|older|youngest|eldest))))(?=,\s+(?:aged\s+)?\d{2},)",
        # "arrested him", "a case against him": one man, the object of what was done
        r"(?=(?:him|me|you)\b)" + after_verb + r"(?P<him>him|me|you)",
        # "fined one of them", "sentenced contract soldier Bair Ts.": one person, the object of what was done
        after_verb + r"(?:(?P<one>one)\s+of\s+(?:them|those|these|"
        r"the\s+(?:[\w-]+\s+){0,2}?(?:men|women|soldiers|servicemen|conscripts|reservists|deserters|marines|detainees|"
        r"protesters|recruits|prisoners))\b|(?:[\w-]+\s+)?(?P<named_noun>" + SINGULAR_NOUNS + r")\s+"
        r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]*\.?)?(?:,\s+\d{2},)?))",
        # "detained the head of a medical commission", "a case against the battalion commander": one in office
        r"(?=the\s)" + after_verb + r"the\s+(?:(?:deputy|acting|former)\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?P<office>head|chief|commander|director|deputy)(?!\s+(?:and|or)\b)(?=\s+of\b|\s*[,.;]|\s+(?:on|in|at|for|over|who)\b)",
        # "a criminal case for desertion against the soldier on Monday", "detained the marine": one, told of before
        r"(?=the\s)" + after_verb + r"the\s+(?:[\w-]+\s+)?(?P<definite>" + SINGULAR_NOUNS + r")(?=\s*[,.;]|\s+(?:on|in|at|for|over|who|after)\b)",
        # "wounding a third", "A sixth, a 41-year-old": one more of those counted (not "a third of the men")
        r"(?:an?|(?-i:A))\s+(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
        r"twelfth|thirteenth|fourteenth|fifteenth|\d{1,2}th)\b"
        r"(?=\s*[,.;]|\s+(?:was|were|died|lost|suffered|had|received|man|soldier|serviceman|client|defendant|"
        r"detainee|conscript|marine)\b)",
        # "One was killed near Kreminna", "The other was sentenced", "another died": one of those told of, alone
        r"(?-i:(?<![\w,] )(?P<pronoun_one>One|Another|The\s+other|the\s+other|another))"
        r"(?=\s+(?:(?:was|had|has|is|later|also|reportedly|allegedly)\b|(?:died|deserted|fled|left|returned)\b))",
        # "their platoon commander was killed", "the battalion's commander died": one in office, the subject
        r"(?:the|their|his|its|(?-i:The|Their|His|Its))\s+(?:[\w-]+(?:['’]s)?\s+){0,2}?(?P<office_subject>commander)"
        r"(?=\s+(?:was|had\s+been|has\s+been|died|is)\b)",
        # "Private Anton Sokolov", "Senior Sergeant Ivanov": by rank and name
        r"(?-i:(?P<rank>(?:Senior\s+|Junior\s+)?(?:Private|Sergeant|Corporal|Lieutenant|Captain|Major|Colonel)"
        r"\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))",
    ]
    # a noun that qualifies another: "a volunteer unit", "a soldier's wife", "a marine brigade"
    qualifies = (r"(?!\s+(?:units?|battalions?|brigades?|regiments?|compan(?:y|ies)|platoons?|divisions?|corps|"
                 r"groups?|movements?|organi[sz]ations?|centres?|centers?|offices?|courts?|bases?|camps?|"
                 r"wives|wife|mothers?|famil(?:y|ies)|relatives|lawyers?|rights|infantry|detachments?|"
                 r"formations?|squads?|crews?|force|forces|association|union|committee|council|exchanges?|swaps?)\b)")
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b(?![’'-])" + qualifies, re.IGNORECASE)


@lru_cache(maxsize=1)
def _more() -> re.Pattern[str]:
    qual = _qualifier_alternation()
    # ("The eleven then refused")
    verb = (r"(?=\s+(?:(?:then|later|also|all|both|now)\s+)?(?:[a-z]+ed|are|were|have|had|is|was|will|remain\w*|went|"
            r"fled|left|ran|took|got|came|fought)\b)")
    passive = r"(?=\s+(?:were|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)\b)"
    alone = r"(?![.,]\d)(?!\s+(?:[a-z]+s|of|per|percent)\b)"  # not "another 200 tanks", "all five of"
    # ("Two more, wounded by grenades, are in hospital": a participle set off by commas)
    apposition = r"(?=\s*,\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)\b)"
    return re.compile(rf"\b(?:(?P<qual>{qual})\s+)?(?P<num>{NUMBER})\s+(?:more|others)\b(?!\s+than)"
                      rf"(?:{verb}|{apposition}|(?=\s+who\b))"
                      rf"|(?<=\bthe\s)(?P<num2>{NUMBER}){verb}"
                      # "9 soldiers died and 14 were injured": a number alone as the subject of a passive
                      rf"|(?<=\band\s)(?:(?P<qual3>{qual})\s+)?(?P<num3>{NUMBER}){passive}"
                      # "five of the 34": a part of a group counted before
                      rf"|\b(?P<num4>{NUMBER})\s+of\s+(?:the\s+)?(?:{NUMBER})\b(?!\s*(?:%|per\s*cent|percent))"
                      # "Of 1,500 soldiers who left, fewer than 900 came back": a number alone as a clause's subject
                      # ("about 250 left the service, while 96 signed new contracts")
                      rf"|(?:(?<=,\s)|(?<=\bwhile\s)|(?<=\bwhereas\s))(?:(?P<qual5>{qual})\s+)?(?P<num5>{NUMBER}){verb}"
                      # "Another 15 signed new contracts", "detained the five on a bus", "wounding 14": people counted
                      # by a number alone, after "another", "the" or a verb that takes people as its object
                      rf"|{_after('another', 'a further')}(?P<num6>{NUMBER})\b{alone}"
                      # "The men, about 90 in all, were sent": the group's size, told after it
                      rf"|(?<=,\s)(?:(?P<qual6>{qual})\s+)?(?P<num10>{NUMBER})\s+in\s+(?:all|total)\b"
                      rf"|{_after(*(f'{v} the' for v in TAKING))}"
                      rf"(?P<num7>{NUMBER})\b(?!\s+(?:[a-z]+s|of)\b)"
                      rf"|{_after('wounding', 'injuring', 'killing', 'and wounded', 'and injured', 'buried', 'lost')}"
                      rf"(?:(?P<qual8>{qual})\s+)?(?P<num8>{NUMBER})\b{alone}"
                      # "Eighteen were taken to a detention centre", "only eight came", "a group of 87 returned": a
                      # number alone as the sentence's subject
                      rf"|^\s*(?:\d{{1,2}}\.\s+)?[\"“]?(?:(?P<qual11>{qual})\s+)?(?P<num11>{NUMBER}){verb}"
                      rf"|(?<=\bonly\s)(?P<num12>{NUMBER}){verb}"
                      rf"|{_after('group of', 'a group of')}(?P<num13>{NUMBER})\b{alone}"
                      # "Eighteen of ours were killed", "against 14 of the soldiers": a part of a group told of before
                      rf"|\b(?P<num14>{NUMBER})\s+of\s+(?:ours|us|them|those|these|the\s+(?:[\w-]+\s+){{0,2}}?"
                      r"(?:men|soldiers|servicemen|conscripts|reservists|detainees|wounded|prisoners|marines|"
                      r"paratroopers|recruits|deserters|fighters|volunteers))\b"
                      # "killed four soldiers and wounded nine others": more people, the object of a verb
                      rf"|{_after('wounding', 'injuring', 'killing', 'wounded', 'injured', 'killed', 'detained', 'captured')}"
                      rf"(?P<num15>{NUMBER})\s+(?:others|more)\b"
                      # "and dozens more were wounded": a vague number of people, counted after others
                      rf"|\b(?P<vague>dozens|hundreds|thousands)\s+(?:more|others)\b(?!\s+than){verb}"
                      # "17 were killed and dozens wounded": a vague number alone before a participle, after "and"
                      rf"|(?<=\band\s)(?P<vague2>dozens|hundreds|thousands)(?=\s+(?:more\s+)?(?:were\s+)?"
                      rf"(?:captured|wounded|injured|detained|killed)\b)"
                      # "killed and 12 captured": a number alone before a participle, after "and"
                      rf"|(?<=\band\s)(?P<num16>{NUMBER})(?=\s+(?:captured|wounded|injured|detained|killed)\b)"
                      # "Both were charged": the two told of before
                      rf"|\b(?P<both>both)(?=\s+(?:were|was|had|have|are|later|then)\b)"
                      # "all eleven refused": the group told of before, counted
                      rf"|(?<=\ball\s)(?P<num9>{NUMBER})\b{alone}",
                      re.IGNORECASE)


TAKING = ("detained", "arrested", "sentenced", "captured", "convicted")  # verbs whose object is how many they took


def _after(*words: str) -> str:
    """Right after one of ``words`` (a look-behind per phrase: Python's must each have a fixed width)."""
    behinds = (r"(?<=\b" + r"\s".join(w.split()) + r"\s)" for w in words)
    return "(?:" + "|".join(behinds) + ")"


@lru_cache(maxsize=1)
def _qualifier_before() -> re.Pattern[str]:
    alternatives = _qualifier_alternation().replace(r"\ ", r"\s+")
    return re.compile(rf"\b(?P<qual>{alternatives})\s+$", re.IGNORECASE)


def _counted_quantity(m: re.Match[str], qualifiers: dict[str, str],
                      collectives: dict[str, Quantity]) -> Quantity | None:
    if m["coll"] or m["scoll"]:
        return collectives[(m["coll"] or m["scoll"]).lower()]
    number = parse_number(m["num"])
    if number is None or m["num"].lower() in ("a", "one") and not m["qual"]:
        return None
    if _looks_like_year(m):
        return None
    if m["lo"]:
        low = parse_number(m["lo"])
        if low is not None and low < number:
            return Quantity(min=low, max=number)
    return bounded(number, qualifiers.get((m["qual"] or "").lower()))


YEAR_BEFORE = re.compile(r"(?:\b(?:in|of|since|by|until|during|early|late|mid|spring|summer|autumn|fall|winter|"
                         r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                         r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|"
                         r"\d(?:st|nd|rd|th)?,?|,)\s*$", re.IGNORECASE)


def _looks_like_year(m: re.Match[str]) -> bool:
    """"on March 12, 2023 sentenced a soldier", "in the spring of 2024 from mobilized men": a year, not a
    count. A four-digit number in the years' range counts people only right before its noun ("2000 troops")
    and not after a date's words."""
    num = m["num"]
    if not re.fullmatch(r"(?:19|20)\d\d", num) or m["qual"] or m["lo"]:
        return False
    if YEAR_BEFORE.search(m.string[max(0, m.start("num") - 12):m.start("num")]):
        return True
    return bool(m.string[m.end("num"):m.start("noun")].strip(" -"))


def formation_size(unit: str) -> Quantity | None:
    """The nominal strength of "a battalion", "a company" or "a platoon" (data/patterns/collectives.tsv)."""
    return _patterns()[-1].get(f"a {unit.lower()}")


def vague_count(phrase: str) -> Quantity | None:
    """The count a collective phrase stands for ("dozens of" -> at least 24), from data/patterns/collectives.tsv."""
    return _patterns()[4].get(" ".join(phrase.lower().split()))


RANGE_AFTER = re.compile(rf"(?:between\s+)?(?P<lo>{NUMBER})\s+(?:and|to)\s+(?P<hi>{NUMBER})\b", re.IGNORECASE)


def count_or_range_after(text: str) -> Quantity | None:
    """A count or a range at the start of ``text``: "between 30 and 50" -> 30..50, else as ``count_after``."""
    m = RANGE_AFTER.match(text.lstrip(" :,"))
    low, high = (parse_number(m["lo"]), parse_number(m["hi"])) if m else (None, None)
    if low is not None and high is not None:
        return Quantity(min=low, max=high)
    return count_after(text)


def count_after(text: str) -> Quantity | None:
    """A count at the start of ``text``: "in excess of 200 in each region" -> minValue 201."""
    _, _, bare, qualifiers, _ = _patterns()
    m = bare.match(text.lstrip(" :,"))
    if not m:
        return None
    number = parse_number(m["num"])
    if number is None or m["num"].lower() == "a":
        return None
    return bounded(number, qualifiers.get((m["qual"] or "").lower()))
