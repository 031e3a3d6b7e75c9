"""The one place where msgpack key names live (spec §2.1); HostData's JSON keys (§6.2) are in
:mod:`trellis_provider.hostdata`.

Encoding writes maps keyed by field name in the order rpc-rs writes them (entities in OTP's
order, as in the golden vectors), byte fields as msgpack bin, the smallest int encodings, and
never nil for a string field. Decoding is tolerant, as every wasmCloud 0.x decoder is:

- byte fields accept bin, str (raw bytes, even non-UTF-8) and arrays of u8 (``[]`` = empty);
- nil and absent are the same; unknown keys are ignored; any int width is accepted;
- anything else raises :class:`~trellis_provider.errors.DecodeError` naming record and field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import msgpack

from . import interfaces as _if
from . import keyvalue as _kv
from .errors import DecodeError
from .wire import (
    HealthCheckRequest,
    HealthCheckResponse,
    Invocation,
    InvocationResponse,
    LinkDefinition,
    WasmCloudEntity,
)

T = TypeVar("T")

U16 = (0, 0xFFFF)
U32 = (0, 0xFFFF_FFFF)
U64 = (0, 0xFFFF_FFFF_FFFF_FFFF)
I32 = (-0x8000_0000, 0x7FFF_FFFF)


# ---------------------------------------------------------------------------------------------
# tolerant reading
# ---------------------------------------------------------------------------------------------


def _kind(value: Any) -> str:
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "a bool"
    if isinstance(value, int):
        return "an int"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, bytes):
        return "a string"
    if isinstance(value, tuple):
        return "an array"
    if isinstance(value, dict):
        return "a map"
    return "an extension value"


def unpack(data: bytes, what: str) -> Any:
    """Parse one msgpack value. Strings and bins both come back as ``bytes``, arrays as tuples."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"{what} payload must be bytes, got {type(data).__name__}")
    if len(data) == 0:
        raise DecodeError(f"failed to decode {what}: the payload is empty")
    try:
        return msgpack.unpackb(bytes(data), raw=True, strict_map_key=False, use_list=False)
    except msgpack.ExtraData:
        raise DecodeError(
            f"failed to decode {what}: trailing bytes after the msgpack value"
        ) from None
    except Exception as e:  # msgpack raises ValueError, TypeError and its own subclasses
        raise DecodeError(f"failed to decode {what}: not valid msgpack ({e})") from None


def as_text(value: Any, where: str) -> str:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            raise DecodeError(f"failed to decode {where}: the string is not valid UTF-8") from None
    raise DecodeError(f"failed to decode {where}: expected a string, got {_kind(value)}")


def as_blob(value: Any, where: str) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, tuple):
        if all(isinstance(b, int) and not isinstance(b, bool) and 0 <= b <= 255 for b in value):
            return bytes(value)
        raise DecodeError(f"failed to decode {where}: an array of bytes may only hold 0..255")
    raise DecodeError(f"failed to decode {where}: expected bytes, got {_kind(value)}")


def as_int(value: Any, where: str, bounds: tuple[int, int]) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise DecodeError(f"failed to decode {where}: expected an int, got {_kind(value)}")
    lo, hi = bounds
    if not lo <= value <= hi:
        raise DecodeError(f"failed to decode {where}: {value} is outside {lo}..{hi}")
    return value


def as_bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise DecodeError(f"failed to decode {where}: expected a bool, got {_kind(value)}")
    return value


def as_text_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, tuple):
        raise DecodeError(f"failed to decode {where}: expected an array, got {_kind(value)}")
    return [as_text(v, f"{where}[{i}]") for i, v in enumerate(value)]


