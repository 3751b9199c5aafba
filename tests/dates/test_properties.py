"""Property tests: offsets always index the text, the scanner never crashes, round trips hold."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import normalize
from marsad.dates import find_dates, parse_date
from marsad.dates.fastview import fast_normalize
from marsad.dates.lexicon import lexicon

# Text biased to what dates are made of: Arabic letters and date words, digits of three systems,
# punctuation, diacritics and tatweel (dropped by normalisation), brackets and slashes.
_WORDS = ["يناير", "شباط", "أيلول", "جانفي", "شوال", "هـ", "م", "الماضي", "المقبل", "اليوم", "أمس", "الثلاثاء",
          "عام", "العام", "من", "في", "يوم", "قبل", "سنوات", "أواخر", "الأول", "(", ")", "/", "-", "،", ".", "\n"]
_CHARS = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىةئؤ0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹/-.,()ًٌٍَُِّْـ\u200f"))
_TOKENS = st.one_of(st.sampled_from(_WORDS), st.text(_CHARS, min_size=1, max_size=6), st.integers(0, 3000).map(str))
ARABICISH = st.lists(_TOKENS, max_size=25).map(" ".join)
ANCHORS = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(ARABICISH, ANCHORS)
def test_offsets_hold_and_values_are_iso(text, anchor):
    for m in find_dates(text, anchor):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.calendar in ("gregorian", "hijri", "relative")
        if m.value is not None:
            assert len(m.value) in (4, 7, 10)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), ANCHORS)
def test_never_crashes_on_arbitrary_text(text, anchor):
    for m in find_dates(text, anchor):
        assert text[m.start : m.end] == m.text
    parse_date(text, anchor)


@settings(max_examples=200, deadline=None)
@given(ARABICISH)
def test_fast_view_equals_normalize(text):
    fast, slow = fast_normalize(text), normalize(text)
    assert fast.text == slow.text
    for i in range(len(slow.text)):
        assert fast.to_original(i, i + 1) == slow.to_original(i, i + 1)


def _month_forms():
    by_month: dict[int, list[str]] = {}
    for form, month in lexicon().gregorian.items():
        by_month.setdefault(month, []).append(form)
    return by_month


_DIGITS = {"western": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}


def _digits(n: int, system: str) -> str:
    return "".join(_DIGITS[system][int(c)] for c in str(n))


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2049, 12, 31)), st.sampled_from(sorted(_DIGITS)), st.data())
def test_round_trip_every_month_system_and_digit_system(day, system, data):
    form = data.draw(st.sampled_from(sorted(_month_forms()[day.month])))
    text = f"وقع ذلك في {_digits(day.day, system)} {form} {_digits(day.year, system)} بحسب البيان"
    assert parse_date(text) == day.isoformat()


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2049, 12, 31)), st.sampled_from(["/", "-", "."]))
def test_round_trip_numeric(day, sep):
    text = f"بتاريخ {day.day}{sep}{day.month}{sep}{day.year} صدر القرار"
    assert parse_date(text) == day.isoformat()


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_round_trip_hijri(day):
    from hijridate import Gregorian

    h = Gregorian(day.year, day.month, day.day).to_hijri()
    month_name = next(f for f, m in lexicon().hijri.items() if m == h.month)
    assert parse_date(f"الموافق {h.day} {month_name} {h.year} هـ") == day.isoformat()


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 6))
def test_weekdays_resolve_on_or_before_anchor(anchor, weekday):
    name = next(f for f, w in lexicon().weekdays.items() if w == weekday)
    value = dt.date.fromisoformat(parse_date(f"قال {name} إن", anchor))
    assert value.weekday() == weekday and 0 <= (anchor - value).days < 7
