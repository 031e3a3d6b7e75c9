"""The ``wasmcloud:keyvalue`` contract (spec §9.2): operation names and payload shapes.

Inputs that are a bare string (a key, a list or set name), a list of set names, and outputs
that are a bool, an int or a list of strings travel as plain msgpack values; use
:func:`trellis_provider.codec.decode_str` and friends for those.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTRACT_ID = "wasmcloud:keyvalue"

GET = "KeyValue.Get"
SET = "KeyValue.Set"
DEL = "KeyValue.Del"
CONTAINS = "KeyValue.Contains"
INCREMENT = "KeyValue.Increment"
LIST_ADD = "KeyValue.ListAdd"
LIST_CLEAR = "KeyValue.ListClear"
LIST_DEL = "KeyValue.ListDel"
LIST_RANGE = "KeyValue.ListRange"
SET_ADD = "KeyValue.SetAdd"
SET_DEL = "KeyValue.SetDel"
SET_QUERY = "KeyValue.SetQuery"
SET_UNION = "KeyValue.SetUnion"
SET_INTERSECTION = "KeyValue.SetIntersection"
SET_CLEAR = "KeyValue.SetClear"

OPERATIONS = (
    GET,
    SET,
    DEL,
    CONTAINS,
    INCREMENT,
    LIST_ADD,
    LIST_CLEAR,
    LIST_DEL,
    LIST_RANGE,
    SET_ADD,
    SET_DEL,
    SET_QUERY,
    SET_UNION,
    SET_INTERSECTION,
    SET_CLEAR,
)


@dataclass(frozen=True)
class GetResponse:
    """``KeyValue.Get`` output: ``value`` is ``""`` when the key does not exist."""

    value: str
    exists: bool


@dataclass(frozen=True)
class SetRequest:
    """``KeyValue.Set`` input; ``expires`` in seconds, 0 = never."""

    key: str
    value: str
    expires: int = 0


@dataclass(frozen=True)
class IncrementRequest:
    """``KeyValue.Increment`` input: add ``value`` (i32) to the integer at ``key``."""

    key: str
    value: int


@dataclass(frozen=True)
class ListAddRequest:
    list_name: str
    value: str


@dataclass(frozen=True)
class ListDelRequest:
    list_name: str
    value: str


@dataclass(frozen=True)
class ListRangeRequest:
    """``KeyValue.ListRange`` input: ``start`` and ``stop`` are 0-based and inclusive."""

    list_name: str
    start: int
    stop: int


@dataclass(frozen=True)
class SetAddRequest:
    set_name: str
    value: str


@dataclass(frozen=True)
class SetDelRequest:
    set_name: str
    value: str
