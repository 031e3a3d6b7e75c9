"""Payload shapes of the other contracts a Python provider meets most often (spec §9.1, 9.5,
9.6): ``wasmcloud:httpserver`` (a provider calling actors) and the host's builtin logging and
numbergen inputs (useful to tools and tests)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

HTTPSERVER_CONTRACT_ID = "wasmcloud:httpserver"
HANDLE_REQUEST = "HttpServer.HandleRequest"


def _headers(value: Mapping[str, Sequence[str]] | None) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in (value or {}).items()})


@dataclass(frozen=True)
class HttpRequest:
    """``HttpServer.HandleRequest`` input."""

    method: str
    path: str
    query_string: str = ""
    header: Mapping[str, Sequence[str]] = field(default_factory=dict)
    body: bytes = b""

    def __post_init__(self) -> None:
        object.__setattr__(self, "header", _headers(self.header))
        object.__setattr__(self, "body", bytes(self.body))


@dataclass(frozen=True)
class HttpResponse:
    """``HttpServer.HandleRequest`` output."""

    status_code: int = 200
    header: Mapping[str, Sequence[str]] = field(default_factory=dict)
    body: bytes = b""

    def __post_init__(self) -> None:
        object.__setattr__(self, "header", _headers(self.header))
        object.__setattr__(self, "body", bytes(self.body))


@dataclass(frozen=True)
class LogEntry:
    """``Logging.WriteLog`` input (builtin, served by the host)."""

    level: str
    text: str


@dataclass(frozen=True)
class RangeLimit:
    """``NumberGen.RandomInRange`` input (builtin, served by the host)."""

    min: int
    max: int
