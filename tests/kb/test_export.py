import csv
import io
import json

import pytest

from marsad.kb.export import EVENT_COLUMNS, GDELT_COLUMNS, ExportFormat, export, to_string
from marsad.store.db import connect

RECORD_FIELDS = {"id", "title", "source", "url", "published", "text", "entities", "dates", "events", "metadata"}


def test_parquet_round_trip(kb_db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(connect(kb_db), ExportFormat.parquet, out) == 2
    table = pq.read_table(out)
    assert table.column_names == list(EVENT_COLUMNS)
    rows = table.to_pylist()
    agree = next(r for r in rows if r["type"] == "AGREE")
    assert (agree["source"], agree["target"], agree["num_articles"], agree["num_sources"]) == ("QAT", "NATO", 3, 3)


def test_csv_round_trip(kb_db, tmp_path):
    out = tmp_path / "events.csv"
    export(connect(kb_db), ExportFormat.csv, out)
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    agree = next(r for r in rows if r["type"] == "AGREE")
    assert agree["date"] == "2018-03-05" and agree["num_mentions"] == "3"
    assert agree["evidence"] == "وقعت قطر وحلف الناتو اتفاقية"


def test_jsonl_records_have_the_extraction_fields(kb_db):
    lines = to_string(connect(kb_db), ExportFormat.jsonl).splitlines()
    assert len(lines) == 5
    for line in lines:
        rec = json.loads(line)
        assert RECORD_FIELDS <= set(rec)
        assert isinstance(rec["story_id"], int)
        for layer in ("entities", "dates"):
            for span in rec[layer]:
                assert rec["text"][span["start"]:span["end"]] == span["text"]
        for ev in rec["events"]:
            assert {"type", "cameo", "source", "target", "date", "location", "start", "end", "confidence"} <= set(ev)
            assert rec["text"][ev["start"]:ev["end"]] == ev["evidence"]


def test_gdelt_rows_follow_the_column_list(kb_db):
    text = to_string(connect(kb_db), ExportFormat.gdelt)
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert len(rows) == 2 and all(len(r) == len(GDELT_COLUMNS) for r in rows)
    agree = dict(zip(GDELT_COLUMNS, rows[0]))
    assert agree["Day"] == "20180305" and agree["MonthYear"] == "201803" and agree["Year"] == "2018"
    assert (agree["Actor1Code"], agree["Actor1CountryCode"], agree["Actor2Code"], agree["Actor2KnownGroupCode"]) == (
        "QAT", "QAT", "NATO", "NATO")
    assert (agree["EventCode"], agree["EventBaseCode"], agree["EventRootCode"]) == ("057", "057", "05")
    assert agree["QuadClass"] == "2" and float(agree["GoldsteinScale"]) == 3.5
    assert (agree["NumMentions"], agree["NumSources"], agree["NumArticles"]) == ("3", "3", "3")
    assert agree["AvgTone"] == ""
    assert len(agree["DATEADDED"]) == 14


def test_plover_records(kb_db):
    recs = [json.loads(x) for x in to_string(connect(kb_db), ExportFormat.plover).splitlines()]
    assert {r["event_type"] for r in recs} == {"AGREE", "ASSAULT"}
    agree = next(r for r in recs if r["event_type"] == "AGREE")
    for key in ("id", "event_type", "mode", "context", "source_actor", "target_actor", "event_date", "story_date"):
        assert key in agree
    assert agree["source_actor"] == ["QAT"] and agree["target_actor"] == ["NATO"]
    assert agree["event_date"] == "2018-03-05" and agree["story_date"] == "2018-03-05"


@pytest.mark.parametrize("fmt", [f for f in ExportFormat if f is not ExportFormat.parquet])
def test_every_text_format_writes_to_a_file(kb_db, tmp_path, fmt):
    out = tmp_path / f"x.{fmt.value}"
    n = export(connect(kb_db), fmt, out)
    assert n > 0 and out.stat().st_size > 0
