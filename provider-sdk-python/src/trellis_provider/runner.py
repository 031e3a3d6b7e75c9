"""The entry point of a provider process: ``sys.exit(run(MyProvider()))``."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from typing import BinaryIO

from .bridge import DEFAULT_CONNECT_TIMEOUT, HostBridge, start
from .errors import ConnectError, HostDataError
from .hostdata import DEFAULT_TIMEOUT, read_host_data
from .logs import configure_logging
from .provider import CapabilityProvider
from .wire import HostData

_log = logging.getLogger("trellis_provider")


async def serve(
    provider: CapabilityProvider,
    host_data: HostData,
    *,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    handle_signals: bool = False,
) -> None:
    """Run ``provider`` until the host shuts it down (or SIGTERM/SIGINT with
    ``handle_signals``)."""
    bridge: HostBridge = await start(provider, host_data, connect_timeout=connect_timeout)
    if handle_signals:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, bridge.stop)
    await bridge.wait_closed()


def run(
    provider: CapabilityProvider,
    *,
    stdin: BinaryIO | None = None,
    host_data: HostData | None = None,
    host_data_timeout: float = DEFAULT_TIMEOUT,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
) -> int:
    """Read HostData from stdin, configure logging, serve until shutdown; return the exit code
    (0 after a shutdown request or SIGTERM, 1 when the provider could not start)."""
    if host_data is None:
        try:
            host_data = read_host_data(stdin, host_data_timeout)
        except HostDataError as e:
            sys.stderr.write(f"{e}\n")
            sys.stderr.flush()
            return 1
    configure_logging(host_data.structured_logging, host_data.log_level)
    try:
        asyncio.run(
            serve(provider, host_data, connect_timeout=connect_timeout, handle_signals=True)
        )
    except (ConnectError, HostDataError) as e:
        _log.error("%s", e)
        return 1
    except Exception:
        _log.exception("provider failed provider=%s", host_data.provider_key)
        return 1
    _log.info("provider stopped provider=%s", host_data.provider_key)
    return 0
