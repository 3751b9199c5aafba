"""Fixtures for knowledge-base tests; the hand-written documents live in kb_docs.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb_docs import agreement_docs
from marsad.store.db import Store


@pytest.fixture
def kb_db(tmp_path: Path) -> Path:
    path = tmp_path / "kb.db"
    with Store(path) as s:
        s.write_batch(agreement_docs())
    return path
