"""Entity recognition and linking: document-level F1 on gold, and speed on news.

    .venv/bin/python bench/entities_speed.py --gold ../shared/gold/dev.jsonl
    .venv/bin/python bench/entities_speed.py --speed --articles 500

Scoring (document level, as in the issue): a gold entity is found when a system
mention of the same type has its actor code or one of its surface forms (after
normalisation and clitic stripping); system entities are grouped by actor code,
or by normalised surface when they have none, and a group is correct when it
finds some gold entity.  Prints markdown tables.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from marsad.arabic.normalize import normalize_text
from marsad.arabic.tokenize import split_clitics
from marsad.model import Document
from marsad.pipeline import TextLayer
from marsad.stages.entities import EntityStage
from marsad.stages.linking import LinkingStage

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def forms(surface: str) -> set[str]:
    """Normalised, clitic-stripped readings of a mention (with and without ال)."""
    words = normalize_text(surface).split()
    if not words:
        return set()
    b, s = split_clitics(words[0])
    base = " ".join([words[0][b:], *words[1:]])
    stem = " ".join([words[0][s:], *words[1:]])
    return {base, stem}


@dataclass
class Group:
    type: str
    actor: str | None
    forms: set[str] = field(default_factory=set)


def system_groups(doc: Document) -> list[Group]:
    groups: dict[tuple, Group] = {}
    for e in doc.entities:
        f = forms(e.text)
        key = (e.type, e.actor) if e.actor else (e.type, min(f) if f else e.text)
        groups.setdefault(key, Group(e.type, e.actor)).forms |= f
    return list(groups.values())


def matches(g: Group, gold: dict) -> bool:
    if g.type != gold["type"]:
        return False
    if gold["actor"] and g.actor == gold["actor"]:
        return True
    gforms = set().union(*(forms(m) for m in gold["mentions"])) if gold["mentions"] else set()
    return bool(g.forms & gforms)


def score(gold_path: Path, articles_path: Path, stages, verbose: bool = False) -> None:
    articles = {json.loads(l)["id"]: json.loads(l) for l in articles_path.open(encoding="utf-8")}
    tp_r, n_gold, tp_p, n_sys = Counter(), Counter(), Counter(), Counter()
    for line in gold_path.open(encoding="utf-8"):
        gold = json.loads(line)
        art = articles[gold["id"]]
        text = (art.get("title") or "") + "\n" + art["text"]
        doc = Document(gold["id"], text)
        for st in stages:
            doc = st(doc)
        doc.check()
        groups = system_groups(doc)
        for g in gold["entities"]:
            n_gold[g["type"]] += 1
            if any(matches(s, g) for s in groups):
                tp_r[g["type"]] += 1
            elif verbose:
                print("MISS", gold["id"], g["type"], g["actor"], g["mentions"], file=sys.stderr)
        for s in groups:
            n_sys[s.type] += 1
            if any(matches(s, g) for g in gold["entities"]):
                tp_p[s.type] += 1
            elif verbose:
                print("FALSE", gold["id"], s.type, s.actor, sorted(s.forms)[:2], file=sys.stderr)
    print(f"\nEntity scores on {gold_path.name} (document level)\n")
    print("| type | gold | system | recall | precision | F1 |")
    print("|---|---|---|---|---|---|")
    for t in [*sorted(n_gold | n_sys), "ALL"]:
        g = sum(n_gold.values()) if t == "ALL" else n_gold[t]
        s = sum(n_sys.values()) if t == "ALL" else n_sys[t]
        r_ok = sum(tp_r.values()) if t == "ALL" else tp_r[t]
        p_ok = sum(tp_p.values()) if t == "ALL" else tp_p[t]
        r, p = (r_ok / g if g else 0.0), (p_ok / s if s else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {t} | {g} | {s} | {r:.3f} | {p:.3f} | {f:.3f} |")


def official(gold_path: Path, articles_path: Path, stages, json_out: Path | None = None) -> None:
    """The `marsad eval` entity scores (same reader, same scorer), entity stages only."""
    from marsad.eval.inputs import read_jsonl, run_articles
    from marsad.eval.metrics import Score
    from marsad.eval.scoring import score_entities

    run = run_articles(articles_path, stages)
    system = {r["id"]: r for r in run.records}
    by_type: dict[str, Score] = {}
    details = []
    for gold in read_jsonl(gold_path):
        rec = system.get(gold["id"], {"entities": [], "text": ""})
        res = score_entities(gold.get("entities") or [], rec.get("entities") or [])
        for t, sc in res.by_type.items():
            by_type.setdefault(t, Score()).add(sc)
        details.append({"id": gold["id"], "missed": res.missed, "spurious": res.spurious})
    total = Score()
    for sc in by_type.values():
        total.add(sc)
    print(f"\nOfficial entity scores on {gold_path.name} ({run.seconds:.1f} s, {len(run.failures)} failures)\n")
    print("| type | gold | system | recall | precision | F1 |")
    print("|---|---|---|---|---|---|")
    for t, sc in [*sorted(by_type.items()), ("ALL", total)]:
        print(f"| {t} | {sc.gold} | {sc.system} | {sc.recall:.3f} | {sc.precision:.3f} | {sc.f1:.3f} |")
    if json_out is not None:
        json_out.write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")


def speed(path: Path, n: int) -> None:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            docs.append(TextLayer()(Document(a["id"], (a.get("title") or "") + "\n" + a["text"])))
            if len(docs) >= n:
                break
    ntok = sum(len(d.tokens) for d in docs)
    ent, lnk = EntityStage(), LinkingStage()
    t0 = time.perf_counter()
    for d in docs:
        ent(d)
    t1 = time.perf_counter()
    for d in docs:
        lnk(d)
    t2 = time.perf_counter()
    nent = sum(len(d.entities) for d in docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nEntity stages on {len(docs)} articles of {path.name} ({ntok} tokens, {nent} entities)\n")
    print("| stage | seconds | tokens/s |")
    print("|---|---|---|")
    print(f"| entities (incl. registry load) | {t1 - t0:.2f} | {ntok / (t1 - t0):,.0f} |")
    print(f"| linking | {t2 - t1:.2f} | {ntok / (t2 - t1):,.0f} |")
    print(f"| both | {t2 - t0:.2f} | {ntok / (t2 - t0):,.0f} |")
    print(f"\npeak memory (max RSS): {peak:,.0f} MiB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, help="gold jsonl (its *_articles.jsonl sibling holds the texts)")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--news", type=Path, default=SHARED / "data/news/ant2018_politics.jsonl.gz")
    ap.add_argument("--official", action="store_true", help="score with marsad.eval's entity scorer")
    ap.add_argument("--json", type=Path, help="with --official: write per-document misses/false hits")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false entities")
    args = ap.parse_args()
    if args.gold:
        arts = args.gold.with_name(args.gold.stem + "_articles.jsonl")
        stages = [TextLayer(), EntityStage(), LinkingStage()]
        if args.official:
            official(args.gold, arts, stages, args.json)
        else:
            score(args.gold, arts, stages, args.verbose)
    if args.speed:
        speed(args.news, args.articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
