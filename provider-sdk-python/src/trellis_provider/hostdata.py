"""HostData on stdin (spec §6.1): one line, ``base64(JSON)`` with padding, then a newline; and
the JSON keys of HostData and of LinkDefinition in JSON (spec §6.2, §6.3)."""

from __future__ import annotations

import base64
import binascii
import json
import os
import queue
import sys
import threading
from collections.abc import Mapping
from typing import Any, BinaryIO

from .errors import DecodeError, HostDataError
from .wire import HostData, LinkDefinition

DEFAULT_TIMEOUT = 30.0

RUN_BY_HAND = (
    "This program is a Trellis capability provider (wasmCloud 0.x compatible).\n"
    "It is meant to be started by a host, which writes its configuration on stdin as one line:\n"
    "base64 of the HostData JSON, then a newline. To run it by hand, pipe that line in, e.g.\n"
    '  echo "$HOST_DATA_BASE64" | {program}\n'
)


def _json_str(obj: Mapping[str, Any], key: str, what: str, optional: bool = False) -> Any:
    v = obj.get(key)
    if v is None:
        return None if optional else ""
    if not isinstance(v, str):
        raise DecodeError(f"failed to decode {what}: '{key}' must be a string, got {v!r}")
    return v


def _json_link(obj: Any, where: str) -> LinkDefinition:
    if not isinstance(obj, dict):
        raise DecodeError(f"failed to decode {where}: expected an object")
    values = obj.get("values") or {}
    if not isinstance(values, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in values.items()
    ):
        raise DecodeError(f"failed to decode {where}: 'values' must map strings to strings")
    if not obj.get("actor_id"):
        raise DecodeError(f"failed to decode {where}: 'actor_id' is missing")
    return LinkDefinition(
        actor_id=_json_str(obj, "actor_id", where),
        provider_id=_json_str(obj, "provider_id", where),
        link_name=_json_str(obj, "link_name", where),
        contract_id=_json_str(obj, "contract_id", where),
        values=values,
    )


def link_definition_from_json(obj: Mapping[str, Any]) -> LinkDefinition:
    """A LinkDefinition from its JSON object (HostData, control interface); ``id`` is ignored."""
    return _json_link(obj, "LinkDefinition")


def link_definition_to_json(ld: LinkDefinition) -> dict[str, Any]:
    return {
        "id": ld.id,
        "actor_id": ld.actor_id,
        "provider_id": ld.provider_id,
        "link_name": ld.link_name,
        "contract_id": ld.contract_id,
        "values": dict(ld.values),
    }


def decode_host_data(text: str | bytes) -> HostData:
    """HostData from its JSON text. Unknown keys are ignored; ``env_values``,
    ``link_definitions`` and ``cluster_issuers`` are required, as in rpc-rs."""
    what = "HostData"
    try:
        obj = json.loads(text)
    except (ValueError, UnicodeDecodeError) as e:
        raise DecodeError(f"failed to decode {what}: not valid JSON ({e})") from None
    if not isinstance(obj, dict):
        raise DecodeError(f"failed to decode {what}: expected a JSON object")
    for key in ("env_values", "link_definitions", "cluster_issuers"):
        if obj.get(key) is None:
            raise DecodeError(f"failed to decode {what}: required key '{key}' is missing")
    env = obj["env_values"]
    if not isinstance(env, dict) or not all(isinstance(v, str) for v in env.values()):
        raise DecodeError(f"failed to decode {what}: 'env_values' must map strings to strings")
    links = obj["link_definitions"]
    issuers = obj["cluster_issuers"]
    if not isinstance(links, list):
        raise DecodeError(f"failed to decode {what}: 'link_definitions' must be an array")
    if not isinstance(issuers, list) or not all(isinstance(i, str) for i in issuers):
        raise DecodeError(f"failed to decode {what}: 'cluster_issuers' must be an array of strings")
    timeout = obj.get("default_rpc_timeout_ms")
    if timeout is not None and (not isinstance(timeout, int) or isinstance(timeout, bool)):
        raise DecodeError(f"failed to decode {what}: 'default_rpc_timeout_ms' must be an integer")
    structured = obj.get("structured_logging", obj.get("enable_structured_logging", False))
    return HostData(
        host_id=_json_str(obj, "host_id", what),
        lattice_rpc_prefix=_json_str(obj, "lattice_rpc_prefix", what),
        link_name=_json_str(obj, "link_name", what),
        lattice_rpc_user_jwt=_json_str(obj, "lattice_rpc_user_jwt", what),
        lattice_rpc_user_seed=_json_str(obj, "lattice_rpc_user_seed", what),
        lattice_rpc_url=_json_str(obj, "lattice_rpc_url", what),
        provider_key=_json_str(obj, "provider_key", what),
        invocation_seed=_json_str(obj, "invocation_seed", what),
        env_values=env,
        instance_id=_json_str(obj, "instance_id", what),
        link_definitions=[
            _json_link(x, f"{what} link_definitions[{i}]") for i, x in enumerate(links)
        ],
        cluster_issuers=issuers,
        config_json=_json_str(obj, "config_json", what, optional=True),
        default_rpc_timeout_ms=timeout,
        structured_logging=structured is True,
        log_level=_json_str(obj, "log_level", what, optional=True),
        js_domain=_json_str(obj, "js_domain", what, optional=True),
    )


