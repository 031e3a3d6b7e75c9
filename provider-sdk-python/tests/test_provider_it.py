"""The SDK against a real nats-server: links, health, shutdown, dispatch, anti-forgery refusals,
chunking both ways and provider → actor calls. The provider runs in the test's event loop;
the host's part is played over NATS by ``TestHost``."""

from __future__ import annotations

import hashlib
import os

import msgpack
import nats.errors
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from echo_provider import CONTRACT, EchoProvider
from nats.js.errors import NotFoundError

from trellis_provider import (
    InvocationFailed,
    NotLinked,
    RpcTimeout,
    codec,
    nkeys,
    start,
    subjects,
)
from trellis_provider.claims import b64url_decode, entity_url, invocation_hash, target_url
from trellis_provider.connection import flush_in_order
from trellis_provider.nkeys import KeyPair, KeyType
from trellis_provider.testing import eventually
from trellis_provider.wire import Invocation

BIG = 1024 * 1024 + 17  # > 900 KiB and > the server's 1 MiB max_payload


@pytest.fixture
async def running(nats_server, host, actor):
    """An EchoProvider serving, with ``actor`` linked at start; shut down after the test."""
    provider = EchoProvider()
    bridge = await start(provider, host.host_data(nats_server.url, [host.link(actor, CONTRACT)]))
    yield provider, bridge
    if not bridge.stopping:
        await bridge.shutdown()


async def test_signed_invocation_is_dispatched_and_answered(running, host, actor):
    provider, _ = running
    inv = host.invocation(actor, "Echo.Say", b"\xa5hello", contract_id=CONTRACT)
    raw = await host.nc.request(
        subjects.provider_rpc(host.lattice, host.provider_key, "default"),
        codec.encode(inv),
        timeout=5,
    )
    reply = msgpack.unpackb(raw.data)
    assert reply == {
        "msg": b"\xa5hello",
        "invocation_id": inv.id,
        "content_length": 6,
    }  # no "error"
    ctx = provider.seen_contexts[-1]
    assert (ctx.actor, ctx.link.contract_id, ctx.invocation_id) == (actor, CONTRACT, inv.id)


async def test_plain_handlers_empty_results_and_errors(running, host, actor):
    resp = await host.invoke(actor, "Echo.Digest", b"abc")
    assert resp.msg == hashlib.sha256(b"abc").hexdigest().encode() + b" 3"
    resp = await host.invoke(actor, "Echo.Nothing", b"")
    assert (resp.msg, resp.error, resp.content_length) == (b"", None, 0)
    resp = await host.invoke(actor, "Echo.Fail")
    assert resp.error == f"failed to echo for actor {actor}: told to fail" and resp.msg == b""
    resp = await host.invoke(actor, "Echo.Nope")
    assert resp.error == "method not handled Echo.Nope"


async def test_undecodable_invocation_gets_an_error_reply(running, host):
    raw = await host.nc.request(
        subjects.provider_rpc(host.lattice, host.provider_key, "default"),
        b"\x93\x01\x02\x03",
        timeout=5,
    )
    resp = codec.decode_invocation_response(raw.data)
    assert resp.error == (
        "Failed to deserialize invocation: failed to decode Invocation: "
        "expected a map, got an array"
    )


async def test_forged_invocations_are_refused_with_exact_texts(running, host, actor):
    good = host.invocation(actor, "Echo.Say", b"\xa2ok", contract_id=CONTRACT)
    # bad signature: claims re-signed by a key that is not the cluster key
    head, body, _ = good.encoded_claims.split(".")
    intruder = KeyPair.generate(KeyType.CLUSTER)
    forged_sig = f"{head}.{body}.{nkeys_b64(intruder.sign(f'{head}.{body}'.encode()))}"
    resp = await host.send(replace(good, encoded_claims=forged_sig))
    assert resp.error == "Anti-forgery check failed: Invocation claims signature invalid"
    # wrong issuer: a valid token from a cluster key that is not in cluster_issuers
    resp = await host.send(host.invocation(actor, "Echo.Say", b"\xa2ok", signer=intruder))
    assert resp.error == "Issuer of this invocation is not in list of cluster issuers"
    # altered payload
    resp = await host.send(replace(good, msg=b"\xa2no"))
    assert resp.error.startswith(
        "Anti-forgery check failed: Invocation hash does not match signed claims hash ("
    )
    # wrong target key: properly signed for another provider, delivered to this one
    other = KeyPair.generate(KeyType.SERVICE).public_key
    resp = await host.send(host.invocation(actor, "Echo.Say", b"\xa2ok", target_key=other))
    assert resp.error == f"target key mismatch: {other} != {host.host_id}"
    # unlinked actor
    stranger = KeyPair.generate(KeyType.MODULE).public_key
    resp = await host.send(host.invocation(stranger, "Echo.Say", b"\xa2ok"))
    assert resp.error == f"unlinked actor: '{stranger}'"
    # and the genuine one still passes
    assert (await host.send(good)).msg == b"\xa2ok"


