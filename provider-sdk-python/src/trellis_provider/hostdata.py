"""HostData on stdin (spec §6.1): one line, ``base64(JSON)`` with padding, then a newline."""

from __future__ import annotations

import base64
import binascii
import os
import queue
import sys
import threading
from typing import BinaryIO

from .codec import decode_host_data, encode_host_data
from .errors import DecodeError, HostDataError
from .wire import HostData

DEFAULT_TIMEOUT = 30.0

RUN_BY_HAND = (
    "This program is a Trellis capability provider (wasmCloud 0.x compatible).\n"
    "It is meant to be started by a host, which writes its configuration on stdin as one line:\n"
    "base64 of the HostData JSON, then a newline. To run it by hand, pipe that line in, e.g.\n"
    '  echo "$HOST_DATA_BASE64" | {program}\n'
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
