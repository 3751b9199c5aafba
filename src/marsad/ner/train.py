"""Train the NER model from ../shared/data: `python -m marsad.ner.train [OUTPUT_DIR]`.

Data (read at run time, never copied):
  ner/anercorp_train_approx.bio  ANERcorp train (LOC → GPE, refined to LOC/FAC by NewsFANE)
  ner/newsfane_gold.conll.gz     NewsFANE: only its geographic types, for the LOC refinement;
                                 sentences overlapping the ANERcorp test file or the tuning
                                 hold-out are dropped first
  ner/wojood_sample/*.txt        Wojood sample, flattened to PER/ORG/GPE/LOC/FAC; only with
                                 --wojood (it lowered the hold-out F1 by ~1.7 points)
  news/*.jsonl.gz                unlabeled news for the word clusters and the self-trained
                                 lexicon (marsad.ner.lexicon / selftrain)
ner/anercorp_camellab_test.bio is read only to remove NewsFANE's copy of it; it is
never trained on (bench/ner_anercorp.py scores on it).

Held-out score: the last `holdout` fraction of ANERcorp train sentences is set
aside, a model trained on the rest is scored on it (entity F1, PERS/LOC/ORG,
with and without the cross-sentence consistency pass), then the final model is
trained on everything.  The lexicon's first-stage fold models are trained on
the non-hold-out sentences only, so the hold-out stays unseen by every stage.
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

import pycrfsuite

from marsad.ner.augment import augment
from marsad.ner.clusters import CLUSTERS_FILE, ClusterConfig, train_clusters
from marsad.ner.corpora import (
    TaggedSentence,
    drop_overlapping,
    geo_type_votes,
    read_anercorp,
    read_newsfane,
    read_wojood,
    refine_loc,
)
from marsad.ner.consistency import ConsistencyConfig, propagate
from marsad.ner.evaluate import Report, score
from marsad.ner.features import FeatureConfig, actor_hooks, sequence_features
from marsad.ner.lexicon import ALL_FOLDS, LEXICON_FILE, LexiconConfig
from marsad.ner.selftrain import build_lexicon, fold_blocks
from marsad.ner.tagger import META_FILE, MODEL_FILE, tokens_from_words

REPO_SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


@dataclass(frozen=True, slots=True)
class CrfParams:
    c1: float = 0.1
    c2: float = 0.01
    max_iterations: int = 150
    min_freq: int = 1  # feature.minfreq: features seen fewer times are dropped


@dataclass(slots=True)
class TrainData:
    train: list[TaggedSentence]
    holdout: list[TaggedSentence]
    notes: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class TrainResult:
    model_path: Path
    holdout: Report  # with the consistency pass, as the shipped tagger runs
    holdout_plain: Report  # sentence by sentence
    notes: dict[str, int]
    seconds: float


def load_training_data(
    shared_dir: Path, holdout: float = 0.1, use_newsfane: bool = True, use_wojood: bool = False
) -> TrainData:
    ner = shared_dir / "data" / "ner"
    aner = read_anercorp(ner / "anercorp_train_approx.bio")
    cut = int(len(aner) * (1 - holdout))
    data = TrainData(aner[:cut], aner[cut:], {"anercorp_sentences": len(aner)})
    if use_newsfane:
        fane = read_newsfane(ner / "newsfane_gold.conll.gz")
        test = read_anercorp(ner / "anercorp_camellab_test.bio")  # only to exclude its copy
        fane, dropped = drop_overlapping(fane, test + data.holdout)
        data.notes["newsfane_sentences_kept"] = len(fane)
        data.notes["newsfane_sentences_dropped_overlap"] = dropped
        data.notes["anercorp_loc_refined"] = refine_loc(data.train + data.holdout, geo_type_votes(fane))
    if use_wojood:
        woj = []
        for name in ("train.txt", "val.txt", "test.txt"):
            p = ner / "wojood_sample" / name
            if p.is_file():
                woj.extend(read_wojood(p))
        data.train.extend(woj)
        data.notes["wojood_sentences"] = len(woj)
    return data


def featurise(sentences: Sequence[TaggedSentence], config: FeatureConfig) -> list[list[list[str]]]:
    hooks = actor_hooks()
    out = []
    for sent in sentences:
        gaz = titles = None
        if hooks.gazetteer_labels or hooks.is_title_token:
            tokens = tokens_from_words(sent.words)
            gaz = hooks.gazetteer_labels(tokens) if hooks.gazetteer_labels else None
            titles = [bool(hooks.is_title_token(t)) for t in tokens] if hooks.is_title_token else None
        out.append(sequence_features(sent.words, config, gaz, titles))
    return out


def featurise_folds(
    sentences: Sequence[TaggedSentence], folds: Sequence[int], config: FeatureConfig
) -> list[list[list[str]]]:
    """Features where each sentence reads the lexicon counts of its own jackknife fold."""
    out: list[list[list[str]] | None] = [None] * len(sentences)
    for k in sorted(set(folds)):
        idx = [i for i, f in enumerate(folds) if f == k]
        for i, x in zip(idx, featurise([sentences[i] for i in idx], replace(config, lexicon_fold=k))):
            out[i] = x
    return out  # type: ignore[return-value]


def fit(
    sentences: Sequence[TaggedSentence],
    config: FeatureConfig,
    params: CrfParams,
    model_path: Path,
    folds: Sequence[int] | None = None,
) -> Path:
    """Train a CRF; `folds` (one per sentence) selects each sentence's lexicon fold."""
    trainer = pycrfsuite.Trainer(verbose=False)
    xs = featurise_folds(sentences, folds, config) if folds is not None else featurise(sentences, config)
    for sent, xseq in zip(sentences, xs):
        trainer.append(xseq, sent.tags)
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.max_iterations,
            "feature.minfreq": params.min_freq,
            "feature.possible_transitions": True,
        }
    )
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return model_path