async def test_link_put_duplicate_refusal_and_delete(running, host, actor):
    provider, bridge = running
    assert [ld.actor_id for ld in provider.puts] == [actor]  # delivered from HostData at start
    second = KeyPair.generate(KeyType.MODULE).public_key
    ld = host.link(second, CONTRACT, {"K": "V"})
    await host.put_link(ld)
    await eventually(lambda: bridge.is_linked(second), what="link put")
    await host.put_link(ld)  # duplicate: ignored, hook not called again
    assert (await host.invoke(second, "Echo.Say", b"\xa1x")).msg == b"\xa1x"
    assert [p.actor_id for p in provider.puts] == [actor, second]
    assert bridge.link(second).values == {"K": "V"}

    refused = KeyPair.generate(KeyType.MODULE).public_key
    provider.refuse.add(refused)
    await host.put_link(host.link(refused, CONTRACT))
    await eventually(lambda: len(provider.puts) == 3, what="refused put")
    assert not bridge.is_linked(refused)
    assert (await host.invoke(refused, "Echo.Say", b"")).error == f"unlinked actor: '{refused}'"

    await host.del_link(ld)
    await eventually(lambda: len(provider.deletes) == 1, what="link delete")
    assert provider.deletes[0] == ld and not bridge.is_linked(second)
    assert (await host.invoke(second, "Echo.Say", b"")).error == f"unlinked actor: '{second}'"


async def test_garbled_link_put_is_logged_and_ignored(running, host, actor):
    provider, _ = running
    await host.nc.publish(
        subjects.linkdefs_put(host.lattice, host.provider_key, "default"), b"\xc1"
    )
    assert (await host.health()).healthy
    assert len(provider.puts) == 1


async def test_health(running, host):
    provider, _ = running
    resp = await host.health()
    assert (resp.healthy, resp.message) == (True, "fine")
    provider.healthy = False
    resp = await host.health()
    assert (resp.healthy, resp.message) == (False, "disk full")


async def test_shutdown_for_another_host_is_ignored(running, host, actor):
    provider, bridge = running
    with pytest.raises(nats.errors.TimeoutError):
        await host.shutdown(host_id=KeyPair.generate(KeyType.SERVER).public_key, timeout=0.5)
    assert not bridge.stopping and not provider.stopped
    assert (await host.invoke(actor, "Echo.Say", b"\xa1x")).msg == b"\xa1x"


async def test_shutdown_for_this_host(running, host):
    provider, bridge = running
    assert await host.shutdown() == b"shutting down"
    await bridge.wait_closed()
    assert provider.stopped and bridge.nc.is_closed
    with pytest.raises(nats.errors.NoRespondersError):
        await host.health(timeout=1)


async def test_shutdown_without_host_id_is_unconditional(running, host):
    _, bridge = running
    msg = await host.nc.request(
        subjects.shutdown(host.lattice, host.provider_key, "default"), b"", timeout=2
    )
    assert msg.data == b"shutting down"
    await bridge.wait_closed()


async def test_chunked_request_and_response(running, host, actor):
    payload = os.urandom(BIG)
    resp = await host.invoke(actor, "Echo.Say", payload)
    assert resp.error is None and resp.msg == payload
    # both objects went through the store: the provider deleted {id}, the host {id}-r
    store = await host.object_store()
    assert await live_objects(store) == []
    deleted = {o.name for o in await store.list() if o.deleted}
    assert deleted == {resp.invocation_id, resp.invocation_id + "-r"}
    # the hash is checked over the dechunked payload: a chunked forgery is refused
    inv = host.invocation(actor, "Echo.Say", payload)
    await store.put(inv.id, payload[:-1] + b"\x00" if payload[-1] else payload[:-1] + b"\x01")
    resp = await host.send(replace(inv, msg=b"", content_length=len(payload)))
    assert resp.error.startswith("Anti-forgery check failed: Invocation hash does not match")


async def test_chunked_request_with_a_small_response(running, host, actor):
    payload = os.urandom(BIG)
    resp = await host.invoke(actor, "Echo.Digest", payload)
    assert resp.msg == hashlib.sha256(payload).hexdigest().encode() + b" %d" % BIG


async def test_missing_chunk_object_gets_an_error_reply(running, host, actor):
    inv = host.invocation(actor, "Echo.Say", b"x" * BIG)
    resp = await host.send(replace(inv, msg=b"", content_length=BIG))
    assert resp.error.startswith(f"failed to fetch the chunked payload of invocation {inv.id}")


