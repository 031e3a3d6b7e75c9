"""The provider's NATS connection: server URLs from HostData, JWT + seed credentials, and a
flush that really orders after earlier subscriptions."""

from __future__ import annotations

import asyncio
import base64
import logging

import nats
from nats.aio.client import Client

from .errors import ConnectError
from .nkeys import KeyPair
from .wire import HostData

DEFAULT_NATS_URL = "nats://127.0.0.1:4222"
DEFAULT_CONNECT_TIMEOUT = 10.0

_log = logging.getLogger("trellis_provider")


def nats_servers(url: str) -> list[str]:
    """``lattice_rpc_url`` as NATS server URLs: empty → the default, no scheme → ``nats://``."""
    out = []
    for part in (url or "").split(","):
        part = part.strip()
        if part:
            out.append(part if "://" in part else f"nats://{part}")
    return out or [DEFAULT_NATS_URL]


async def connect_nats(
    host_data: HostData, timeout: float = DEFAULT_CONNECT_TIMEOUT, name: str | None = None
) -> Client:
    """Connect to ``lattice_rpc_url`` with the user JWT + seed when both are given."""
    servers = nats_servers(host_data.lattice_rpc_url)
    jwt = host_data.lattice_rpc_user_jwt.strip()
    seed = host_data.lattice_rpc_user_seed.strip()

    seen: list[Exception] = []
    refused = asyncio.Event()

    async def on_error(e: Exception) -> None:
        _log.warning("nats error: %s", e)
        seen.append(e)
        if isinstance(e, nats.errors.AuthorizationError) and not nc.is_connected:
            refused.set()  # retrying with the same credentials cannot help

    async def on_disconnect() -> None:
        if nc.is_closed:
            _log.debug("nats connection closed")
        else:
            _log.warning("disconnected from nats, reconnecting")

    async def on_reconnect() -> None:
        _log.info("reconnected to nats")

    options: dict = dict(
        servers=servers,
        name=name or f"trellis-provider {host_data.provider_key} {host_data.link_name}",
        allow_reconnect=True,
        max_reconnect_attempts=-1,
        connect_timeout=2,
        error_cb=on_error,
        disconnected_cb=on_disconnect,
        reconnected_cb=on_reconnect,
    )
    if jwt and seed:
        user_key = KeyPair.from_seed(seed)
        options["user_jwt_cb"] = lambda: jwt.encode("ascii")
        options["signature_cb"] = lambda nonce: base64.b64encode(user_key.sign(nonce.encode()))
    elif jwt or seed:
        raise ConnectError(
            "failed to connect to NATS: HostData has only one of lattice_rpc_user_jwt and "
            "lattice_rpc_user_seed; both are needed for JWT authentication"
        )
    nc = nats.NATS()
    where = ", ".join(servers)
    connecting = asyncio.ensure_future(nc.connect(**options))
    waiting = asyncio.ensure_future(refused.wait())
    await asyncio.wait({connecting, waiting}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    waiting.cancel()
    if connecting.done() and connecting.exception() is None:
        return nc
    if not connecting.done():
        connecting.cancel()
        await asyncio.gather(connecting, return_exceptions=True)
        await nc.close()
    elif connecting.exception() is not None:
        e = connecting.exception()
        raise ConnectError(f"failed to connect to NATS at {where}: {e}") from e
    if refused.is_set():
        raise ConnectError(
            f"failed to connect to NATS at {where}: the server refused the credentials "
            "(Authorization Violation); check lattice_rpc_user_jwt and lattice_rpc_user_seed"
        )
    telling = [e for e in seen if isinstance(e, nats.errors.Error)] or seen
    last = f" (last error: {telling[-1]})" if telling else ""
    raise ConnectError(
        f"failed to connect to NATS at {where}: no connection within {timeout:g} s{last}; "
        "check lattice_rpc_url and the credentials in HostData"
    )


async def flush_in_order(nc: Client) -> None:
    """Make sure the server has processed every command written so far (e.g. new SUBs).

    nats-py 2.16's ``flush()`` writes its PING straight to the socket, ahead of commands still
    in its pending buffer, so its PONG can come back before a preceding SUB reached the server
    (about one start in ten lost its first request here). Drain that buffer first.
    """
    drain = getattr(nc, "_flush_pending", None)
    if drain is not None:
        await drain(force_flush=True)
    await nc.flush()
