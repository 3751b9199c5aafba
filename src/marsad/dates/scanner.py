"""Find date mentions in a text: candidates from each pattern, overlap resolution, values.

The scan runs on the normalised view of the text (see fastview) and maps spans
back to original offsets, so `text[start:end] == mention.text` always holds.

Design decisions (documented here because gold and users depend on them):
- A paired Hijri + Gregorian date («25 شوال 1436 هـ الموافق 10 اغسطس 2015 م»)
  gives two mentions: the Hijri one (calendar "hijri", converted value) and the
  Gregorian one (calendar "gregorian"), both carrying a value.
- A relative day word glued to a weekday («اليوم الجمعة», «أمس (السبت)») is one
  mention; «يوم» before a weekday stays outside the span.
- Week references are Saturday–Friday calendar weeks given month granularity, and are omitted
  when the week straddles two months (gold guidelines; train gold agrees).  «قبل أسبوع» is a
  point: the month of anchor − 7 days.
- A future cue («سيزور», «المقرر», «عشية», «يتوقع أن …») before a weekday or a yearless month
  places it ahead; a relative pronoun («التي ضربها الجمعة») starts a clause of its own.
- A day/month without a year takes the year of an explicit year earlier in the
  same sentence, else the anchor's year, moved back one year when the month is
  more than three months after the anchor (news looks back more than forward)
  unless a future cue is near.
"""
from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field

from marsad.arabic.normalize import fold_char, normalize_text
from marsad.dates import calendar as cal
from marsad.dates import triggers as trig
from marsad.dates.clues import strip_conj, future_cue, word_after, words_before
from marsad.dates.fastview import fast_normalize
from marsad.dates.lexicon import CueRole, Lexicon, Unit, lexicon
from marsad.dates.patterns import Patterns, patterns
from marsad.dates.starts import Starts
from marsad.model import DateMention


class Kind(enum.Enum):
    NUMERIC = 0
    GREGORIAN = 1
    HIJRI = 2
    WEEKDAY = 3
    RELATIVE = 4
    AGO = 5
    YEAR = 6
    NAMED = 7


class Calendar(enum.Enum):
    GREGORIAN = "gregorian"
    HIJRI = "hijri"
    RELATIVE = "relative"


@dataclass(slots=True)
class Candidate:
    kind: Kind
    start: int  # normalised offsets
    end: int
    match: re.Match[str]


@dataclass(frozen=True, slots=True)
class Resolved:
    start: int  # normalised offsets (may trim the match)
    end: int
    value: str | None
    calendar: Calendar
    explicit_year: int | None = None


@dataclass(slots=True)
class Context:
    text: str  # normalised
    anchor: dt.date | None
    lex: Lexicon
    last_year: int | None = None
    last_year_end: int = -1
    # future_cue by position: a candidate may be resolved twice (see `scan`), the clue is the same.
    futures: dict[int, bool] = field(default_factory=dict)

    def future_at(self, pos: int) -> bool:
        hit = self.futures.get(pos)
        if hit is None:
            hit = self.futures[pos] = future_cue(self.text, self.lex, pos)
        return hit

    def year_in_sentence(self, pos: int) -> int | None:
        if self.last_year is None or _SENT_BREAK.search(self.text, self.last_year_end, pos):
            return None
        return self.last_year


_SENT_BREAK = re.compile(r"[.!?؟\n]")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


# -- per-kind resolution ------------------------------


def _day_of(m: re.Match[str], lex: Lexicon) -> int | None:
    raw = m.group("dnum") or m.group("dnum2") or m.group("dnum3")
    if raw:
        return int(raw)
    if m.group("dord"):
        return lex.ordinals.get(" ".join(m.group("dord").split()))
    return None


def _modifier_year(ctx: Context, role: CueRole, month: int, day: int | None) -> int:
    a = ctx.anchor
    assert a is not None
    here = (month, day or 0)
    now = (a.month, a.day if day else 0)
    if role is CueRole.PAST_MODIFIER:
        return a.year if here <= now else a.year - 1
    if role is CueRole.FUTURE_MODIFIER:
        return a.year if here >= now else a.year + 1
    return a.year


def _role_of(ctx: Context, word: str) -> CueRole | None:
    for role in (CueRole.PAST_MODIFIER, CueRole.FUTURE_MODIFIER, CueRole.CURRENT_MODIFIER):
        if word in ctx.lex.cue(role):
            return role
    return None