async def test_provider_to_actor_call_is_signed_and_answered(running, host, actor):
    _, bridge = running
    seen: list[Invocation] = []

    async def handle(inv: Invocation) -> bytes:
        seen.append(inv)
        return b"pong:" + inv.msg

    await host.serve_actor(actor, handle)
    assert await bridge.call_actor(actor, "Pingpong.Ping", b"ping") == b"pong:ping"
    inv = seen[0]
    # check the claims independently of the SDK's validator: raw Ed25519 over seg0.seg1
    head, body, sig = inv.encoded_claims.split(".")
    _, raw_key = nkeys.decode_public_key(host.cluster.public_key)
    Ed25519PublicKey.from_public_bytes(raw_key).verify(
        b64url_decode(sig), f"{head}.{body}".encode()
    )
    claims = __import__("json").loads(b64url_decode(body))
    assert claims["iss"] == host.cluster.public_key and claims["sub"] == inv.id
    assert claims["wascap_revision"] == 3 and len(claims["jti"]) == 22
    o_url = f"wasmbus://trellis/echo/default/{host.provider_key}"
    t_url = f"wasmbus://{actor}/Pingpong.Ping"
    assert claims["wascap"] == {
        "target_url": t_url,
        "origin_url": o_url,
        "hash": invocation_hash(o_url, t_url, "Pingpong.Ping", b"ping"),
    }
    assert (inv.origin.public_key, inv.origin.contract_id, inv.origin.link_name) == (
        host.provider_key,
        CONTRACT,
        "default",
    )
    assert (inv.target.public_key, inv.target.contract_id, inv.target.link_name) == (actor, "", "")
    assert inv.host_id == host.host_id and inv.content_length == 4
    assert entity_url(inv.origin) == o_url and target_url(inv.target, inv.operation) == t_url


async def test_provider_to_actor_call_chunked_both_ways(running, host, actor):
    _, bridge = running

    async def handle(inv: Invocation) -> bytes:
        return inv.msg[::-1]

    await host.serve_actor(actor, handle)
    payload = os.urandom(BIG)
    assert await bridge.call_actor(actor, "Big.Reverse", payload) == payload[::-1]


async def test_provider_to_actor_call_from_inside_a_handler(running, host, actor):
    async def handle(inv: Invocation) -> bytes:
        return b"called back with " + inv.msg

    await host.serve_actor(actor, handle)
    resp = await host.invoke(actor, "Echo.CallBack", b"x")
    assert resp.msg == b"called back with x"


async def test_provider_to_actor_call_failures(running, host, actor):
    _, bridge = running
    with pytest.raises(NotLinked, match="has no link to provider"):
        await bridge.call_actor(KeyPair.generate(KeyType.MODULE).public_key, "A.B")
    with pytest.raises(RpcTimeout, match=f"failed to call A.B on actor {actor}: no host answers"):
        await bridge.call_actor(actor, "A.B")

    async def handle(inv: Invocation) -> bytes:
        raise RuntimeError("Guest call failed for method A.B: boom")

    await host.serve_actor(actor, handle)
    with pytest.raises(InvocationFailed) as e:
        await bridge.call_actor(actor, "A.B")
    assert e.value.text == "Guest call failed for method A.B: boom"


async def test_provider_to_actor_timeout(running, host, actor, nc):
    _, bridge = running
    await nc.subscribe(subjects.actor_rpc(host.lattice, actor), cb=_ignore)
    await flush_in_order(nc)
    with pytest.raises(RpcTimeout, match="request timeout after 0.2 s"):
        await bridge.call_actor(actor, "A.B", timeout=0.2)


async def test_two_instances_share_the_rpc_queue_group(nats_server, host, actor):
    first, second = EchoProvider(), EchoProvider()
    hd = host.host_data(nats_server.url, [host.link(actor, CONTRACT)])
    bridges = [await start(first, hd), await start(second, hd)]
    try:
        for _ in range(40):
            assert (await host.invoke(actor, "Echo.Say", b"\xa1x")).msg == b"\xa1x"
        assert len(first.seen_contexts) + len(second.seen_contexts) == 40  # each served once
        assert (await host.health()).healthy
        # link puts are not load-balanced: every instance sees them
        other = KeyPair.generate(KeyType.MODULE).public_key
        await host.put_link(host.link(other, CONTRACT))
        await eventually(lambda: all(b.is_linked(other) for b in bridges), what="put on both")
    finally:
        for b in bridges:
            await b.shutdown()


async def _ignore(_msg) -> None:
    return None


async def live_objects(store) -> list[str]:
    try:
        return [o.name for o in await store.list(ignore_deletes=True)]
    except NotFoundError:  # nats-py's answer for "no objects"
        return []


def nkeys_b64(data: bytes) -> str:
    from trellis_provider.claims import b64url

    return b64url(data)


def replace(inv: Invocation, **changes) -> Invocation:
    from dataclasses import replace as dc_replace

    return dc_replace(inv, **changes)
