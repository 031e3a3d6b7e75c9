"""One SQLite database file holding one keyspace with Redis-like semantics.

Keys, lists and sets share the keyspace, as in Redis (the store ``wasmcloud:keyvalue`` was
modelled on): ``Del`` and ``Contains`` see every kind, ``Set`` replaces whatever the key held,
and a list or set operation on a key of another kind fails with a clear error. Only string
values expire (``Set`` with ``expires`` seconds); an expired key is absent everywhere.
An emptied list or set disappears, as in Redis.

Thread safety: one connection per store, guarded by a lock; every operation is one
``BEGIN IMMEDIATE`` transaction, so several processes may share a file.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

I32_MIN, I32_MAX = -(2**31), 2**31 - 1
_INTEGER = re.compile(r"[+-]?[0-9]+")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS kv_keys (
    key        TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('string', 'list', 'set')),
    value      TEXT,
    expires_at REAL
);
CREATE INDEX IF NOT EXISTS kv_keys_expiry ON kv_keys (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS kv_list_items (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    key   TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS kv_list_items_key ON kv_list_items (key, id);
CREATE TABLE IF NOT EXISTS kv_set_members (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (key, value)
);
"""


class KeyValueError(Exception):
    """Bad input or a key of the wrong kind; the message goes back to the actor unchanged."""


