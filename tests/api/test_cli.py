"""`marsad serve`: loopback by default; other addresses need --allow-remote."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.cli_web import is_loopback


@pytest.mark.parametrize("host,expected", [("127.0.0.1", True), ("127.8.9.1", True), ("::1", True),
                                           ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                           ("::", False), ("example.org", False)])
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


def test_remote_bind_is_refused_without_flag(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "allow-remote" in r.output


def test_missing_database_is_fatal(tmp_path):
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1


def test_serve_is_registered():
    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "--allow-remote" in r.output
