"""`python -m marsad.eval GOLD (--articles A | --system S) [--json OUT]`.

The same as `marsad eval` (marsad.cli), usable before or without the typer app.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from marsad.eval.cli import cli_eval
from marsad.eval.errors import EvalInputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.eval", description=__doc__)
    parser.add_argument("gold", type=Path)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--articles", type=Path, help="articles JSONL: run the pipeline on it")
    source.add_argument("--system", type=Path, help="extraction records JSONL to score")
    parser.add_argument("--json", dest="json_out", type=Path, help="write the full report here")
    args = parser.parse_args(argv)
    console = Console()
    try:
        cli_eval(args.gold, args.articles, args.system, args.json_out, console)
    except (EvalInputError, OSError) as err:
        console.print(f"[red]error[/red]: {err}")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