def evaluate_model(
    model_path: Path,
    sentences: Sequence[TaggedSentence],
    config: FeatureConfig,
    consistency: ConsistencyConfig | None = None,
) -> Report:
    """Entity scores of a model on consecutive sentences (optionally with the consistency pass)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    pred = [tagger.tag(x) for x in featurise(sentences, config)]
    tagger.close()
    if consistency is not None:
        pred = propagate([s.words for s in sentences], pred, None, consistency)
    return score([s.tags for s in sentences], pred)


def format_report(report: Report) -> str:
    lines = ["| type | P | R | F1 |", "|---|---|---|---|"]
    for typ, s in [*report.per_type.items(), ("micro", report.micro)]:
        lines.append(f"| {typ} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    return "\n".join(lines)


def with_augmentation(
    sentences: list[TaggedSentence], folds: list[int] | None, copies: int
) -> tuple[list[TaggedSentence], list[int] | None]:
    """The sentences plus their mention-replaced copies; a copy keeps its source's lexicon fold."""
    extra = augment(sentences, copies)
    if folds is None:
        return sentences + extra, None
    source = [f for s, f in zip(sentences, folds) if any(t != "O" for t in s.tags)]
    return sentences + extra, folds + source * copies


def train_ner(
    output_dir: Path,
    shared_dir: Path = REPO_SHARED,
    *,
    params: CrfParams = CrfParams(),
    features: FeatureConfig = FeatureConfig(),
    holdout: float = 0.1,
    retrain_clusters: bool = False,
    retrain_lexicon: bool = False,
    lexicon: LexiconConfig = LexiconConfig(),
    lexicon_folds: int = 2,
    use_newsfane: bool = True,
    use_wojood: bool = False,
    augment_copies: int = 1,
    final: bool = True,
    log: Callable[[str], None] = print,
) -> TrainResult:
    """Train clusters and lexicon (if absent or asked) and the CRF; write the model files to `output_dir`."""
    t0 = time.perf_counter()
    output_dir = Path(output_dir)
    clusters = output_dir / CLUSTERS_FILE
    if retrain_clusters or not clusters.is_file():
        news = sorted((shared_dir / "data" / "news").glob("*.jsonl.gz"))
        log(f"training word clusters on {len(news)} news files …")
        stats = train_clusters(news, clusters, ClusterConfig())
        log(f"  clusters: {stats}")
    features = replace(features, clusters_path=str(clusters))
    data = load_training_data(shared_dir, holdout, use_newsfane, use_wojood)
    log(f"training data: {data.notes}; train {len(data.train)} sentences, hold-out {len(data.holdout)}")
    folds = fold_blocks(len(data.train), lexicon_folds) if features.lexicon else None
    if features.lexicon:
        lex_path = output_dir / LEXICON_FILE
        if retrain_lexicon or not lex_path.is_file():
            news = sorted((shared_dir / "data" / "news").glob("*.jsonl.gz"))
            log(f"self-training the lexicon: {lexicon_folds} fold models tag the news ({lexicon}) …")
            kept = build_lexicon(data.train, folds, lexicon_folds, features, params, news, lex_path, lexicon)
            log(f"  lexicon: {kept} words")
        features = replace(features, lexicon_path=str(lex_path), lexicon_fold=ALL_FOLDS)
    log(f"crf params: {params}; mention-replacement copies: {augment_copies}")
    train, train_folds = with_augmentation(data.train, folds, augment_copies)
    held_model = fit(train, features, params, output_dir / "ner.holdout.crfsuite", train_folds)
    plain = evaluate_model(held_model, data.holdout, features)
    report = evaluate_model(held_model, data.holdout, features, ConsistencyConfig())
    held_model.unlink()
    log("hold-out (last ANERcorp train sentences), entity-level, PERS/LOC/ORG, sentence by sentence:\n"
        + format_report(plain))
    log("hold-out with the consistency pass (as the shipped tagger runs):\n" + format_report(report))
    model_path = output_dir / MODEL_FILE
    if final:
        # hold-out sentences were unseen by the lexicon's fold models: they read the summed counts
        all_folds = folds + [ALL_FOLDS] * len(data.holdout) if folds is not None else None
        train, train_folds = with_augmentation(data.train + data.holdout, all_folds, augment_copies)
        fit(train, features, params, model_path, train_folds)
        meta = {
            "features": {k: v for k, v in asdict(features).items() if k not in ("clusters_path", "lexicon_path")},
            "crf": asdict(params),
            "lexicon": {**asdict(lexicon), "folds": lexicon_folds} if features.lexicon else None,
            "data": data.notes,
            "augment_copies": augment_copies,
            "holdout_f1": round(report.micro.f1, 4),
            "holdout_f1_sentence_by_sentence": round(plain.micro.f1, 4),
            "gazetteer_features": actor_hooks().gazetteer_labels is not None,
        }
        (output_dir / META_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", "utf-8")
        log(f"wrote {model_path} ({model_path.stat().st_size / 1e6:.1f} MB)")
    return TrainResult(model_path, report, plain, data.notes, time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> None:
    from marsad.ner import model_dir

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output_dir", nargs="?", type=Path, default=model_dir())
    ap.add_argument("--shared", type=Path, default=REPO_SHARED)
    defaults = CrfParams()
    ap.add_argument("--c1", type=float, default=defaults.c1)
    ap.add_argument("--c2", type=float, default=defaults.c2)
    ap.add_argument("--iterations", type=int, default=defaults.max_iterations)
    ap.add_argument("--retrain-clusters", action="store_true")
    ap.add_argument("--retrain-lexicon", action="store_true", help="re-tag the news for the self-trained lexicon")
    ap.add_argument("--lexicon", action="store_true",
                    help="add the self-trained news lexicon features (lowered the hold-out F1 by ~1 point)")
    ap.add_argument("--char-ngrams", action="store_true", help="4-affixes and inner 3-grams (no hold-out gain)")
    ap.add_argument("--wide-context", action="store_true", help="triggers over 4 words before (no hold-out gain)")
    ap.add_argument("--no-newsfane", action="store_true")
    ap.add_argument("--wojood", action="store_true", help="also train on the Wojood sample (lowered hold-out F1)")
    ap.add_argument("--augment", type=int, default=1, metavar="N",
                    help="mention-replaced copies of the training data (default 1; 0 = none)")
    ap.add_argument("--holdout-only", action="store_true", help="score on the hold-out, do not write a model")
    args = ap.parse_args(argv)
    train_ner(
        args.output_dir,
        args.shared.resolve(),
        params=CrfParams(args.c1, args.c2, args.iterations),
        features=FeatureConfig(
            lexicon=args.lexicon, char_ngrams=args.char_ngrams, wide_context=args.wide_context
        ),
        retrain_clusters=args.retrain_clusters,
        retrain_lexicon=args.retrain_lexicon,
        use_newsfane=not args.no_newsfane,
        use_wojood=args.wojood,
        augment_copies=args.augment,
        final=not args.holdout_only,
    )


if __name__ == "__main__":
    main()
