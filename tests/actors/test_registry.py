"""Registry files: validated on load, one parametrised check per file."""
from __future__ import annotations

import pycountry
import pytest
from hypothesis import given, strategies as st

from marsad.actors import Kind, RegistryError, inflect_demonym, registry
from marsad.actors.registry import EXTRA_STATE_CODES, NAME_KINDS
from marsad.actors.tsv import load_tsv, parse_tsv, read_text

FILES = {
    "states.tsv": ("code", "alpha2", "name", "source"),
    "state_names.tsv": ("code", "name", "kind", "source"),
    "cities.tsv": ("name", "country", "capital", "source"),
    "cldr_cities.tsv": ("name", "country", "source"),
    "demonyms.tsv": ("code", "form", "inflect", "source"),
    "organisations.tsv": ("code", "kind", "name_en", "names", "source"),
    "named_orgs.tsv": ("names", "source"),
    "organs.tsv": ("head", "kind", "source"),
    "titles.tsv": ("title", "kind", "source"),
    "locations.tsv": ("name", "type", "source"),
    "persons.tsv": ("name", "affiliation", "source"),
    "given_names.tsv": ("name", "source"),
    "stopwords.tsv": ("word", "source"),
    "tiebreak.tsv": ("alias", "code", "reason"),
    "metonymy.tsv": ("word", "cue", "source"),
    "name_heads.tsv": ("head", "type", "extent", "mention", "stateful", "source"),
}
ISO3 = {c.alpha_3 for c in pycountry.countries} | EXTRA_STATE_CODES


@pytest.mark.parametrize("name,columns", sorted(FILES.items()))
def test_file_has_source_for_every_row(name, columns):
    rows = load_tsv(name, columns)
    assert rows, name
    note = "reason" if "reason" in columns else "source"
    assert all(r[note] for r in rows)


@pytest.mark.parametrize("name,columns", sorted(FILES.items()))
def test_no_duplicate_rows(name, columns):
    rows = load_tsv(name, columns)
    keys = [tuple(r.fields[c] for c in columns if c not in ("source", "reason")) for r in rows]
    assert len(keys) == len(set(keys)), name


@pytest.mark.parametrize("name,column", [
    ("states.tsv", "code"), ("state_names.tsv", "code"), ("cities.tsv", "country"),
    ("cldr_cities.tsv", "country"), ("demonyms.tsv", "code"),
])
def test_state_codes_are_iso(name, column):
    bad = [r.where() for r in load_tsv(name, (column,)) if r[column] not in ISO3]
    assert not bad


def test_registry_loads_and_codes_are_unique():
    reg = registry()
    assert {"QAT", "USA", "PSE", "XKX"} <= set(reg.states)
    assert not set(reg.states) & set(reg.organisations)


def test_every_contract_code_is_registered():
    contract = ("NATO UN UNSC EU GCC ARAB_LEAGUE OIC AU IAEA WHO UNHCR UNRWA UNICEF WFP ICC ICJ OPEC IMF "
                "WORLD_BANK OPCW ICRC AMNESTY HRW RSF ASEAN SCO BRICS OSCE INTERPOL ISIL AL_QAEDA HEZBOLLAH "
                "HAMAS HOUTHIS TALIBAN SDF YPG PKK HTS FSA FATAH PIJ MUSLIM_BROTHERHOOD AL_SHABAAB BOKO_HARAM")
    assert set(contract.split()) <= set(registry().organisations)


def test_no_alias_points_to_two_actors():
    for key, entries in registry().lexicon.items():
        codes = {e.code for e in entries if e.kind in NAME_KINDS and e.kind is not Kind.PERSON}
        assert len(codes) <= 1, key


@pytest.mark.parametrize("alias,code", [("عمان", "JOR"), ("الكويت", "KWT"), ("تونس", "TUN")])
def test_tiebreaks_resolve(alias, code):
    names = [e for e in registry().lookup(alias) if e.kind in NAME_KINDS]
    assert names and {e.code for e in names} == {code}


@pytest.mark.parametrize("surface,kind,code", [
    ("الناتو", Kind.ORG, "NATO"), ("حلف شمال الأطلسي", Kind.ORG, "NATO"), ("داعش", Kind.ORG, "ISIL"),
    ("أنصار الله", Kind.ORG, "HOUTHIS"), ("مجلس الأمن الدولي", Kind.ORG, "UNSC"),
    ("الولايات المتحدة الأمريكية", Kind.STATE, "USA"), ("أميركا", Kind.STATE, "USA"),
    ("المملكة العربية السعودية", Kind.STATE, "SAU"), ("دولة قطر", Kind.STATE, "QAT"),
    ("كوسوفو", Kind.STATE, "XKX"), ("فلسطين", Kind.STATE, "PSE"),
    ("واشنطن", Kind.CITY, "USA"), ("بروكسيل", Kind.CITY, "BEL"), ("بروكسل", Kind.CITY, "BEL"),
    ("القطريين", Kind.DEMONYM, "QAT"), ("الأميركية", Kind.DEMONYM, "USA"),
])
def test_aliases(surface, kind, code):
    assert registry().first(surface, kind).code == code


def test_washington_is_only_a_capital():
    assert registry().first("واشنطن", Kind.STATE) is None
    assert registry().first("واشنطن", Kind.CITY).capital


def test_inflect_demonym():
    forms = inflect_demonym("قطري")
    for f in ("قطري", "قطرية", "القطري", "القطرية", "القطريين", "القطريون", "القطريات"):
        assert f in forms


@pytest.mark.parametrize("text,message", [
    ("", "x.tsv:1: empty file"),
    ("a\tsource\n", "missing columns"),
    ("code\tsource\nQAT\n", "x.tsv:2: 1 fields"),
    ("code\tsource\nQAT\t\n", "x.tsv:2: empty 'source'"),
])
def test_parse_errors_name_file_and_line(text, message):
    with pytest.raises(RegistryError, match=message):
        parse_tsv("x.tsv", text, ("code", "source"))


@given(st.lists(st.tuples(st.text(alphabet="قطر \t|#ab", max_size=6), st.text(alphabet="src\t", max_size=4)), max_size=5))
def test_parser_accepts_or_rejects_cleanly(rows):
    text = "code\tsource\n" + "\n".join(f"{a}\t{b}" for a, b in rows)
    try:
        parsed = parse_tsv("x.tsv", text, ("code", "source"))
    except RegistryError as err:
        assert str(err).startswith("x.tsv:")
    else:
        assert all(r["code"] and r["source"] for r in parsed)


def test_packaged_files_are_read():
    assert read_text("states.tsv").startswith("code\t")
