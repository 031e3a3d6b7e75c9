"""Tolerant decoding (spec §2.1) and clear errors for malformed input."""

from __future__ import annotations

import msgpack
import pytest

from trellis_provider import codec, keyvalue
from trellis_provider.errors import DecodeError
from trellis_provider.wire import Invocation, InvocationResponse, LinkDefinition, WasmCloudEntity

ACTOR = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5"


def pack(value) -> bytes:
    return msgpack.packb(value, use_bin_type=True)


def invocation_map(**overrides):
    m = {
        "origin": {"public_key": ACTOR, "contract_id": "", "link_name": ""},
        "target": {
            "public_key": "VXYZ",
            "contract_id": "wasmcloud:keyvalue",
            "link_name": "default",
        },
        "operation": "KeyValue.Get",
        "msg": b"\xa1k",
        "id": "abc",
        "encoded_claims": "x.y.z",
        "host_id": "N" * 56,
        "content_length": 2,
    }
    m.update(overrides)
    return m


@pytest.mark.parametrize(
    "msg",
    [b"\x00\xff\xfe", "text", [1, 2, 255]],
    ids=["bin", "str", "array"],
)
def test_byte_fields_accept_bin_str_and_arrays(msg):
    inv = codec.decode_invocation(pack(invocation_map(msg=msg)))
    expected = (
        msg if isinstance(msg, bytes) else msg.encode() if isinstance(msg, str) else bytes(msg)
    )
    assert inv.msg == expected


def test_non_utf8_str_is_raw_bytes_for_a_byte_field():
    # msgpack str header a3 followed by invalid UTF-8: OTP (Msgpax) writes such strs.
    raw = b"\x81\xa3msg\xa3\xff\xfe\x00"
    assert codec.decode_invocation_response(raw).msg == b"\xff\xfe\x00"


def test_empty_array_is_empty_bytes():
    assert codec.decode_invocation_response(pack({"msg": [], "invocation_id": ""})).msg == b""


def test_nil_is_absent_and_unknown_keys_are_ignored():
    m = invocation_map(msg=None, host_id=None, content_length=None, traceContext=None, extra={1: 2})
    m[7] = "int key"
    inv = codec.decode_invocation(pack(m))
    assert (inv.msg, inv.host_id, inv.content_length, dict(inv.trace_context)) == (
        b"",
        "",
        None,
        {},
    )


def test_error_nil_means_success_and_empty_string_means_failure():
    assert codec.decode_invocation_response(pack({"msg": b"", "error": None})).is_success
    assert not codec.decode_invocation_response(pack({"msg": b"", "error": ""})).is_success


@pytest.mark.parametrize(
    "raw",
    [
        b"\x01",
        b"\xcc\x01",
        b"\xcd\x00\x01",
        b"\xce\x00\x00\x00\x01",
        b"\xcf\x00\x00\x00\x00\x00\x00\x00\x01",
        b"\xd0\x01",
        b"\xd3" + b"\0" * 7 + b"\x01",
    ],
)
def test_any_int_width(raw):
    data = b"\x82\xa3key\xa1k\xa5value" + raw
    assert codec.decode_increment_request(data) == keyvalue.IncrementRequest("k", 1)


def test_strings_given_as_bin_are_accepted():
    assert codec.decode_str(pack(b"mykey")) == "mykey"


def test_success_response_never_writes_error():
    raw = codec.encode(InvocationResponse.success("id", b"x"))
    assert b"error" not in raw
    assert msgpack.unpackb(raw) == {"msg": b"x", "invocation_id": "id", "content_length": 1}


def test_entities_always_write_all_keys_as_strings():
    inv = Invocation(WasmCloudEntity.actor(ACTOR), WasmCloudEntity("V", "c", "l"), "A.B", b"")
    decoded = msgpack.unpackb(codec.encode(inv))
    assert decoded["origin"] == {"public_key": ACTOR, "contract_id": "", "link_name": ""}
    assert (
        decoded["content_length"] == 0
        and decoded["host_id"] == ""
        and "traceContext" not in decoded
    )


def test_round_trips():
    ld = LinkDefinition(ACTOR, "V", "default", "wasmcloud:keyvalue", {"PATH": "data/x.sqlite3"})
    assert codec.decode(codec.encode(ld), LinkDefinition) == ld
    for record in (
        keyvalue.SetRequest("k", "v", 10),
        keyvalue.ListRangeRequest("l", -2, -1),
        keyvalue.ListAddRequest("l", "v"),
        keyvalue.ListDelRequest("l", "v"),
        keyvalue.SetAddRequest("s", "v"),
        keyvalue.SetDelRequest("s", "v"),
        keyvalue.GetResponse("v", True),
    ):
        assert codec.decode(codec.encode(record), type(record)) == record
    assert codec.decode_str_list(codec.encode_value(["a", "b"])) == ["a", "b"]
    assert codec.decode_bool(codec.encode_value(True)) is True
    assert codec.decode_i32(codec.encode_value(-5)) == -5
    assert codec.decode_u32(codec.encode_value(7)) == 7


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "failed to decode Invocation: the payload is empty"),
        (b"\xc1", "failed to decode Invocation: not valid msgpack"),
        (b"\x81\xa1a", "failed to decode Invocation: not valid msgpack"),
        (
            pack({"a": 1}) + b"\x00",
            "failed to decode Invocation: trailing bytes after the msgpack value",
        ),
        (pack([1, 2]), "failed to decode Invocation: expected a map, got an array"),
        (
            pack({"target": {"public_key": "V"}}),
            "failed to decode Invocation: field 'origin' is missing",
        ),
        (
            pack(invocation_map(origin="M")),
            "failed to decode Invocation field 'origin' (WasmCloudEntity): "
            "expected a map, got a string",
        ),
        (pack(invocation_map(origin={"contract_id": ""})), "field 'public_key' is missing"),
        (
            pack(invocation_map(operation=5)),
            "failed to decode Invocation field 'operation': expected a string, got an int",
        ),
        (pack(invocation_map(msg=[1, 300])), "an array of bytes may only hold 0..255"),
        (pack(invocation_map(content_length=-1)), "field 'content_length': -1 is outside"),
        (
            pack(invocation_map(content_length=True)),
            "field 'content_length': expected an int, got a bool",
        ),
        (
            pack(invocation_map(operation="@@@")).replace(b"\xa3@@@", b"\xa3\xff\xfe\xfd"),
            "failed to decode Invocation field 'operation': the string is not valid UTF-8",
        ),
    ],
)
def test_malformed_input_raises_a_clear_decode_error(data, message):
    with pytest.raises(DecodeError) as e:
        codec.decode_invocation(data)
    assert message in str(e.value)


def test_int_ranges_are_checked():
    with pytest.raises(DecodeError, match=r"IncrementRequest field 'value': 2147483648 is outside"):
        codec.decode_increment_request(pack({"key": "k", "value": 2**31}))
    with pytest.raises(DecodeError, match="SetRequest field 'expires': -1 is outside"):
        codec.decode_set_request(pack({"key": "k", "value": "v", "expires": -1}))
    with pytest.raises(DecodeError, match="SetRequest: field 'value' is missing"):
        codec.decode_set_request(pack({"key": "k"}))
