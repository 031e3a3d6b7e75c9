"""The provider over a real nats-server: all 15 operations with their wire values, one
database per link, link lifecycle, bad input, chunked values, and the launcher a host runs."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import msgpack
import pytest

from trellis_keyvalue_sqlite import KeyValueSqliteProvider
from trellis_provider import codec, start
from trellis_provider import keyvalue as kv
from trellis_provider.hostdata import encode_host_data_line
from trellis_provider.nkeys import KeyPair, KeyType
from trellis_provider.testing import eventually

HERE = Path(__file__).resolve().parents[1]
LAUNCHER = HERE / "keyvalue-sqlite"


@pytest.fixture
async def kv_provider(nats_server, host, actor, tmp_path):
    provider = KeyValueSqliteProvider(data_dir=tmp_path / "data")
    link = host.link(actor, kv.CONTRACT_ID, {"PATH": str(tmp_path / "actor.sqlite3")})
    bridge = await start(provider, host.host_data(nats_server.url, [link]))
    yield provider, bridge
    if not bridge.stopping:
        await bridge.shutdown()


async def call(host, actor, op, payload: bytes):
    resp = await host.invoke(actor, op, payload, contract_id=kv.CONTRACT_ID)
    assert resp.error is None, resp.error
    return msgpack.unpackb(resp.msg) if resp.msg else None


async def fails(host, actor, op, payload: bytes) -> str:
    resp = await host.invoke(actor, op, payload, contract_id=kv.CONTRACT_ID)
    assert resp.error is not None and resp.msg == b""
    return resp.error


async def test_all_fifteen_operations(kv_provider, host, actor):
    e = codec.encode
    v = codec.encode_value
    assert await call(host, actor, kv.GET, v("k")) == {"value": "", "exists": False}
    assert await call(host, actor, kv.SET, e(kv.SetRequest("k", "hello", 0))) is None  # empty msg
    assert await call(host, actor, kv.GET, v("k")) == {"value": "hello", "exists": True}
    assert await call(host, actor, kv.CONTAINS, v("k")) is True
    assert await call(host, actor, kv.DEL, v("k")) is True
    assert await call(host, actor, kv.DEL, v("k")) is False
    assert await call(host, actor, kv.CONTAINS, v("k")) is False
    assert await call(host, actor, kv.INCREMENT, e(kv.IncrementRequest("counter", 1))) == 1
    assert await call(host, actor, kv.INCREMENT, e(kv.IncrementRequest("counter", 41))) == 42
    for i, item in enumerate("abcb", start=1):
        assert await call(host, actor, kv.LIST_ADD, e(kv.ListAddRequest("l", item))) == i
    assert await call(host, actor, kv.LIST_RANGE, e(kv.ListRangeRequest("l", 1, 2))) == ["b", "c"]
    assert await call(host, actor, kv.LIST_DEL, e(kv.ListDelRequest("l", "b"))) is True
    assert await call(host, actor, kv.LIST_RANGE, e(kv.ListRangeRequest("l", 0, -1))) == [
        "a",
        "c",
        "b",
    ]
    assert await call(host, actor, kv.LIST_CLEAR, v("l")) is True
    assert await call(host, actor, kv.LIST_CLEAR, v("l")) is False
    assert await call(host, actor, kv.SET_ADD, e(kv.SetAddRequest("s", "x"))) == 1
    assert await call(host, actor, kv.SET_ADD, e(kv.SetAddRequest("s", "x"))) == 0
    assert await call(host, actor, kv.SET_ADD, e(kv.SetAddRequest("s", "y"))) == 1
    assert await call(host, actor, kv.SET_ADD, e(kv.SetAddRequest("t", "y"))) == 1
    assert await call(host, actor, kv.SET_QUERY, v("s")) == ["x", "y"]
    assert await call(host, actor, kv.SET_UNION, v(["s", "t"])) == ["x", "y"]
    assert await call(host, actor, kv.SET_INTERSECTION, v(["s", "t"])) == ["y"]
    assert await call(host, actor, kv.SET_DEL, e(kv.SetDelRequest("s", "x"))) == 1
    assert await call(host, actor, kv.SET_DEL, e(kv.SetDelRequest("s", "x"))) == 0
    assert await call(host, actor, kv.SET_CLEAR, v("t")) is True
    assert await call(host, actor, kv.SET_CLEAR, v("t")) is False


async def test_spec_example_payloads(kv_provider, host, actor):
    # spec 9.2: Increment {"key":"counter","value":1} and Get "mykey" exactly as actors send them
    raw = bytes.fromhex("82a36b6579a7636f756e746572a576616c756501")
    assert await call(host, actor, kv.INCREMENT, raw) == 1
    assert await call(host, actor, kv.GET, bytes.fromhex("a56d796b6579")) == {
        "value": "",
        "exists": False,
    }


async def test_bad_input_gets_clear_errors(kv_provider, host, actor):
    v = codec.encode_value
    assert (
        await fails(host, actor, kv.GET, v(5))
        == "failed to decode KeyValue.Get input: expected a string, got an int"
    )
    assert (
        await fails(host, actor, kv.SET, msgpack.packb({"key": "k"}))
        == "failed to decode SetRequest: field 'value' is missing"
    )
    assert (
        await fails(host, actor, kv.INCREMENT, msgpack.packb({"key": "k", "value": 2**31}))
        == "failed to decode IncrementRequest field 'value': "
        "2147483648 is outside -2147483648..2147483647"
    )
    assert (
        await fails(host, actor, kv.SET_UNION, v("s"))
        == "failed to decode KeyValue.SetUnion input: expected an array, got a string"
    )
    assert (
        await fails(host, actor, kv.SET_UNION, v([]))
        == "failed to compute a set union: no set names given"
    )
    await call(host, actor, kv.SET, codec.encode(kv.SetRequest("word", "abc")))
    assert (
        await fails(host, actor, kv.INCREMENT, codec.encode(kv.IncrementRequest("word", 1)))
        == "failed to increment key 'word': its value 'abc' is not an integer"
    )
    assert (
        await fails(host, actor, kv.LIST_ADD, codec.encode(kv.ListAddRequest("word", "x")))
        == "failed to add to list 'word': key 'word' holds a string value, not a list"
    )
    assert (
        await fails(host, actor, kv.GET, b"")
        == "failed to decode KeyValue.Get input: the payload is empty"
    )
    assert await fails(host, actor, "KeyValue.Scan", b"") == "method not handled KeyValue.Scan"


async def test_one_database_per_link(kv_provider, host, actor, tmp_path):
    provider, bridge = kv_provider
    other = KeyPair.generate(KeyType.MODULE).public_key
    await host.put_link(
        host.link(other, kv.CONTRACT_ID)
    )  # no PATH: default file named after the actor
    await eventually(lambda: bridge.is_linked(other), what="link put")
    await call(host, actor, kv.SET, codec.encode(kv.SetRequest("k", "mine")))
    assert await call(host, other, kv.GET, codec.encode_value("k")) == {
        "value": "",
        "exists": False,
    }
    await call(host, other, kv.SET, codec.encode(kv.SetRequest("k", "theirs")))
    assert await call(host, actor, kv.GET, codec.encode_value("k")) == {
        "value": "mine",
        "exists": True,
    }
    assert (tmp_path / "actor.sqlite3").is_file()
    assert (tmp_path / "data" / f"{other}.sqlite3").is_file()
    assert provider.stores[other].path == tmp_path / "data" / f"{other}.sqlite3"


async def test_link_delete_closes_and_relink_reopens(kv_provider, host, actor, tmp_path):
    provider, bridge = kv_provider
    await call(host, actor, kv.SET, codec.encode(kv.SetRequest("k", "kept")))
    link = host.link(actor, kv.CONTRACT_ID, {"PATH": str(tmp_path / "actor.sqlite3")})
    await host.del_link(link)
    await eventually(lambda: actor not in provider.stores, what="link delete")
    assert await fails(host, actor, kv.GET, codec.encode_value("k")) == f"unlinked actor: '{actor}'"
    await host.put_link(link)
    await eventually(lambda: bridge.is_linked(actor), what="link put")
    assert await call(host, actor, kv.GET, codec.encode_value("k")) == {
        "value": "kept",
        "exists": True,
    }


async def test_unusable_path_refuses_the_link(kv_provider, host, tmp_path):
    _, bridge = kv_provider
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    stranger = KeyPair.generate(KeyType.MODULE).public_key
    await host.put_link(host.link(stranger, kv.CONTRACT_ID, {"path": str(blocker / "kv.sqlite3")}))
    assert (await host.health()).healthy  # the put was processed before the health request
    await eventually(lambda: not bridge.is_linked(stranger), what="refusal")
    assert (
        await fails(host, stranger, kv.GET, codec.encode_value("k"))
        == f"unlinked actor: '{stranger}'"
    )


async def test_large_values_travel_chunked(kv_provider, host, actor):
    big = os.urandom(700 * 1024).hex()  # 1.4 MB string: > 900 KiB both ways
    await call(host, actor, kv.SET, codec.encode(kv.SetRequest("big", big)))
    assert await call(host, actor, kv.GET, codec.encode_value("big")) == {
        "value": big,
        "exists": True,
    }


async def test_health_reports_open_databases(kv_provider, host):
    resp = await host.health()
    assert (resp.healthy, resp.message) == (True, "1 database(s) open")


async def test_launcher_runs_as_a_host_starts_it(nats_server, host, actor, tmp_path):
    assert os.access(LAUNCHER, os.X_OK) and LAUNCHER.read_text().startswith(
        "#!/usr/bin/env python3\n"
    )
    link = host.link(actor, kv.CONTRACT_ID, {"PATH": str(tmp_path / "child.sqlite3")})
    stderr = open(tmp_path / "stderr", "wb")
    env = {k: x for k, x in os.environ.items() if k != "VIRTUAL_ENV"}
    proc = subprocess.Popen(
        [str(LAUNCHER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        env=env,
        cwd=tmp_path,
    )
    try:
        proc.stdin.write(encode_host_data_line(host.host_data(nats_server.url, [link])))
        proc.stdin.flush()
        await host.wait_ready(
            30, alive=lambda: proc.poll() is None, output=(tmp_path / "stderr").read_text
        )
        assert (
            await call(host, actor, kv.INCREMENT, codec.encode(kv.IncrementRequest("hits", 3))) == 3
        )
        assert await host.shutdown() == b"shutting down"
        assert await asyncio.to_thread(proc.wait, 15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        stderr.close()
    assert "provider ready" in (tmp_path / "stderr").read_text()