class SqliteStore:
    def __init__(
        self, path: str | os.PathLike[str], clock: Callable[[], float] = time.time
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(
            self.path, timeout=5.0, isolation_level=None, check_same_thread=False
        )
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def ping(self) -> None:
        with self._lock:
            self._db.execute("SELECT 1").fetchone()

    # -- plumbing ------------------------------------------------------------------------------

    def _tx(self, work: Callable[[sqlite3.Cursor], T]) -> T:
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                cur.execute(
                    "DELETE FROM kv_keys WHERE expires_at IS NOT NULL AND expires_at <= ?",
                    (self._clock(),),
                )
                result = work(cur)
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
            return result

    @staticmethod
    def _kind(cur: sqlite3.Cursor, key: str) -> str | None:
        row = cur.execute("SELECT kind FROM kv_keys WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    @staticmethod
    def _drop(cur: sqlite3.Cursor, key: str) -> bool:
        cur.execute("DELETE FROM kv_list_items WHERE key = ?", (key,))
        cur.execute("DELETE FROM kv_set_members WHERE key = ?", (key,))
        return cur.execute("DELETE FROM kv_keys WHERE key = ?", (key,)).rowcount > 0

    def _expect(self, cur: sqlite3.Cursor, key: str, kind: str, action: str) -> bool:
        """Whether ``key`` exists with ``kind``; raises when it holds another kind."""
        found = self._kind(cur, key)
        if found is not None and found != kind:
            wanted = "a string value" if kind == "string" else f"a {kind}"
            raise KeyValueError(
                f"failed to {action}: key '{key}' holds a {_name(found)}, not {wanted}"
            )
        return found is not None

    # -- strings -------------------------------------------------------------------------------

    def get(self, key: str) -> tuple[str, bool]:
        def work(cur: sqlite3.Cursor) -> tuple[str, bool]:
            if not self._expect(cur, key, "string", f"get key '{key}'"):
                return "", False
            row = cur.execute("SELECT value FROM kv_keys WHERE key = ?", (key,)).fetchone()
            return row[0], True

        return self._tx(work)

    def set(self, key: str, value: str, expires: int = 0) -> None:
        expires_at = self._clock() + expires if expires > 0 else None

        def work(cur: sqlite3.Cursor) -> None:
            self._drop(cur, key)
            cur.execute(
                "INSERT INTO kv_keys (key, kind, value, expires_at) VALUES (?, 'string', ?, ?)",
                (key, value, expires_at),
            )

        self._tx(work)

    def delete(self, key: str) -> bool:
        return self._tx(lambda cur: self._drop(cur, key))

    def contains(self, key: str) -> bool:
        return self._tx(lambda cur: self._kind(cur, key) is not None)

    def increment(self, key: str, delta: int) -> int:
        def work(cur: sqlite3.Cursor) -> int:
            action = f"increment key '{key}'"
            current = 0
            if self._expect(cur, key, "string", action):
                text = cur.execute("SELECT value FROM kv_keys WHERE key = ?", (key,)).fetchone()[0]
                if not _INTEGER.fullmatch(text or ""):
                    raise KeyValueError(
                        f"failed to {action}: its value '{_short(text)}' is not an integer"
                    )
                current = int(text)
            result = current + delta
            if not I32_MIN <= result <= I32_MAX:
                raise KeyValueError(
                    f"failed to {action}: {current} + {delta} does not fit in a 32-bit integer"
                )
            cur.execute(
                "INSERT INTO kv_keys (key, kind, value) VALUES (?, 'string', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, str(result)),
            )
            return result

        return self._tx(work)

    # -- lists ---------------------------------------------------------------------------------

    def list_add(self, name: str, value: str) -> int:
        def work(cur: sqlite3.Cursor) -> int:
            if not self._expect(cur, name, "list", f"add to list '{name}'"):
                cur.execute("INSERT INTO kv_keys (key, kind) VALUES (?, 'list')", (name,))
            cur.execute("INSERT INTO kv_list_items (key, value) VALUES (?, ?)", (name, value))
            return cur.execute(
                "SELECT count(*) FROM kv_list_items WHERE key = ?", (name,)
            ).fetchone()[0]

        return self._tx(work)

    def list_clear(self, name: str) -> bool:
        def work(cur: sqlite3.Cursor) -> bool:
            return self._expect(cur, name, "list", f"clear list '{name}'") and self._drop(cur, name)

        return self._tx(work)

    def list_del(self, name: str, value: str) -> bool:
        def work(cur: sqlite3.Cursor) -> bool:
            if not self._expect(cur, name, "list", f"delete from list '{name}'"):
                return False
            removed = (
                cur.execute(
                    "DELETE FROM kv_list_items WHERE id = (SELECT id FROM kv_list_items "
                    "WHERE key = ? AND value = ? ORDER BY id LIMIT 1)",
                    (name, value),
                ).rowcount
                > 0
            )
            if not cur.execute(
                "SELECT 1 FROM kv_list_items WHERE key = ? LIMIT 1", (name,)
            ).fetchone():
                self._drop(cur, name)
            return removed

        return self._tx(work)

    def list_range(self, name: str, start: int, stop: int) -> list[str]:
        """Items ``start..stop`` inclusive, 0-based; negative indexes count from the end (-1 is
        the last item) and out-of-range indexes are clamped, as Redis ``LRANGE`` does."""

        def work(cur: sqlite3.Cursor) -> list[str]:
            if not self._expect(cur, name, "list", f"read list '{name}'"):
                return []
            n = cur.execute("SELECT count(*) FROM kv_list_items WHERE key = ?", (name,)).fetchone()[
                0
            ]
            first = max(n + start, 0) if start < 0 else start
            last = min(n + stop if stop < 0 else stop, n - 1)
            if first > last or first >= n:
                return []
            rows = cur.execute(
                "SELECT value FROM kv_list_items WHERE key = ? ORDER BY id LIMIT ? OFFSET ?",
                (name, last - first + 1, first),
            )
            return [r[0] for r in rows]

        return self._tx(work)

    # -- sets ----------------------------------------------------------------------------------

    def set_add(self, name: str, value: str) -> int:
        def work(cur: sqlite3.Cursor) -> int:
            if not self._expect(cur, name, "set", f"add to set '{name}'"):
                cur.execute("INSERT INTO kv_keys (key, kind) VALUES (?, 'set')", (name,))
            return cur.execute(
                "INSERT OR IGNORE INTO kv_set_members (key, value) VALUES (?, ?)", (name, value)
            ).rowcount

        return self._tx(work)

    def set_del(self, name: str, value: str) -> int:
        def work(cur: sqlite3.Cursor) -> int:
            if not self._expect(cur, name, "set", f"delete from set '{name}'"):
                return 0
            removed = cur.execute(
                "DELETE FROM kv_set_members WHERE key = ? AND value = ?", (name, value)
            ).rowcount
            if not cur.execute(
                "SELECT 1 FROM kv_set_members WHERE key = ? LIMIT 1", (name,)
            ).fetchone():
                self._drop(cur, name)
            return removed

        return self._tx(work)

    def _members(self, cur: sqlite3.Cursor, name: str, action: str) -> list[str]:
        if not self._expect(cur, name, "set", action):
            return []
        rows = cur.execute("SELECT value FROM kv_set_members WHERE key = ? ORDER BY id", (name,))
        return [r[0] for r in rows]

    def set_query(self, name: str) -> list[str]:
        """Members in the order they were added."""
        return self._tx(lambda cur: self._members(cur, name, f"read set '{name}'"))

    def set_union(self, names: Sequence[str]) -> list[str]:
        """Members of any named set, in order of first appearance; missing sets are empty."""
        if not names:
            raise KeyValueError("failed to compute a set union: no set names given")

        def work(cur: sqlite3.Cursor) -> list[str]:
            out: dict[str, None] = {}
            for name in names:
                out.update(
                    dict.fromkeys(self._members(cur, name, f"compute a set union with '{name}'"))
                )
            return list(out)

        return self._tx(work)

    def set_intersection(self, names: Sequence[str]) -> list[str]:
        """Members of the first set present in every other; a missing set makes it empty."""
        if not names:
            raise KeyValueError("failed to compute a set intersection: no set names given")

        def work(cur: sqlite3.Cursor) -> list[str]:
            sets = [self._members(cur, n, f"compute a set intersection with '{n}'") for n in names]
            rest = [set(s) for s in sets[1:]]
            return [m for m in sets[0] if all(m in s for s in rest)]

        return self._tx(work)

    def set_clear(self, name: str) -> bool:
        def work(cur: sqlite3.Cursor) -> bool:
            return self._expect(cur, name, "set", f"clear set '{name}'") and self._drop(cur, name)

        return self._tx(work)


def _name(kind: str) -> str:
    return "string value" if kind == "string" else kind


def _short(text: str | None, limit: int = 40) -> str:
    text = text or ""
    return text if len(text) <= limit else text[:limit] + "…"
