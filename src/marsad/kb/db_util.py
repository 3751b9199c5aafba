"""Small helpers so the API works on any sqlite3 connection (whatever its row_factory)."""
from __future__ import annotations

import sqlite3
from typing import Any, Sequence


def rows(conn: sqlite3.Connection, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    return cur.execute(sql, args).fetchall()


def one(conn: sqlite3.Connection, sql: str, args: Sequence[Any] = ()) -> sqlite3.Row | None:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    return cur.execute(sql, args).fetchone()


def scalar(conn: sqlite3.Connection, sql: str, args: Sequence[Any] = ()) -> Any:
    row = conn.execute(sql, args).fetchone()
    return row[0] if row else None


def marks(n: int) -> str:
    return ",".join("?" * n)


def date_upper_bound(value: str) -> str:
    """Inclusive upper bound for a YYYY, YYYY-MM or YYYY-MM-DD prefix compared to ISO dates."""
    return value + "\uffff"
