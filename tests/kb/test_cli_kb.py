import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app

runner = CliRunner()


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_timeline_json(kb_db):
    r = _run("timeline", "QAT", "NATO", "--db", kb_db, "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["total"] == 1 and data["items"][0]["num_articles"] == 3


def test_timeline_not_found(kb_db):
    assert _run("timeline", "QAT", "XXX", "--db", kb_db).exit_code == 4


@pytest.mark.parametrize(
    "args",
    [
        ("actor", "QAT"),
        ("search", "والاتفاقيات"),
        ("search", "اتفاقية", "--actor", "QAT", "--from", "2018-03-01", "--to", "2018-03-31", "--source", "outlet_a"),
        ("search", '"(NEAR*'),
        ("stories",),
        ("stories", "--rebuild"),
        ("story", "1"),
        ("related", "a1"),
        ("kb-stats",),
    ],
)
def test_commands_run(kb_db, args):
    r = _run(*args, "--db", kb_db)
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt", "plover"])
def test_export_to_file(kb_db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    r = _run("export", "--format", fmt, "--out", out, "--db", kb_db)
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 0


def test_search_json_has_original_offsets(kb_db):
    r = _run("search", "اتفاقية", "--db", kb_db, "--json", "--limit", "2")
    page = json.loads(r.stdout)
    assert page["total"] == 4 and len(page["hits"]) == 2
    for hit in page["hits"]:
        for h in hit["highlights"]:
            if h["field"] == "text":
                off = h["start"] - hit["snippet_start"]
                assert hit["snippet"][off:off + len(h["text"])] == h["text"]
