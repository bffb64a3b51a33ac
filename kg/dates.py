"""Date expressions in news text, each read as the interval of days it allows.

"in March 2022" -> 2022-03-01 … 2022-03-31; "on 3 March 2022" -> that day; "last month" relative to the
publication date; "the first month of the war" against the anchors in data/patterns/eras.tsv. An expression
that cannot be placed (a weekday with no publication date) gives no interval rather than a guess.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.patterns import read_table, required_words, words_test

MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["Sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
SPANS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}

# (not a name that begins like one: "Mar'ina Gorka")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![’']\w)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                  "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
ORDINALS = {w: n for n, w in enumerate(_ORDINAL_WORDS, 1)}
ORDINALS.update({f"twenty-{w}": 20 + n for n, w in enumerate(_ORDINAL_WORDS[:9], 1)})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31})
_ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
# "3 March", "the 3rd of March", "the twenty-eighth of January"
_DAY = rf"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|(?i:the\s+)?(?P<dayword>(?i:{_ORDINAL}))(?![\w-]))"
_DAY_OF = rf"(?:(?P<day>[0-3]?\d)(?:(?:st|nd|rd|th)(?:\s+of)?)?|(?P<dayword>(?i:{_ORDINAL}))\s+of)"
_WEEKDAY = r"(?P<weekday>" + "|".join(calendar.day_name) + ")"


@dataclass(frozen=True)
class Interval:
    earliest: dt.date | None
    latest: dt.date | None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    interval: Interval
    explicit_year: int | None  # a year the text states (or implies by an anchor), for later month names
    relative: bool = False  # counted from another time ("four days earlier", "the same day")


def month_interval(year: int, month: int) -> Interval:
    last = calendar.monthrange(year, month)[1]
    return Interval(dt.date(year, month, 1), dt.date(year, month, last))


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _eras() -> tuple[tuple[str, dt.date], ...]:
    return tuple((row[0], dt.date.fromisoformat(row[1])) for row in read_table("eras.tsv"))


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    era = "|".join(f"(?:{phrase})" for phrase, _ in _eras())
    day_month = rf"(?:{_WEEKDAY},?\s+)?{_DAY_OF}\s+{_MONTH}(?:,?\s+{_YEAR})?"
    month_day = rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?"
    return (
        ("era_first", re.compile(
            rf"\b(?:the\s+)?first\s+(?P<n>two\s+|three\s+|few\s+)?(?P<span>days?|weeks?|months?|year)\s+of\s+"
            rf"(?:the\s+|Russia['’]s\s+)?(?P<era>{era})", re.I)),
        ("year_start", re.compile(r"\b(?P<since>since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year\b", re.I)),
        ("year_span", re.compile(
            rf"\b(?:in\s+|during\s+|over\s+)?the\s+(?:(?P<edge>first|last|final)\s+"
            rf"(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d)\s+months|"
            rf"(?P<q>first|second|third|fourth|final|last)\s+quarter)(?:\s+of\s+(?:(?P<rel>the|this|last)\s+year|{_YEAR}))?\b",
            re.I)),
        ("past_days", re.compile(r"\b(?:in|over|during)\s+the\s+(?:past|last|"
                                 r"(?:previous|preceding)(?=\s+\w+\s+(?:hours|days|weeks|months)\b))"
                                 r"\s+(?:(?P<n>\w+)\s+)?(?P<unit>hours|days?|weeks?|months?)\b(?!\s+of\b)", re.I)),
        ("era_since", re.compile(
            rf"\b(?:since|from)\s+the\s+(?:start|beginning|outset)\s+of\s+(?:the\s+|Russia['’]s\s+)?(?P<era>{era})",
            re.I)),
        ("era_since", re.compile(
            rf"\bsince\s+(?:the\s+|Russia['’]s\s+)?(?P<era>{era})\s+(?:was\s+(?:announced|declared|launched)|began|"
            rf"started)\b", re.I)),
        ("iso_day", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        ("dotted_day", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
        # "from 1 October to 31 December 2024", "between March 3 and April 9": days of two months
        ("day_span", re.compile(
            rf"\b(?i:between|from)\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH.replace('?P<month>', '?P<first>')}"
            rf"(?:,?\s+{_YEAR.replace('?P<year>', '?P<first_year>')})?\s+(?i:and|to|until|till|through)\s+"
            # ("between 21 September and the end of October": to its last day)
            rf"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+|(?i:the\s+end\s+of)\s+){_MONTH}(?:,?\s+{_YEAR})?\b")),
        ("day_span", re.compile(
            rf"\b(?i:between|from)\s+{_MONTH.replace('?P<month>', '?P<first>')}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:,?\s+{_YEAR.replace('?P<year>', '?P<first_year>')})?,?\s+(?i:and|to|until|till|through)\s+"
            rf"{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b")),
        ("day_range", re.compile(
            rf"\b(?:(?i:between|from)\s+)?(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*{_DAY}\s+{_MONTH}"
            rf"(?:,?\s+{_YEAR})?\b")),
        ("day_range", re.compile(
            rf"\b{_MONTH}\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|until)\s*{_DAY}(?!\d)"
            rf"(?:,?\s+{_YEAR})?\b")),
        # "Within two days, ...", "Within a week, ...": from the time the text last named, that long on (opening the
        # sentence, as the story goes on; "sent back within a month" counts from something the text need not name)
        ("within", re.compile(r"^\s*(?i:within)\s+(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                              r"\d{1,2})\s+(?P<unit>days?|weeks?|months?)\b(?!\s+(?:of|after|before)\b)")),
        # "On that first day, ...", "On the first day alone, ...": opening the sentence, the first day of the time
        # the text last named ("killed on the first day" inside a quote may count from something it does not name)
        ("first_day", re.compile(r"^\s*(?:[A-Z][A-Z’' .-]*:\s+)?(?i:on)\s+(?i:that|the)\s+(?i:first|very\s+first)"
                                 r"\s+(?i:day)\b(?!\s+of\b)")),
        # "on the 14th": that day of the month the text last named
        ("ordinal_day", re.compile(r"\b(?i:on)\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\b|"
                                   r"(?i:anniversary|floor|day|week|month|year|time|century|birthday)\b))")),
        # "died on Saturday, four days after he was beaten": the clause's happening, that long before the day named
        ("clause_after", re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?|months?)\s+"
            r"(?P<dir>after|before)(?=\s+(?:he|she|they|the\s+(?:[\w-]+\s+)?(?:men|man|soldiers?|conscripts?|"
            r"reservists?|marines|servicem[ae]n))\s+(?:was|were|had|died|left|fled|refused|deserted|came|went|"
            r"returned|arrived|signed|ran|quit)\b)", re.I)),
        ("later", re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d{1,2})\s+"
            r"(?P<unit>days?|weeks?|fortnights?|months?)\s+"
            r"(?P<dir>later|afterwards?|earlier|(?:after|before)(?=\s*[,.;:]|\s*$)|"
            # "four days after the announcement": counted from the happening named (the text's last time)
            r"(?:after|before)(?=\s+(?:the|that|this|their|its|his|her)\s+(?:[\w-]+\s+)?(?:announcement|rally|protest|"
            r"picket|exchange|swap|strike|attack|shelling|detention|arrest|verdict|sentence|trial|hearing|funeral|"
            r"refusal|call-up|mobili[sz]ation|deployment|return|desertion|incident|video|appeal|letter|raid|decree)\b"
            r"(?!\s+(?:was|were|had|has|is|are)\b)))",
            re.I)),
        ("next", re.compile(r"\bthe\s+(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|week|month|morning|"
                            r"evening|night)\b", re.I)),
        ("ago", re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
            r"(?P<unit>days?|weeks?|fortnights?|months?|years?)\s+ago\b(?P<today>,?\s+(?:to)?day\b)?", re.I)),
        # "hours later": the day the text last named, or the next one
        ("hours_later", re.compile(r"\b(?:(?:a\s+few|several|two|three|\d{1,2})\s+)?hours\s+(?P<dir>later|afterwards|earlier|"
                                   r"(?:after|before)(?=\s*[,.;:]|\s*$))", re.I)),
        ("weekend", re.compile(r"\b(?:over|at|on|during|this|last)\s+(?:the\s+)?(?:past\s+)?weekend\b", re.I)),
        ("month_part", re.compile(
            rf"\b(?:(?P<since>(?i:since)\s+)|(?i:at|by|in|from)\s+)?(?i:the)\s+(?P<part>end|close|beginning|start|middle|first\s+half|"
            rf"second\s+half|first\s+days|last\s+days|first\s+ten\s+days|last\s+ten\s+days|first\s+week|"
            rf"second\s+week|third\s+week|last\s+week)\s+of\s+{_MONTH}"
            rf"(?:\s+(?:of\s+)?{_YEAR})?\b")),
        ("month_part_rel", re.compile(
            r"\b(?:(?P<since>since\s+)|(?:at|by|in|from|towards?)\s+)?(?:the\s+)?(?:(?P<part>early|late|mid)[- ]|"
            r"(?P<edge>end|close|beginning|start|middle|first\s+half|second\s+half|first\s+days|last\s+days|"
            r"first\s+ten\s+days|last\s+ten\s+days|first\s+week|second\s+week|third\s+week|last\s+week)\s+of\s+)"
            # "in the first week of the month": of this month, as news tells it
            r"(?P<rel>last|this|the\s+previous|the\s+past|the(?=\s+month\b(?!\s+(?:before|after|of|when))))"
            r"\s+month\b", re.I)),
        ("year_part", re.compile(
            rf"\b(?:(?:at|by|in|from|during)\s+)?(?:the\s+)?(?P<part>early|late|mid|end|close|beginning|start|middle|"
            rf"first\s+half|second\s+half)(?:[- ]|\s+of\s+)(?:(?P<rel>last|this|the\s+previous|the\s+same|the)\s+year|{_YEAR})\b",
            re.I)),
        ("holiday", re.compile(rf"\b(?P<name>{'|'.join(HOLIDAYS)})(?:\s+{_YEAR})?", re.IGNORECASE)),
        ("by_day", re.compile(rf"\b(?i:by|as\s+of|as\s+at)\s+(?:{day_month}|{month_day.replace('?P<', '?P<b_')})\b")),
        ("day", re.compile(rf"\b{day_month}\b")),
        ("day", re.compile(rf"\b{month_day}\b")),
        ("since_month", re.compile(rf"\b(?i:since)\s+(?:(?P<part>(?i:early|late|mid))[- ])?{_MONTH}(?:\s+{_YEAR})?\b")),
        # "earlier in July": that month, up to the time the text last named when that is in it
        ("earlier_in", re.compile(rf"\b(?i:earlier)\s+(?i:in)\s+{_MONTH}(?:\s+{_YEAR})?\b")),
        ("month_range", re.compile(
            rf"\b(?i:between|from)\s+{_MONTH.replace('?P<month>', '?P<first>')}(?:\s+{_YEAR.replace('?P<year>', '?P<first_year>')})?"
            rf"\s+(?:and|to|until|through)\s+{_MONTH}(?:\s+(?:of\s+)?{_YEAR})?\b")),
        # "in July-December 2024", "January–March": both months and those between
        ("month_range", re.compile(
            rf"\b{_MONTH.replace('?P<month>', '?P<first>')}(?:\s+{_YEAR.replace('?P<year>', '?P<first_year>')})?"
            rf"\s*[-–]\s*{_MONTH}(?:\s+(?:of\s+)?{_YEAR})?\b")),
        # "in October and November 2024": both months, as one span
        ("month_range", re.compile(
            rf"\b(?i:in|during|throughout)\s+{_MONTH.replace('?P<month>', '?P<first>')}(?:\s+{_YEAR.replace('?P<year>', '?P<first_year>')})?"
            rf"\s+and\s+{_MONTH}(?:\s+(?:of\s+)?{_YEAR})?\b")),
        ("month", re.compile(rf"\b(?:(?P<part>(?i:early|late|mid))[- ])?{_MONTH}(?:\s+(?:of\s+)?{_YEAR}|"
                             rf"\s+(?P<rel>last|this)\s+year)?\b")),
        # "and were killed that winter": the season at or after the time the text last named
        ("that_season", re.compile(r"\b(?:(?:in|during|over|by|later)\s+)?that\s+(?P<season>spring|summer|autumn|fall|"
                                   r"winter)\b", re.I)),
        ("season", re.compile(
            rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}\b", re.I)),
        ("season", re.compile(
            r"\b(?:(?:in|during|over|since|throughout|by)\s+(?:the\s+|this\s+|last\s+)?|this\s+|last\s+|"
            r"(?P<rel>this|last)\s+)(?P<season>spring|summer|autumn|fall|"
            r"winter)\b(?!\s+(?:of\s+)?\d)", re.I)),
        ("year", re.compile(rf"\b(?i:in|during|since|throughout|by|of|early|late)\s+{_YEAR}\b(?!\s*(?:soldiers|men))")),
        ("relative", re.compile(
            r"\b(?P<rel>last|this|earlier\s+this|later\s+this|the\s+previous|the\s+past)\s+"
            r"(?P<unit>week|month|year|weekend)\b", re.I)),
        ("weekday", re.compile(rf"\b(?i:on|last|this|since)\s+(?:the\s+)?{_WEEKDAY}"
                               rf"(?:\s+(?:and|or|to|through|into)\s+(?P<weekday2>{'|'.join(calendar.day_name)}))?\b")),
        # "said Tuesday", "were killed early Sunday", "late Saturday": the latest such day, as "on Tuesday"
        ("weekday", re.compile(rf"\b(?:(?i:early|late)\s+)?{_WEEKDAY}\b(?!['’])(?!\s+(?-i:[A-Z]))(?P<weekday2>)")),
        # "at Tuesday's rally": the day of the happening the noun names
        ("weekday", re.compile(rf"\b{_WEEKDAY}['’]s(?=\s+[a-z])(?P<weekday2>)")),
        ("yesterday", re.compile(r"\b(?P<rel>yesterday|today|last\s+night|tonight|this\s+morning|this\s+afternoon|"
                                 r"this\s+evening|since\s+dawn|overnight|"
                                 r"the\s+day\s+before\s+yesterday)\b", re.I)),
        ("day_before", re.compile(r"\bthe\s+day\s+(?P<dir>before|after)\b(?!\s+(?:yesterday|tomorrow))", re.I)),
        ("same", re.compile(r"\b(?:(?:on|in|during|over|at|later|earlier|for)\s+)?(?:the\s+same|that(?:\s+same)?)\s+"
                            r"(?:(?P<unit>day|night|morning|afternoon|evening|week|weekend|month|period)"
                            r"|(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                            r"(?P<units>days|weeks|months))\b(?!\s+(?:of|before|after)\b)", re.I)),
        ("since_then", re.compile(r"\b(?:(?:has|have|had)(?:\s+(?:also|not|only))?\s+since\b(?!\s+(?:the\b|then\b|\d|(?-i:[A-Z])))"
                                  r"|since\s+then\b)", re.I)),
        # "two of them were later detained": some time after the time the text last named, by publication
        ("since_then", re.compile(r"(?<!years\s)(?<!year\s)(?<!hours\s)(?<!decades\s)(?<!months\s)(?<!weeks\s)"
                                  r"(?<!days\s)(?<!\ba\s)(?<!the\s)\blater\b(?!\s+(?:this|that|than|in|on\s+\w+day|date|stage|years?|"
                                  r"months?|weeks?|days?)\b)", re.I)),
    )


@lru_cache(maxsize=1)
def _filtered_patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    return tuple((kind, rx, words_test(required_words(rx.pattern, rx.flags))) for kind, rx in _patterns())


def find_dates(text: str, published: dt.date | None, context_year: int | None,
               anchor: Interval | None = None, story: tuple[int, int] | None = None) -> list[DateMention]:
    """Date expressions in one sentence, with ``context_year`` the year the article last stated,
    ``anchor`` the time the text last named ("two days later" counts from it) and ``story`` the year and month
    a story told in order has just reached (see ``_in_the_story``)."""
    if published is not None:
        context_year = None  # "in January", "last autumn": reckoned back from the publication date, when known
    found = _find_dates(text, published, context_year, anchor)
    if context_year is None:
        # "mobilized in October 2022 and sent to the front in December": the year the sentence states first
        first = next((d for d in found if d.explicit_year is not None), None)
        later = [d for d in found if d.explicit_year is None]
        if first is not None and later and all(d.start > first.end for d in later):
            found = _find_dates(text, published, first.explicit_year, anchor)
    elif published is None:
        # "signed new contracts over the summer, and in September 2023 left again": with no publication date, the
        # one year the sentence states is the year of the times it names without one
        years = {d.explicit_year for d in found if d.explicit_year is not None}
        if len(years) == 1 and years != {context_year} and any(d.explicit_year is None for d in found):
            found = _find_dates(text, published, years.pop(), anchor)
    return found if published is None else _in_the_story(text, found, story)


THAT_BEFORE = re.compile(r"\b(?i:that)\s+$")


def _in_the_story(text: str, found: list[DateMention], story: tuple[int, int] | None) -> list[DateMention]:
    """"that April", "that December": the first such month after the time the story had reached, the year and
    month the text last stated (in this sentence, or before it: ``story``). "Mobilized in the autumn of 2022
    and sent to Luhansk that December" is December 2022, not the last December before publication. A month
    named without "that" keeps its reading against the publication date, as the corpus rules read it."""
    if "that" not in text.lower():
        return found  # (every month it moves follows "that")
    out = []
    for d in found:
        i = d.interval
        if d.explicit_year is not None and i.earliest is not None:
            story = (d.explicit_year, i.earliest.month)
        elif story is not None and not d.relative and i.earliest is not None and i.latest is not None \
                and i.earliest.year == i.latest.year and (i.latest - i.earliest).days <= 31 \
                and THAT_BEFORE.search(text, 0, d.start):
            year = story[0] + (i.earliest.month < story[1])
            if year < i.earliest.year:
                d = replace(d, interval=Interval(_in_year(i.earliest, year), _in_year(i.latest, year)),
                            explicit_year=year)
        out.append(d)
    return out


def _in_year(day: dt.date, year: int) -> dt.date:
    """The same day of the month in another year (the month's last day stays its last day)."""
    last = calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, day.month, calendar.monthrange(year, day.month)[1] if day.day == last else day.day)


