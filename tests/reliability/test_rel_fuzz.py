"""Short hypothesis fuzz of readers, normaliser, tokeniser, date finder and stages
(profile "rel-ci").  bench/fuzz/run.py runs the same targets for ≥ 100,000 examples."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from rel_fuzz_targets import TARGETS

settings.register_profile(
    "rel-ci", max_examples=150, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
CI = settings.get_profile("rel-ci")
EXAMPLES = {"stages": 60, "reader": 120}  # the costlier targets get fewer examples in CI


def _fuzz_test(name):
    strategy, check = TARGETS[name]

    @settings(CI, max_examples=EXAMPLES.get(name, CI.max_examples))
    @given(strategy)
    def run(value):
        check(value)

    return run


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name):
    _fuzz_test(name)()


@pytest.mark.parametrize("text", [
    "." * 5000 + "ب", "القاهرة " + "-" * 200 + "x", "1" * 5000, "\u202eالقاهرة\u2069", "ـ" * 100, "",
    "\x00\x01", "ﻻ" * 50, "1/" * 2000, "«" * 3000,
])
def test_fuzz_regressions(text):
    """Inputs that once hung or failed, kept as explicit regression cases."""
    for name in ("normalizer", "tokenizer", "dates", "stages"):
        TARGETS[name][1](text)
