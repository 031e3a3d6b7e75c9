"""A provider for the SDK's own tests, with switches and a record of the hooks it saw."""

from __future__ import annotations

import hashlib

from trellis_provider import (
    CapabilityProvider,
    Context,
    HealthCheckResponse,
    LinkDefinition,
    operation,
)

CONTRACT = "trellis:echo"


class EchoProvider(CapabilityProvider):
    def __init__(self, refuse: set[str] | None = None) -> None:
        self.refuse = refuse or set()
        self.puts: list[LinkDefinition] = []
        self.deletes: list[LinkDefinition] = []
        self.healthy = True
        self.stopped = False
        self.seen_contexts: list[Context] = []

    async def put_link(self, link: LinkDefinition) -> bool:
        self.puts.append(link)
        return link.actor_id not in self.refuse

    async def delete_link(self, link: LinkDefinition) -> None:
        self.deletes.append(link)

    async def health(self) -> HealthCheckResponse:
        if not self.healthy:
            raise RuntimeError("disk full")
        return HealthCheckResponse(True, "fine")

    async def shutdown(self) -> None:
        self.stopped = True

    @operation("Echo.Say")
    async def say(self, ctx: Context, payload: bytes) -> bytes:
        self.seen_contexts.append(ctx)
        return payload

    @operation("Echo.Digest")
    def digest(self, ctx: Context, payload: bytes) -> bytes:  # a plain (non-async) handler
        return hashlib.sha256(payload).hexdigest().encode() + b" %d" % len(payload)

    @operation("Echo.Nothing")
    async def nothing(self, ctx: Context, payload: bytes) -> None:
        return None

    @operation("Echo.Fail")
    async def fail(self, ctx: Context, payload: bytes) -> bytes:
        raise ValueError(f"failed to echo for actor {ctx.actor}: told to fail")

    @operation("Echo.CallBack")
    async def call_back(self, ctx: Context, payload: bytes) -> bytes:
        assert self.host is not None
        return await self.host.call_actor(ctx.actor, "Callback.Handle", payload)