class _Fields:
    """The entries of one msgpack map, with nil dropped and keys as str."""

    def __init__(self, value: Any, what: str) -> None:
        if not isinstance(value, dict):
            raise DecodeError(f"failed to decode {what}: expected a map, got {_kind(value)}")
        self.what = what
        self.values: dict[str, Any] = {}
        for k, v in value.items():
            if isinstance(k, bytes) and v is not None:
                try:
                    self.values[k.decode("utf-8")] = v
                except UnicodeDecodeError:
                    continue  # not a key we know

    def _where(self, key: str) -> str:
        return f"{self.what} field '{key}'"

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.values and required:
            raise DecodeError(f"failed to decode {self.what}: field '{key}' is missing")
        return self.values.get(key)

    def text(self, key: str, required: bool = False) -> str:
        v = self._get(key, required)
        return "" if v is None else as_text(v, self._where(key))

    def opt_text(self, key: str) -> str | None:
        v = self.values.get(key)
        return None if v is None else as_text(v, self._where(key))

    def blob(self, key: str) -> bytes:
        v = self.values.get(key)
        return b"" if v is None else as_blob(v, self._where(key))

    def integer(self, key: str, bounds: tuple[int, int], required: bool = False) -> int:
        v = self._get(key, required)
        return 0 if v is None else as_int(v, self._where(key), bounds)

    def opt_integer(self, key: str, bounds: tuple[int, int]) -> int | None:
        v = self.values.get(key)
        return None if v is None else as_int(v, self._where(key), bounds)

    def boolean(self, key: str) -> bool:
        v = self.values.get(key)
        return False if v is None else as_bool(v, self._where(key))

    def text_map(self, key: str) -> dict[str, str]:
        v = self.values.get(key)
        if v is None:
            return {}
        inner = _Fields(v, self._where(key))
        return {k: as_text(x, f"{inner.what}['{k}']") for k, x in inner.values.items()}

    def headers(self, key: str) -> dict[str, list[str]]:
        v = self.values.get(key)
        if v is None:
            return {}
        inner = _Fields(v, self._where(key))
        return {k: as_text_list(x, f"{inner.what}['{k}']") for k, x in inner.values.items()}

    def record(self, key: str, what: str) -> "_Fields":
        return _Fields(self._get(key, True), f"{self.what} field '{key}' ({what})")


def _fields(data: bytes, what: str) -> _Fields:
    return _Fields(unpack(data, what), what)


def _pack(value: Any) -> bytes:
    return msgpack.packb(value, use_bin_type=True)


# ---------------------------------------------------------------------------------------------
# plain values (keyvalue inputs and outputs that are not maps)
# ---------------------------------------------------------------------------------------------


def encode_value(value: str | bool | int | list[str] | bytes) -> bytes:
    """msgpack of a plain value: a str, bool, int, list of str, or bytes (as bin)."""
    if isinstance(value, tuple):
        value = list(value)
    return _pack(value)


def decode_str(data: bytes, what: str = "string") -> str:
    return as_text(unpack(data, what), what)


def decode_bool(data: bytes, what: str = "bool") -> bool:
    return as_bool(unpack(data, what), what)


def decode_i32(data: bytes, what: str = "i32") -> int:
    return as_int(unpack(data, what), what, I32)


def decode_u32(data: bytes, what: str = "u32") -> int:
    return as_int(unpack(data, what), what, U32)


def decode_str_list(data: bytes, what: str = "list of strings") -> list[str]:
    return as_text_list(unpack(data, what), what)


# ---------------------------------------------------------------------------------------------
# core records
# ---------------------------------------------------------------------------------------------


def _entity_map(e: WasmCloudEntity) -> dict[str, Any]:
    return {"public_key": e.public_key, "contract_id": e.contract_id, "link_name": e.link_name}


def _entity(f: _Fields) -> WasmCloudEntity:
    return WasmCloudEntity(f.text("public_key", True), f.text("contract_id"), f.text("link_name"))


def encode_invocation(inv: Invocation) -> bytes:
    m: dict[str, Any] = {
        "origin": _entity_map(inv.origin),
        "target": _entity_map(inv.target),
        "operation": inv.operation,
        "msg": inv.msg,
        "id": inv.id,
        "encoded_claims": inv.encoded_claims,
        "host_id": inv.host_id,
        "content_length": inv.full_length,
    }
    if inv.trace_context:
        m["traceContext"] = dict(inv.trace_context)
    return _pack(m)


def decode_invocation(data: bytes) -> Invocation:
    f = _fields(data, "Invocation")
    return Invocation(
        origin=_entity(f.record("origin", "WasmCloudEntity")),
        target=_entity(f.record("target", "WasmCloudEntity")),
        operation=f.text("operation"),
        msg=f.blob("msg"),
        id=f.text("id"),
        encoded_claims=f.text("encoded_claims"),
        host_id=f.text("host_id"),
        content_length=f.opt_integer("content_length", U64),
        trace_context=f.text_map("traceContext"),
    )


