"""Settings (defaults, environment, overrides) and the limit mechanisms."""
from __future__ import annotations

import io
import re
import threading

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from marsad import settings as settings_mod
from marsad.limits import DocumentTimeout, bounded_lines, over_limit, read_capped, time_limit
from marsad.settings import Settings, SettingsError


def test_defaults():
    s = Settings()
    assert (s.max_doc_bytes, s.max_html_bytes, s.max_doc_chars, s.max_doc_seconds) == (5_000_000, 10_000_000,
                                                                                      2_000_000, 60.0)


@pytest.mark.parametrize("env, field, value", [
    ({"MARSAD_MAX_DOC_BYTES": "1000"}, "max_doc_bytes", 1000),
    ({"MARSAD_MAX_DOC_BYTES": "5_000_000"}, "max_doc_bytes", 5_000_000),
    ({"MARSAD_MAX_DOC_BYTES": "2e6"}, "max_doc_bytes", 2_000_000),
    ({"MARSAD_MAX_HTML_BYTES": "20,000,000"}, "max_html_bytes", 20_000_000),
    ({"MARSAD_MAX_DOC_CHARS": " 99 "}, "max_doc_chars", 99),
    ({"MARSAD_MAX_DOC_SECONDS": "2.5"}, "max_doc_seconds", 2.5),
    ({"MARSAD_MAX_DOC_SECONDS": "0"}, "max_doc_seconds", 0.0),
    ({"MARSAD_MAX_DOC_SECONDS": ""}, "max_doc_seconds", 60.0),
])
def test_environment(env, field, value):
    assert getattr(Settings.from_env(env), field) == value


@pytest.mark.parametrize("env", [{"MARSAD_MAX_DOC_BYTES": "lots"}, {"MARSAD_MAX_DOC_BYTES": "-1"},
                                 {"MARSAD_MAX_DOC_SECONDS": "soon"}, {"MARSAD_MAX_DOC_CHARS": "1.5"}])
def test_bad_environment_names_the_variable(env):
    with pytest.raises(SettingsError, match=next(iter(env))):
        Settings.from_env(env)


def test_overrides_beat_environment():
    s = Settings.from_env({"MARSAD_MAX_DOC_BYTES": "10"}).with_overrides(max_doc_bytes=20, max_doc_seconds=None)
    assert s.max_doc_bytes == 20 and s.max_doc_seconds == 60.0
    with pytest.raises(SettingsError):
        s.with_overrides(max_pages=3)
    with pytest.raises(SettingsError):
        Settings(max_doc_bytes=-5)


def test_use_sets_and_restores():
    before = settings_mod.current()
    with settings_mod.use(Settings(max_doc_bytes=7)):
        assert settings_mod.current().max_doc_bytes == 7
    assert settings_mod.current() == before


def test_reason_names_the_limit():
    assert over_limit("document", 52_428_800, "max_doc_bytes", 5_000_000) == (
        "document is 52,428,800 bytes, over max_doc_bytes=5,000,000")
    assert over_limit("text", 12, "max_doc_chars", 10) == "text is 12 characters, over max_doc_chars=10"


def test_time_limit_interrupts_catastrophic_regex():
    with pytest.raises(DocumentTimeout, match=r"max_doc_seconds=0.2 in test"):
        with time_limit(0.2, "test"):
            re.match(r"(a+)+$", "a" * 60 + "b")


def test_time_limit_interrupts_python_loop_and_disarms():
    with pytest.raises(DocumentTimeout):
        with time_limit(0.1):
            while True:
                pass
    with time_limit(5):  # re-armable, and disarmed on exit: no stray alarm afterwards
        pass
    with time_limit(None):
        pass


def test_time_limit_is_a_no_op_off_the_main_thread():
    out = []

    def work():
        with time_limit(0.01):
            sum(range(200_000))
        out.append("done")

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert out == ["done"]


def test_nested_time_limit_keeps_the_outer_one():
    with pytest.raises(DocumentTimeout, match="outer"):
        with time_limit(0.2, "outer"):
            with time_limit(10, "inner"):
                while True:
                    pass


@hsettings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=40), max_size=20), st.integers(min_value=1, max_value=30))
def test_bounded_lines(lines, cap):
    data = b"\n".join(line.replace(b"\n", b"") for line in lines)
    want = re.findall(rb"[^\n]*\n|[^\n]+\Z", data)  # lines as readline() gives them
    got = list(bounded_lines(io.BytesIO(data), cap))
    assert len(got) == len(want)
    for (line, size), raw in zip(got, want):
        assert size == len(raw)
        content = raw.rstrip(b"\n")
        assert line == (raw if len(content) <= cap else b"")


@hsettings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.integers(min_value=0, max_value=400))
def test_read_capped(data, cap):
    got = read_capped(io.BytesIO(data), cap)
    assert got == data[: cap + 1]
