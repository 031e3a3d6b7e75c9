"""HostData from a stream: one base64 line, a timeout, and the NATS URL rules."""

from __future__ import annotations

import base64
import io
import os
import threading

import pytest

from trellis_provider.connection import nats_servers
from trellis_provider.errors import DecodeError, HostDataError
from trellis_provider.hostdata import (
    decode_host_data,
    encode_host_data,
    encode_host_data_line,
    parse_host_data_line,
    read_host_data,
)
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


def test_host_data_json():
    hd = decode_host_data(
        '{"host_id":"N1","lattice_rpc_prefix":"default","link_name":"default","lattice_rpc_url":"127.0.0.1:4222",'
        '"lattice_rpc_tls":0,"env_values":{},"instance_id":"i","provider_key":"V1",'
        '"link_definitions":[{"id":"X","actor_id":"M1","provider_id":"V1","link_name":"default",'
        '"contract_id":"wasmcloud:keyvalue","values":{"PATH":"/x"}}],"config_json":"","default_rpc_timeout_ms":2000,'
        '"cluster_issuers":["C1"],"invocation_seed":"SC","js_domain":null,"structured_logging":true,'
        '"log_level":null,"something_new":[1]}'
    )
    assert hd.link_definitions[0].values == {"PATH": "/x"} and hd.cluster_issuers == ("C1",)
    assert hd.structured_logging and hd.log_level is None and hd.rpc_timeout_seconds == 2.0
    assert "SC" not in repr(hd)
    assert decode_host_data(encode_host_data(hd)) == hd


@pytest.mark.parametrize(
    "text, message",
    [
        ("nope", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"env_values":{},"link_definitions":[]}', "required key 'cluster_issuers' is missing"),
        (
            '{"env_values":{},"link_definitions":[{}],"cluster_issuers":[]}',
            "link_definitions[0]: 'actor_id' is missing",
        ),
        (
            '{"env_values":{},"link_definitions":[],"cluster_issuers":[1]}',
            "'cluster_issuers' must be an array of strings",
        ),
        (
            '{"env_values":{},"link_definitions":[],"cluster_issuers":[],"host_id":5}',
            "'host_id' must be a string",
        ),
    ],
)
def test_bad_host_data_json(text, message):
    with pytest.raises(DecodeError) as e:
        decode_host_data(text)
    assert message in str(e.value)
