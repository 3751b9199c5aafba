import gzip
import io
import json

import pytest

from marsad.ingest import read_inputs
from marsad.model import Document
from marsad.pipeline import Failure

TITLE = "الحكومة تعلن خطة جديدة لدعم المزارعين"
BODY = (
    "الرباط - (أ ف ب): أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين المتضررين من الجفاف.\n\n"
    "وقال وزير الفلاحة إن الخطة تشمل قروضا ميسرة وتوزيع البذور على صغار المزارعين.\n\n"
    "قد يعجبك ايضا\n\nالتعليقات مغلقة."
)
ARTICLE = f"{TITLE}\n\n{BODY}\n"
HTML = f"""<!DOCTYPE html><html lang="ar"><head><meta charset="{{charset}}"><title>{TITLE}</title>
<meta property="og:site_name" content="موقع تجريبي"></head><body><nav><a href="/">الرئيسية</a></nav>
<article><h1>{TITLE}</h1><p>الرباط - (أ ف ب): أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين المتضررين من الجفاف.</p>
<p>وقال وزير الفلاحة إن الخطة تشمل قروضا ميسرة وتوزيع البذور على صغار المزارعين في المناطق الريفية.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def items(paths, stdin=None):
    return list(read_inputs([str(p) for p in paths], stdin=stdin))


def only_doc(result):
    assert len(result) == 1 and isinstance(result[0], Document), result
    result[0].check()
    return result[0]


def only_failure(result, stage):
    assert len(result) == 1 and isinstance(result[0], Failure), result
    assert result[0].stage == stage
    assert result[0].message()
    return result[0]


def test_text_article(tmp_path):
    p = tmp_path / "art_1.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    doc = only_doc(items([p]))
    assert doc.id == "art_1"
    assert doc.title == TITLE
    assert "قد يعجبك" not in doc.text and "التعليقات" not in doc.text
    assert doc.text.count("\n\n") == 1
    dl = doc.metadata["dateline"]
    assert (dl["place"], dl["outlet"]) == ("الرباط", "أ ف ب")
    assert doc.metadata["format"] == "text" and doc.metadata["origin"] == str(p)
    assert doc.metadata["encoding"] == "utf-8" and len(doc.metadata["content_hash"]) == 64
    assert doc.source == "AFP"


@pytest.mark.parametrize(
    "encoding, recorded",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1256", "windows-1256"),
     ("iso-8859-6", "iso-8859-6")],
)
def test_encodings(tmp_path, encoding, recorded):
    p = tmp_path / "enc.txt"
    # ISO-8859-6 has no Arabic-Indic digits or «»; the body here has neither.
    p.write_bytes(ARTICLE.encode(encoding))
    doc = only_doc(items([p]))
    assert doc.metadata["encoding"] == recorded
    assert doc.title == TITLE


@pytest.mark.parametrize("charset, codec", [("utf-8", "utf-8"), ("windows-1256", "windows-1256")])
def test_html_page_with_declared_charset(tmp_path, charset, codec):
    p = tmp_path / "page.html"
    p.write_bytes(HTML.replace("{charset}", charset).encode(codec))
    doc = only_doc(items([p]))
    assert doc.title == TITLE
    assert doc.text.startswith("الرباط - (أ ف ب):")
    assert "الرئيسية" not in doc.text and "محفوظة" not in doc.text
    assert doc.metadata["format"] == "html" and doc.metadata["encoding"] == codec
    assert doc.source == "موقع تجريبي"


def _jsonl_lines():
    good = {"id": "a1", "title": TITLE, "text": BODY, "date": "Wed, 13 Jun 2018 00:50:07 +0400",
            "url": "http://example.com/x", "source": "example", "category": "politics"}
    return [json.dumps(good, ensure_ascii=False), "{not json", json.dumps({"id": "a3", "title": "بلا نص"}),
            "", json.dumps(dict(good, id="a4"), ensure_ascii=False)]


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_bad_line_is_a_failure_and_the_rest_goes_on(tmp_path, gz):
    p = tmp_path / ("dump.jsonl.gz" if gz else "dump.jsonl")
    data = "\n".join(_jsonl_lines()).encode("utf-8")
    p.write_bytes(gzip.compress(data) if gz else data)
    out = items([p])
    assert [type(x).__name__ for x in out] == ["Document", "Failure", "Failure", "Document"]
    assert out[0].published == "2018-06-13" and out[0].metadata["category"] == "politics"
    assert out[0].metadata["origin"] == f"{p}:1" and out[0].source == "example"
    assert out[1].origin == f"{p}:2" and out[1].stage == "parse"
    assert out[2].origin == f"{p}:3" and "text" in out[2].reason
    assert out[3].id == "a4" and out[3].metadata["origin"] == f"{p}:5"


def test_truncated_gzip_keeps_records_before(tmp_path):
    p = tmp_path / "cut.jsonl.gz"
    lines = [json.dumps({"id": f"r{i}", "text": BODY}, ensure_ascii=False) for i in range(200)]
    data = gzip.compress("\n".join(lines).encode("utf-8"))
    p.write_bytes(data[: len(data) // 2])
    out = items([p])
    assert isinstance(out[-1], Failure) and out[-1].stage == "read" and "truncated" in out[-1].reason
    assert all(isinstance(x, Document) for x in out[:-1]) and len(out) > 1


@pytest.mark.parametrize(
    "name, data, stage",
    [
        ("empty.txt", b"", "read"),
        ("blank.txt", b"\n \n", "read"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "decode"),
        ("latin1.txt", "Un texte en français, déjà écrit à Paris.".encode("latin-1"), "decode"),
        ("chrome_only.txt", "عنوان\n\nالتعليقات مغلقة.".encode("utf-8"), "clean"),
        ("cut.txt.gz", gzip.compress(ARTICLE.encode("utf-8"))[:40], "read"),
    ],
)
def test_bad_input_is_a_failure(tmp_path, name, data, stage):
    p = tmp_path / name
    p.write_bytes(data)
    f = only_failure(items([p]), stage)
    assert f.origin == str(p)


def test_missing_path_is_a_failure(tmp_path):
    only_failure(items([tmp_path / "nope.txt"]), "read")


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.html").write_text(HTML.replace("{charset}", "utf-8"), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.py").write_text("print(1)", encoding="utf-8")
    out = items([tmp_path])
    assert [d.metadata["origin"] for d in out] == [str(tmp_path / n) for n in ("a.txt", "b/z.txt", "c.html")]


@pytest.mark.parametrize("kind", ["text", "html", "jsonl", "jsonl.gz"])
def test_stdin_is_sniffed(kind):
    if kind == "text":
        data = ARTICLE.encode("utf-8")
    elif kind == "html":
        data = HTML.replace("{charset}", "utf-8").encode("utf-8")
    else:
        data = "\n".join(_jsonl_lines()).encode("utf-8")
        if kind == "jsonl.gz":
            data = gzip.compress(data)
    out = items(["-"], stdin=io.BytesIO(data))
    docs = [x for x in out if isinstance(x, Document)]
    assert docs and docs[0].metadata["format"] == kind.split(".")[0]


def test_unknown_extension_is_sniffed(tmp_path):
    p = tmp_path / "page.dat"
    p.write_text(HTML.replace("{charset}", "utf-8"), encoding="utf-8")
    assert only_doc(items([p])).metadata["format"] == "html"


def _warc_bytes(pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, payload in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                        warc_headers_dict={"WARC-Date": "2018-03-14T10:00:00Z"})
        writer.write_record(rec)
    return buf.getvalue()


PAGES = [
    ("https://example.com/2018/03/13/a", "text/html; charset=utf-8", HTML.replace("{charset}", "utf-8").encode()),
    ("https://example.com/logo.png", "image/png", b"\x89PNG\r\n"),
    ("https://example.com/b", "text/html", HTML.replace("{charset}", "utf-8").encode()),
]


def test_warc(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(_warc_bytes(PAGES))
    out = items([p])
    assert [type(x).__name__ for x in out] == ["Document", "Document"]
    a, b = out
    assert a.url == "https://example.com/2018/03/13/a" and a.id.startswith("warc-")
    assert a.id == next(iter(items([p]))).id  # stable
    assert a.metadata["origin"] == f"{p}#1" and b.metadata["origin"] == f"{p}#3"
    assert a.metadata["date"] == "2018-03-14T10:00:00Z"
    assert a.published == "2018-03-13" and a.metadata["published_source"] == "url"
    assert b.published == "2018-03-14"


def test_truncated_warc_keeps_records_before(tmp_path):
    data = _warc_bytes(PAGES)
    first = _warc_bytes(PAGES[:1])
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(first) + 30])
    out = items([p])
    assert isinstance(out[0], Document)
    assert isinstance(out[-1], Failure) and out[-1].stage == "read"


def test_truncated_uncompressed_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, ctype, payload in PAGES:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
    p = tmp_path / "cut.warc"
    p.write_bytes(buf.getvalue()[:-200])
    out = items([p])
    assert isinstance(out[0], Document)
    assert all(isinstance(x, (Document, Failure)) for x in out)
