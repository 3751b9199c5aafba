"""Crash safety: `marsad run` killed with SIGKILL at random points, then run again.

The database must end exactly as after one uninterrupted run: integrity ok, every
input stored once or quarantined, the same counts in every table, no duplicate
events or stories.  Kill points are chosen by a seeded RNG over the run's progress
(a number of stored articles, then a random delay so the kill lands mid-batch).
"""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time

import pytest
from rel_helpers import check_db, counts, marsad_run, marsad_run_cmd, run_env, write_corpus, REPO

N_DOCS = 2000
KILLS = 3
BATCH = "100"


def _stored(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or schema not migrated yet


def _run_and_kill(inputs, db, threshold: int, delay: float, timeout: float = 120) -> bool:
    """Start `marsad run`, SIGKILL it once `threshold` articles are stored (+ delay).
    Returns False if it finished on its own first."""
    proc = subprocess.Popen(marsad_run_cmd(inputs, db, "--batch-size", BATCH), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=run_env(), cwd=REPO)
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if _stored(db) >= threshold:
                time.sleep(delay)
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                return proc.returncode == -signal.SIGKILL
            time.sleep(0.05)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_kill_and_resume_equals_uninterrupted_run(tmp_path):
    corpus = write_corpus(tmp_path / "news.jsonl", N_DOCS)
    ref_db, db = tmp_path / "ref.db", tmp_path / "killed.db"
    # The uninterrupted reference runs beside the killed runs (two cores).
    ref = subprocess.Popen(marsad_run_cmd([corpus.path], ref_db, "--batch-size", BATCH), stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, env=run_env(), cwd=REPO)
    rng = random.Random(20240611)
    thresholds = sorted(rng.sample(range(50, N_DOCS - 100), KILLS))
    killed = 0
    for threshold in thresholds:
        killed += _run_and_kill([corpus.path], db, threshold, rng.uniform(0.0, 0.4))
    assert killed >= 1, "no run was killed: the corpus is too small for this machine"
    final = marsad_run([corpus.path], db, "--batch-size", BATCH)
    assert final.returncode == 3, final.stderr.decode()[-2000:]  # 3: done, some lines quarantined
    _, ref_err = ref.communicate(timeout=300)
    assert ref.returncode == 3, ref_err.decode()[-2000:]

    ids = set(corpus.good_ids)
    check_db(ref_db, ids, corpus.bad)
    check_db(db, ids, corpus.bad)
    assert counts(db) == counts(ref_db)
    # A further run is a no-op.
    again = marsad_run([corpus.path], db, "--batch-size", BATCH)
    assert again.returncode == 3
    assert counts(db) == counts(ref_db)
