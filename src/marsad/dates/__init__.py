"""Arabic time expressions: find and normalise dates in Arabic news text.

`find_dates(text, anchor)` returns every date mention with exact offsets into
`text`; `parse_date(text, anchor)` gives the ISO value of a string that is a
date expression.  The anchor (publication date) resolves relative references;
without one their value is None, never today's date.  Vocabulary lives in
`marsad/resources/dates/*.tsv`.
"""
from __future__ import annotations

import datetime as dt

from marsad.dates.calendar import parse_anchor
from marsad.dates.scanner import scan
from marsad.model import DateMention

Anchor = dt.date | dt.datetime | str | None

__all__ = ["find_dates", "parse_date", "parse_anchor", "DateMention"]


def find_dates(text: str, anchor: Anchor = None) -> list[DateMention]:
    """All date mentions in `text`, in order, with offsets into `text`."""
    if not text:
        return []
    return scan(text, parse_anchor(anchor))


def parse_date(text: str, anchor: Anchor = None) -> str | None:
    """The ISO value (YYYY-MM-DD, YYYY-MM or YYYY) of a date expression, or None.

    The longest mention found in the string decides; a string without a date
    expression gives None.
    """
    mentions = find_dates(text, anchor)
    if not mentions:
        return None
    best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
    return best.value
