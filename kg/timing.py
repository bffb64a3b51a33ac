"""When an event happened, of the times its sentence names (kg.dates finds and resolves them).

A sentence names times for several things: the event, others beside it, what a relative clause tells, when the
source spoke ("said on Tuesday"). event_interval picks the event's: its own time (the nearest, after its verb
rather than before, not across another verb's clause), else one it shares with the sentence's other events, else
a time put first for all the sentence tells; a perfect ("have terminated their contracts") runs to publication,
"since the law took effect on 18 May" from that day. closer_to_another is also how kg.extract gives each event of
a sentence its own places. Pure functions of the sentence's text, triggers and dates.
"""
from __future__ import annotations

import datetime as dt
import re

from kg.counting import REASON_BEFORE, SUBJECT_OF_CLAUSE, is_nominal
from kg.dates import DateMention, Interval
from kg.text import Sentence

REPORT_DATE_BEFORE = re.compile(
    # ("in a video published on Wednesday": the video is the happening, its day the happening's)
    r"\b(?:said|says|told|reported|cited\s+by|quoted\s+by|according\s+to|wrote|announced|stated|"
    r"(?<!video\s)(?<!appeal\s)(?<!address\s)(?<!that\swas\s)published|claimed|"
    r"confirmed|denied|estimated|insisted|admitted)"
    r"(?:\s+(?:[A-Z][\w’'.-]*|the|a|an|its|their|his|her|activists?|officials|reporters|journalists))*"
    r"(?:\s+(?:in|on|at|during))?\s*$")  # "officials claimed in January that ...": when it was said
REPORT_DATE_AFTER = re.compile(r"^,?\s+(?:said|says|told|reported|denied|announced|confirmed|wrote|stated)\b"
                               r"|^,\s+(?:it|he|she|they|officials|the\s+\w+)\s+(?:said|says|told|reported|"
                               r"announced|wrote|stated)\s+that\b")


def report_dates(sentence: Sentence, dates: list[DateMention]) -> set[int]:
    """Dates that say when something was reported ("activists said on Monday"), not when it happened."""
    return {i for i, d in enumerate(dates)
            if REPORT_DATE_BEFORE.search(sentence.text[: d.start].rstrip() + " ")
            or REPORT_DATE_AFTER.match(sentence.text[d.end:])
            # "On Tuesday, the minister denied that anyone had been detained": when it was said
            or FRONTED_BEFORE.fullmatch(sentence.text[: d.start]) and REPORT_THAT.match(sentence.text, d.end)}


REPORT_THAT = re.compile(r",?\s+[^,.;]{0,80}?\b(?:said|says|denied|denies|claimed|reported|announced|confirmed|insisted|"
                         r"stated|wrote|told\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:[\w’'-]+\s+){0,2}?that\b")


