"""The ``wasmcloud:keyvalue`` provider on SQLite: one database file per link.

Link values: ``PATH`` (any case) = the database file for that actor. Without it the file is
``{data dir}/{actor id}.sqlite3``, where the data dir is ``$TRELLIS_KEYVALUE_SQLITE_DIR`` (from
the environment or HostData ``env_values``), else ``{temp dir}/trellis-keyvalue-sqlite``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trellis_provider import (
    CapabilityProvider,
    Context,
    HealthCheckResponse,
    LinkDefinition,
    codec,
    operation,
)
from trellis_provider import keyvalue as kv
from trellis_provider.bridge import HostBridge

from .store import SqliteStore

DIR_ENV = "TRELLIS_KEYVALUE_SQLITE_DIR"
_log = logging.getLogger("trellis_keyvalue_sqlite")


def link_value(link: LinkDefinition, name: str) -> str | None:
    for key, value in link.values.items():
        if key.upper() == name:
            return value
    return None


class KeyValueSqliteProvider(CapabilityProvider):
    def __init__(
        self, data_dir: str | os.PathLike[str] | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self._data_dir = Path(data_dir) if data_dir else None
        self._clock = clock
        self.stores: dict[str, SqliteStore] = {}

    async def init(self, host: HostBridge) -> None:
        if self._data_dir is None:
            configured = os.environ.get(DIR_ENV) or host.host_data.env_values.get(DIR_ENV)
            self._data_dir = (
                Path(configured)
                if configured
                else Path(tempfile.gettempdir()) / "trellis-keyvalue-sqlite"
            )

    def database_path(self, link: LinkDefinition) -> Path:
        explicit = link_value(link, "PATH")
        if explicit:
            return Path(explicit).expanduser()
        base = self._data_dir or Path(tempfile.gettempdir()) / "trellis-keyvalue-sqlite"
        return base / f"{link.actor_id}.sqlite3"

    async def put_link(self, link: LinkDefinition) -> bool:
        path = self.database_path(link)
        try:
            store = await asyncio.to_thread(SqliteStore, path, self._clock)
        except (sqlite3.Error, OSError) as e:
            _log.error(
                "failed to open database %s for actor %s: %s; check the link value PATH",
                path,
                link.actor_id,
                e,
            )
            return False
        self.stores[link.actor_id] = store
        _log.info("opened database %s for actor %s", path, link.actor_id)
        return True

    async def delete_link(self, link: LinkDefinition) -> None:
        store = self.stores.pop(link.actor_id, None)
        if store is not None:
            await asyncio.to_thread(store.close)

    async def shutdown(self) -> None:
        stores, self.stores = list(self.stores.values()), {}
        for store in stores:
            await asyncio.to_thread(store.close)

    async def health(self) -> HealthCheckResponse:
        for actor, store in list(self.stores.items()):
            try:
                await asyncio.to_thread(store.ping)
            except sqlite3.Error as e:
                return HealthCheckResponse(False, f"database {store.path} of actor {actor}: {e}")
        return HealthCheckResponse(True, f"{len(self.stores)} database(s) open")

    async def _run(self, ctx: Context, method: str, *args: Any) -> Any:
        store = self.stores.get(ctx.actor)
        if store is None:
            raise RuntimeError(
                f"failed to serve {ctx.operation}: no database is open for actor {ctx.actor}"
            )
        return await asyncio.to_thread(getattr(store, method), *args)

    # -- the 15 operations of wasmcloud:keyvalue -----------------------------------------------

    @operation(kv.GET)
    async def get(self, ctx: Context, payload: bytes) -> bytes:
        value, exists = await self._run(ctx, "get", codec.decode_str(payload, "KeyValue.Get input"))
        return codec.encode(kv.GetResponse(value, exists))

    @operation(kv.SET)
    async def set(self, ctx: Context, payload: bytes) -> None:
        req = codec.decode_set_request(payload)
        await self._run(ctx, "set", req.key, req.value, req.expires)

    @operation(kv.DEL)
    async def delete(self, ctx: Context, payload: bytes) -> bytes:
        return codec.encode_value(
            await self._run(ctx, "delete", codec.decode_str(payload, "KeyValue.Del input"))
        )

    @operation(kv.CONTAINS)
    async def contains(self, ctx: Context, payload: bytes) -> bytes:
        key = codec.decode_str(payload, "KeyValue.Contains input")
        return codec.encode_value(await self._run(ctx, "contains", key))

    @operation(kv.INCREMENT)
    async def increment(self, ctx: Context, payload: bytes) -> bytes:
        req = codec.decode_increment_request(payload)
        return codec.encode_value(await self._run(ctx, "increment", req.key, req.value))

    @operation(kv.LIST_ADD)
    async def list_add(self, ctx: Context, payload: bytes) -> bytes:
        req = codec.decode_list_add_request(payload)
        return codec.encode_value(await self._run(ctx, "list_add", req.list_name, req.value))

    @operation(kv.LIST_CLEAR)
    async def list_clear(self, ctx: Context, payload: bytes) -> bytes:
        name = codec.decode_str(payload, "KeyValue.ListClear input")
        return codec.encode_value(await self._run(ctx, "list_clear", name))

    @operation(kv.LIST_DEL)
    async def list_del(self, ctx: Context, payload: bytes) -> bytes:
        req = codec.decode_list_del_request(payload)
        return codec.encode_value(await self._run(ctx, "list_del", req.list_name, req.value))

    @operation(kv.LIST_RANGE)
    async def list_range(self, ctx: Context, payload: bytes) -> bytes:
        req = codec.decode_list_range_request(payload)
        return codec.encode_value(
            await self._run(ctx, "list_range", req.list_name, req.start, req.stop)
        )

    @operation(kv.SET_ADD)
    async def set_add(self, ctx: Context, payload: bytes) -> bytes:
        req = codec.decode_set_add_request(payload)
        return codec.encode_value(await self._run(ctx, "set_add", req.set_name, req.value))

    @operation(kv.SET_DEL)
    async def set_del(self, ctx: Context, payload: bytes) -> bytes:
        req = codec.decode_set_del_request(payload)
        return codec.encode_value(await self._run(ctx, "set_del", req.set_name, req.value))

    @operation(kv.SET_QUERY)
    async def set_query(self, ctx: Context, payload: bytes) -> bytes:
        name = codec.decode_str(payload, "KeyValue.SetQuery input")
        return codec.encode_value(await self._run(ctx, "set_query", name))

    @operation(kv.SET_UNION)
    async def set_union(self, ctx: Context, payload: bytes) -> bytes:
        names = codec.decode_str_list(payload, "KeyValue.SetUnion input")
        return codec.encode_value(await self._run(ctx, "set_union", names))

    @operation(kv.SET_INTERSECTION)
    async def set_intersection(self, ctx: Context, payload: bytes) -> bytes:
        names = codec.decode_str_list(payload, "KeyValue.SetIntersection input")
        return codec.encode_value(await self._run(ctx, "set_intersection", names))

    @operation(kv.SET_CLEAR)
    async def set_clear(self, ctx: Context, payload: bytes) -> bytes:
        name = codec.decode_str(payload, "KeyValue.SetClear input")
        return codec.encode_value(await self._run(ctx, "set_clear", name))
