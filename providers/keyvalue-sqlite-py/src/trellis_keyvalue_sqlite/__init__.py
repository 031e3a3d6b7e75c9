"""A ``wasmcloud:keyvalue`` capability provider on SQLite (one database file per link)."""

from .provider import KeyValueSqliteProvider
from .store import KeyValueError, SqliteStore

__all__ = ["KeyValueError", "KeyValueSqliteProvider", "SqliteStore"]
