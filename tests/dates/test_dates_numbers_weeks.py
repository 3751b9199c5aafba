"""Compound cardinal counts and Saturday–Friday weeks (property tests)."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dates import parse_date
from marsad.dates.lexicon import Unit, lexicon
from marsad.dates.scanner import cardinal_value, shift_value, week_span

_UNITS = {1: "واحد", 2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة"}
_TENS = {2: "عشرين", 3: "ثلاثين", 4: "أربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "ثمانين", 9: "تسعين"}


def _words(n: int) -> str:
    units, tens = n % 10, n // 10
    if tens < 2:
        return _UNITS.get(n, "عشرة")
    return f"{_UNITS[units]} و{_TENS[tens]}" if units else _TENS[tens]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(set(range(1, 10)) | set(range(20, 100)))))
def test_compound_cardinals_add_up(n):
    assert cardinal_value(lexicon(), _words(n)) == n


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(set(range(1, 10)) | set(range(20, 100)))), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
def test_years_ago_in_words(n, anchor):
    assert parse_date(f"حدث ذلك قبل {_words(n)} عاما", anchor) == f"{anchor.year - n:04d}"


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.integers(-2, 2))
def test_week_is_saturday_to_friday_and_omitted_across_months(anchor, offset):
    first, last = week_span(anchor, offset)
    assert first.weekday() == 5 and (last - first).days == 6
    if offset == 0:
        assert first <= anchor <= last
    value = shift_value(anchor, Unit.WEEK, offset)
    if first.month == last.month:
        assert value == f"{first.year:04d}-{first.month:02d}"
    else:
        assert value is None
