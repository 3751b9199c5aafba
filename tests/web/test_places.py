"""The places file parses and validates (errors name file and line)."""
from __future__ import annotations

import pytest

from marsad.web.places import PlacesError, iso_numeric, lookup, parse_places, places

HEADER = "name\tlat\tlon\tcountry\tsource\n"


def test_bundled_file_loads():
    table = places()
    assert len(table) >= 50
    for place in table.values():
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


@pytest.mark.parametrize("name,country", [("بروكسل", "BEL"), ("ادلب", "SYR"), ("اسطنبول", "TUR"), ("الدوحة", "QAT")])
def test_lookup_is_normalised(name, country):
    assert lookup(name).country == country


def test_unknown_place():
    assert lookup("مدينة لا وجود لها") is None and lookup(None) is None


@pytest.mark.parametrize("body,message", [
    ("x\t1\t2\tQAT\n", "header"),
    (HEADER + "مدينة\t1\n", ":2: expected 5"),
    (HEADER + "مدينة\tشمال\t2\tQAT\tnote\n", ":2: latitude"),
    (HEADER + "مدينة\t95\t2\tQAT\tnote\n", "out of range"),
    (HEADER + "مدينة\t1\t2\tqa\tnote\n", "alpha-3"),
    (HEADER + "مدينة\t1\t2\tQAT\t \n", "source"),
    (HEADER + "مدينة\t1\t2\tQAT\tn\nمدينة\t3\t4\tQAT\tn\n", ":3: "),
])
def test_malformed_lines_are_reported(body, message):
    with pytest.raises(PlacesError, match=message) as info:
        parse_places(body, origin="test.tsv")
    assert "test.tsv" in str(info.value)


def test_iso_numeric():
    assert iso_numeric("QAT") == "634" and iso_numeric("NATO") is None and iso_numeric("XYZ") is None