def encode_invocation_response(resp: InvocationResponse) -> bytes:
    m: dict[str, Any] = {"msg": resp.msg, "invocation_id": resp.invocation_id}
    if resp.error is not None:
        m["error"] = resp.error
    m["content_length"] = len(resp.msg) if resp.content_length is None else resp.content_length
    return _pack(m)


def decode_invocation_response(data: bytes) -> InvocationResponse:
    f = _fields(data, "InvocationResponse")
    return InvocationResponse(
        msg=f.blob("msg"),
        invocation_id=f.text("invocation_id"),
        error=f.opt_text("error"),
        content_length=f.opt_integer("content_length", U64),
    )


def _link_map(ld: LinkDefinition) -> dict[str, Any]:
    return {
        "actor_id": ld.actor_id,
        "provider_id": ld.provider_id,
        "link_name": ld.link_name,
        "contract_id": ld.contract_id,
        "values": dict(ld.values),
    }


def encode_link_definition(ld: LinkDefinition) -> bytes:
    return _pack(_link_map(ld))


def decode_link_definition(data: bytes) -> LinkDefinition:
    f = _fields(data, "LinkDefinition")
    return LinkDefinition(
        actor_id=f.text("actor_id", True),
        provider_id=f.text("provider_id"),
        link_name=f.text("link_name"),
        contract_id=f.text("contract_id"),
        values=f.text_map("values"),
    )


def encode_health_request(req: HealthCheckRequest) -> bytes:
    return _pack({"placeholder": req.placeholder})


def decode_health_request(data: bytes) -> HealthCheckRequest:
    f = _fields(data, "HealthCheckRequest")
    return HealthCheckRequest(f.boolean("placeholder"))


def encode_health_response(resp: HealthCheckResponse) -> bytes:
    m: dict[str, Any] = {"healthy": resp.healthy}
    if resp.message is not None:
        m["message"] = resp.message
    return _pack(m)


def decode_health_response(data: bytes) -> HealthCheckResponse:
    f = _fields(data, "HealthCheckResponse")
    return HealthCheckResponse(f.boolean("healthy"), f.opt_text("message"))


# ---------------------------------------------------------------------------------------------
# wasmcloud:keyvalue
# ---------------------------------------------------------------------------------------------


def encode_get_response(r: _kv.GetResponse) -> bytes:
    return _pack({"value": r.value, "exists": r.exists})


def decode_get_response(data: bytes) -> _kv.GetResponse:
    f = _fields(data, "GetResponse")
    return _kv.GetResponse(f.text("value"), f.boolean("exists"))


def encode_set_request(r: _kv.SetRequest) -> bytes:
    return _pack({"key": r.key, "value": r.value, "expires": r.expires})


def decode_set_request(data: bytes) -> _kv.SetRequest:
    f = _fields(data, "SetRequest")
    return _kv.SetRequest(f.text("key", True), f.text("value", True), f.integer("expires", U32))


def encode_increment_request(r: _kv.IncrementRequest) -> bytes:
    return _pack({"key": r.key, "value": r.value})


def decode_increment_request(data: bytes) -> _kv.IncrementRequest:
    f = _fields(data, "IncrementRequest")
    return _kv.IncrementRequest(f.text("key", True), f.integer("value", I32))


def encode_list_add_request(r: _kv.ListAddRequest) -> bytes:
    return _pack({"listName": r.list_name, "value": r.value})


def decode_list_add_request(data: bytes) -> _kv.ListAddRequest:
    f = _fields(data, "ListAddRequest")
    return _kv.ListAddRequest(f.text("listName", True), f.text("value", True))


def encode_list_del_request(r: _kv.ListDelRequest) -> bytes:
    return _pack({"listName": r.list_name, "value": r.value})


def decode_list_del_request(data: bytes) -> _kv.ListDelRequest:
    f = _fields(data, "ListDelRequest")
    return _kv.ListDelRequest(f.text("listName", True), f.text("value", True))


def encode_list_range_request(r: _kv.ListRangeRequest) -> bytes:
    return _pack({"listName": r.list_name, "start": r.start, "stop": r.stop})


def decode_list_range_request(data: bytes) -> _kv.ListRangeRequest:
    f = _fields(data, "ListRangeRequest")
    return _kv.ListRangeRequest(
        f.text("listName", True), f.integer("start", I32), f.integer("stop", I32)
    )


def encode_set_add_request(r: _kv.SetAddRequest) -> bytes:
    return _pack({"setName": r.set_name, "value": r.value})


