"""Fixtures: TestClients over the bundled sample database and over hostile hand-written articles."""
from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():  # starlette's TestClient warns about httpx; the tests use it on purpose
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from api_dbs import hostile_db, sample_db

from marsad.api import create_app


@pytest.fixture(scope="session")
def sample_db_path(tmp_path_factory):
    return sample_db(tmp_path_factory.mktemp("sample") / "sample.db")


@pytest.fixture(scope="session")
def client(sample_db_path):
    with TestClient(create_app(sample_db_path), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_client(tmp_path_factory):
    path = hostile_db(tmp_path_factory.mktemp("hostile") / "hostile.db")
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c
