"""Hand-made gold/system pairs (cases/*.json), one per scoring rule.

Each case names the rule it pins in `note`; `expect` gives the counts
(gold, system, found, correct) of the layers it is about.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval import score

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))
LAYERS = ("entities", "dates", "events", "events_date")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_offsets_are_valid(path: Path) -> None:
    # The cases are extraction records: every span must index its own text.
    for rec in load(path)["system"]:
        for item in rec["entities"] + rec["dates"] + rec["events"]:
            assert 0 <= item["start"] <= item["end"] <= len(rec["text"])
            if "text" in item:
                assert rec["text"][item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_counts(path: Path) -> None:
    case = load(path)
    report = score(case["gold"], case["system"])
    for layer in LAYERS:
        if layer in case["expect"]:
            got = getattr(report, layer).as_dict()
            want = case["expect"][layer]
            assert {k: got[k] for k in want} == want, f"{case['name']}: {layer} ({case['note']})"
    for etype, want in case["expect"].get("entity_types", {}).items():
        got = report.entity_types[etype].as_dict()
        assert {k: got[k] for k in want} == want, f"{case['name']}: entities {etype}"


def test_every_rule_has_a_case() -> None:
    names = {p.stem for p in CASES}
    assert {
        "clitic_surface", "actor_match", "type_mismatch", "date_overlap_value", "repeated_dates",
        "event_order", "event_date_granularity", "empty_system", "perfect_system",
    } <= names


@pytest.mark.parametrize("name", ["empty_system", "missing_record"])
def test_empty_scores_zero(name: str) -> None:
    case = load(Path(__file__).parent / "cases" / f"{name}.json")
    report = score(case["gold"], case["system"])
    for layer in LAYERS:
        sc = getattr(report, layer)
        assert (sc.precision, sc.recall, sc.f1) == (0.0, 0.0, 0.0)


def test_perfect_scores_one() -> None:
    case = load(Path(__file__).parent / "cases" / "perfect_system.json")
    report = score(case["gold"], case["system"])
    for layer in LAYERS:
        sc = getattr(report, layer)
        assert (sc.precision, sc.recall, sc.f1) == (1.0, 1.0, 1.0)


def test_details_name_missed_and_spurious_items() -> None:
    case = load(Path(__file__).parent / "cases" / "date_overlap_value.json")
    doc = score(case["gold"], case["system"]).documents[0].as_dict()
    assert [d["text"] for d in doc["missed_dates"]] == ["عام 2010"]
    assert [d["value"] for d in doc["spurious_dates"]] == ["2011"]
    assert doc["date_value_errors"][0]["system"][0]["value"] == "2011"
    assert [d["value"] for d in doc["unplaced_dates"]] == [None]


def test_details_name_event_date_errors() -> None:
    case = load(Path(__file__).parent / "cases" / "event_date_granularity.json")
    doc = score(case["gold"], case["system"]).documents[0].as_dict()
    assert [(e["gold"]["date"], e["system_date"]) for e in doc["event_date_errors"]] == [("2018-03", "2018-03-05")]
    assert doc["missed_events"] == [] and doc["spurious_events"] == []