def encode_host_data(hd: HostData) -> str:
    """The compact JSON text of ``hd`` with every key of spec §6.2 (hosts and tests use it)."""
    return json.dumps(
        {
            "host_id": hd.host_id,
            "lattice_rpc_prefix": hd.lattice_rpc_prefix,
            "link_name": hd.link_name,
            "lattice_rpc_user_jwt": hd.lattice_rpc_user_jwt,
            "lattice_rpc_user_seed": hd.lattice_rpc_user_seed,
            "lattice_rpc_url": hd.lattice_rpc_url,
            "env_values": dict(hd.env_values),
            "instance_id": hd.instance_id,
            "provider_key": hd.provider_key,
            "link_definitions": [link_definition_to_json(ld) for ld in hd.link_definitions],
            "config_json": hd.config_json,
            "default_rpc_timeout_ms": hd.default_rpc_timeout_ms,
            "cluster_issuers": list(hd.cluster_issuers),
            "invocation_seed": hd.invocation_seed,
            "js_domain": hd.js_domain,
            "structured_logging": hd.structured_logging,
            "log_level": hd.log_level,
        },
        separators=(",", ":"),
    )


def parse_host_data_line(line: bytes | str) -> HostData:
    """HostData from one stdin line (surrounding whitespace is ignored)."""
    text = line.strip()
    if not text:
        raise HostDataError("failed to read host data: the line on stdin is empty")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        raise HostDataError(f"failed to read host data: the line is not base64 ({e})") from None
    try:
        return decode_host_data(raw)
    except DecodeError as e:
        raise HostDataError(f"failed to read host data: {e}") from None


def encode_host_data_line(host_data: HostData) -> bytes:
    """What a host writes on a provider's stdin: ``base64(JSON)`` and a newline."""
    return base64.b64encode(encode_host_data(host_data).encode("utf-8")) + b"\n"


def _isatty(stream: BinaryIO) -> bool:
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False


def read_host_data(stream: BinaryIO | None = None, timeout: float = DEFAULT_TIMEOUT) -> HostData:
    """Read and parse the HostData line from ``stream`` (default: stdin) within ``timeout``.

    On a terminal, raises :class:`HostDataError` carrying a message for the human at it
    instead of waiting for input that will never come.
    """
    stream = stream if stream is not None else sys.stdin.buffer
    if _isatty(stream):
        program = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "provider"
        raise HostDataError(RUN_BY_HAND.format(program=program))
    lines: queue.Queue[bytes | BaseException] = queue.Queue(maxsize=1)

    def reader() -> None:
        try:
            lines.put(stream.readline())
        except BaseException as e:  # handed to the waiting thread
            lines.put(e)

    threading.Thread(target=reader, name="trellis-hostdata", daemon=True).start()
    try:
        got = lines.get(timeout=timeout)
    except queue.Empty:
        raise HostDataError(
            f"failed to read host data: nothing arrived on stdin within {timeout:g} s; "
            "a host writes base64(HostData JSON) and a newline right after starting the provider"
        ) from None
    if isinstance(got, BaseException):
        raise HostDataError(f"failed to read host data: {got}") from got
    if not got:
        raise HostDataError("failed to read host data: stdin was closed before a line arrived")
    return parse_host_data_line(got)
