"""The provider's side of the lattice: subscriptions, validation, dispatch, links, health,
shutdown, chunking and provider → actor calls (spec §3–§6, Appendix D "Provider SDKs").

Concurrency (one asyncio event loop): NATS callbacks of one subscription run one after the
other. Link puts and deletes are handled inside their callbacks, in order, under a lock.
Every invocation runs in its own task, so a slow handler never holds up the next one.
No lock is held while awaiting NATS.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Mapping
from types import MappingProxyType

import nats.errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription

from . import chunking, codec, subjects
from .claims import encode_invocation_claims, validate_invocation
from .connection import DEFAULT_CONNECT_TIMEOUT, connect_nats, flush_in_order
from .errors import (
    DecodeError,
    HostDataError,
    InvocationFailed,
    NKeyError,
    NotLinked,
    RpcError,
    RpcTimeout,
    ValidationError,
)
from .nkeys import KeyPair
from .provider import CapabilityProvider, Context
from .wire import (
    HealthCheckResponse,
    HostData,
    Invocation,
    InvocationResponse,
    LinkDefinition,
    WasmCloudEntity,
)

SHUTDOWN_REPLY = b"shutting down"
_DRAIN_SECONDS = 1.0

_log = logging.getLogger("trellis_provider")


class HostBridge:
    """A running provider instance: created by :func:`start`, reachable as ``provider.host``."""

    def __init__(self, provider: CapabilityProvider, host_data: HostData, nc: Client) -> None:
        if not host_data.provider_key:
            raise HostDataError("failed to start provider: HostData has no provider_key")
        self.provider = provider
        self.host_data = host_data
        self.nc = nc
        self.lattice = host_data.lattice_rpc_prefix or "default"
        self.provider_key = host_data.provider_key
        self.link_name = host_data.link_name or "default"
        try:
            self._signer = (
                KeyPair.from_seed(host_data.invocation_seed) if host_data.invocation_seed else None
            )
        except NKeyError as e:
            raise HostDataError(
                f"failed to start provider: invocation_seed is invalid: {e}"
            ) from None
        self._chunks = chunking.ChunkStore(nc, self.lattice, host_data.js_domain)
        self._links: dict[str, LinkDefinition] = {}
        self._link_lock = asyncio.Lock()
        self._subs: list[Subscription] = []
        self._tasks: set[asyncio.Task] = set()
        self._stopping = False
        self._closed = asyncio.Event()

    # -- links ---------------------------------------------------------------------------------

    @property
    def links(self) -> Mapping[str, LinkDefinition]:
        """The current links, by actor id (a snapshot)."""
        return MappingProxyType(dict(self._links))

    def is_linked(self, actor_id: str) -> bool:
        return actor_id in self._links

    def link(self, actor_id: str) -> LinkDefinition | None:
        return self._links.get(actor_id)

    async def _put_link(self, ld: LinkDefinition) -> None:
        async with self._link_lock:
            if ld.actor_id in self._links:
                _log.warning("ignoring duplicate link put actor=%s", ld.actor_id)
                return
            try:
                accepted = await self.provider.put_link(ld)
            except Exception:
                _log.exception("put_link failed actor=%s link_id=%s", ld.actor_id, ld.id)
                return
            if accepted:
                self._links[ld.actor_id] = ld
                _log.info(
                    "linked actor=%s contract=%s link_name=%s",
                    ld.actor_id,
                    ld.contract_id,
                    ld.link_name,
                )
            else:
                _log.warning("put_link refused the link actor=%s link_id=%s", ld.actor_id, ld.id)

    async def _delete_link(self, ld: LinkDefinition) -> None:
        async with self._link_lock:
            self._links.pop(ld.actor_id, None)
            try:
                await self.provider.delete_link(ld)
            except Exception:
                _log.exception("delete_link failed actor=%s", ld.actor_id)
            _log.info("unlinked actor=%s", ld.actor_id)

    # -- start ---------------------------------------------------------------------------------

    async def _start(self) -> None:
        self.provider.host = self
        await self.provider.init(self)
        args = (self.lattice, self.provider_key, self.link_name)
        self._subs.append(
            await self.nc.subscribe(subjects.linkdefs_put(*args), cb=self._on_link_put)
        )
        self._subs.append(
            await self.nc.subscribe(subjects.linkdefs_del(*args), cb=self._on_link_del)
        )
        self._subs.append(await self.nc.subscribe(subjects.shutdown(*args), cb=self._on_shutdown))
        for ld in self.host_data.link_definitions:
            await self._put_link(ld)
        self._subs.append(
            await self.nc.subscribe(
                subjects.provider_rpc(*args), queue=subjects.RPC_QUEUE_GROUP, cb=self._on_rpc
            )
        )
        # Health last: a health reply means the provider serves invocations.
        self._subs.append(await self.nc.subscribe(subjects.health(*args), cb=self._on_health))
        await flush_in_order(self.nc)
        _log.info(
            "provider ready provider=%s link_name=%s lattice=%s operations=%s",
            self.provider_key,
            self.link_name,
            self.lattice,
            ",".join(self.provider.operations()),
        )

    # -- subscriptions -------------------------------------------------------------------------

    async def _on_link_put(self, msg: Msg) -> None:
        try:
            ld = codec.decode_link_definition(msg.data)
        except DecodeError as e:
            _log.error("garbled data on %s: %s", msg.subject, e)
            return
        await self._put_link(ld)

    async def _on_link_del(self, msg: Msg) -> None:
        try:
            ld = codec.decode_link_definition(msg.data)
        except DecodeError as e:
            _log.error("garbled data on %s: %s", msg.subject, e)
            return
        await self._delete_link(ld)

    async def _on_health(self, msg: Msg) -> None:
        try:
            resp = await self.provider.health()
        except Exception as e:
            _log.exception("health check failed")
            resp = HealthCheckResponse(False, str(e) or type(e).__name__)
        if msg.reply:
            await self.nc.publish(msg.reply, codec.encode_health_response(resp))

    async def _on_shutdown(self, msg: Msg) -> None:
        host_id = ""
        try:
            body = json.loads(msg.data) if msg.data else {}
            host_id = body.get("host_id") or "" if isinstance(body, dict) else ""
        except ValueError:
            _log.warning("shutdown request without a readable host_id; shutting down anyway")
        if host_id and host_id != self.host_data.host_id:
            _log.debug("ignoring shutdown for another host host_id=%s", host_id)
            return
        # A task of its own: unsubscribing cancels this callback.
        self._spawn(self.shutdown(reply_to=msg.reply or None))

    async def _on_rpc(self, msg: Msg) -> None:
        self._spawn(self._handle_rpc(msg))

    def _spawn(self, coro) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- inbound invocations -------------------------------------------------------------------

    async def _handle_rpc(self, msg: Msg) -> None:
        try:
            inv = codec.decode_invocation(msg.data)
        except DecodeError as e:
            _log.error("undecodable invocation on %s: %s", msg.subject, e)
            await self._reply(
                msg, InvocationResponse.failure("", f"Failed to deserialize invocation: {e}")
            )
            return
        try:
            response = await self._serve(inv)
        except Exception as e:  # process boundary: every request gets a reply
            _log.exception("invocation failed id=%s operation=%s", inv.id, inv.operation)
            response = InvocationResponse.failure(
                inv.id, f"failed to handle invocation {inv.id}: {e}"
            )
        await self._reply(msg, response)

    async def _serve(self, inv: Invocation) -> InvocationResponse:
        if inv.is_chunked:
            try:
                data = await self._chunks.take(inv.id)
            except Exception as e:
                return InvocationResponse.failure(
                    inv.id,
                    f"failed to fetch the chunked payload of invocation {inv.id} from object "
                    f"store bucket {self.lattice}: {e}",
                )
            if len(data) != inv.content_length:
                return InvocationResponse.failure(
                    inv.id,
                    f"failed to fetch the chunked payload of invocation {inv.id}: got "
                    f"{len(data)} bytes, content_length says {inv.content_length}",
                )
            inv = inv.with_msg(data)
        link = self._links.get(inv.origin.public_key)
        try:
            validate_invocation(
                inv,
                cluster_issuers=self.host_data.cluster_issuers,
                provider_key=self.provider_key,
                host_id=self.host_data.host_id,
                is_linked=lambda _actor: link is not None,
            )
        except ValidationError as e:
            _log.warning(
                "invocation refused id=%s operation=%s origin=%s: %s",
                inv.id,
                inv.operation,
                inv.origin.public_key,
                e.text,
            )
            return InvocationResponse.failure(inv.id, e.text)
        assert link is not None
        ctx = Context(inv.origin.public_key, link, inv)
        _log.debug("invocation id=%s operation=%s actor=%s", inv.id, inv.operation, ctx.actor)
        try:
            out = await self.provider.dispatch(ctx, inv.operation, inv.msg)
        except Exception as e:
            _log.warning(
                "handler failed id=%s operation=%s actor=%s: %s",
                inv.id,
                inv.operation,
                ctx.actor,
                e,
            )
            return InvocationResponse.failure(inv.id, str(e) or type(e).__name__)
        if chunking.needs_chunking(len(out)):
            try:
                await self._chunks.put(chunking.response_object(inv.id), out)
            except Exception as e:
                return InvocationResponse.failure(
                    inv.id, f"failed to store the chunked response of invocation {inv.id}: {e}"
                )
            return InvocationResponse(b"", inv.id, None, len(out))
        return InvocationResponse.success(inv.id, out)

    async def _reply(self, msg: Msg, response: InvocationResponse) -> None:
        if not msg.reply:
            return
        try:
            await self.nc.publish(msg.reply, codec.encode_invocation_response(response))
        except Exception:
            _log.exception("failed to send reply invocation_id=%s", response.invocation_id)

    # -- provider → actor ----------------------------------------------------------------------

    async def call_actor(
        self, actor_id: str, operation: str, payload: bytes = b"", *, timeout: float | None = None
    ) -> bytes:
        """Invoke ``operation`` on a linked actor and return the result payload.

        The invocation is signed with ``invocation_seed``; its origin is this provider under the
        actor's link (contract id and link name). Payloads over 900 KiB go through the object
        store both ways. Raises :class:`NotLinked`, :class:`RpcTimeout`,
        :class:`InvocationFailed` (the actor or its host answered with an error) or
        :class:`RpcError`.
        """
        what = f"failed to call {operation} on actor {actor_id}"
        link = self._links.get(actor_id)
        if link is None:
            raise NotLinked(
                f"{what}: the actor has no link to provider {self.provider_key}; link them first"
            )
        if self._signer is None:
            raise RpcError(f"{what}: HostData has no invocation_seed to sign with")
        payload = bytes(payload)
        origin = WasmCloudEntity.provider(self.provider_key, link.contract_id, link.link_name)
        target = WasmCloudEntity.actor(actor_id)
        inv_id = str(uuid.uuid4())
        claims = encode_invocation_claims(self._signer, inv_id, origin, target, operation, payload)
        seconds = timeout if timeout is not None else self.host_data.rpc_timeout_seconds
        msg = payload
        if chunking.needs_chunking(len(payload)):
            try:
                await self._chunks.put(inv_id, payload)
            except Exception as e:
                raise RpcError(f"{what}: failed to store the chunked payload: {e}") from e
            msg = b""
            seconds += chunking.CHUNKED_EXTRA_TIMEOUT
        inv = Invocation(
            origin, target, operation, msg, inv_id, claims, self.host_data.host_id, len(payload)
        )
        subject = subjects.actor_rpc(self.lattice, actor_id)
        try:
            reply = await self.nc.request(subject, codec.encode_invocation(inv), timeout=seconds)
        except nats.errors.NoRespondersError:
            raise RpcTimeout(
                f"{what}: no host answers on {subject} (is the actor running?)"
            ) from None
        except nats.errors.TimeoutError:
            raise RpcTimeout(f"{what}: request timeout after {seconds:g} s") from None
        try:
            resp = codec.decode_invocation_response(reply.data)
        except DecodeError as e:
            raise RpcError(f"{what}: {e}") from e
        if resp.error is not None:
            raise InvocationFailed(f"{what}: {resp.error}", resp.error)
        if resp.is_chunked:
            try:
                return await self._chunks.take(chunking.response_object(inv_id))
            except Exception as e:
                raise RpcError(f"{what}: failed to fetch the chunked response: {e}") from e
        return resp.msg

    # -- shutdown ------------------------------------------------------------------------------

    @property
    def stopping(self) -> bool:
        return self._stopping

    async def shutdown(self, reply_to: str | None = None) -> None:
        """Stop serving: unsubscribe, let running invocations finish (briefly), call the
        provider's ``shutdown`` hook, answer ``shutting down``, close NATS. Idempotent."""
        if self._stopping:
            if reply_to and not self.nc.is_closed:
                try:
                    await self.nc.publish(reply_to, SHUTDOWN_REPLY)
                except Exception as e:
                    _log.debug("failed to answer a repeated shutdown: %s", e)
            return
        self._stopping = True
        _log.info("shutting down provider=%s link_name=%s", self.provider_key, self.link_name)
        for sub in self._subs:
            try:
                await sub.unsubscribe()
            except Exception as e:
                _log.debug("unsubscribe failed: %s", e)
        current = asyncio.current_task()
        running = [t for t in self._tasks if t is not current]
        if running:
            await asyncio.wait(running, timeout=_DRAIN_SECONDS)
        try:
            await self.provider.shutdown()
        except Exception:
            _log.exception("provider shutdown hook failed")
        try:
            if reply_to:
                await self.nc.publish(reply_to, SHUTDOWN_REPLY)
            await asyncio.wait_for(flush_in_order(self.nc), 2)
        except Exception as e:
            _log.warning("failed to answer shutdown: %s", e)
        finally:
            await self.nc.close()
            self._closed.set()

    def stop(self) -> None:
        """Schedule :meth:`shutdown` (without a reply) from synchronous code, e.g. a signal."""
        self._spawn(self.shutdown())

    async def wait_closed(self) -> None:
        await self._closed.wait()


async def start(
    provider: CapabilityProvider,
    host_data: HostData,
    *,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
) -> HostBridge:
    """Connect, subscribe, deliver the start-time links; return once the provider serves."""
    nc = await connect_nats(host_data, connect_timeout)
    try:
        bridge = HostBridge(provider, host_data, nc)
        await bridge._start()
    except BaseException:
        await nc.close()
        raise
    return bridge
