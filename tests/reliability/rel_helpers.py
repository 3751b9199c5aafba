"""Shared helpers of the reliability tests: a synthetic Arabic corpus (written here,
never cut from ../shared), `marsad run` as a real subprocess, and database checks."""
from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CITIES = ["القاهرة", "عمان", "بيروت", "الدوحة", "الرياض", "تونس", "الرباط", "بغداد", "دمشق", "الخرطوم"]
ACTORS = [
    "وزير الخارجية المصري", "الرئيس الفرنسي", "الأمم المتحدة", "الحكومة الأردنية", "رئيس الوزراء العراقي",
    "الجيش اللبناني", "وزير الدفاع الأمريكي", "الاتحاد الأوروبي", "جامعة الدول العربية", "الرئيس التونسي",
]
VERBS = ["التقى", "انتقد", "دعا", "رحب بموقف", "اتهم", "استقبل", "أدان تصريحات", "بحث مع"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس"]
TOPICS = ["الأوضاع الإقليمية", "التعاون الاقتصادي", "ملف اللاجئين", "أمن الحدود", "الانتخابات المقبلة"]

# Lines that must be quarantined (stage "parse"): not JSON, not an object, no text.
BAD_LINES = [
    b"{this is not json",
    b"[1, 2, 3]",
    b'{"id": "no-text-here", "title": "\xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86"}',
    b'{"id": "text-is-number", "text": 42}',
    b'{"id": "deep", "text": ' + b"[" * 5000 + b"}",
]


@dataclass(frozen=True)
class Corpus:
    path: Path
    good_ids: list[str]
    bad: int  # lines that must be quarantined


def article(i: int, rng: random.Random) -> dict:
    """One short, well-formed article whose text differs for every i."""
    a, b = rng.sample(ACTORS, 2)
    city, verb, topic = rng.choice(CITIES), rng.choice(VERBS), rng.choice(TOPICS)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2012, 2024)
    text = (
        f"{city} - {a} {verb} {b} يوم {day} {month} {year} لبحث {topic}. "
        f"وأكد البيان الصادر بالرقم {i} أهمية مواصلة الحوار، فيما قال مسؤولون إن اللقاء تناول {rng.choice(TOPICS)}."
    )
    return {"id": f"doc-{i}", "title": f"{a} {verb} {b} ({i})", "text": text, "date": f"{year}-01-{day:02d}"}


def write_corpus(path: Path, n: int, *, start: int = 0, seed: int = 7, bad_every: int = 400) -> Corpus:
    """n articles (ids doc-start … doc-(start+n-1)) with a bad line every `bad_every` lines."""
    ids: list[str] = []
    bad = 0
    with path.open("wb") as f:
        for k, i in enumerate(range(start, start + n)):
            rec = article(i, random.Random(seed * 1_000_003 + i))
            ids.append(rec["id"])
            f.write(json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n")
            if bad_every and k % bad_every == bad_every // 2:
                f.write(BAD_LINES[bad % len(BAD_LINES)] + b"\n")
                bad += 1
    return Corpus(path, ids, bad)


def marsad_run_cmd(inputs: list[Path], db: Path, *extra: str) -> list[str]:
    # Not `python -m marsad.cli`: run as __main__, cli.py is imported a second time by the
    # command modules (cli_kb) and the import cycle fails; the console script's way works.
    return [sys.executable, "-c", "from marsad.cli import main; main()", "run", *map(str, inputs), "--db", str(db),
            "-q", *extra]


def run_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def marsad_run(inputs: list[Path], db: Path, *extra: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(marsad_run_cmd(inputs, db, *extra), capture_output=True, timeout=timeout, env=run_env(),
                          cwd=REPO)


TABLES = ("articles", "quarantine", "mentions", "dates", "events", "event_actors", "stories", "article_kb",
          "canonical_events", "event_mentions", "actors")


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
    finally:
        conn.close()


def check_db(db: Path, corpus_ids: set[str], bad: int) -> None:
    """Integrity, exactly-once storage, and no duplicate events or stories."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = [r[0] for r in conn.execute("SELECT doc_id FROM articles")]
        assert len(stored) == len(set(stored)), "an input document is stored twice"
        assert set(stored) == corpus_ids, f"missing: {sorted(corpus_ids - set(stored))[:5]}"
        assert conn.execute("SELECT count(*) FROM quarantine").fetchone()[0] == bad
        # Every article belongs to exactly one story; no story is empty; no event row twice.
        assert conn.execute("SELECT count(*) FROM article_kb").fetchone()[0] == len(stored)
        assert conn.execute(
            "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM article_kb k WHERE k.story_id = s.id)"
        ).fetchone()[0] == 0
        assert conn.execute(
            "SELECT count(*) FROM (SELECT article_id, start, end, type, cameo, count(*) c FROM events"
            " GROUP BY 1, 2, 3, 4, 5 HAVING c > 1)"
        ).fetchone()[0] == 0
        assert conn.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)"
        ).fetchone()[0] == 0
        assert conn.execute(
            "SELECT count(*) FROM (SELECT event_id, count(*) c FROM event_mentions GROUP BY 1 HAVING c > 1)"
        ).fetchone()[0] == 0
    finally:
        conn.close()
