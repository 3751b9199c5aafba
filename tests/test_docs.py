"""The README documents every command (datasette-style: tests keep the docs complete)."""
from pathlib import Path

import pytest
import typer.main

from marsad.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands():
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        sub = getattr(cmd, "commands", None)
        if sub:
            yield from (f"{name} {s}" for s in sub)
        else:
            yield name


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_command_is_in_the_readme(command):
    assert f"marsad {command}" in README


def test_readme_gives_the_two_setup_commands():
    assert "marsad demo" in README
    assert "bash scripts/test.sh" in README