def event_interval(text: str, trigger: tuple[str, int, int], dates: list[DateMention],
                    triggers: list[tuple[str, int, int]], others: list[tuple[str, int, int]],
                    verbal_others: list[tuple[str, int, int]], statistics: bool, published: dt.date | None,
                    same_interval: Interval | None) -> Interval | None:
    """When the event of ``trigger`` happened, of the times its sentence names (``dates``): its own time (nearest
    to it), else one it shares with the other events of the sentence, else a time put first for all it tells;
    ``statistics`` tells a court's figures, ``same_interval`` the time of an event it repeats the count of."""
    kind, start, end = trigger
    # its own time (nearest to it), else one it shares with the other events of the sentence (not one across
    # a clause boundary: "fired in March after refusing to deploy" gives the refusal no date)
    # a crime named as the reason ("convicted ... of desertion in 2023") does not take the verb's time
    spans = tuple((d.start, d.end) for d in dates)
    if kind == "Prosecution" and statistics:
        # "convicted 2,154 servicemen of going absent without leave in the first half of 2023": the period counted
        verbal_others = [t for t in verbal_others if not (t[0] in ("Desertion", "DeploymentRefusal")
                                                          and REASON_BEFORE.search(text[:t[1]]))]
    own_dates = [d for d in dates if not closer_to_another(d.start, d.end, (start, end),
                                                            others if is_nominal(text, (kind, start, end)) else verbal_others,
                                                            spans)]
    shared = [d for d in dates if d not in own_dates and not CLAUSE_BREAK.search(_between(text, d, (start, end)))]
    if is_nominal(text, (kind, start, end)):
        shared = []  # "jailed for desertion on Thursday": the day of the sentence, not of the desertion
    punished = kind in ("Desertion", "DeploymentRefusal") and REASON_BEFORE.search(text[:start]) is not None \
        and any(t[0] == "Prosecution" and t[2] <= start for t in triggers)
    if punished:
        # the crime a court punished: "convicted this year of refusing to fight" takes not the court's time, and
        # "612 sentences for unauthorised abandonment of a unit in January" none (but "for leaving in May" its own)
        shared = []
        if not re.search(r"ing\b", text[start:end]) or statistics:
            own_dates = []
    crimes = [t for t in others if t[0] in ("Desertion", "DeploymentRefusal") and t[1] >= end
              and REASON_BEFORE.search(text[:t[1]]) and re.search(r"ing\b", text[t[1]:t[2]])]
    if kind == "Prosecution" and crimes:
        # "sentenced him for abandoning his position in February": February is when he left, not the sentence
        shared = [d for d in shared if d.start < crimes[0][1]]
    if RELATIVE_BEFORE.search(text[:start]):
        # "soldiers who had fled ... were detained on 9 March": the main clause's time is not the relative's
        later = [t[1] for t in others if t[1] > end]
        shared = [d for d in shared if not later or d.start < min(later)]
    # "the men, who were mobilized in October, refused last week": October is the relative clause's
    asides = [m.span() for m in RELATIVE_ASIDE.finditer(text) if not m.start() <= start < m.end()]
    inside = [d for d in own_dates if any(a <= d.start and d.end <= b for a, b in asides)]
    if len(inside) < len(own_dates):
        own_dates = [d for d in own_dates if d not in inside]
    # "relatives of soldiers who went missing last summer gathered on Saturday": the relative clause's time
    # before the verb gives way to one after it
    if any(d.start >= end for d in own_dates):
        own_dates = [d for d in own_dates if d.start >= end or not RELATIVE_PRONOUN.search(text, max(0, d.start - 80),
                                                                                           d.start)]
    # "left after the regiment was moved in February": February is when it was moved
    own_dates = [d for d in own_dates if d.start < end or d.relative or not AFTER_CLAUSE.match(text, end, d.start)]
    # "mobilized in October and sent to the front in December": a time that ends the verb phrase before "and" is
    # that verb's
    own_dates = [d for d in own_dates if not (d.end <= start and any(t[2] <= d.start for t in others)
                                              and COORDINATED.fullmatch(text[d.end:start] + text[start:end][:4]))]
    subordinate = SUBJECT_OF_CLAUSE.search(text, 0, start)
    if subordinate is not None:
        # "detained five men on Friday who had refused to go": the main clause's time is not the clause's
        own_dates = [d for d in own_dates if d.start >= subordinate.start()]
        shared = [d for d in shared if d.start >= subordinate.start()]
    # "On Thursday morning, around 50 relatives of soldiers missing since the fighting in May held a rally": a time put
    # first, before the subject, is the main verb's; one inside the subject is its modifier's
    opening = next((d for d in own_dates if FRONTED_BEFORE.fullmatch(text[:d.start]) and OPENING_AFTER.match(text, d.end)
                    and d.end <= start), None)
    if opening is not None and all(d is opening or opening.end <= d.start and d.end <= start for d in own_dates) \
            and len(own_dates) > 1 and not RELATIVE_BEFORE.search(text[:start]):
        own_dates = [opening]
    if not own_dates and not shared and JUST_BEFORE.search(text, max(0, start - 20), start):
        # "forcing officers to release two men they had just detained": the time of the verb it was just before
        shared = [d for d in dates if d.end <= start]
    interval = nearest_date(own_dates or shared, start, text)
    if interval is not None and not own_dates and PERFECT_BEFORE.search(text[:start]) \
            and all(d.end <= start for d in shared) and interval.earliest is not None:
        # "soldiers who came home in July have terminated their contracts": since July, by publication
        if published is not None and interval.earliest <= published:
            interval = Interval(interval.earliest, published)
    if interval is None and not punished and (subordinate is None or not HAD_DONE.search(subordinate.group(0) + text[start:end])):
        # "In December, 12 of its fighters who refused to fight were detained": a time put first holds for all the
        # sentence tells (not what "had" happened before it)
        # "A fortnight ago, a court jailed three for refusing to fight": the court's time, not the crime's
        # "Also on Monday, one soldier was killed and three were wounded": a time put before the sentence's
        # subject holds for all it tells
        fronted = [d for d in dates if d.end <= start and FRONTED_BEFORE.fullmatch(text[:d.start])
                   and FRONTED_AFTER.match(text, d.end)]
        interval = nearest_date(fronted, start)
    if interval is None:
        interval = _after_a_time(text, end, dates, published)
    if interval is None and same_interval is not None:
        interval = same_interval
    since = _since_a_happening(text, (start, end), dates, published)
    if since is not None:
        interval = since
    return interval


