"""Fuzz targets shared by the CI fuzz tests and bench/fuzz/run.py.

Each target takes one generated input and raises AssertionError (or anything else)
on a property violation: no exception may escape, and every span must index its
document's text exactly.
"""
from __future__ import annotations

import io
import json
from functools import lru_cache

from hypothesis import strategies as st

from marsad.arabic import normalize, sentences, tokenize
from marsad.model import Document
from marsad.pipeline import Failure, default_stages, process

# Characters that matter to our patterns: Arabic letters, marks, tatweel, presentation
# forms, Arabic/Persian/ASCII digits, date and dateline punctuation, whitespace,
# control characters, zero-width and bidi marks.
ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + list("ةىءآأإؤئ")
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0640", "\u0670"]
DIGITS = list("0123456789") + [chr(c) for c in range(0x0660, 0x066A)] + [chr(c) for c in range(0x06F0, 0x06FA)]
PUNCT = list(".,،؛:؟?!…-–—ـ/|()[]«»\"'%٪+*#@&_")
SPACES = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028"]
CONTROLS = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a",
            "\u202e", "\u2066", "\u2069", "\u061c", "\ufeff", "\ufffd"]
WORDS = ["في", "يناير", "مارس", "رمضان", "عام", "2020", "1445", "هـ", "قبل", "أمس", "يوم", "الخميس", "القاهرة",
         "رويترز", "وزير", "الخارجية", "الأمم المتحدة", "قال", "هاجم", "الجيش", "اتفاق", "ال", "و", "ب", "ل"]

_char = st.one_of(
    st.sampled_from(ARABIC), st.sampled_from(ARABIC), st.sampled_from(ARABIC),
    st.sampled_from(MARKS), st.sampled_from(DIGITS), st.sampled_from(PUNCT), st.sampled_from(SPACES),
    st.sampled_from(CONTROLS), st.characters(codec="utf-8"),
)
_piece = st.one_of(_char, _char, st.sampled_from(WORDS).map(lambda w: w + " "))
arabic_text = st.lists(_piece, max_size=120).map("".join)


def _jsonl_bytes(texts: list[str]) -> bytes:
    return b"".join(json.dumps({"id": f"f{i}", "text": t}, ensure_ascii=i % 2 == 0).encode("utf-8") + b"\n"
                    for i, t in enumerate(texts))


input_bytes = st.one_of(
    st.binary(max_size=600),
    arabic_text.map(lambda t: t.encode("utf-8")),
    arabic_text.map(lambda t: t.encode("cp1256", errors="ignore")),
    st.lists(arabic_text, min_size=1, max_size=3).map(_jsonl_bytes),
    arabic_text.map(lambda t: f"<html><head><meta charset='utf-8'></head><body><p>{t}</p></body></html>".encode()),
    st.tuples(st.sampled_from([b"WARC/1.0\r\n", b"{", b"\x1f\x8b", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]),
              st.binary(max_size=300)).map(b"".join),
)


def check_reader(data: bytes, name: str = "fuzz.bin") -> None:
    from marsad.ingest import read_stream

    for item in read_stream(io.BytesIO(data), name, "fuzz"):
        assert isinstance(item, (Document, Failure)), item
        if isinstance(item, Document):
            item.check()
            assert item.text and item.text == item.text.strip()
            item.content_hash  # noqa: B018 - must be encodable


def check_normalizer(text: str) -> None:
    view = normalize(text)
    assert len(view.starts) == len(view.ends) == len(view.text)
    prev = 0
    for s, e in zip(view.starts, view.ends):
        assert 0 <= s < e <= len(text) and s >= prev
        prev = s
    for i in range(len(view.text) + 1):
        s, e = view.to_original(i, len(view.text))
        assert 0 <= s <= e <= len(text)


def check_tokenizer(text: str) -> None:
    toks = tokenize(text)
    for t in toks:
        t.check(text)
        assert t.start <= t.base_start <= t.stem_start <= t.end
    for s in sentences(text):
        s.check(text)


def check_dates(text: str) -> None:
    from marsad.dates import find_dates

    for d in find_dates(text):
        d.check(text)


@lru_cache(maxsize=1)
def _stages():
    return tuple(default_stages())


def check_stages(text: str) -> None:
    doc = Document(id="fuzz", text=text, title="", published="2021-03-04")
    out = process(doc, _stages())
    assert not isinstance(out, Failure), out.message()
    out.check()


TARGETS = {
    "reader": (input_bytes, check_reader),
    "normalizer": (arabic_text, check_normalizer),
    "tokenizer": (arabic_text, check_tokenizer),
    "dates": (arabic_text, check_dates),
    "stages": (arabic_text, check_stages),
}


# -- a plain random generator over the same alphabets, for long runs ---------------
# Hypothesis spends most of its time generating and shrinking; bench/fuzz/run.py
# --engine random draws the same kind of input directly, two orders of magnitude faster.
_POOLS = [ARABIC, ARABIC, ARABIC, MARKS, DIGITS, PUNCT, SPACES, CONTROLS, [w + " " for w in WORDS]]


def random_text(rng) -> str:
    out = []
    for _ in range(rng.randrange(0, 120)):
        if rng.random() < 0.08:
            cp = rng.randrange(0x20, 0x30000)
            out.append(chr(cp) if not 0xD800 <= cp <= 0xDFFF else "\ufffd")
        else:
            out.append(rng.choice(rng.choice(_POOLS)))
    return "".join(out)


def random_bytes(rng) -> bytes:
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randbytes(rng.randrange(0, 600))
    if kind == 1:
        return random_text(rng).encode("utf-8")
    if kind == 2:
        return random_text(rng).encode("cp1256", errors="ignore")
    if kind == 3:
        return _jsonl_bytes([random_text(rng) for _ in range(rng.randrange(1, 4))])
    if kind == 4:
        return f"<html><head><meta charset='utf-8'></head><body><p>{random_text(rng)}</p></body></html>".encode()
    head = rng.choice([b"WARC/1.0\r\n", b"{", b"\x1f\x8b", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"])
    return head + rng.randbytes(rng.randrange(0, 300))


RANDOM_INPUTS = {"reader": random_bytes, "normalizer": random_text, "tokenizer": random_text,
                 "dates": random_text, "stages": random_text}