def _infer_year(ctx: Context, pos: int, month: int, day: int | None) -> int | None:
    year = ctx.year_in_sentence(pos)
    a = ctx.anchor
    future = a is not None and ctx.future_at(pos)
    # «الاتفاق النووي لعام 2015 … بحلول 12 مايو»: a deadline ahead is not in a past sentence year.
    if year is not None and not (future and year < a.year):
        return year
    if a is None:
        return None
    diff = month - a.month
    if future:
        return a.year + 1 if diff <= -2 else a.year
    return a.year - 1 if diff > 3 else a.year


def resolve_gregorian(c: Candidate, ctx: Context) -> Resolved | None:
    m, lex = c.match, ctx.lex
    m1 = " ".join(m.group("m1").split())
    month = lex.gregorian[_canon(m1)]
    day = _day_of(m, lex)
    paired = m.group("m2") or m.group("m2b") or m.group("m2c")
    strong = day or paired or m.group("year") or m.group("mod") or m.group("shahr") or m.group("part")
    if _canon(m1) in lex.ambiguous_months and not strong:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if m.group("part"):
        day = None  # «أواخر مايو»: month granularity
    if day is not None and not m.group("year") and _after_name_head(ctx, c.start):
        return None  # «ميدان 30 يونيو», «منصة 22 مايو»: a name, not a date
    year: int | None
    explicit = None
    if m.group("year"):
        year = explicit = int(m.group("year"))
    elif m.group("yrel"):
        rel = lex.relative[_canon(m.group("yrel"))]
        year = ctx.anchor.year + rel.offset if ctx.anchor else None
    elif m.group("mod"):
        role = _role_of(ctx, _canon(m.group("mod")))
        year = _modifier_year(ctx, role, month, day) if ctx.anchor and role else None
    else:
        fixed = _fixed_year(lex, month, day)
        year = fixed if fixed is not None else _infer_year(ctx, c.start, month, day)
    start = c.start - 1 if m.group("dnum3") else c.start  # «(28) إبريل» keeps its bracket
    if m.group("shahr") and not (m.group("part") or day):
        start = m.start("m1")  # «شهر مارس» → «مارس»
    if year is None:
        value = None
    elif day is None:
        value = _ym(year, month)
    else:
        value = _iso(cal.make_date(year, month, day))
    return Resolved(start, c.end, value, Calendar.GREGORIAN, explicit)


def _after_name_head(ctx: Context, pos: int) -> bool:
    before = words_before(ctx.text, pos, 1)
    return bool(before) and strip_conj(before[-1]).removeprefix("ال") in ctx.lex.cue(CueRole.NAME_HEAD)


def _fixed_year(lex: Lexicon, month: int, day: int | None) -> int | None:
    if day is None:
        return None
    for named in lex.named.values():
        if named.year is not None and named.calendar == "gregorian" and (named.month, named.day) == (month, day):
            return named.year
    return None


def _canon(s: str) -> str:
    """Lexicon key of a matched form: single spaces, لل written back as ال."""
    s = " ".join(s.split())
    return "ال" + s[2:] if s.startswith("لل") else s


def resolve_hijri(c: Candidate, ctx: Context) -> Resolved | None:
    m, lex = c.match, ctx.lex
    month = lex.hijri[_canon(m.group("hm"))]
    day = _day_of(m, lex)
    hyear = int(m.group("hyear")) if m.group("hyear") else None
    if hyear is not None and not 1300 <= hyear <= 1600:
        return None
    if hyear is None and (day is None or not m.group("hsuf") and _canon(m.group("hm")) == "صفر"):
        return None
    end = c.end if m.group("hsuf") else m.end("hyear") if hyear else m.end("hm")
    if day is not None and not 1 <= day <= 30:
        return None
    if hyear is None:
        value = _iso(_nearest_hijri(ctx.anchor, month, day)) if ctx.anchor and day else None
    elif day is None:
        ym = cal.hijri_month_to_gregorian(hyear, month)
        value = _ym(*ym) if ym else None
    else:
        value = _iso(cal.hijri_to_gregorian(hyear, month, day))
    start = c.start - 1 if m.group("dnum3") else c.start
    return Resolved(start, end, value, Calendar.HIJRI)


def _nearest_hijri(anchor: dt.date, month: int, day: int) -> dt.date | None:
    hy = cal.hijri_year_of(anchor)
    if hy is None:
        return None
    options = [d for y in (hy - 1, hy, hy + 1) if (d := cal.hijri_to_gregorian(y, month, day))]
    return min(options, key=lambda d: abs((d - anchor).days), default=None)