def _after_a_time(text: str, trigger_end: int, dates: list[DateMention], published: dt.date | None) -> Interval | None:
    """"deserted after the unit was sent to the front in October": some time from October to publication."""
    for d in dates:
        if d.relative or d.start < trigger_end:
            continue  # "detained after the rally": when the rally was, not some time after
        clause = AFTER_CLAUSE.match(text, trigger_end, d.start)
        if clause and d.interval.earliest is not None and published is not None and d.interval.earliest <= published:
            return Interval(d.interval.earliest, published)
    return None


COORDINATED = re.compile(r"\s*,?\s*and\s.*|\s*,?\s*and\s*", re.DOTALL)
RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,;:]*,")
PERFECT_BEFORE = re.compile(r"\b(?:have|has)\s+(?:(?:also|now|since|already|all|both)\s+)?(?:been\s+)?$", re.IGNORECASE)
# what lies between an event and the time of what it followed: "left their positions ... after the unit was sent ..."
AFTER_CLAUSE = re.compile(r"[^.;:,]{0,80}?\bafter\b[^.;:]{0,120}$", re.IGNORECASE)
SINCE_CLAUSE = re.compile(r"\b(?i:since)\s+(?!(?i:then)\b)(?=[^,;.]{0,90}\b(?:was|were|began|started|opened|"
                          r"took|came|entered|announced|introduced|launched|declared|signed|passed|mutiny|offensive|"
                          r"invasion|start|beginning|outbreak|mobili[sz]ation|announcement|incursion)\b)")
PERFECT = re.compile(r"\b(?:have|has)\s+(?:(?:also|now|already|all|both)\s+)?(?:been\s+)?"
                     r"(?:\w+(?:ed|en|t)|come|become|gone|run|done)\b", re.IGNORECASE)  # ("have come back")


def _since_a_happening(text: str, trigger: tuple[int, int], dates: list[DateMention],
                       published: dt.date | None) -> Interval | None:
    """"have returned to service since the procedure came into force in late November", "Since a new law took
    effect on 29 November, 3,000 soldiers have returned": from the time of the happening the clause names up to
    publication, for a perfect outside the clause."""
    if published is None:
        return None
    for clause in SINCE_CLAUSE.finditer(text):
        inside = [d for d in dates if clause.end() <= d.start <= clause.end() + 90
                  and not re.search(r"[,;.]", text[clause.end():d.start])]
        if not inside or inside[0].interval.earliest is None or inside[0].interval.earliest > published:
            continue
        span = (clause.start(), inside[0].end)
        if span[0] <= trigger[0] < span[1] or RELATIVE_BEFORE.search(text[:trigger[0]]):
            continue  # the event is the happening the clause names, or told in a relative clause ("who had left")
        # the trigger's own verb in the perfect (not a relative clause's: "relatives of soldiers who have served
        # since the invasion rallied")
        if any(not span[0] <= m.start() < span[1] and trigger[0] - 80 <= m.start() <= trigger[1]
               and not re.search(r"\b(?:who|which|that)\s+$", text[:m.start()])
               for m in PERFECT.finditer(text)):
            return Interval(inside[0].interval.earliest, published)
    return None


