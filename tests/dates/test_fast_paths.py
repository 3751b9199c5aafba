"""The speed paths give what the plain computations give: digit runs from the trigger automaton,
ASCII-digit detection in the normalisation pass, start keys before `match` calls."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dates import find_dates
from marsad.dates import scanner, starts
from marsad.dates import triggers as trig
from marsad.dates.fastview import _decimals, fast_normalize
from marsad.dates.lexicon import lexicon
from marsad.dates.patterns import DIGIT_KEY, first_pairs, patterns, start_key
from tests.dates.test_properties import ANCHORS, ARABICISH

_FOUR = re.compile(r"\d\d{3}")
# Digits that stay non-ASCII after normalisation (fullwidth, Devanagari, NKo, mathematical bold).
_EXOTIC = "０１２３４５６７８９०१२३४५६७८९߀߁߂߃߄߅߆߇߈߉𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"
_MIXED = st.lists(
    st.one_of(ARABICISH, st.text(st.sampled_from(_EXOTIC + "0123456789٠١٢ /-"), max_size=8), st.just("😀")),
    max_size=6,
).map(" ".join)


def test_decimals_are_exactly_re_digits():
    assert _decimals() == [chr(cp) for cp in range(0x110000) if chr(cp).isdecimal()]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 60), unique=True).map(sorted))
def test_four_digit_starts_emulate_finditer(positions):
    text = "".join("7" if i in set(positions) else "x" for i in range(61))
    assert trig.four_digit_starts(positions) == [m.start() for m in _FOUR.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(_MIXED)
def test_ascii_digit_flag_is_right(text):
    view = fast_normalize(text)
    if view.ascii_digits:
        assert all(c.isascii() for c in view.text if c.isdecimal())


@settings(max_examples=200, deadline=None)
@given(_MIXED)
def test_regions_from_automaton_digits_equal_regex_scan(text):
    ntext = fast_normalize(text).text
    if all(c.isascii() for c in ntext if c.isdecimal()):
        assert trig.regions(ntext, ascii_digits=True) == trig.regions(ntext, ascii_digits=False)


@settings(max_examples=200, deadline=None)
@given(_MIXED, ANCHORS)
def test_exotic_digits_keep_offsets(text, anchor):
    for m in find_dates(text, anchor):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "وقع ذلك في ٢٠١٨ ثم في ２０１９ وفي عام 2020",
        "اجتمعوا يوم 12/03/2017 وفي ١٥ مارس ۲۰۱۶ م",
        "قال 😀 إن الاتفاق وقع في 3 مايو 2015",
    ],
)
def test_candidates_same_with_and_without_the_digit_fast_path(text):
    view = fast_normalize(text)
    pats = patterns()
    fast = scanner.candidates(view.text, pats, view.ascii_digits)
    slow = scanner.candidates(view.text, pats, False)
    assert [(c.kind, c.start, c.end) for c in fast] == [(c.kind, c.start, c.end) for c in slow]


def test_start_keys_cover_first_letters():
    pats = patterns()
    for attr, pairs in pats.first_pairs.items():
        assert DIGIT_KEY in pairs
        assert {p[0] for p in pairs if p != DIGIT_KEY} <= pats.first_letters[attr]


@pytest.mark.parametrize(
    "form, text, key",
    [("الاحد", "الاحد", "الا"), ("الاحد", "للاحد", "للا"), ("بعد غد", "بعد غد", "بع"), ("ال", "ال15", "ال#"),
     ("x", "x", "x")],
)
def test_first_pairs_of_a_form(form, text, key):
    assert start_key(text, 0) == key
    assert key in first_pairs([form]) or key[0] in first_pairs([form])


def test_every_lexicon_form_passes_its_key_filter():
    # A month name written at a word start must reach its pattern's `match` call.
    pats = patterns()
    for form in lexicon().gregorian:
        assert start_key(form, 0) in pats.first_pairs["gregorian"], form
    for form in lexicon().weekdays:
        assert start_key(form, 0) in pats.first_pairs["weekday"], form
        assert start_key("لل" + form[2:], 0) in pats.first_pairs["weekday"] or not form.startswith("ال")


def _reference_candidates(text: str) -> list[tuple]:
    """The plain way: every region's own token starts, filtered by first letters only."""
    pats = patterns()
    where = trig.regions(text)
    out = []
    for kind, attr, group in scanner._FAMILIES:
        letters = pats.first_letters[attr]
        for r in where.get(group, []):
            last = -1
            for pos in starts.match_starts(text, r):
                if pos < last or not (text[pos] in letters or text[pos].isdecimal()):
                    continue
                m = getattr(pats, attr).match(text, pos, r.hi)
                if m is not None and m.end() > pos:
                    out.append((kind, pos, m.end()))
                    last = m.end()
    return out


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_candidates_equal_the_plain_scan(text):
    view = fast_normalize(text)
    fast = scanner.candidates(view.text, patterns(), view.ascii_digits)
    assert [(c.kind, c.start, c.end) for c in fast] == _reference_candidates(view.text)