def resolve_numeric(c: Candidate, ctx: Context) -> Resolved | None:
    m = c.match
    if m.group("a"):
        d, mo, y = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        if mo > 12 and d <= 12:
            d, mo = mo, d  # month-first writing (4/25/2018)
    else:
        y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    suffix = (m.group("nsuf") or "").strip()
    if suffix == "ه" or (1300 <= y <= 1600 and suffix != "م"):
        date = cal.hijri_to_gregorian(y, mo, d)
        return Resolved(c.start, c.end, _iso(date), Calendar.HIJRI) if date else None
    date = cal.make_date(y, mo, d)
    if date is None or not 1800 <= y <= 2200:
        return None
    return Resolved(c.start, c.end, date.isoformat(), Calendar.GREGORIAN, y)


def resolve_weekday(c: Candidate, ctx: Context) -> Resolved | None:
    m, lex, a = c.match, ctx.lex, ctx.anchor
    weekday = lex.weekdays[_canon(m.group("wd"))]
    pre = m.group("pre")
    start = m.start("pre") if pre else m.start("wd")
    end = c.end
    # A closing bracket belongs to the mention only when it closes «اليوم (الأحد)».
    opened = "(" in ctx.text[m.start() : m.start("wd")]
    if not opened and end == m.end("wd") + 1 and ctx.text[m.end("wd")] == ")":
        end -= 1
    if a is None:
        return Resolved(start, end, None, Calendar.RELATIVE)
    day = _weekday_value(ctx, m, weekday, pre)
    return Resolved(start, end, day.isoformat(), Calendar.RELATIVE)


_PRE_SHIFT = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1, "بعد غد": 2, "اول امس": -2, "امس الاول": -2}


def _weekday_value(ctx: Context, m: re.Match[str], weekday: int, pre: str | None) -> dt.date:
    a = ctx.anchor
    assert a is not None
    shift = _PRE_SHIFT.get(" ".join((pre or "").split()))
    if shift is not None:
        d = a + dt.timedelta(days=shift)
        if d.weekday() == weekday:
            return d
        return cal.weekday_date(a, weekday, 1 if shift > 0 else 0)
    if m.group("wmod"):
        role = _role_of(ctx, _canon(m.group("wmod")))
        if role is CueRole.PAST_MODIFIER:
            return cal.weekday_date(a, weekday, -1)
        if role is CueRole.FUTURE_MODIFIER:
            return cal.weekday_date(a, weekday, 1)
    if ctx.future_at(m.start()):
        return a if a.weekday() == weekday else cal.weekday_date(a, weekday, 1)
    return cal.weekday_date(a, weekday, 0)


_WEEK_PART = {
    "مطلع": Unit.WEEK_START, "اوايل": Unit.WEEK_START, "بدايه": Unit.WEEK_START, "مستهل": Unit.WEEK_START,
    "اواخر": Unit.WEEK_END, "نهايه": Unit.WEEK_END,
}


def resolve_relative(c: Candidate, ctx: Context) -> Resolved | None:
    lex, text = ctx.lex, ctx.text
    phrase = _canon(c.match.group("rel"))
    rel = lex.relative[phrase]
    start = c.start
    unit = rel.unit
    part = c.match.group("rpart")
    if part and unit is Unit.WEEK:
        unit = _WEEK_PART.get(_canon(part), Unit.WEEK)  # «نهاية الأسبوع الحالي»: the week's last days
    elif part and unit not in (Unit.MONTH, Unit.YEAR):
        start = c.match.start("rel")  # «نهاية اليوم»: the part word belongs to weeks, months and years only
    if phrase in ("اليوم", "الليله"):
        before = words_before(text, c.start, 1)
        if before and before[-1] in lex.cue(CueRole.NOT_TODAY_BEFORE):
            return None
        if word_after(text, c.end) in lex.cue(CueRole.NOT_TODAY_AFTER):
            return None
        if phrase == "اليوم" and any(w in lex.cue(CueRole.THEN_CONTRAST) for w in words_before(text, c.start, 4)):
            return None  # «آنذاك سوريا واليوم إيران»: nowadays, contrasted with then
    if phrase.startswith("قبل") and word_after(text, c.end) in ("من", "علي"):
        return None  # «قبل أسبوعين من الانتخابات»: before an event, not before publication
    value = shift_value(ctx.anchor, unit, rel.offset)
    if value is None and ctx.anchor is not None:
        return None  # a week straddling two months: not placed on the calendar
    return Resolved(start, c.end, value, Calendar.RELATIVE)


