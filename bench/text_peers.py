"""marsad's text layer against peers: main-text extraction, tokenisation, stemming.  Prints markdown.

    .venv/bin/python bench/text_peers.py [--articles 300] [--qalsadi 5]

1. Main text: ../shared/data/html/cnn_arabic_2013.html against its .expected.txt
   (bag-of-tokens P/R/F1, as trafilatura's own evaluation scores extractors; mean
   time over repeats) for marsad's HTML reader (marsad.ingest.html.read_html:
   trafilatura's bare_extraction + marsad cleaning), trafilatura.extract,
   trafilatura.baseline and jusText (Arabic stoplist).
2. Tokenisation and clitic/affix stripping on N news articles from
   ../shared/data/news: marsad.arabic.tokenize (tokens with proclitic and article
   offsets), pyarabic.araby.tokenize (tokens), tashaphyne's ArabicLightStemmer
   (light stems, per token) and qalsadi's Lemmatizer (lemmas; about 0.7 s per
   article, so only a few articles).  Throughput in tokens/s and what each
   produces on one self-written sentence.
Needs `pip install -e .[bench]`; skips a peer that is not installed.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
HTML = SHARED / "data" / "html" / "cnn_arabic_2013.html"
EXPECTED = SHARED / "data" / "html" / "cnn_arabic_2013.expected.txt"
NEWS = SHARED / "data" / "news" / "ant2018_politics.jsonl.gz"
# Written for this benchmark.
SENTENCE = "وقالت الحكومة القطرية، إن وزيرها سيزور بروكسل والتقى بممثلي الناتو."
_TOKEN = re.compile(r"\w+", re.UNICODE)


# -- 1. main-text extraction ------------------------------
def bag(text: str) -> Counter:
    return Counter(_TOKEN.findall(text or ""))


def token_prf(system: str, expected: str) -> tuple[float, float, float]:
    s, e = bag(system), bag(expected)
    common = sum((s & e).values())
    p = common / max(1, sum(s.values()))
    r = common / max(1, sum(e.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extractors() -> dict[str, Callable[[bytes], str]]:
    out: dict[str, Callable[[bytes], str]] = {}

    def marsad_reader(data: bytes) -> str:
        from marsad.ingest.html import read_html

        doc = read_html(data, "bench", "bench")
        return getattr(doc, "text", "")

    out["marsad (ingest.html.read_html)"] = marsad_reader
    try:
        import trafilatura

        out["trafilatura.extract"] = lambda data: trafilatura.extract(data.decode("utf-8")) or ""
        out["trafilatura.baseline"] = lambda data: trafilatura.baseline(data.decode("utf-8"))[1]
    except ImportError:
        pass
    try:
        import justext

        stoplist = justext.get_stoplist("Arabic")
        out["jusText (Arabic stoplist)"] = lambda data: "\n".join(
            p.text for p in justext.justext(data, stoplist) if not p.is_boilerplate)
    except ImportError:
        pass
    return out


def main_text(repeats: int) -> None:
    data, expected = HTML.read_bytes(), EXPECTED.read_text(encoding="utf-8")
    print(f"## Main-text extraction ({HTML.name} vs its expected text, {len(bag(expected))} distinct tokens)\n")
    print("| extractor | P | R | token F1 | ms/page |")
    print("|---|---|---|---|---|")
    for name, fn in extractors().items():
        fn(data)  # warm-up: imports, lazily built resources
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            text = fn(data)
            times.append(time.perf_counter() - t0)
        p, r, f = token_prf(text, expected)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {1000 * statistics.median(times):.1f} |")


# -- 2. tokenisation and stemming ------------------------------
def news_texts(n: int) -> list[str]:
    with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in itertools.islice(fh, n)]


def marsad_tokens(text: str) -> list[str]:
    from marsad.arabic import tokenize

    return [t.text for t in tokenize(text)]


def marsad_stems(text: str) -> list[str]:
    """The clitic-free form marsad gives each word (proclitics and ال removed)."""
    from marsad.arabic import tokenize

    return [text[t.stem_start:t.end] for t in tokenize(text) if t.kind == "word"]


def tools(qalsadi_ok: bool) -> dict[str, tuple[Callable[[str], list[str]], str]]:
    out: dict[str, tuple[Callable[[str], list[str]], str]] = {
        "marsad tokenize": (marsad_tokens, "tokens (+ proclitic/article offsets, normalised form)"),
        "marsad tokenize → stem span": (marsad_stems, "clitic-free word span (offsets kept)"),
    }
    try:
        from pyarabic import araby

        out["pyarabic araby.tokenize"] = (araby.tokenize, "tokens")
    except ImportError:
        pass
    try:
        from tashaphyne.stemming import ArabicLightStemmer

        stemmer = ArabicLightStemmer()

        def tashaphyne_stems(text: str) -> list[str]:
            from pyarabic import araby

            out = []
            for w in araby.tokenize(text):
                stemmer.light_stem(w)
                out.append(stemmer.get_stem())
            return out

        out["tashaphyne light_stem"] = (tashaphyne_stems, "light stems (affixes removed, no offsets)")
    except ImportError:
        pass
    if qalsadi_ok:
        try:
            from qalsadi.lemmatizer import Lemmatizer

            lem = Lemmatizer()
            out["qalsadi lemmatize_text"] = (lem.lemmatize_text, "lemmas (dictionary forms, no offsets)")
        except ImportError:
            pass
    return out


def throughput(fn: Callable[[str], list[str]], texts: list[str]) -> tuple[float, int, float]:
    fn(texts[0])  # warm-up
    t0 = time.perf_counter()
    n = sum(len(fn(t)) for t in texts)
    secs = time.perf_counter() - t0
    return n / secs, n, secs / len(texts)


def tokens_and_stems(n_articles: int, n_qalsadi: int) -> None:
    texts = news_texts(n_articles)
    chars = sum(map(len, texts))
    print(f"\n## Tokenisation and stemming ({len(texts)} news articles, {chars:,} characters; "
          f"qalsadi on the first {n_qalsadi})\n")
    print("| tool | output | items/s | items | ms/article | speed vs marsad tokenize |")
    print("|---|---|---|---|---|---|")
    ref = None
    for name, (fn, what) in tools(n_qalsadi > 0).items():
        sample = texts[:n_qalsadi] if name.startswith("qalsadi") else texts
        rate, n, per_doc = throughput(fn, sample)
        ref = ref or rate
        print(f"| {name} | {what} | {rate:,.0f} | {n:,} | {1000 * per_doc:.2f} | {rate / ref:.2f}× |")
    print(f"\nOn one sentence («{SENTENCE}»):\n")
    print("| tool | output |")
    print("|---|---|")
    for name, (fn, _) in tools(n_qalsadi > 0).items():
        print(f"| {name} | {' · '.join(fn(SENTENCE))} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--qalsadi", type=int, default=5, help="articles for qalsadi (slow)")
    ap.add_argument("--repeats", type=int, default=10)
    args = ap.parse_args(argv)
    if HTML.exists() and EXPECTED.exists():
        main_text(args.repeats)
    else:
        print(f"skipped main-text extraction: {HTML} is absent")
    if NEWS.exists():
        tokens_and_stems(args.articles, args.qalsadi)
    else:
        print(f"skipped tokenisation: {NEWS} is absent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