HAD_DONE = re.compile(r"\b(?:had|has|have)\b", re.IGNORECASE)
FRONTED_BEFORE = re.compile(r"\s*(?:(?:Also|And|But|Then|Later|Earlier|Separately|Meanwhile)\s*,?\s+)?(?:(?:[Oo]n|[Ii]n|[Ll]ate|"
                            r"[Ee]arly|[Bb]y|[Ss]ince|[Dd]uring|[Oo]ver|[Aa]t)\s+)?(?:the\s+)?")
FRONTED_AFTER = re.compile(r"\s*,|\s+(?=[\w“\"])")  # "On 9 January, a shell", "On 9 January a shell"
OPENING_AFTER = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?\s*,")
JUST_BEFORE = re.compile(r"\b(?:had|has|have)\s+just\s+(?:been\s+)?$", re.IGNORECASE)
RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:(?:had|have|has|had\s+been|have\s+been|were|was)\s+)?"
                             r"(?:[a-z]+ly\s+)?$", re.IGNORECASE)
RELATIVE_PRONOUN = re.compile(r"\b(?:who|which|whose)\b")
CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:after|before|who|which|because|since|until|then)\b", re.I)


def _between(text: str, date: DateMention, trigger: tuple[int, int]) -> str:
    return text[date.end:trigger[0]] if date.end <= trigger[0] else text[trigger[1]:date.start]


def closer_to_another(start: int, end: int, trigger: tuple[int, int], others: list[tuple[str, int, int]],
                       rivals: tuple[tuple[int, int], ...] = ()) -> bool:
    """Whether a place or time in the sentence is nearer to another event's trigger than to this one's
    ("soldiers who had fled their unit in Belgorod were detained in Voronezh on Tuesday"). A later trigger with
    one of ``rivals`` (spans of the same kind) between it and this span has its own: "came home in October and in
    November refused" leaves October to the coming home."""
    def gap(t_start: int, t_end: int) -> int:
        # what follows a verb is more often its argument than what precedes the next one
        return start - t_end if start >= t_end else max(t_start - end, 0) + BEFORE_PENALTY

    def has_its_own(t_start: int) -> bool:
        return trigger[1] <= start and end <= t_start and any(end <= a and b <= t_start for a, b in rivals)

    own = gap(*trigger)
    return any(gap(t[1], t[2]) < own and not has_its_own(t[1]) for t in others)


BEFORE_PENALTY = 20
CLAUSE_PENALTY = 60
NEW_SUBJECT = re.compile(r"(?:,\s*(?:and|but|while)|;)\s+(?:he|she|they|the\s+\w+|its\s+\w+|their\s+\w+)\s",
                         re.IGNORECASE)


def nearest_date(dates: list[DateMention], position: int, text: str = "") -> Interval | None:
    """The time nearest the trigger at ``position``, one after it before one behind it, and one behind it across
    a new clause ("adjourned the same day, and he has been held since the autumn") last."""
    if not dates:
        return None

    def distance(d: DateMention) -> int:
        if d.start >= position:
            # ("wounded near Bakhmut, and that summer he was discharged": the summer is the next clause's)
            return d.start - position + (CLAUSE_PENALTY if text and NEXT_CLAUSE.search(text, position, d.start) else 0)
        # ("signed his first contract in the spring of 2022 and was wounded ... in December": the spring is the
        # signing's, the verb before the "and")
        other_verb = NEW_SUBJECT.search(text, d.end, position) or AND_THEN.fullmatch(text, d.end, position)
        return position - d.end + BEFORE_PENALTY + (CLAUSE_PENALTY if other_verb else 0)

    nearest = min(dates, key=distance)
    return nearest.interval if (nearest.interval.earliest or nearest.interval.latest) else None


NEXT_CLAUSE = re.compile(r",\s*(?:and|but|while)\s|;")
AND_THEN = re.compile(r",?\s+and\s+(?:(?:was|were|had|has|have|been|then|later)\s+)*", re.IGNORECASE)