def week_span(anchor: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    """First and last day (Saturday, Friday) of the calendar week `offset` weeks from the anchor's."""
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    first = saturday + dt.timedelta(days=7 * offset)
    return first, first + dt.timedelta(days=6)


def shift_value(anchor: dt.date | None, unit: Unit, offset: int) -> str | None:
    if anchor is None:
        return None
    if unit is Unit.DAY:
        return (anchor + dt.timedelta(days=offset)).isoformat()
    if unit is Unit.WEEK_POINT:
        d = anchor + dt.timedelta(days=7 * offset)
        return _ym(d.year, d.month)
    if unit in (Unit.WEEK, Unit.WEEK_START, Unit.WEEK_END):
        first, last = week_span(anchor, offset)
        if unit is Unit.WEEK_START:
            last = first + dt.timedelta(days=1)  # Saturday and Sunday open the week
        elif unit is Unit.WEEK_END:
            first = last - dt.timedelta(days=1)  # Thursday and Friday close it
        if (first.year, first.month) != (last.year, last.month):
            return None  # the guidelines omit a week reference that straddles two months
        return _ym(first.year, first.month)
    if unit is Unit.MONTH:
        return _ym(*cal.shift_month(anchor.year, anchor.month, offset))
    return f"{anchor.year + offset:04d}"


_AGO_UNITS = {
    "سنوات": Unit.YEAR, "سنين": Unit.YEAR, "اعوام": Unit.YEAR, "سنه": Unit.YEAR, "عام": Unit.YEAR, "عاما": Unit.YEAR,
    "اشهر": Unit.MONTH, "شهور": Unit.MONTH, "شهر": Unit.MONTH, "شهرا": Unit.MONTH,
    "ايام": Unit.DAY, "يوما": Unit.DAY, "اسابيع": Unit.WEEK_POINT, "اسبوعا": Unit.WEEK_POINT,
}


def cardinal_value(lex: Lexicon, words: str) -> int | None:
    """«خمسة وتسعين» → 95: number words joined by و add up."""
    total = 0
    for part in re.split(r"\s+و\s*|\s+", normalize_text(words).strip()):
        value = lex.cardinals.get(_canon(part))
        if value is None:
            return None
        total += value
    return total


def resolve_ago(c: Candidate, ctx: Context) -> Resolved | None:
    m = c.match
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else cardinal_value(ctx.lex, raw)
    if not n:
        return None
    if word_after(ctx.text, c.end) in ("من", "علي"):
        return None  # «قبل أسبوعين من الانتخابات»: before an event, not before publication
    unit = _AGO_UNITS[m.group("unit")]
    return Resolved(c.start, c.end, shift_value(ctx.anchor, unit, -n), Calendar.RELATIVE)


def resolve_year(c: Candidate, ctx: Context) -> Resolved | None:
    m, lex, text = c.match, ctx.lex, ctx.text
    y = int(m.group("y"))
    suffix = (m.group("ysuf") or "").strip()
    cue = m.group("ycue") or m.group("ypart")
    if suffix == "ه":
        if not 1300 <= y <= 1600:
            return None
        gy = cal.hijri_year_to_gregorian(y)
        return Resolved(c.start, c.end, f"{gy:04d}" if gy else None, Calendar.HIJRI)
    if not (1900 <= y <= 2100 or (cue and 1000 <= y <= 2200)):
        return None
    if not (cue or suffix) and _looks_like_quantity(ctx, c.start, c.end):
        return None
    return Resolved(c.start, c.end, f"{y:04d}", Calendar.GREGORIAN, y)


def _looks_like_quantity(ctx: Context, start: int, end: int) -> bool:
    lex, text = ctx.lex, ctx.text
    before = words_before(text, start, 2)
    if before and strip_conj(before[-1]) in lex.cue(CueRole.YEAR_CUE):
        return False
    after = word_after(text, end)
    if after in lex.cue(CueRole.QUANTITY_NOUN) or after in lex.cue(CueRole.CLOCK_AFTER):
        return True
    if text[end : end + 2].strip().startswith(("$", "%", "٪")):
        return True
    quantity = lex.cue(CueRole.QUANTITY_CUE)
    if before and before[-1] in quantity:
        return True
    return len(before) == 2 and before[-1] == "من" and before[0] in quantity


def resolve_named(c: Candidate, ctx: Context) -> Resolved | None:
    named = ctx.lex.named[_canon(c.match.group("named"))]
    a = ctx.anchor
    if named.year is not None:
        year = named.year
    elif a is None:
        return Resolved(c.start, c.end, None, Calendar.RELATIVE)
    elif named.calendar == "hijri":
        hy = cal.hijri_year_of(a)
        d = cal.hijri_to_gregorian(hy, named.month, named.day) if hy else None
        return Resolved(c.start, c.end, _iso(d), Calendar.HIJRI)
    else:
        year = a.year
    return Resolved(c.start, c.end, _iso(cal.make_date(year, named.month, named.day)), Calendar.GREGORIAN)


_RESOLVERS = {
    Kind.NUMERIC: resolve_numeric,
    Kind.GREGORIAN: resolve_gregorian,
    Kind.HIJRI: resolve_hijri,
    Kind.WEEKDAY: resolve_weekday,
    Kind.RELATIVE: resolve_relative,
    Kind.AGO: resolve_ago,
    Kind.YEAR: resolve_year,
    Kind.NAMED: resolve_named,
}


# -- the scan ------------------------------


_FAMILIES = (
    (Kind.NUMERIC, "numeric", trig.DIGITS),
    (Kind.GREGORIAN, "gregorian", trig.CALENDAR),
    (Kind.HIJRI, "hijri", trig.CALENDAR),
    (Kind.WEEKDAY, "weekday", trig.WEEKDAY),
    (Kind.RELATIVE, "relative", trig.RELATIVE),
    (Kind.AGO, "ago", trig.AGO),
    (Kind.YEAR, "year", trig.DIGITS),
    (Kind.NAMED, "named", trig.NAMED),
)


def candidates(text: str, pats: Patterns, ascii_digits: bool = False) -> list[Candidate]:
    """Every pattern match, each pattern tried only at word starts near its own triggers.

    Emulates `finditer` per region: matches are taken left to right and do not overlap.
    """
    found: list[Candidate] = []
    add = found.append
    where = trig.regions(text, ascii_digits)
    if not where:
        return found
    starts = Starts.of(text, where)
    per_group: dict[str, list[tuple[int, list[int], list[str]]]] = {}
    for kind, attr, group in _FAMILIES:
        if group not in where:
            continue
        if group not in per_group:
            per_group[group] = [starts.region(r) for r in where[group]]
        match = getattr(pats, attr).match
        pairs = pats.first_pairs[attr]
        lone = pats.lone_letters[attr]
        for hi, positions, keys in per_group[group]:
            # Only positions whose key fits the pattern's first characters are worth a `match` call.
            if lone:
                tried = [p for p, k in zip(positions, keys) if k in pairs or k[0] in pairs]
            else:
                tried = [p for p, k in zip(positions, keys) if k in pairs]
            last = -1
            for pos in tried:
                if pos < last:
                    continue
                m = match(text, pos, hi)
                if m is not None and (end := m.end()) > pos:
                    add(Candidate(kind, pos, end, m))
                    last = end
    return found


def select(cands: list[Candidate], ctx: Context) -> list[tuple[Candidate, Resolved]]:
    """Longest valid candidates first; no two selected spans overlap.  Returns them in text order
    with their resolution made without sentence-year context (see `scan`)."""
    chosen: list[tuple[Candidate, Resolved]] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.kind.value, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        r = _RESOLVERS[c.kind](c, ctx)
        if r is None:
            continue
        chosen.append((c, r))
        taken.append((c.start, c.end))
    chosen.sort(key=lambda cr: cr[0].start)
    return chosen


def scan(text: str, anchor: dt.date | None) -> list[DateMention]:
    view = fast_normalize(text)
    ntext = view.text
    ctx = Context(ntext, anchor, lexicon())
    out: list[DateMention] = []
    for c, r in select(candidates(ntext, patterns(), view.ascii_digits), ctx):
        if ctx.last_year is not None and c.kind is Kind.GREGORIAN:
            # An explicit year seen earlier may fix this one's year: resolve again, in text order
            # (only a month name reads the sentence's year; the other kinds resolve the same).
            r = _RESOLVERS[c.kind](c, ctx)
            if r is None:
                continue
        if r.explicit_year is not None:
            ctx.last_year, ctx.last_year_end = r.explicit_year, r.end
        s, e = view.to_original(r.start, r.end)
        while e < len(text) and fold_char(text[e]) == "" and not text[e].isspace():
            e += 1  # keep the tatweel of «هـ» and the last letter's diacritics
        out.append(DateMention(s, e, text[s:e], value=r.value, calendar=r.calendar.value))
    return out
