"""The core wire records of wasmCloud 0.x (spec §2, §6), as frozen dataclasses.

They mirror the Java records in ``dev.trellis.interfaces.wire``. Field names are Python's;
the msgpack key names live in :mod:`trellis_provider.codec`, HostData's JSON keys in
:mod:`trellis_provider.hostdata`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


def _bytes(value: Any, name: str) -> bytes:
    if value is None:
        return b""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{name} must be bytes, got {type(value).__name__}")


def _str(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, got {type(value).__name__}")
    return value


def _str_map(value: Mapping[str, str] | None, name: str) -> Mapping[str, str]:
    copied = dict(value or {})
    for k, v in copied.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise TypeError(f"{name} must map str to str, got {k!r}: {v!r}")
    return MappingProxyType(copied)


def _set(obj: object, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)


@dataclass(frozen=True)
class WasmCloudEntity:
    """One end of an invocation (spec §2.4): an actor (``M…``, empty contract and link name) or
    a provider (``V…``, contract id, link name)."""

    public_key: str
    contract_id: str = ""
    link_name: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.public_key, str):
            raise TypeError("public_key must be str")
        _set(self, "contract_id", _str(self.contract_id, "contract_id"))
        _set(self, "link_name", _str(self.link_name, "link_name"))

    @classmethod
    def actor(cls, public_key: str) -> "WasmCloudEntity":
        return cls(public_key, "", "")

    @classmethod
    def provider(cls, public_key: str, contract_id: str, link_name: str) -> "WasmCloudEntity":
        return cls(public_key, contract_id, link_name)

    @property
    def is_actor(self) -> bool:
        """rpc-rs rule: an entity with an empty link name or contract id is an actor."""
        return not self.contract_id or not self.link_name


@dataclass(frozen=True)
class Invocation:
    """One msgpack request on ``wasmbus.rpc.…`` (spec §2.2). ``msg`` is empty when the payload
    travels through the object store; ``content_length`` then holds the full length."""

    origin: WasmCloudEntity
    target: WasmCloudEntity
    operation: str
    msg: bytes = b""
    id: str = ""
    encoded_claims: str = ""
    host_id: str = ""
    content_length: int | None = None
    trace_context: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.origin, WasmCloudEntity) or not isinstance(
            self.target, WasmCloudEntity
        ):
            raise TypeError("origin and target must be WasmCloudEntity")
        _set(self, "operation", _str(self.operation, "operation"))
        _set(self, "msg", _bytes(self.msg, "msg"))
        _set(self, "id", _str(self.id, "id"))
        _set(self, "encoded_claims", _str(self.encoded_claims, "encoded_claims"))
        _set(self, "host_id", _str(self.host_id, "host_id"))
        _set(self, "trace_context", _str_map(self.trace_context, "trace_context"))

    @property
    def full_length(self) -> int:
        return len(self.msg) if self.content_length is None else self.content_length

    @property
    def is_chunked(self) -> bool:
        """Whether the payload was moved to the object store (spec §5)."""
        return self.content_length is not None and self.content_length > len(self.msg)

    def with_msg(self, msg: bytes) -> "Invocation":
        """A copy carrying ``msg`` (used after dechunking or to alter a payload in tests)."""
        return Invocation(
            self.origin,
            self.target,
            self.operation,
            msg,
            self.id,
            self.encoded_claims,
            self.host_id,
            len(msg),
            self.trace_context,
        )


@dataclass(frozen=True)
class InvocationResponse:
    """The msgpack reply to an :class:`Invocation` (spec §2.3). ``error`` present (even ``""``)
    means failure; a successful response never carries it."""

    msg: bytes = b""
    invocation_id: str = ""
    error: str | None = None
    content_length: int | None = None

    def __post_init__(self) -> None:
        _set(self, "msg", _bytes(self.msg, "msg"))
        _set(self, "invocation_id", _str(self.invocation_id, "invocation_id"))
        if self.error is not None and not isinstance(self.error, str):
            raise TypeError("error must be str or None")

    @classmethod
    def success(cls, invocation_id: str, msg: bytes) -> "InvocationResponse":
        return cls(msg, invocation_id, None, len(msg))

    @classmethod
    def failure(cls, invocation_id: str, error: str) -> "InvocationResponse":
        """A failed response; ``content_length`` is 0 as OTP and rpc-rs write it."""
        return cls(b"", invocation_id, error or "", 0)

    @property
    def is_success(self) -> bool:
        return self.error is None

    @property
    def is_chunked(self) -> bool:
        return self.content_length is not None and self.content_length > len(self.msg)


def link_id(actor_id: str, contract_id: str, link_name: str) -> str:
    """The link id (controlplane §4.2): uppercase hex SHA-256 of actor ‖ contract ‖ link name."""
    digest = hashlib.sha256()
    for part in (actor_id, contract_id, link_name):
        digest.update(part.encode("utf-8"))
    return digest.hexdigest().upper()


@dataclass(frozen=True)
class LinkDefinition:
    """A link (spec §6.3): (actor, contract, link name) → provider, with its values."""

    actor_id: str
    provider_id: str
    link_name: str
    contract_id: str
    values: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("actor_id", "provider_id", "link_name", "contract_id"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"{name} must be str")
        _set(self, "values", _str_map(self.values, "values"))

    @property
    def id(self) -> str:
        return link_id(self.actor_id, self.contract_id, self.link_name)


@dataclass(frozen=True)
class HealthCheckRequest:
    """The health request body; hosts send ``{"placeholder": true}``, providers ignore it."""

    placeholder: bool = True


@dataclass(frozen=True)
class HealthCheckResponse:
    """A provider's health reply (spec §6.4)."""

    healthy: bool = False
    message: str | None = None

    @classmethod
    def ok(cls) -> "HealthCheckResponse":
        return cls(True, None)


@dataclass(frozen=True)
class HostData:
    """What the host writes on the provider's stdin (spec §6.2). Secrets are kept out of repr."""

    host_id: str = ""
    lattice_rpc_prefix: str = ""
    link_name: str = ""
    lattice_rpc_user_jwt: str = field(default="", repr=False)
    lattice_rpc_user_seed: str = field(default="", repr=False)
    lattice_rpc_url: str = ""
    provider_key: str = ""
    invocation_seed: str = field(default="", repr=False)
    env_values: Mapping[str, str] = field(default_factory=dict)
    instance_id: str = ""
    link_definitions: Sequence[LinkDefinition] = ()
    cluster_issuers: Sequence[str] = ()
    config_json: str | None = None
    default_rpc_timeout_ms: int | None = None
    structured_logging: bool = False
    log_level: str | None = None
    js_domain: str | None = None

    def __post_init__(self) -> None:
        _set(self, "env_values", _str_map(self.env_values, "env_values"))
        _set(self, "link_definitions", tuple(self.link_definitions))
        _set(self, "cluster_issuers", tuple(self.cluster_issuers))
        for ld in self.link_definitions:
            if not isinstance(ld, LinkDefinition):
                raise TypeError("link_definitions must hold LinkDefinition values")

    @property
    def rpc_timeout_seconds(self) -> float:
        """``default_rpc_timeout_ms`` in seconds, 2 s when absent (rpc-rs default)."""
        ms = self.default_rpc_timeout_ms
        return (ms if ms and ms > 0 else 2000) / 1000.0
