"""What a provider author writes: a :class:`CapabilityProvider` subclass whose methods are
marked with :func:`operation`, plus optional lifecycle hooks (all no-ops by default)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from .errors import MethodNotHandled
from .wire import HealthCheckResponse, Invocation, LinkDefinition

if TYPE_CHECKING:
    from .bridge import HostBridge

F = TypeVar("F", bound=Callable[..., Any])

_MARK = "__trellis_operation__"


@dataclass(frozen=True)
class Context:
    """What a handler knows about the call it serves.

    ``actor`` is the calling actor's public key, ``link`` its link to this provider (with the
    link values), ``invocation`` the validated invocation (payload already dechunked).
    """

    actor: str
    link: LinkDefinition
    invocation: Invocation

    @property
    def operation(self) -> str:
        return self.invocation.operation

    @property
    def invocation_id(self) -> str:
        return self.invocation.id


def operation(name: str) -> Callable[[F], F]:
    """Mark a method as the handler of ``name`` (``Service.Operation``, e.g. ``KeyValue.Get``).

    The method is called as ``handler(ctx, payload)`` with the raw msgpack payload and returns
    the raw result: ``bytes`` (or ``None`` for an operation without output). It may be ``async``
    (preferred) or plain; a plain handler runs on the event loop, so keep it short or hand
    blocking work to ``asyncio.to_thread``. An exception becomes the reply's ``error`` text.
    """
    if not isinstance(name, str) or "." not in name:
        raise ValueError(f"operation name must look like 'Service.Operation', got {name!r}")

    def mark(fn: F) -> F:
        setattr(fn, _MARK, name)
        return fn

    return mark


class CapabilityProvider:
    """Base class of a provider. Override the hooks you need; mark handlers with
    :func:`operation`. ``host`` is the :class:`~trellis_provider.bridge.HostBridge` once the
    provider runs (``None`` before): use it for provider → actor calls and to read links."""

    _operations: ClassVar[dict[str, str]] = {}
    host: "HostBridge | None" = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        table: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            for attr, value in vars(klass).items():
                name = getattr(value, _MARK, None)
                if isinstance(name, str):
                    table[name] = attr
        cls._operations = table

    # -- lifecycle hooks (no-ops) -------------------------------------------------------------

    async def init(self, host: "HostBridge") -> None:
        """Called once after connecting to NATS, before links are delivered and before any
        invocation. ``host.host_data`` holds the configuration (``config_json`` …)."""

    async def put_link(self, link: LinkDefinition) -> bool:
        """A link to an actor was put (or delivered at start). Return ``False`` to refuse it.
        Called at most once per actor until that actor's link is deleted."""
        return True

    async def delete_link(self, link: LinkDefinition) -> None:
        """The link to ``link.actor_id`` was deleted; release what was set up for it."""

    async def health(self) -> HealthCheckResponse:
        """Answer a host health check. An exception reports the provider unhealthy."""
        return HealthCheckResponse.ok()

    async def shutdown(self) -> None:
        """The host asked this instance to stop; release resources. NATS is still connected."""

    # -- dispatch ------------------------------------------------------------------------------

    def operations(self) -> list[str]:
        """The operation names this provider handles."""
        return sorted(self._operations)

    async def dispatch(self, ctx: Context, operation_name: str, payload: bytes) -> bytes:
        """Route one validated invocation to its handler. Override for custom routing."""
        attr = self._operations.get(operation_name)
        if attr is None:
            raise MethodNotHandled(operation_name)
        result = getattr(self, attr)(ctx, payload)
        if inspect.isawaitable(result):
            result = await result
        if result is None:
            return b""
        if isinstance(result, (bytes, bytearray, memoryview)):
            return bytes(result)
        raise TypeError(
            f"handler of {operation_name} returned {type(result).__name__}, expected bytes; "
            "encode the result with trellis_provider.codec"
        )
