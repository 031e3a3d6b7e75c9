"""Large payloads through the JetStream object store (spec §5).

Bucket = lattice prefix (created with default settings when missing), object ``{id}`` for a
request payload and ``{id}-r`` for a response payload; a payload is chunked when it is strictly
larger than 900 KiB. The sender stores the object before it sends the message; the receiver
reads it whole and then deletes it (a failed delete is only logged).
"""

from __future__ import annotations

import asyncio
import logging

from nats.aio.client import Client
from nats.js.errors import BucketNotFoundError
from nats.js.object_store import ObjectStore

CHUNK_THRESHOLD = 900 * 1024
CHUNKED_EXTRA_TIMEOUT = 13.0
"""Seconds added to an RPC timeout when its payload is chunked (rpc-rs)."""

_log = logging.getLogger("trellis_provider.chunking")


def needs_chunking(length: int) -> bool:
    return length > CHUNK_THRESHOLD


def response_object(invocation_id: str) -> str:
    return f"{invocation_id}-r"


class ChunkStore:
    """The lattice's object store bucket, opened on first use."""

    def __init__(self, nc: Client, bucket: str, domain: str | None = None) -> None:
        self._nc = nc
        self._bucket = bucket
        self._domain = domain or None
        self._store: ObjectStore | None = None
        self._lock = asyncio.Lock()

    async def _open(self) -> ObjectStore:
        async with self._lock:
            if self._store is None:
                js = self._nc.jetstream(domain=self._domain)
                try:
                    self._store = await js.object_store(self._bucket)
                except BucketNotFoundError:
                    self._store = await js.create_object_store(self._bucket)
            return self._store

    async def put(self, name: str, data: bytes) -> None:
        store = await self._open()
        await store.put(name, data)

    async def take(self, name: str) -> bytes:
        """Read object ``name`` whole, then delete it."""
        store = await self._open()
        result = await store.get(name)
        data = bytes(result.data or b"")
        try:
            await store.delete(name)
        except Exception as e:  # non-fatal by spec
            _log.warning(
                "failed to delete chunked object bucket=%s object=%s: %s", self._bucket, name, e
            )
        return data
