"""The quality gate fails on a worsened model and passes within its tolerance."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _gate():
    spec = importlib.util.spec_from_file_location("quality_gate", BENCH / "quality_gate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["quality_gate"] = mod
    spec.loader.exec_module(mod)
    return mod


gate = _gate()
FLOORS = {"dev.entities": 0.70, "dev.dates": 0.90, "dev.events": 0.30, "anercorp.f1": 0.60}


@pytest.mark.parametrize("change,failing", [
    ({}, []),
    ({"dev.dates": 0.895}, []),  # within the 0.01 tolerance
    ({"dev.dates": 0.80}, ["dev.dates"]),
    ({"dev.events": 0.0, "anercorp.f1": 0.4}, ["anercorp.f1", "dev.events"]),
    ({"dev.entities": 0.99}, []),  # going up is always fine
    ({"dev.entities": None}, ["dev.entities"]),  # a floored score that cannot be computed fails
])
def test_compare(change, failing):
    current = {**FLOORS, **change}
    assert [r.name for r in gate.compare(current, FLOORS)] == failing


def test_new_scores_without_floor_never_fail():
    assert gate.compare({"timex.agreement": 0.1}, {}) == []


def test_main_exits_nonzero_on_a_worsened_score(tmp_path, monkeypatch, capsys):
    baseline = tmp_path / "baseline.json"
    gate.write_baseline(FLOORS, baseline)
    shared = tmp_path / "shared"
    (shared / "gold").mkdir(parents=True)
    (shared / "gold" / "dev.jsonl").write_text("")
    monkeypatch.setattr(gate, "current_scores", lambda shared, log=print: {**FLOORS, "dev.dates": 0.5})
    assert gate.main(["--shared", str(shared), "--baseline", str(baseline)]) == 1
    assert "REGRESSION dev.dates" in capsys.readouterr().err
    monkeypatch.setattr(gate, "current_scores", lambda shared, log=print: dict(FLOORS))
    assert gate.main(["--shared", str(shared), "--baseline", str(baseline)]) == 0


def test_update_rewrites_the_floors(tmp_path, monkeypatch):
    baseline = tmp_path / "baseline.json"
    shared = tmp_path / "shared"
    (shared / "gold").mkdir(parents=True)
    (shared / "gold" / "dev.jsonl").write_text("")
    monkeypatch.setattr(gate, "current_scores", lambda shared, log=print: {"dev.dates": 0.5, "anercorp.f1": None})
    assert gate.main(["--shared", str(shared), "--baseline", str(baseline), "--update"]) == 0
    floors, tolerance = gate.read_baseline(baseline)
    assert floors == {"dev.dates": 0.5} and tolerance == 0.01


def test_skips_cleanly_without_shared(tmp_path, capsys):
    assert gate.main(["--shared", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_committed_baseline_is_well_formed():
    data = json.loads((BENCH / "quality_baseline.json").read_text(encoding="utf-8"))
    assert 0 < data["tolerance"] <= 0.05
    assert all(v is None or 0.0 <= v <= 1.0 for v in data["scores"].values())


# Self-written articles and their gold (not from any corpus): dates the pipeline should find.
_ARTICLES = [
    {"id": "g1", "title": "لقاء في الدوحة", "date": "2018-01-17",
     "text": "التقى وزير الخارجية القطري في 16 يناير 2018 نظيره التركي في الدوحة، وبحثا العلاقات الثنائية."},
    {"id": "g2", "title": "اتفاق تجاري", "date": "2018-03-05",
     "text": "وقعت مصر والأردن في 3 مارس 2018 اتفاقا لتعزيز التبادل التجاري بين البلدين."},
]
_GOLD = [
    {"id": "g1", "published": "2018-01-17", "entities": [], "events": [],
     "dates": [{"text": "16 يناير 2018", "value": "2018-01-16"}]},
    {"id": "g2", "published": "2018-03-05", "entities": [], "events": [],
     "dates": [{"text": "3 مارس 2018", "value": "2018-03-03"}]},
]


def test_gate_fails_when_the_dates_stage_is_removed(tmp_path):
    """A deliberately worsened pipeline (no dates stage) trips the gate on dev.dates."""
    from marsad.eval import run_articles
    from marsad.pipeline import default_stages

    stages = default_stages()
    if "dates" not in {s.name for s in stages}:
        pytest.skip("the dates stage has not landed")
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in _ARTICLES), encoding="utf-8")
    good = gate.eval_scores(_GOLD, run_articles(articles, stages).records)
    worse = gate.eval_scores(_GOLD, run_articles(articles, [s for s in stages if s.name != "dates"]).records)
    assert good["dev.dates"] > 0.5
    assert gate.compare(good, good) == []
    assert [r.name for r in gate.compare(worse, good)] == ["dev.dates"]
