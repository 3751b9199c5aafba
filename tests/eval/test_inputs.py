from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from marsad.eval import EvalInputError, cli_eval, minimal_document, read_jsonl
from marsad.eval.inputs import published_day, run_articles
from marsad.pipeline import TextLayer

ARTICLE = {
    "id": "a1",
    "title": "عنوان تجريبي",
    "text": "  التقى وزير الخارجية نظيره في عمان أمس.\n\nوقال إن اللقاء كان مثمرا.  ",
    "date": "Tue, 09 Apr 2019 23:10:00 +0300",
    "url": "http://example.org/a1",
    "source": "example",
}
GOLD = {"id": "a1", "published": "2019-04-09", "entities": [{"type": "GPE", "actor": None, "mentions": ["عمان"]}],
        "dates": [{"text": "أمس", "value": "2019-04-08"}], "events": []}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "raw, day",
    [("2015-07-24 08:50:36", "2015-07-24"), ("Wed, 13 Jun 2018 00:50:07 +0400", "2018-06-13"),
     ("Wed, 25 Jul 2018 19:10:27 GMT", "2018-07-25"), ("not a date", None), ("", None)],
)
def test_published_day(raw: str, day: str | None) -> None:
    assert published_day(raw) == day


@given(st.text(max_size=40))
def test_published_day_never_raises(raw: str) -> None:
    day = published_day(raw)
    assert day is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)


def test_minimal_document_keeps_text() -> None:
    doc = minimal_document(ARTICLE)
    assert doc.text == ARTICLE["text"] and doc.published == "2019-04-09" and doc.title == ARTICLE["title"]


@pytest.mark.parametrize(
    "content, message",
    [("{\"id\": 1}\n{oops\n", ":2: invalid JSON"), ("[1, 2]\n", ":1: expected a JSON object"),
     ("\n{\"x\": 1}\n", ":2: record has no 'id'")],
)
def test_read_jsonl_errors_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalInputError, match=re.escape(message)):
        read_jsonl(path)


def test_run_articles_builds_records(tmp_path: Path) -> None:
    result = run_articles(write_jsonl(tmp_path / "art.jsonl", [ARTICLE]), stages=[TextLayer()], use_ingest=False)
    assert not result.failures
    assert [r["text"] for r in result.records] == [ARTICLE["text"]]


def _system_record() -> dict:
    text = ARTICLE["text"]
    i, j = text.index("عمان"), text.index("أمس")
    return {"id": "a1", "published": "2019-04-09", "text": text,
            "entities": [{"start": i, "end": i + 4, "text": "عمان", "type": "GPE", "actor": None}],
            "dates": [{"start": j, "end": j + 3, "text": "أمس", "value": "2019-04-08"}], "events": []}


def test_cli_eval_system_mode_writes_json(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    system = write_jsonl(tmp_path / "sys.jsonl", [_system_record(), {**_system_record(), "id": "other"}])
    out = tmp_path / "report.json"
    console = Console(record=True, width=120)
    report = cli_eval(gold, None, system, out, console)
    assert report.entities.f1 == 1.0 and report.dates.f1 == 1.0
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["summary"]["dates"]["f1"] == 1.0 and saved["extra_ids"] == ["other"]
    assert saved["documents"][0]["id"] == "a1"
    assert "events+date" in console.export_text()


def test_cli_eval_articles_mode(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    articles = write_jsonl(tmp_path / "art.jsonl", [ARTICLE])
    report = cli_eval(gold, articles, None, None, Console(record=True))
    assert report.docs_system == 1 and not report.missing_ids
    assert 0.0 <= report.entities.f1 <= 1.0


@pytest.mark.parametrize("articles, system", [(None, None), (Path("a"), Path("b"))])
def test_cli_eval_needs_exactly_one_source(tmp_path: Path, articles, system) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    with pytest.raises(EvalInputError):
        cli_eval(gold, articles, system, None, Console(record=True))


def test_system_date_without_offsets_is_an_input_error() -> None:
    from marsad.eval import score

    system = {**_system_record(), "dates": [{"text": "أمس", "value": "2019-04-08"}]}
    with pytest.raises(EvalInputError, match=r"'a1': dates\[0\]"):
        score([GOLD], [system])


def test_entity_text_is_cut_from_offsets_when_absent() -> None:
    from marsad.eval import score

    rec = _system_record()
    rec["entities"] = [{k: v for k, v in e.items() if k != "text"} for e in rec["entities"]]
    assert score([GOLD], [rec]).entities.f1 == 1.0


@pytest.mark.parametrize(
    "needle, found",
    [("16 فبراير 2005", "16 فبراير  2005"), ("أمس", "أمس"), ("غادر", "غادر"), ("غادرَ", "غادرَ")],
)
def test_date_occurrence_tolerates_cleaning(needle: str, found: str) -> None:
    from marsad.eval.dates import find_occurrences

    # Doubled space and diacritics, as a cleaner or an annotator may leave them.
    text = "وصل في 16 فبراير  2005 ثم غادرَ أمسِ"
    (s, e), = find_occurrences(text, needle)
    assert text[s:e] == found


@pytest.mark.parametrize("use_ingest", [True, False])
def test_run_articles_keeps_ids_and_a_published_day(tmp_path: Path, use_ingest: bool) -> None:
    result = run_articles(write_jsonl(tmp_path / "art.jsonl", [ARTICLE]), stages=[TextLayer()], use_ingest=use_ingest)
    assert [r["id"] for r in result.records] == ["a1"]
    assert result.records[0]["published"] == "2019-04-09"
    assert "عمان" in result.records[0]["text"]
