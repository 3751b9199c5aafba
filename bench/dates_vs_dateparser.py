"""Dates: marsad vs dateparser on the gold articles and on real news.  Prints markdown tables.

    .venv/bin/python bench/dates_vs_dateparser.py                 # dev gold + 2,000 news articles
    .venv/bin/python bench/dates_vs_dateparser.py --split train   # development split (error analysis)
    .venv/bin/python bench/dates_vs_dateparser.py --errors        # also list our misses / false alarms

Scoring (mention level): a gold date is matched by a system mention whose span
overlaps an occurrence of the gold text in the article and whose value is equal;
matching is one-to-one.  Recall = matched / gold, precision = matched / system.
dateparser's search_dates returns datetimes without granularity, so its value
counts as equal when its ISO date starts with the gold value (lenient to it).
Normalisation alone: each gold span is parsed on its own, with the article's
publication date as the anchor; dateparser uses DateDataParser with the
Levantine and Maghrebi Arabic locales (one parser per locale, first that parses wins)
and reports the value at the period it parsed.
Speed: the same news articles through both systems in one run, interleaved by chunks of 100
articles (so that load drifting on a shared machine hits both alike); CPU time (process_time) is
the headline ratio because other jobs on a shared machine inflate wall time unevenly; wall
time is printed too.
Needs ../shared (skips with a message when absent) and `pip install dateparser`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from marsad.dates import find_dates, parse_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LOCALES = ["ar-LB", "ar-SY", "ar-IQ", "ar-JO", "ar-PS", "ar-DZ", "ar-MA", "ar-TN"]
NEWS_FILES = ("ant2018_politics.jsonl.gz", "jawharafm_politics.jsonl.gz", "saudinewsnet2015_aawsat_spa.jsonl.gz")


@dataclass
class Mention:
    start: int
    end: int
    value: str | None


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    matched: int = 0
    seconds: float = 0.0
    docs: int = 0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.system if self.system else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def ms_per_doc(self) -> float:
        return 1000 * self.seconds / self.docs if self.docs else 0.0


def load_gold(split: str) -> list[tuple[dict, dict]]:
    gold_path = SHARED / "gold" / f"{split}.jsonl"
    art_path = SHARED / "gold" / f"{split}_articles.jsonl"
    if not gold_path.exists():
        sys.exit(f"{gold_path} is absent: nothing to measure")
    arts = {}
    with open(art_path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            arts[a["id"]] = a
    with open(gold_path, encoding="utf-8") as f:
        return [(g, arts[g["id"]]) for g in map(json.loads, f) if g["id"] in arts]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, pos = [], text.find(needle)
    while pos >= 0 and needle:
        out.append((pos, pos + len(needle)))
        pos = text.find(needle, pos + 1)
    return out


def value_equal(system: str | None, gold: str, lenient: bool) -> bool:
    if system is None:
        return False
    return system.startswith(gold) if lenient else system == gold


def match(text: str, gold_dates: list[dict], mentions: list[Mention], lenient: bool = False):
    """(matched count, unmatched gold entries, unmatched mentions): a maximum one-to-one matching."""
    edges: list[list[int]] = []
    for g in gold_dates:
        occ = occurrences(text, g["text"])
        edges.append(
            [
                i
                for i, m in enumerate(mentions)
                if value_equal(m.value, g["value"], lenient) and any(m.start < e and s < m.end for s, e in occ)
            ]
        )
    owner: dict[int, int] = {}  # mention -> gold

    def augment(g: int, seen: set[int]) -> bool:
        for i in edges[g]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = g
                return True
        return False

    for g in range(len(gold_dates)):
        augment(g, set())
    matched_gold = set(owner.values())
    missed = [g for k, g in enumerate(gold_dates) if k not in matched_gold]
    extra = [m for i, m in enumerate(mentions) if i not in owner]
    return len(owner), missed, extra


def ours(text: str, anchor: str) -> list[Mention]:
    return [Mention(m.start, m.end, m.value) for m in find_dates(text, anchor)]


def theirs(text: str, anchor: str) -> list[Mention]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(anchor)} if anchor else {}
    found = search_dates(text, languages=["ar"], settings=settings) or []
    out, pos = [], 0
    for surface, when in found:
        s = text.find(surface, pos)
        if s < 0:
            s = text.find(surface)
        if s < 0:
            continue
        pos = s + len(surface)
        out.append(Mention(s, s + len(surface), when.date().isoformat()))
    return out


def score_gold(pairs, system, lenient: bool, errors: bool, label: str) -> Score:
    sc = Score()
    for g, art in pairs:
        t0 = time.perf_counter()
        mentions = system(art["text"], g["published"])
        sc.seconds += time.perf_counter() - t0
        sc.docs += 1
        n, missed, extra = match(art["text"], g["dates"], mentions, lenient)
        sc.gold += len(g["dates"])
        sc.system += len(mentions)
        sc.matched += n
        if errors:
            text = art["text"]
            for m in missed:
                print(f"[{label}] MISS {g['id'][:28]} pub={g['published']} {m['text']!r} gold={m['value']}")
            for m in extra:
                ctx = text[max(0, m.start - 25) : m.end + 25].replace("\n", " ")
                print(f"[{label}] EXTRA {g['id'][:28]} pub={g['published']} {text[m.start:m.end]!r} -> {m.value} | {ctx}")
    return sc


@dataclass
class NormScore:
    spans: int = 0
    correct_ours: int = 0
    correct_theirs: int = 0
    seconds_ours: float = 0.0
    seconds_theirs: float = 0.0


def dateparser_value(parsers, span: str) -> str | None:
    """First locale (in the given order) that parses the span; dateparser refuses one parser
    holding several regions of the same language, so each locale gets its own parser."""
    for parser in parsers:
        data = parser.get_date_data(span)
        if data is None or data.date_obj is None:
            continue
        d = data.date_obj
        return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(data.period, d.date().isoformat())
    return None


def score_normalisation(pairs) -> NormScore:
    from dateparser import DateDataParser

    ns = NormScore()
    parsers: dict[str | None, list[DateDataParser]] = {}
    for g, _art in pairs:
        pub = g["published"]
        if pub not in parsers:
            settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(pub)} if pub else {}
            parsers[pub] = [DateDataParser(languages=["ar"], locales=[loc], settings=settings) for loc in LOCALES]
        for d in g["dates"]:
            ns.spans += 1
            t0 = time.perf_counter()
            mine = parse_date(d["text"], pub)
            ns.seconds_ours += time.perf_counter() - t0
            t0 = time.perf_counter()
            other = dateparser_value(parsers[pub], d["text"])
            ns.seconds_theirs += time.perf_counter() - t0
            ns.correct_ours += mine == d["value"]
            ns.correct_theirs += other == d["value"]
    return ns


def news_articles(limit: int) -> list[dict]:
    out: list[dict] = []
    per_file = limit // len(NEWS_FILES) + 1
    for name in NEWS_FILES:
        path = SHARED / "data" / "news" / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= per_file:
                    break
                out.append(json.loads(line))
    return out[:limit]


def news_anchor(date: str | None) -> str:
    from marsad.dates import parse_anchor

    d = parse_anchor(date)
    return (d or dt.date(2018, 1, 1)).isoformat()


@dataclass
class Timing:
    wall: float
    cpu: float  # process CPU time: what the code costs, unlike wall time on a shared machine
    mentions: int


def time_news(arts: list[dict], system) -> Timing:
    w0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for a in arts:
        n += len(system(a["text"], news_anchor(a.get("date"))))
    return Timing(time.perf_counter() - w0, time.process_time() - c0, n)


def time_news_interleaved(arts: list[dict], systems, chunk: int = 100) -> list[Timing]:
    """Each system on the same chunks in turn: on a shared machine the load drifts over a run,
    and timing one system after the other would hand one of them the quieter half."""
    totals = [Timing(0.0, 0.0, 0) for _ in systems]
    for i in range(0, len(arts), chunk):
        part = arts[i : i + chunk]
        for k, system in enumerate(systems):
            t = time_news(part, system)
            totals[k] = Timing(totals[k].wall + t.wall, totals[k].cpu + t.cpu, totals[k].mentions + t.mentions)
    return totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--news", type=int, default=2000, help="news articles for the speed run (0 to skip)")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-dateparser", action="store_true", help="score marsad alone (fast development loop)")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    pairs = load_gold(args.split)
    find_dates("في 1 مارس 2018 اليوم", "2018-01-01")  # warm-up: lexicon load and regex compilation
    mine = score_gold(pairs, ours, False, args.errors, "marsad")
    rows = [("marsad", mine)]
    if not args.no_dateparser:
        rows.append(("dateparser.search_dates (lenient value)", score_gold(pairs, theirs, True, False, "dp")))
    print(f"\n### Date mentions on gold {args.split} ({len(pairs)} articles, {mine.gold} gold dates)\n")
    print("| system | recall | precision | F1 | ms/article |")
    print("|---|---|---|---|---|")
    for name, sc in rows:
        print(f"| {name} | {sc.recall:.3f} | {sc.precision:.3f} | {sc.f1:.3f} | {sc.ms_per_doc:.2f} |")
    if args.no_dateparser:
        return
    ns = score_normalisation(pairs)
    print(f"\n### Normalisation alone ({ns.spans} gold spans, anchor = published)\n")
    print("| system | value accuracy | µs/span |")
    print("|---|---|---|")
    print(f"| marsad.parse_date | {ns.correct_ours / ns.spans:.3f} | {1e6 * ns.seconds_ours / ns.spans:.0f} |")
    print(
        f"| dateparser DateDataParser ({', '.join(LOCALES)}) | {ns.correct_theirs / ns.spans:.3f} "
        f"| {1e6 * ns.seconds_theirs / ns.spans:.0f} |"
    )
    if args.news:
        arts = news_articles(args.news)
        mine_t, theirs_t = time_news_interleaved(arts, (ours, theirs))
        print(f"\n### Throughput on {len(arts)} news articles ({', '.join(NEWS_FILES)})\n")
        print("| system | mentions | CPU ms/article | wall ms/article | articles/s (wall) |")
        print("|---|---|---|---|---|")
        for name, t in (("marsad", mine_t), ("dateparser.search_dates", theirs_t)):
            n = len(arts)
            print(f"| {name} | {t.mentions} | {1000 * t.cpu / n:.3f} | {1000 * t.wall / n:.3f} | {n / t.wall:.0f} |")
        print(
            f"\nmarsad is {theirs_t.cpu / mine_t.cpu:.0f}× faster than dateparser.search_dates on news "
            f"by CPU time ({theirs_t.wall / mine_t.wall:.0f}× by wall time)."
        )
    gold_ratio = rows[1][1].seconds / mine.seconds if mine.seconds else float("inf")
    print(f"marsad is {gold_ratio:.0f}× faster than dateparser.search_dates on the gold articles.")


if __name__ == "__main__":
    main()