def _find_dates(text: str, published: dt.date | None, context_year: int | None,
                anchor: Interval | None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    relative: list[tuple[str, re.Match[str]]] = []
    lower = text.lower()
    for kind, pattern, words in _filtered_patterns():
        if words is not None and not words.search(lower):
            continue  # none of the words every match has
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind in RELATIVE_KINDS or kind in ANCHORED:
                taken.append(m.span())
                relative.append((kind, m))
                continue
            interval, year = _RESOLVERS[kind](m, published, context_year)
            # "since Monday", "since 29 November", "since the law took effect on 18 May", "since the summer of
            # 2023", "since early 2023": from its start up to publication
            if interval is not None and published is not None and interval.earliest is not None \
                    and interval.earliest <= published and (
                        kind in ("day", "weekday")
                        and SINCE_BEFORE.search(text[: m.end() if m.group(0)[:5].lower() == "since" else m.start()])
                        or kind in ("season", "year_part") and SINCE_JUST_BEFORE.search(text, 0, m.start())):
                interval = Interval(interval.earliest, published)
            if interval is not None and kind in ("day", "weekday") and interval.earliest == interval.latest \
                    and interval.latest is not None and (NIGHT_AFTER.match(text, m.end())
                                                         or NIGHT_OF_BEFORE.search(text, 0, m.start())):
                # "on Wednesday night", "on the night of 2 October": that day and the next, up to publication
                night_end = interval.latest + dt.timedelta(days=1)
                interval = Interval(interval.earliest, min(night_end, published) if published else night_end)
            if interval is not None:
                taken.append(m.span())
                found.append(DateMention(m.start(), m.end(), interval, year))
    # "on 25 September ... four days earlier": counted from a time named before it in the sentence, if any
    stated = sorted((d for d in found if d.interval.earliest and d.interval.latest), key=lambda d: d.start)
    for kind, m in sorted(relative, key=lambda r: r[1].start()):
        before = [d for d in stated if d.end <= m.start()]
        base = before[-1].interval if before else anchor
        if kind == "since_then":
            # "returned in April after fighting in March, and have since signed": since the main clause's time
            main = [d for d in before if not SUBORDINATE_BEFORE.search(text[:d.start])]
            interval, year = _since_then(main[-1].interval if main else base, published)
        elif kind == "earlier_in":
            interval, year = _earlier_in(m, base, published, context_year)
        elif kind == "past_days":
            # "claimed on Wednesday to have killed 300 in the past week": the week up to that Wednesday
            day = before[-1].interval.latest if before and before[-1].interval.earliest == before[-1].interval.latest \
                else published
            interval, year = _past_days(m, day, context_year)
            if interval is not None:
                found.append(DateMention(m.start(), m.end(), interval, year))
            continue
        elif kind == "within":
            # (not counted on from publication: that would be after it)
            interval, year = _within(m, base) if base is not None else (None, None)
        elif kind == "clause_after":
            # (only from a day this sentence names: "Three weeks after they were evacuated, ..." counts from nothing)
            interval, year = _clause_after(m, before[-1].interval) if before else (None, None)
        elif kind == "ordinal_day":
            interval, year = _ordinal_day(m, base or (Interval(published, published) if published else None),
                                          published)
        else:
            interval, year = ANCHORED[kind](m, base or (Interval(published, published) if published else None))
        if interval is not None:
            mention = DateMention(m.start(), m.end(), interval, year, relative=True)
            found.append(mention)
            if interval.earliest and interval.latest:
                stated = sorted([*stated, mention], key=lambda d: d.start)
    return sorted(found, key=lambda d: d.start)


NIGHT_AFTER = re.compile(r"\s+night\b", re.IGNORECASE)
NIGHT_OF_BEFORE = re.compile(r"\bnight\s+of\s+$", re.IGNORECASE)
SINCE_JUST_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:[\w’'.-]+\s+){1,8}?(?:on|in)\s+)?(?:[^\s]+\s*)?$"
                          r"|\bsince\s+$", re.IGNORECASE)
SUBORDINATE_BEFORE = re.compile(r"\b(?:after|before)\s+(?:[\w’'-]+\s+){0,6}$", re.IGNORECASE)


def _year_for_month(month: int, published: dt.date | None, context_year: int | None) -> int | None:
    """The year a bare month name refers to: the latest not after publication (as the corpus rules read "in
    March"), or without a publication date the one the article last stated."""
    if published is not None:
        return published.year if month <= published.month else published.year - 1
    return context_year


Resolved = tuple[Interval | None, int | None]


def _era_date(name: str) -> dt.date | None:
    for phrase, date in _eras():
        if re.fullmatch(phrase, name, re.I):
            return date
    return None


def _era_first(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    start = _era_date(m["era"])
    if start is None:
        return None, None
    if not m["n"] and m["span"].lower().endswith("s"):
        return Interval(start, None), start.year  # "the first weeks of the war": how many is not said
    count = {"two": 2, "three": 3, "few": 3}.get((m["n"] or "").strip().lower(), 1)
    days = SPANS[m["span"].lower()] * count
    if m["span"].lower().startswith("month"):
        end = _add_months(start, count) - dt.timedelta(days=1)
    else:
        end = start + dt.timedelta(days=days - 1)
    return Interval(start, end), start.year


def _add_months(date: dt.date, months: int) -> dt.date:
    month = date.month - 1 + months
    year = date.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def _era_since(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    start = _era_date(m["era"])
    return (Interval(start, published), start.year) if start else (None, None)


def _day(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    month = MONTHS[m["month"]]
    year = int(m["year"]) if m["year"] else _year_for_month(month, published, None if published else context_year)
    if year is None:
        return Interval(None, None), None
    date = _safe_day(year, month, _day_number(m.groupdict()))
    return (Interval(date, date), year if m["year"] else None) if date else (None, None)


# days news names by their holiday (not the movable feasts)
HOLIDAYS = {r"New\s+Year['’]s\s+Eve": (12, 31), r"New\s+Year['’]s\s+Day": (1, 1), r"Orthodox\s+Christmas": (1, 7),
            r"Christmas\s+Eve": (12, 24), r"Christmas\s+Day": (12, 25), r"Victory\s+Day": (5, 9),
            r"Defender\s+of\s+the\s+Fatherland\s+Day": (2, 23)}


def _holiday(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"on New Year's Eve": that day, the last such day before publication (or in the year stated)."""
    month, day = next(v for k, v in HOLIDAYS.items() if re.fullmatch(k, m["name"], re.IGNORECASE))
    if m["year"]:
        year: int | None = int(m["year"])
    elif published is not None:
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    else:
        year = context_year
    if year is None:
        return Interval(None, None), None
    date = dt.date(year, month, day)
    return Interval(date, date), int(m["year"]) if m["year"] else None


def _day_number(groups: dict[str, str | None]) -> int:
    """The day of the month a match names, in digits ("28th") or in words ("twenty-eighth")."""
    return int(groups["day"]) if groups.get("day") else ORDINALS[groups["dayword"].lower()]


def _by_day(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"rose to 9,300 by 1 December 2022", "as of 1 June": a running total, from the start of the war it counts
    (the first anchor in data/patterns/eras.tsv) up to that day."""
    groups = {k.removeprefix("b_"): v for k, v in m.groupdict().items() if v is not None}
    month = MONTHS[groups["month"]]
    year = int(groups["year"]) if groups.get("year") else _year_for_month(month, published, None if published else context_year)
    if year is None:
        return Interval(None, None), None
    day = _safe_day(year, month, _day_number(groups))
    if day is None:
        return None, None
    start = _eras()[0][1] if _eras() else None
    return Interval(start if start is not None and start <= day else None, day), year if groups.get("year") else None


def _since_month(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    month = MONTHS[m["month"]]
    year = int(m["year"]) if m["year"] else _year_for_month(month, published, context_year)
    if year is None:
        return Interval(None, published), None
    # "since late March": from the 21st, as "late March" begins
    start = _month_part(month_interval(year, month), m["part"]).earliest
    return Interval(start, published), int(m["year"]) if m["year"] else None


def _month(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    if m["month"] in ("May", "March") and not m["year"] and not m["part"] and _looks_like_verb(m):
        return None, None
    month = MONTHS[m["month"]]
    if m["rel"]:
        if published is None:
            return Interval(None, None), None
        year = published.year - (1 if m["rel"].lower() == "last" else 0)
        return _month_part(month_interval(year, month), m["part"]), year
    year = int(m["year"]) if m["year"] else _year_for_month(month, published, context_year)
    if year is None:
        return Interval(None, None), None
    part = _begun_by(published, year, bool(m["year"]), lambda y: _month_part(month_interval(y, month), m["part"]))
    return part, int(m["year"]) if m["year"] else None


def _begun_by(published: dt.date | None, year: int, stated: bool, part_of: Callable[[int], Interval]) -> Interval:
    """The part of a month ``part_of`` gives for ``year``, or for the year before when no year was ``stated`` and
    it had not begun by publication ("in late November", published on 5 November: the last November's)."""
    part = part_of(year)
    if not stated and published is not None and part.earliest > published:
        return part_of(year - 1)
    return part


PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _month_part(interval: Interval, part: str | None) -> Interval:
    """"early March" is the 1st to the 10th, "mid-March" the 11th to the 20th, "late March" the rest."""
    if not part or interval.earliest is None or interval.latest is None:
        return interval
    first, last = PARTS[part.lower()]
    start = interval.earliest.replace(day=first)
    return Interval(start, interval.latest if last == 31 else interval.earliest.replace(day=last))


def _month_range(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"between March and May 2023", "from December 2022 to February 2023", "in October and November"."""
    first, last = MONTHS[m["first"]], MONTHS[m["month"]]
    years = _span_years(m, first, last, published, context_year)
    if years is None:
        return Interval(None, None), None
    start_year, year = years
    if (start_year, first) > (year, last):
        return None, None
    stated = m["year"] or m["first_year"]
    return Interval(dt.date(start_year, first, 1), month_interval(year, last).latest), (
        year if stated else None)


def _looks_like_verb(m: re.Match[str]) -> bool:
    before = m.string[: m.start()].rstrip()
    return not before or before.endswith((".", "“", '"')) or not re.search(
        r"\b(?:in|since|until|by|of|early|late|mid|during|last|this|from|before|after|and)[- ]?$", before, re.I)


def _season(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    first, last = SEASONS[m["season"].lower()]
    explicit = "year" in m.re.groupindex and m["year"]
    if explicit:
        year = int(m["year"])
    elif context_year is not None and not re.search(r"\b(?:last|this)\s", m.group(0), re.I):
        year = context_year
    elif published is not None:
        # "in the summer", "this summer": the latest one that had begun by publication
        year = published.year if (published.month >= first or last < first and published.month <= last) else \
            published.year - 1
        if last < first and published.month <= last:
            year -= 1  # a winter that began in the December before
        if re.search(r"\blast\s", m.group(0), re.I):
            end_year = year + 1 if last < first else year
            if dt.date(end_year, last, calendar.monthrange(end_year, last)[1]) >= published:
                year -= 1  # "last winter": the latest one that had ended by publication
    else:
        return Interval(None, None), None
    end_year = year + 1 if last < first else year
    end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    if m.group(0).lower().startswith("since"):
        end = published  # "since the autumn": from its start up to publication
    return Interval(dt.date(year, first, 1), end), year if explicit else None


def _year(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"in 2022": that year; "since 2022": from its first day up to publication."""
    year = int(m["year"])
    if m.group(0).lower().startswith("since"):
        end = published if published is not None and published.year >= year else None
        return Interval(dt.date(year, 1, 1), end), year
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31)), year


def _relative(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    if published is None:
        return Interval(None, None), None
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    back = rel in ("last", "the previous", "the past")
    if unit == "year":
        year = published.year - 1 if back else published.year
        return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31) if back else published), year
    if unit == "month":
        month_start = published.replace(day=1)
        if back:
            prev = month_start - dt.timedelta(days=1)
            return month_interval(prev.year, prev.month), None
        return Interval(month_start, published), None
    week_start = published - dt.timedelta(days=published.weekday())
    if back:
        return Interval(week_start - dt.timedelta(days=7), week_start - dt.timedelta(days=1)), None
    return Interval(week_start, published), None


BARE_WEEKDAY_AFTER = re.compile(r"(?:\b(?i:until|till|by|before|after|next|every|each|from|coming|following|"
                                r"between|to|through)|(?<![.!?]\s)(?<!^)\b(?-i:[A-Z])[a-z]+)\s+$")


def _weekday(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    if not m["weekday2"] and m["weekday2"] is not None and BARE_WEEKDAY_AFTER.search(m.string[: m.start()]):
        return None, None  # "until Friday", "every Sunday", "Bloody Sunday": no day the story happened on
    if published is None:
        return Interval(None, None), None
    back = (published.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
    if m.group(0).lower().startswith("last") and back == 0:
        back = 7
    day = published - dt.timedelta(days=back)
    if m["weekday2"]:
        last = day + dt.timedelta(days=(WEEKDAYS[m["weekday2"].lower()] - day.weekday()) % 7)
        return Interval(day, min(last, published)), None
    return Interval(day, day), None


def _yesterday(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    if published is None:
        return Interval(None, None), None
    rel = " ".join(m["rel"].lower().split())
    back = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "since dawn": 0,
            "the day before yesterday": 2}.get(rel, 1)
    if rel in ("overnight", "last night"):
        return Interval(published - dt.timedelta(days=1), published), None
    day = published - dt.timedelta(days=back)
    return Interval(day, day), None


def _iso_day(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    date = _safe_day(int(m["year"]), int(m["m"]), int(m["d"]))
    return (Interval(date, date), date.year) if date else (None, None)


def _span_years(m: re.Match[str], first: int, last: int, published: dt.date | None,
                context_year: int | None) -> tuple[int, int] | None:
    """The years of a span's first and last months ("from December 2022 to February", "from 1 October to 31 December
    2024"): a year stated once holds for both, a span over New Year runs into the next; None when unknown."""
    if m["first_year"] and not m["year"]:
        start_year = int(m["first_year"])
        return start_year, start_year if first <= last else start_year + 1
    year = int(m["year"]) if m["year"] else _year_for_month(last, published, context_year)
    if year is None:
        return None
    return (int(m["first_year"]) if m["first_year"] else year if first <= last else year - 1), year


def _day_span(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"from 1 October to 31 December 2024": from the first day to the last, a year stated once holding for both."""
    first, last = MONTHS[m["first"]], MONTHS[m["month"]]
    years = _span_years(m, first, last, published, context_year)
    if years is None:
        return Interval(None, None), None
    start_year, year = years
    start = _safe_day(start_year, first, int(m["d1"]))
    end = _safe_day(year, last, int(m["day"])) if m["day"] else month_interval(year, last).latest
    if start is None or end is None or end < start:
        return None, None
    return Interval(start, end), year if (m["year"] or m["first_year"]) else None


def _day_range(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    month = MONTHS[m["month"]]
    year = int(m["year"]) if m["year"] else _year_for_month(month, published, context_year)
    if year is None:
        return Interval(None, None), None
    first, last = _safe_day(year, month, int(m["first"])), _safe_day(year, month, int(m["day"]))
    if first is None or last is None or last < first:
        return None, None
    return Interval(first, last), year if m["year"] else None


NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _in_units(n: int, unit: str) -> tuple[int, str]:
    """``n`` of ``unit`` ("weeks", "Fortnight") as a count of day, week, month or year: a fortnight is two weeks."""
    unit = unit.lower().rstrip("s")
    return (2 * n, "week") if unit == "fortnight" else (n, unit)


def _ago(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"three days ago" and "a week ago" are that day; "two weeks ago" that calendar week; "a month ago" that
    month."""
    if published is None:
        return Interval(None, None), None
    n, unit = _in_units(int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"].lower()], m["unit"])
    if m["today"] and unit in ("year", "month"):
        # "two years ago today": the same day, that many years or months back
        back = _add_months(published.replace(day=1), -12 * n if unit == "year" else -n)
        day = _safe_day(back.year, back.month, published.day)
        return (Interval(day, day), back.year if unit == "year" else None) if day else (None, None)
    if unit == "day" or unit == "week" and n == 1 and m["unit"].lower() == "week":
        day = published - dt.timedelta(days=n if unit == "day" else 7)
        return Interval(day, day), None
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday() + 7 * n)
        return Interval(monday, monday + dt.timedelta(days=6)), None
    if unit == "month":
        first = _add_months(published.replace(day=1), -n)
        return month_interval(first.year, first.month), None
    return Interval(dt.date(published.year - n, 1, 1), dt.date(published.year - n, 12, 31)), published.year - n


def _weekend(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """The last Saturday and Sunday up to publication ("over the weekend")."""
    if published is None:
        return Interval(None, None), None
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    return Interval(saturday, min(saturday + dt.timedelta(days=1), published)), None


# (first day, last day); a negative first day counts from the month's end ("the last week": its last seven days)
MONTH_PARTS = {"end": (21, 31), "close": (21, 31), "last days": (21, 31), "last week": (-7, 31),
               "beginning": (1, 10), "start": (1, 10), "first days": (1, 10), "first week": (1, 7),
               "middle": (11, 20), "first half": (1, 15), "second half": (16, 31), "first ten days": (1, 10),
               "last ten days": (-10, 31), "second week": (8, 14), "third week": (15, 21)}
YEAR_PARTS = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8), "middle": (5, 8),
              "late": (9, 12), "end": (9, 12), "close": (9, 12), "first half": (1, 6), "second half": (7, 12)}


def _month_part_of(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"at the end of October": the 21st to the last day; "the first half of May": the 1st to the 15th."""
    month = MONTHS[m["month"]]
    year = int(m["year"]) if m["year"] else _year_for_month(month, published, context_year)
    if year is None:
        return Interval(None, None), None
    part = _begun_by(published, year, bool(m["year"]), lambda y: _days_of(month_interval(y, month), m["part"]))
    if m["since"] and published is not None:
        return Interval(part.earliest, published), int(m["year"]) if m["year"] else None
    return part, int(m["year"]) if m["year"] else None


def _days_of(whole: Interval, name: str) -> Interval:
    """The days of a month (``whole``) a part of it names ("the end", "the first half", "the last week")."""
    first, last = MONTH_PARTS[" ".join(name.lower().split())]
    days = whole.latest.day
    return Interval(whole.earliest.replace(day=first if first > 0 else days + first + 1),
                    whole.latest.replace(day=min(last, days)))


def _month_part_relative(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"late last month", "at the end of last month": that part of the month before publication's, as
    "late March" and "at the end of March" are of March; "since the end of last month" runs to publication."""
    if published is None:
        return Interval(None, None), None
    month_start = published.replace(day=1)
    if m["rel"].lower() not in ("this", "the"):
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    whole = month_interval(month_start.year, month_start.month)
    if m["part"]:
        part = _month_part(whole, m["part"])
    else:
        part = _days_of(whole, m["edge"])
    if part.earliest is None or part.earliest > published:
        return None, None
    end = published if m["since"] or part.latest is None or part.latest > published else part.latest
    return Interval(part.earliest, end), None


def _year_part(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"late last year", "in mid-2022", "the first half of 2023": a third or a half of the year."""
    if m["year"]:
        year = int(m["year"])
    elif (m["rel"] or "").lower() == "the same":
        if context_year is None:
            return Interval(None, None), None
        year = context_year
    elif published is None:
        return Interval(None, None), None
    else:
        year = published.year if m["rel"].lower() in ("this", "the") else published.year - 1
    first, last = YEAR_PARTS[" ".join(m["part"].lower().split())]
    return Interval(dt.date(year, first, 1), month_interval(year, last).latest), year


def _later(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"two days later", "a week earlier": the time the text last named, moved."""
    if anchor is None or anchor.earliest is None or anchor.latest is None:
        return Interval(None, None), None
    word = " ".join(m["n"].lower().split())
    if word in ("a few", "several"):
        return Interval(None, None), None
    n, unit = _in_units(int(word) if word.isdigit() else NUMBERS.get(word, 1), m["unit"])
    sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
    if unit == "month":
        start = _add_months(anchor.earliest.replace(day=1), sign * n)
        return month_interval(start.year, start.month), None
    return _days_moved(anchor, sign * n, unit), None


def _days_moved(anchor: Interval, n: int, unit: str) -> Interval:
    """``anchor`` moved by ``n`` days or weeks (``unit``), later or (negative) earlier."""
    shift = dt.timedelta(days=n * (7 if unit == "week" else 1))
    return Interval(anchor.earliest + shift, anchor.latest + shift)


def _clause_after(m: re.Match[str], anchor: Interval) -> Resolved:
    """"on Saturday, four days after he was beaten": the beating, four days before Saturday ("two days before he
    died": the death, two days after); "in November, three months after he came home": August."""
    if anchor.earliest is None or anchor.latest is None:
        return None, None
    n, unit = _in_units(int(m["n"]) if m["n"].isdigit() else NUMBERS.get(m["n"].lower(), 1), m["unit"])
    sign = -1 if m["dir"].lower() == "after" else 1
    if unit == "month":
        latest = _add_months(anchor.latest, sign * n)
        if anchor.latest == month_interval(anchor.latest.year, anchor.latest.month).latest:
            latest = month_interval(latest.year, latest.month).latest  # (a month's last day stays its last day)
        return Interval(_add_months(anchor.earliest, sign * n), latest), None
    return _days_moved(anchor, sign * n, unit), None


def _hours_later(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"hours later": the day the text last named or the next (hours can run past midnight); "hours earlier"
    that day or the one before."""
    if anchor is None or anchor.earliest is None or anchor.latest is None:
        return Interval(None, None), None
    if m["dir"].lower() in ("earlier", "before"):
        return Interval(anchor.earliest - dt.timedelta(days=1), anchor.latest), None
    return Interval(anchor.earliest, anchor.latest + dt.timedelta(days=1)), None


def _next(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"the next day", "the following week", "the previous month", counted from the time last named."""
    if anchor is None or anchor.earliest is None or anchor.latest is None:
        return None, None
    sign = -1 if m["dir"].lower() in ("previous", "preceding") else 1
    unit = m["unit"].lower()
    if unit == "month":
        start = _add_months(anchor.earliest.replace(day=1), sign)
        return month_interval(start.year, start.month), None
    if unit == "week":
        return Interval(anchor.earliest + dt.timedelta(days=7 * sign), anchor.latest + dt.timedelta(days=7 * sign)), None
    if anchor.earliest != anchor.latest:
        return Interval(None, None), None  # "the next day" after a month is no day in particular
    day = anchor.earliest + dt.timedelta(days=sign)
    return Interval(day, day), None


def _day_before(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"the day before", "the day after": next to the day the text last named."""
    if anchor is None or anchor.earliest is None or anchor.earliest != anchor.latest:
        return Interval(None, None), None
    day = anchor.earliest + dt.timedelta(days=1 if m["dir"].lower() == "after" else -1)
    return Interval(day, day), None


def _same(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"on the same day", "that month": the time the text last named, when it is no longer than the unit."""
    if anchor is None or anchor.earliest is None or anchor.latest is None:
        return Interval(None, None), None
    first, last = anchor.earliest, anchor.latest
    days = (last - first).days + 1
    if m["unit"] is None:
        # "over the same four months": the span the text last named, when it is that long
        size = {"days": 1, "weeks": 7, "months": 30.5}[m["units"].lower()]
        count = int(m["count"]) if m["count"].isdigit() else NUMBERS[m["count"].lower()]
        return (Interval(first, last), None) if abs(days - count * size) <= size else (Interval(None, None), None)
    unit = m["unit"].lower()
    if unit == "period":
        # "over the same period": a span the text last named (a week or more; a month it named would be "that month")
        whole_month = first.day == 1 and last == month_interval(first.year, first.month).latest
        return (Interval(first, last), None) if days >= 7 and not whole_month else (Interval(None, None), None)
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return (Interval(first, last), None) if first == last else (Interval(None, None), None)
    if unit in ("week", "weekend"):
        monday = first - dt.timedelta(days=first.weekday())
        if last > monday + dt.timedelta(days=6):
            return Interval(None, None), None
        return (Interval(first, last), None) if unit == "weekend" else \
            (Interval(monday, monday + dt.timedelta(days=6)), None)
    if (first.year, first.month) != (last.year, last.month):
        return Interval(None, None), None
    return month_interval(first.year, first.month), None


def _since_then(anchor: Interval | None, published: dt.date | None) -> Resolved:
    """"have since been killed", "since then": from the time the text last named up to publication."""
    if anchor is None or anchor.earliest is None or published is None or anchor.earliest > published:
        return Interval(None, None), None
    return Interval(anchor.earliest, published), None


def _earlier_in(m: re.Match[str], anchor: Interval | None, published: dt.date | None,
                context_year: int | None) -> Resolved:
    """"Earlier in July", after a day of July the text has named: the 1st up to the day before it."""
    year = int(m["year"]) if m["year"] else _year_for_month(MONTHS[m["month"]], published, context_year)
    if year is None:
        return Interval(None, None), None
    interval = month_interval(year, MONTHS[m["month"]])
    year = year if m["year"] else None
    if anchor is None or anchor.earliest is None:
        return interval, year
    if interval.earliest < anchor.earliest <= interval.latest:
        return Interval(interval.earliest, anchor.earliest - dt.timedelta(days=1)), year
    return interval, year


def _that_season(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"that winter", after "in the autumn of 2023": the first such season that had not ended when that time began
    (after a single day, the publication's when the text named no time, the last one that had begun by then)."""
    if anchor is None or anchor.earliest is None or anchor.latest is None:
        return Interval(None, None), None
    first, last = SEASONS[m["season"].lower()]

    def season(year: int) -> Interval:
        end_year = year + 1 if last < first else year
        return Interval(dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1]))

    year = next(y for y in (anchor.earliest.year - 1, anchor.earliest.year, anchor.earliest.year + 1)
                if season(y).latest >= anchor.earliest)
    if anchor.earliest == anchor.latest and season(year).earliest > anchor.latest:
        year -= 1
    return season(year), None


def _within(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"Within two days, 1,200 reservists had been called up": from the time the text last named to that many
    days (weeks, months) after its end."""
    if anchor is None or anchor.earliest is None or anchor.latest is None:
        return Interval(None, None), None
    word = m["n"].lower()
    n, unit = _in_units(int(word) if word.isdigit() else NUMBERS[word], m["unit"])
    if unit == "month":
        end = _add_months(anchor.latest, n)
        if anchor.latest == month_interval(anchor.latest.year, anchor.latest.month).latest:
            end = month_interval(end.year, end.month).latest  # "in June ... Within a month": to the end of July
    else:
        end = anchor.latest + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return Interval(anchor.earliest, end), None


def _ordinal_day(m: re.Match[str], anchor: Interval | None, published: dt.date | None) -> Resolved:
    """"On the 14th": that day of the month the text last named (the month it lies in, when one); a day after
    publication is the month before's ("buried on Friday ... he died on the 12th", published on the 4th)."""
    if anchor is None or anchor.earliest is None or anchor.latest is None \
            or (anchor.earliest.year, anchor.earliest.month) != (anchor.latest.year, anchor.latest.month):
        return Interval(None, None), None
    month = anchor.earliest.replace(day=1)
    day = _safe_day(month.year, month.month, int(m["day"]))
    if day is not None and published is not None and day > published:
        month = _add_months(month, -1)
        day = _safe_day(month.year, month.month, int(m["day"]))
    return (Interval(day, day), None) if day is not None else (Interval(None, None), None)


def _first_day(m: re.Match[str], anchor: Interval | None) -> Resolved:
    """"On that first day": the first day of the time the text last named."""
    if anchor is None or anchor.earliest is None:
        return Interval(None, None), None
    return Interval(anchor.earliest, anchor.earliest), None


ANCHORED = {"later": _later, "hours_later": _hours_later, "next": _next, "day_before": _day_before, "same": _same,
            "that_season": _that_season, "first_day": _first_day}
# counted from another time too, but resolved in _find_dates with more than the anchor
RELATIVE_KINDS = ("since_then", "past_days", "earlier_in", "within", "ordinal_day", "clause_after")

def _year_start(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"since the start of the year": 1 January of the publication year up to publication."""
    if published is None:
        return Interval(None, None), None
    return Interval(dt.date(published.year, 1, 1), published), published.year


def _past_days(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"in the past week", "over the last three months": that many days up to publication."""
    if published is None:
        return Interval(None, None), None
    word = (m["n"] or "one").lower()
    n = int(word) if word.isdigit() else NUMBERS.get(word, {"few": 3, "several": 3}.get(word))
    if n is None:
        return None, None
    unit = m["unit"].lower().rstrip("s")
    days = -(-n // 24) if unit == "hour" else n * {"day": 1, "week": 7, "month": 30}[unit]
    return Interval(published - dt.timedelta(days=days), published), None


def _year_span(m: re.Match[str], published: dt.date | None, context_year: int | None) -> Resolved:
    """"the last two months of the year", "the second quarter": those months of the year the text is about
    (the year stated, else the latest whose span has begun by publication)."""
    if m["q"]:
        if not m["year"] and not m["rel"] and not (m.group(0).lower().startswith(("in", "during", "over"))):
            return None, None
        quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}[m["q"].lower()]
        first, last = 3 * quarter - 2, 3 * quarter
    else:
        if not m["year"] and not m["rel"]:
            return None, None  # "the last two months" alone: counted back from publication (past_days)
        n = int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"].lower()]
        first, last = (1, n) if m["edge"].lower() == "first" else (13 - n, 12)
    if m["year"]:
        year = int(m["year"])
    elif (m["rel"] or "").lower() == "last":
        if published is None:
            return Interval(None, None), None
        year = published.year - 1
    elif context_year is not None:
        year = context_year
    elif published is not None:
        year = published.year if dt.date(published.year, first, 1) <= published else published.year - 1
    else:
        return Interval(None, None), None
    return Interval(dt.date(year, first, 1), month_interval(year, last).latest), year if m["year"] else None


_RESOLVERS = {
    "year_span": _year_span,
    "year_start": _year_start, "past_days": _past_days,
    "holiday": _holiday, "iso_day": _iso_day, "dotted_day": _iso_day, "day_range": _day_range, "day_span": _day_span, "ago": _ago, "weekend": _weekend,
    "month_part": _month_part_of, "month_part_rel": _month_part_relative, "year_part": _year_part,
    "era_first": _era_first, "era_since": _era_since, "day": _day, "by_day": _by_day, "since_month": _since_month,
    "month_range": _month_range,
    "month": _month, "season": _season, "year": _year, "relative": _relative, "weekday": _weekday,
    "yesterday": _yesterday,
}
