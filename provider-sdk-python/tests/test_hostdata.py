"""HostData from a stream: one base64 line, a timeout, and the NATS URL rules."""

from __future__ import annotations

import base64
import io
import os
import threading

import pytest

from trellis_provider.bridge import nats_servers
from trellis_provider.errors import HostDataError
from trellis_provider.hostdata import encode_host_data_line, parse_host_data_line, read_host_data
from trellis_provider.wire import HostData, LinkDefinition

HD = HostData(
    host_id="N1",
    lattice_rpc_prefix="default",
    link_name="default",
    provider_key="V1",
    invocation_seed="SCSECRET",
    link_definitions=[LinkDefinition("M1", "V1", "default", "wasmcloud:keyvalue", {"A": "b"})],
    cluster_issuers=["C1"],
)


def test_line_round_trip_and_whitespace():
    line = encode_host_data_line(HD)
    assert line.endswith(b"\n") and b"\n" not in line[:-1]
    assert parse_host_data_line(b"  " + line + b"\r\n") == HD
    assert read_host_data(io.BytesIO(line + b"ignored second line\n")) == HD


def test_standard_base64_with_padding_is_what_a_host_writes():
    raw = base64.b64decode(encode_host_data_line(HD).strip(), validate=True)
    assert raw.startswith(b'{"host_id":"N1"')


def test_nothing_on_stdin_times_out():
    reader, writer = os.pipe()
    stream = os.fdopen(reader, "rb")
    try:
        with pytest.raises(HostDataError, match="nothing arrived on stdin within 0.2 s"):
            read_host_data(stream, timeout=0.2)
    finally:
        os.close(writer)  # EOF ends the reader thread; only then may the stream close
        for thread in threading.enumerate():
            if thread.name == "trellis-hostdata":
                thread.join(timeout=5)
        stream.close()


def test_secrets_stay_out_of_errors_and_repr():
    assert "SCSECRET" not in repr(HD)
    line = base64.b64encode(b'{"invocation_seed":"SCSECRET"}')
    with pytest.raises(HostDataError) as e:
        parse_host_data_line(line)
    assert "SCSECRET" not in str(e.value)


@pytest.mark.parametrize(
    "url, servers",
    [
        ("", ["nats://127.0.0.1:4222"]),
        ("127.0.0.1:4222", ["nats://127.0.0.1:4222"]),
        ("nats://h:1", ["nats://h:1"]),
        ("tls://h:1", ["tls://h:1"]),
        ("a:1, nats://b:2", ["nats://a:1", "nats://b:2"]),
    ],
)
def test_nats_urls(url, servers):
    assert nats_servers(url) == servers
