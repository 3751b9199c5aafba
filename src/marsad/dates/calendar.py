"""Calendar arithmetic: anchors, relative shifts, weekdays, Hijri conversion.

Hijri dates are converted with `hijridate` (Umm al-Qura tables, 1343–1500 AH).
A month-level Hijri date («رمضان 1439») becomes the Gregorian month that holds
most of its days (ties go to the earlier month): a Hijri month straddles two
Gregorian months, and the majority month is the best single answer at month
granularity.  A year-level Hijri date becomes the Gregorian year holding most
of its days.
"""
from __future__ import annotations

import datetime as dt
import email.utils
from collections import Counter

from hijridate import Gregorian, Hijri

ISO_DAY = "%Y-%m-%d"


def parse_anchor(anchor: dt.date | dt.datetime | str | None) -> dt.date | None:
    """A date from a date, an ISO string (date or datetime), an RFC 822 string or None."""
    if anchor is None:
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    s = str(anchor).strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + offset
    return n // 12, n % 12 + 1


def weekday_date(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The weekday on or before the anchor (direction <= 0), or strictly after it (> 0).

    direction -1 («الثلاثاء الماضي») is strictly before the anchor.
    """
    if direction > 0:
        delta = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7
    if direction < 0 and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month_to_gregorian(year: int, month: int) -> tuple[int, int] | None:
    """The Gregorian (year, month) holding most days of a Hijri month."""
    try:
        first = Hijri(year, month, 1)
        length = first.month_length()
        start = first.to_gregorian()
    except (ValueError, OverflowError):
        return None
    counts = Counter()
    for i in range(length):
        d = start + dt.timedelta(days=i)
        counts[(d.year, d.month)] += 1
    # most_common keeps insertion order among ties: the earlier month wins.
    return counts.most_common(1)[0][0]


def hijri_year_to_gregorian(year: int) -> int | None:
    try:
        start = Hijri(year, 1, 1).to_gregorian()
        end = Hijri(year, 12, 1).to_gregorian() + dt.timedelta(days=29)
    except (ValueError, OverflowError):
        return None
    if start.year == end.year:
        return start.year
    split = dt.date(end.year, 1, 1)
    return start.year if (split - start).days >= (end - split).days else end.year


def hijri_year_of(day: dt.date) -> int | None:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
