"""Builders of hostile inputs for the matrix of docs/reliability.md (all written here)."""
from __future__ import annotations

import gzip
import io
import json

TITLE = "الحكومة تعلن خطة جديدة لدعم المزارعين"
BODY = ("الرباط - أعلنت الحكومة اليوم خطة جديدة لدعم المزارعين المتضررين من الجفاف.\n\n"
        "وقال وزير الفلاحة إن الخطة تشمل قروضا ميسرة وتوزيع البذور على صغار المزارعين في المناطق الريفية.")
ARTICLE = f"{TITLE}\n\n{BODY}\n"


def jsonl(*records: dict | bytes) -> bytes:
    lines = [r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode("utf-8") for r in records]
    return b"\n".join(lines) + b"\n"


def good_record(i: int = 0) -> dict:
    return {"id": f"good-{i}", "title": TITLE, "text": f"{BODY} رقم {i}."}


def html_page(body_html: str, charset_meta: bool = True) -> str:
    meta = '<meta charset="utf-8">' if charset_meta else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>{TITLE}</title></head><body>{body_html}</body></html>"


def article_html(extra: str = "") -> str:
    paras = "".join(f"<p>{line}</p>" for line in BODY.split("\n\n"))
    return html_page(f"<article><h1>{TITLE}</h1>{paras}{extra}</article>")


def warc(pages: list[tuple[str, str, bytes]], *, gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, payload in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                        warc_headers_dict={"WARC-Date": "2021-05-02T10:00:00Z"})
        writer.write_record(rec)
    return buf.getvalue()


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of Arabic text once decompressed, a few kB compressed."""
    out = io.BytesIO()
    unit = ("خبر " * 256).encode("utf-8")
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        for _ in range(size // len(unit) + 1):
            gz.write(unit)
    return out.getvalue()


def mojibake(text: str) -> str:
    """UTF-8 bytes read as windows-1252 (undefined bytes kept as C1 controls, as browsers do)."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("windows-1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)