def decode_set_add_request(data: bytes) -> _kv.SetAddRequest:
    f = _fields(data, "SetAddRequest")
    return _kv.SetAddRequest(f.text("setName", True), f.text("value", True))


def encode_set_del_request(r: _kv.SetDelRequest) -> bytes:
    return _pack({"setName": r.set_name, "value": r.value})


def decode_set_del_request(data: bytes) -> _kv.SetDelRequest:
    f = _fields(data, "SetDelRequest")
    return _kv.SetDelRequest(f.text("setName", True), f.text("value", True))


# ---------------------------------------------------------------------------------------------
# httpserver, builtin logging and numbergen
# ---------------------------------------------------------------------------------------------


def _header_map(h: Mapping[str, Any]) -> dict[str, list[str]]:
    return {k: list(v) for k, v in h.items()}


def encode_http_request(r: _if.HttpRequest) -> bytes:
    return _pack(
        {
            "method": r.method,
            "path": r.path,
            "queryString": r.query_string,
            "header": _header_map(r.header),
            "body": r.body,
        }
    )


def decode_http_request(data: bytes) -> _if.HttpRequest:
    f = _fields(data, "HttpRequest")
    return _if.HttpRequest(
        f.text("method"), f.text("path"), f.text("queryString"), f.headers("header"), f.blob("body")
    )


def encode_http_response(r: _if.HttpResponse) -> bytes:
    return _pack({"statusCode": r.status_code, "header": _header_map(r.header), "body": r.body})


def decode_http_response(data: bytes) -> _if.HttpResponse:
    f = _fields(data, "HttpResponse")
    code = f.opt_integer("statusCode", U16)
    return _if.HttpResponse(200 if code is None else code, f.headers("header"), f.blob("body"))


def encode_log_entry(r: _if.LogEntry) -> bytes:
    return _pack({"level": r.level, "text": r.text})


def decode_log_entry(data: bytes) -> _if.LogEntry:
    f = _fields(data, "LogEntry")
    return _if.LogEntry(f.text("level", True), f.text("text", True))


def encode_range_limit(r: _if.RangeLimit) -> bytes:
    return _pack({"min": r.min, "max": r.max})


def decode_range_limit(data: bytes) -> _if.RangeLimit:
    f = _fields(data, "RangeLimit")
    return _if.RangeLimit(f.integer("min", U32), f.integer("max", U32))


# ---------------------------------------------------------------------------------------------
# by type
# ---------------------------------------------------------------------------------------------

_CODECS: dict[type, tuple[Callable[[Any], bytes], Callable[[bytes], Any]]] = {
    Invocation: (encode_invocation, decode_invocation),
    InvocationResponse: (encode_invocation_response, decode_invocation_response),
    LinkDefinition: (encode_link_definition, decode_link_definition),
    HealthCheckRequest: (encode_health_request, decode_health_request),
    HealthCheckResponse: (encode_health_response, decode_health_response),
    _kv.GetResponse: (encode_get_response, decode_get_response),
    _kv.SetRequest: (encode_set_request, decode_set_request),
    _kv.IncrementRequest: (encode_increment_request, decode_increment_request),
    _kv.ListAddRequest: (encode_list_add_request, decode_list_add_request),
    _kv.ListDelRequest: (encode_list_del_request, decode_list_del_request),
    _kv.ListRangeRequest: (encode_list_range_request, decode_list_range_request),
    _kv.SetAddRequest: (encode_set_add_request, decode_set_add_request),
    _kv.SetDelRequest: (encode_set_del_request, decode_set_del_request),
    _if.HttpRequest: (encode_http_request, decode_http_request),
    _if.HttpResponse: (encode_http_response, decode_http_response),
    _if.LogEntry: (encode_log_entry, decode_log_entry),
    _if.RangeLimit: (encode_range_limit, decode_range_limit),
}


def encode(record: Any) -> bytes:
    """msgpack of any record of this package; plain values go through :func:`encode_value`."""
    codec = _CODECS.get(type(record))
    if codec is None:
        return encode_value(record)
    return codec[0](record)


def decode(data: bytes, cls: type[T]) -> T:
    """Decode ``data`` as record type ``cls``; raises :class:`DecodeError`."""
    codec = _CODECS.get(cls)
    if codec is None:
        raise TypeError(f"no msgpack codec for {cls.__name__}")
    return codec[1](data)
