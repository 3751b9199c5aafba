"""bench/run_all.py: a missing or failing script becomes a clear line, not a crash."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
spec = importlib.util.spec_from_file_location("bench_run_all", BENCH / "run_all.py")
run_all = importlib.util.module_from_spec(spec)
sys.modules["bench_run_all"] = run_all
spec.loader.exec_module(run_all)


def test_missing_script_is_reported():
    r = run_all.run_bench(run_all.Bench("no_such_bench_script", "Nothing"), quick=True)
    assert r.outcome is run_all.Outcome.MISSING


def test_report_has_machine_and_every_section():
    ok = run_all.Result(run_all.Bench("a", "Alpha"), run_all.Outcome.OK, 1.0, "## Table\n| x |\n|---|\n| 1 |\n")
    bad = run_all.Result(run_all.Bench("b", "Beta"), run_all.Outcome.FAILED, 2.0, "", "exit code 1\nTraceback …")
    text = run_all.render([ok, bad], quick=False, started="now", total=3.0)
    for needle in ("## Machine", "| CPU |", "| RAM |", "| Python |", "| pyspark |", "## Alpha", "### Table",
                   "## Beta", "**failed**", "Traceback"):
        assert needle in text


def test_every_bench_name_is_a_plain_stem():
    assert all("/" not in b.name and not b.name.endswith(".py") for b in run_all.BENCHES)


def test_results_are_saved_for_partial_reruns(tmp_path):
    b = run_all.Bench("alpha", "Alpha")
    r = run_all.Result(b, run_all.Outcome.OK, 1.5, "| x |\n", "")
    run_all.save_result(r, quick=False, folder=tmp_path)
    back = run_all.saved_result(b, quick=False, folder=tmp_path)
    assert (back.outcome, back.stdout, back.seconds) == (run_all.Outcome.OK, "| x |\n", 1.5)
    assert run_all.saved_result(b, quick=True, folder=tmp_path) is None
