"""Exact versus near duplicates in a news dump (default: the ANT 2018 politics file).

    .venv/bin/python bench/kb_duplicates.py [--input PATH] [--examples 12]

Reads the articles through marsad.ingest (cleaned, as `marsad run` stores them), then counts
  - exact duplicates: same cleaned title + text (content hash; `marsad run` stores one copy);
  - exact text duplicates: same analysed wording (spelling variants, clitics, punctuation and
    title ignored: marsad.kb.analysis.text_hash);
  - near duplicates: word-3-shingle Jaccard >= NEAR by MinHash LSH (marsad.kb.signatures),
    the rule `marsad run` uses to join reprints to a story.
and prints sample near-duplicate pairs (ids, similarity, outlets, dates) for checking by hand.
Prints markdown.
"""
from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path

from datasketch import MinHashLSH

from marsad.ingest import read_inputs
from marsad.kb.signatures import NUM_PERM, jaccard, lean, signature
from marsad.kb.stories import NEAR
from marsad.model import Document

# Verdicts written after reading both articles of each sampled pair (seed 7, ANT 2018 file).
# reprint: the same text (wire copy, re-filed article); same story: a follow-up or rewrite that
# shares background paragraphs; different: unrelated events that share a background paragraph.
CHECKED = {
    ("FR-middleEast-226-20180407", "FR-internationalNews-606-20180407"): "reprint: one France24 court-ruling article filed under two categories, two spelling edits",
    ("BB-middleEast-1075-20181009", "BB-middleEast-1073-20181008"): "same story: two BBC follow-ups on the Khashoggi disappearance sharing a long background section",
    ("SK-middleEast-2347-20180613", "SK-middleEast-2224-20180607"): "same story: two pieces on Hodeidah port six days apart sharing closing paragraphs",
    ("SK-internationalNews-233-20180309", "AL-internationalNews-409-20180309"): "reprint: one wire story (Kim Jong Un's promise to Seoul's envoys) in two outlets",
    ("SK-internationalNews-458-20180320", "FR-internationalNews-514-20180319"): "reprint: one wire story on Australian bushfires, lightly rewritten, a day apart",
    ("CN-middleEast-470-20180403", "AL-internationalNews-772-20180403"): "reprint: two outlets quoting the same coalition statement on an attack on a Saudi tanker",
    ("SK-middleEast-548-20180325", "SK-middleEast-526-20180325"): "different: two Yemen front-line reports (different places and events) sharing a closing paragraph",
    ("SK-internationalNews-3017-20180815", "SK-internationalNews-3007-20180814"): "same story: Genoa bridge collapse, first report and next-day toll update",
    ("CN-internationalNews-164-20180321", "CN-internationalNews-158-20180320"): "same story: Skripal case, OPCW analysis vs Kremlin reaction, shared background",
    ("CN-middleEast-1440-20181008", "CN-middleEast-1437-20181008"): "same story: Khashoggi case, Turkish and US statements the same day, shared background",
    ("SK-middleEast-2756-20180704", "SK-middleEast-2751-20180704"): "same story: southern Syria talks fail, Russian strikes follow (same day)",
    ("SK-middleEast-2009-20180528", "AL-internationalNews-1365-20180528"): "reprint: one wire report of a Palestinian killed in northern Gaza in two outlets",
}

DEFAULT_INPUT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "ant2018_politics.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--examples", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not args.input.exists():
        print(f"skipped: {args.input} is absent")
        return
    t0 = time.perf_counter()
    docs: list[Document] = [d for d in read_inputs([str(args.input)]) if isinstance(d, Document)]
    content = Counter(d.content_hash for d in docs)
    sigs = [signature(d.title, d.text) for d in docs]
    texts = Counter(s.text_hash for s in sigs)
    lsh = MinHashLSH(threshold=NEAR, num_perm=NUM_PERM)
    seen_text: set[str] = set()
    near_dups: list[tuple[int, int, float]] = []  # (later index, earlier index, similarity)
    for i, s in enumerate(sigs):
        if s.text_hash in seen_text:
            continue  # an exact text duplicate: counted above
        best = None
        for j in lsh.query(lean(s.shingles)):
            sim = jaccard(s.shingles, sigs[j].shingles)
            if sim >= NEAR and (best is None or sim > best[1]):
                best = (j, sim)
        if best:
            near_dups.append((i, best[0], best[1]))
        seen_text.add(s.text_hash)
        lsh.insert(i, lean(s.shingles), check_duplication=False)
    secs = time.perf_counter() - t0

    n = len(docs)
    exact = sum(c - 1 for c in content.values())
    exact_text = sum(c - 1 for c in texts.values())
    cross = sum(1 for i, j, _ in near_dups if docs[i].source != docs[j].source)
    print(f"## Duplicates in {args.input.name}\n")
    print("| figure | articles | rate |\n|---|---|---|")
    print(f"| articles read | {n} | |")
    print(f"| exact duplicates (same cleaned title + text) | {exact} | {exact / n:.2%} |")
    print(f"| exact text duplicates (same analysed wording) | {exact_text} | {exact_text / n:.2%} |")
    print(f"| near duplicates (3-shingle Jaccard ≥ {NEAR}, not exact) | {len(near_dups)} | {len(near_dups) / n:.2%} |")
    print(f"| … of which across outlets | {cross} | {cross / n:.2%} |")
    print(f"\n{secs:.1f} s ({n / secs:.0f} articles/s, reading and cleaning included)\n")

    sims = sorted(s for _, _, s in near_dups)
    if sims:
        print("| similarity band | pairs |\n|---|---|")
        for lo, hi in ((0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
            print(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {sum(lo <= s < hi for s in sims)} |")
    rnd = random.Random(args.seed)
    sample = rnd.sample(near_dups, min(args.examples, len(near_dups)))
    print("\n### Sample near-duplicate pairs (check by hand)\n")
    print("| later id | earlier id | sim | outlets | dates | words | checked by hand |\n|---|---|---|---|---|---|---|")
    for i, j, sim in sorted(sample, key=lambda x: -x[2]):
        a, b = docs[i], docs[j]
        note = CHECKED.get((a.id, b.id), "not checked")
        print(f"| {a.id} | {b.id} | {sim:.2f} | {a.source} / {b.source} | {a.published} / {b.published} |"
              f" {sigs[i].size} / {sigs[j].size} | {note} |")


if __name__ == "__main__":
    main()
