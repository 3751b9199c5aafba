"""Spark-area fixtures: one local[2] SparkSession for the whole test session."""
from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def spark_session():
    """One local[2] SparkSession for the whole test session (started on first use)."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (CI installs openjdk-17-jre-headless)")
    from marsad.spark.job import build_session

    session = build_session("local[2]", app_name="marsad-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
