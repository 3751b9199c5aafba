"""The hostile-input matrix of docs/reliability.md: one row, one test.

Every row runs a real `ingest` (reader → stages → SQLite) on the hostile input next
to a well-formed one, and checks the documented outcome: what is stored, what is
quarantined with which stage and reason, and that the batch goes on.  Inputs are
built here, never taken from ../shared.
"""
from __future__ import annotations

import json
import random
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from rel_inputs import ARTICLE, BODY, TITLE, article_html, good_record, gzip_bomb, html_page, jsonl, mojibake, warc

from marsad.model import Document
from marsad.pipeline import Stage, TextLayer, default_stages
from marsad.runner import ingest
from marsad.settings import Settings

MB = 1024 * 1024
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"


@dataclass
class Outcome:
    stored: int  # articles in the database afterwards
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (stage, regex the reason must match), in order
    unchanged: int = 0
    check: Callable[[sqlite3.Connection], None] | None = None


@dataclass
class Row:
    build: Callable[[Path], list[Path]]
    outcome: Outcome
    settings: dict = field(default_factory=dict)
    stages: Callable[[], list[Stage]] | None = None


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _good(tmp: Path) -> Path:
    return _write(tmp / "good.txt", ARTICLE)


def _texts(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT text FROM articles ORDER BY id")]


# -- rows ------------------------------

def huge_text_file(tmp):
    p = tmp / "huge.txt"
    with p.open("wb") as f:  # 50 MiB, written in chunks; the reader must refuse it by size
        chunk = ("خبر طويل جدا " * 4096).encode("utf-8")
        for _ in range(50 * MB // len(chunk)):
            f.write(chunk)
        f.write(b"x" * (50 * MB - f.tell()))
    return [p, _good(tmp)]


def huge_jsonl_line(tmp):
    p = tmp / "dump.jsonl"
    with p.open("wb") as f:
        f.write(jsonl(good_record(1)))
        f.write(b'{"id": "huge", "text": "' + "ن".encode() * (25 * MB) + b'"}\n')
        f.write(jsonl(good_record(2)))
    return [p]


def gzip_bomb_file(tmp):
    return [_write(tmp / "bomb.txt.gz", gzip_bomb(50 * MB)), _good(tmp)]


def huge_html(tmp):
    filler = "<div>" + "نص " * 1000 + "</div>"
    return [_write(tmp / "huge.html", article_html(filler * 3500)), _good(tmp)]


def html_nesting_bomb(tmp):
    n = 100_000
    return [_write(tmp / "nested.html", html_page("<div>" * n + f"<p>{BODY}</p>" + "</div>" * n)), _good(tmp)]


def html_many_paragraphs(tmp):
    paras = "".join(f"<p>{BODY} {i}.</p>" for i in range(3000))
    return [_write(tmp / "long.html", html_page(f"<article><h1>{TITLE}</h1>{paras}</article>"))]


def warc_huge_record(tmp):
    big = article_html("<p>" + "كلمة " * (2_200_000) + "</p>").encode("utf-8")  # > 10 MB
    pages = [("https://example.org/big", "text/html; charset=utf-8", big),
             ("https://example.org/ok", "text/html; charset=utf-8", article_html().encode("utf-8"))]
    return [_write(tmp / "crawl.warc.gz", warc(pages))]


def warc_truncated(tmp):
    page = article_html().encode("utf-8")
    pages = [("https://example.org/a", "text/html", page), ("https://example.org/b", "text/html", page + b" ")]
    data = warc(pages)
    first = len(warc(pages[:1]))
    return [_write(tmp / "cut.warc.gz", data[: first + 40])]


CLOSING = "وقال المتحدث باسم الوزارة إن الحكومة ستواصل العمل على تنفيذ الخطة في كل المحافظات."


def _text_doc(tmp, name: str, body: str) -> list[Path]:
    # The closing sentence keeps a short hostile last line from being cut as trailing chrome.
    return [_write(tmp / f"{name}.txt", f"{TITLE}\n\n{body}\n{CLOSING}\n"), _good(tmp)]


def regex_dot_run(tmp):
    return _text_doc(tmp, "dots", f"{BODY}\nانتهى" + "." * 200_000 + "ب")


def regex_dateline_dashes(tmp):
    return _text_doc(tmp, "dashes", "القاهرة " + "-" * 300 + "x رويترز: " + BODY)


def regex_digit_run(tmp):
    return _text_doc(tmp, "digits", f"{BODY} " + "1" * 100_000 + " " + "1/" * 20_000)


def regex_separator_runs(tmp):
    return _text_doc(tmp, "seps", f"{BODY}\n" + "|:-/" * 20_000 + "ب\n" + "(«" * 20_000 + "ب")


def regex_trigger_run(tmp):
    return _text_doc(tmp, "triggers", "هاجم الجيش " * 800 + "القرية.")


def regex_month_run(tmp):
    return _text_doc(tmp, "months", "في 12 يناير فبراير مارس " * 3000 + "2020.")


def bidi_controls(tmp):
    body = "".join(ch + BIDI[i % len(BIDI)] for i, ch in enumerate(BODY))
    return _text_doc(tmp, "bidi", body)


def zero_width_space(tmp):
    return _text_doc(tmp, "zwsp", BODY.replace(" ", "\u200b"))


def mixed_scripts(tmp):
    body = (f"{BODY}\nThe minister said «מדינה» и Москва 北京 🇯🇴👍🏽 ۱۲۳۴ ١٢٣٤ 1234 "
            "कुछ ქართ ẞ ﷺ ﻻ ﭐ \U0001d54f \ufdfd")
    return _text_doc(tmp, "mixed", body)


def mojibake_jsonl(tmp):
    return [_write(tmp / "moji.jsonl", jsonl({"id": "moji", "title": mojibake(TITLE), "text": mojibake(BODY)},
                                              good_record()))]


def legacy_encoding(codec):
    def build(tmp):
        return [_write(tmp / f"{codec}.txt", ARTICLE.encode(codec))]
    return build


def windows_1256_html(tmp):
    return [_write(tmp / "page.html", article_html().replace('<meta charset="utf-8">', "").encode("cp1256"))]


def same_id_different_content(tmp):
    a, b = good_record(1), good_record(2)
    b["id"] = a["id"]
    return [_write(tmp / "ids.jsonl", jsonl(a, b))]


def same_id_same_content(tmp):
    return [_write(tmp / "dups.jsonl", jsonl(good_record(1), good_record(1)))]


def nul_bytes_raw(tmp):
    return [_write(tmp / "nul.txt", ARTICLE.encode("utf-8").replace(" ".encode(), b"\x00", 5)), _good(tmp)]


def nul_escaped_json(tmp):
    rec = good_record()
    rec["text"] = rec["text"].replace(" ", "\u0000", 5)
    return [_write(tmp / "nul.jsonl", jsonl(rec))]


def binary_garbage(tmp):
    rng = random.Random(5)
    return [_write(tmp / "garbage.txt", bytes(rng.randrange(256) for _ in range(20_000))), _good(tmp)]


def empty_file(tmp):
    return [_write(tmp / "empty.txt", b""), _good(tmp)]


def invalid_utf8_latin(tmp):
    return [_write(tmp / "latin.txt", "Café crème, déjà vu à Genève.\nÉté.".encode("latin-1")), _good(tmp)]


def lone_surrogate_json(tmp):
    line = b'{"id": "sur", "title": "\\udc00", "text": "' + BODY.replace("\n", " ").encode() + b' \\ud800"}'
    return [_write(tmp / "sur.jsonl", jsonl(line, good_record()))]


def hostile_json(tmp):
    deep = b'{"id": "deep", "text": ' + b"[" * 50_000 + b"}"
    bigint = b'{"id": ' + b"7" * 10_000 + b', "text": "x"}'
    return [_write(tmp / "hostile.jsonl", jsonl(deep, bigint, good_record()))]


def over_max_chars(tmp):
    return _text_doc(tmp, "long", (BODY + "\n") * 40)


class _RegexBombStage(Stage):
    """A deliberately catastrophic stage: exponential backtracking on its marker."""

    name = "bomb"
    requires = ("text",)

    def __call__(self, doc: Document) -> Document:
        if "انفجار" in doc.text:
            re.match(r"(a+)+$", "a" * 60 + "b")
        return doc


class _CrashingStage(Stage):
    name = "crash"
    requires = ("text",)

    def __call__(self, doc: Document) -> Document:
        if "انفجار" in doc.text:
            def down(n):
                return down(n + 1)
            down(0)
        return doc


def slow_document(tmp):
    return _text_doc(tmp, "slow", BODY + "\nانفجار")


def _only_failure(stage: str, pattern: str, stored: int = 1, **kw) -> Outcome:
    return Outcome(stored, [(stage, pattern)], **kw)


def _no_controls(conn):
    for (text, title) in conn.execute("SELECT text, title FROM articles"):
        assert not any(ch in BIDI for ch in text + title)


def _no_zwsp(conn):
    assert all("\u200b" not in t and " " in t for t in _texts(conn))


def _repaired(conn):
    title, text, meta = conn.execute("SELECT title, text, metadata FROM articles WHERE doc_id='moji'").fetchone()
    assert title == TITLE and "الحكومة" in text and "Ø" not in text
    assert "mojibake" in json.loads(meta)["encoding_repair"]


def _encoding(name):
    def check(conn):
        (meta,) = conn.execute("SELECT metadata FROM articles").fetchone()
        assert json.loads(meta)["encoding"] == name
        assert TITLE in conn.execute("SELECT title FROM articles").fetchone()[0]
    return check


def _same_doc_id(conn):
    assert conn.execute("SELECT count(DISTINCT doc_id), count(DISTINCT content_hash) FROM articles").fetchone() == (1, 2)


def _no_nul(conn):
    assert all("\x00" not in t for t in _texts(conn))


def _replacement_char(conn):
    text, title = conn.execute("SELECT text, title FROM articles WHERE doc_id='sur'").fetchone()
    assert "\ufffd" in text and title == "\ufffd"


MATRIX: dict[str, Row] = {
    "huge_text_file_50MB": Row(huge_text_file, _only_failure("limits", r"document is 52,428,800 bytes, over max_doc_bytes=5,000,000")),
    "huge_jsonl_line": Row(huge_jsonl_line, _only_failure("limits", r"over max_doc_bytes=5,000,000", stored=2)),
    "gzip_bomb": Row(gzip_bomb_file, _only_failure("limits", r"more than 5,000,000 bytes, over max_doc_bytes")),
    "huge_html": Row(huge_html, _only_failure("limits", r"over max_html_bytes=10,000,000")),
    "html_nesting_bomb": Row(html_nesting_bomb, _only_failure("parse", r"no main text")),
    "html_many_paragraphs": Row(html_many_paragraphs, Outcome(1)),
    "warc_huge_record": Row(warc_huge_record, _only_failure("limits", r"more than 10,000,000 bytes, over max_html_bytes")),
    "warc_truncated": Row(warc_truncated, _only_failure("read", r"truncated or corrupt WARC after record 1")),
    "regex_dot_run": Row(regex_dot_run, Outcome(2)),
    "regex_dateline_dashes": Row(regex_dateline_dashes, Outcome(2)),
    "regex_digit_run": Row(regex_digit_run, Outcome(2)),
    "regex_separator_runs": Row(regex_separator_runs, Outcome(2)),
    "regex_trigger_run": Row(regex_trigger_run, Outcome(2)),
    "regex_month_run": Row(regex_month_run, Outcome(2)),
    "bidi_controls": Row(bidi_controls, Outcome(2, check=_no_controls)),
    "zero_width_space": Row(zero_width_space, Outcome(2, check=_no_zwsp)),
    "mixed_scripts": Row(mixed_scripts, Outcome(2)),
    "mojibake": Row(mojibake_jsonl, Outcome(2, check=_repaired)),
    "windows_1256_undeclared": Row(legacy_encoding("cp1256"), Outcome(1, check=_encoding("windows-1256"))),
    "iso_8859_6_undeclared": Row(legacy_encoding("iso-8859-6"), Outcome(1, check=_encoding("iso-8859-6"))),
    "windows_1256_html_no_meta": Row(windows_1256_html, Outcome(1, check=_encoding("windows-1256"))),
    "same_id_different_content": Row(same_id_different_content, Outcome(2, check=_same_doc_id)),
    "same_id_same_content": Row(same_id_same_content, Outcome(1, unchanged=1)),
    "nul_bytes_raw": Row(nul_bytes_raw, _only_failure("decode", r"binary data \(NUL byte at offset \d+\)")),
    "nul_escaped_in_json": Row(nul_escaped_json, Outcome(1, check=_no_nul)),
    "binary_garbage": Row(binary_garbage, _only_failure("decode", r"binary data|not valid UTF-8")),
    "empty_file": Row(empty_file, _only_failure("read", r"empty input")),
    "invalid_utf8_not_arabic": Row(invalid_utf8_latin, _only_failure("decode", r"not valid UTF-8 .* not Arabic")),
    "lone_surrogate_json": Row(lone_surrogate_json, Outcome(2, check=_replacement_char)),
    "hostile_json": Row(hostile_json, Outcome(1, [("parse", r"not JSON: RecursionError"), ("parse", r"not JSON: ValueError: Exceeds the limit")])),
    "over_max_doc_chars": Row(over_max_chars, _only_failure("limits", r"text is [\d,]+ characters, over max_doc_chars=1,000"),
                              settings={"max_doc_chars": 1000}),
    "slow_document": Row(slow_document, _only_failure("bomb", r"took longer than max_doc_seconds=0.5 in stage 'bomb'"),
                         settings={"max_doc_seconds": 0.5}, stages=lambda: [TextLayer(), _RegexBombStage()]),
    "stage_recursion_error": Row(slow_document, _only_failure("crash", r"RecursionError"),
                                 stages=lambda: [TextLayer(), _CrashingStage()]),
}


@pytest.mark.parametrize("name", list(MATRIX))
def test_hostile_input(name, tmp_path):
    row = MATRIX[name]
    inputs = row.build(tmp_path)
    db = tmp_path / "kb.db"
    # A hang would surface as a max_doc_seconds quarantine, which no row expects
    # (except slow_document), so the test fails instead of hanging.
    settings = Settings().with_overrides(**{"max_doc_seconds": 30.0, **row.settings})
    stages = row.stages() if row.stages else default_stages()
    summary = ingest([str(p) for p in inputs], db, settings=settings, stages=stages)
    conn = sqlite3.connect(db)
    try:
        conn.row_factory = None
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        failures = conn.execute("SELECT stage, reason FROM quarantine ORDER BY id").fetchall()
        assert stored == row.outcome.stored, failures
        assert len(failures) == len(row.outcome.quarantined), failures
        for (stage, reason), (want_stage, pattern) in zip(failures, row.outcome.quarantined):
            assert stage == want_stage, failures
            assert re.search(pattern, reason), reason
        assert summary.failed == len(failures)
        assert summary.unchanged == row.outcome.unchanged
        assert summary.exit_code == (3 if failures else 0)
        for (text,) in conn.execute("SELECT text FROM articles"):
            assert text.strip()
        if row.outcome.check:
            row.outcome.check(conn)
    finally:
        conn.close()


def test_matrix_is_documented():
    """Every row of the matrix has a line in docs/reliability.md, and no line is stale."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "reliability.md").read_text("utf-8")
    section = doc.split("## Input class → behaviour", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([A-Za-z0-9_]+)` \|", section, flags=re.MULTILINE))
    assert documented == set(MATRIX)
