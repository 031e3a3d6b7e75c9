"""Anti-forgery validation (spec §4.3, rpc-rs provider variant): every refusal and its text."""

from __future__ import annotations

import json
import time

import pytest

from trellis_provider import nkeys
from trellis_provider.claims import (
    b64url,
    b64url_decode,
    encode_invocation_claims,
    validate_invocation,
    verify_invocation_token,
)
from trellis_provider.errors import ValidationError
from trellis_provider.wire import Invocation, WasmCloudEntity

CLUSTER = nkeys.KeyPair.generate(nkeys.KeyType.CLUSTER)
OTHER_CLUSTER = nkeys.KeyPair.generate(nkeys.KeyType.CLUSTER)
HOST = nkeys.KeyPair.generate(nkeys.KeyType.SERVER).public_key
PROVIDER = nkeys.KeyPair.generate(nkeys.KeyType.SERVICE).public_key
ACTOR = nkeys.KeyPair.generate(nkeys.KeyType.MODULE).public_key
ORIGIN = WasmCloudEntity.actor(ACTOR)
TARGET = WasmCloudEntity.provider(PROVIDER, "wasmcloud:keyvalue", "default")


def signed(
    msg=b"\xa3key", signer=CLUSTER, origin=ORIGIN, target=TARGET, op="KeyValue.Get", host_id=HOST
):
    claims = encode_invocation_claims(signer, "inv-1", origin, target, op, msg)
    return Invocation(origin, target, op, msg, "inv-1", claims, host_id, len(msg))


def check(inv, linked=(ACTOR,), issuers=(CLUSTER.public_key,), now=None):
    return validate_invocation(
        inv,
        cluster_issuers=issuers,
        provider_key=PROVIDER,
        host_id=HOST,
        is_linked=lambda pk: pk in linked,
        now=now,
    )


def refusal(inv, **kw) -> str:
    with pytest.raises(ValidationError) as e:
        check(inv, **kw)
    return e.value.text


def resign(token: str, signer, **changes) -> str:
    head, body, _ = token.split(".")
    claims = json.loads(b64url_decode(body))
    claims.update(changes)
    body = b64url(json.dumps(claims).encode())
    return f"{head}.{body}.{b64url(signer.sign(f'{head}.{body}'.encode()))}"


def test_a_correct_invocation_passes():
    claims = check(signed())
    assert claims.issuer == CLUSTER.public_key and claims.subject == "inv-1"


def test_bad_signature():
    inv = signed()
    head, body, sig = inv.encoded_claims.split(".")
    forged = f"{head}.{body}.{b64url(OTHER_CLUSTER.sign(f'{head}.{body}'.encode()))}"
    inv = Invocation(inv.origin, inv.target, inv.operation, inv.msg, inv.id, forged, inv.host_id)
    assert refusal(inv) == "Anti-forgery check failed: Invocation claims signature invalid"


def test_altered_payload():
    inv = signed()
    text = refusal(inv.with_msg(b"\xa3kez"))
    assert text.startswith(
        "Anti-forgery check failed: Invocation hash does not match signed claims hash ("
    )
    assert text.count("/") == 1


def test_wrong_issuer_text_is_rpc_rs_verbatim():
    assert (
        refusal(signed(signer=OTHER_CLUSTER))
        == "Issuer of this invocation is not in list of cluster issuers"
    )


def test_wrong_target_key():
    other = WasmCloudEntity.provider(
        nkeys.KeyPair.generate(nkeys.KeyType.SERVICE).public_key, "wasmcloud:keyvalue", "default"
    )
    assert refusal(signed(target=other)) == f"target key mismatch: {other.public_key} != {HOST}"


def test_unlinked_actor():
    assert refusal(signed(), linked=()) == f"unlinked actor: '{ACTOR}'"


def test_claims_for_another_target_or_origin():
    inv = signed()
    moved = Invocation(
        inv.origin, inv.target, "KeyValue.Set", inv.msg, inv.id, inv.encoded_claims, HOST
    )
    # the hash covers the operation, so it fails first, as in rpc-rs
    assert "Invocation hash does not match" in refusal(moved)
    token = resign(
        inv.encoded_claims,
        CLUSTER,
        wascap={
            **json.loads(b64url_decode(inv.encoded_claims.split(".")[1]))["wascap"],
            "target_url": "wasmbus://elsewhere",
        },
    )
    assert (
        refusal(Invocation(inv.origin, inv.target, inv.operation, inv.msg, inv.id, token, HOST))
        == "Anti-forgery check failed: Invocation claims and invocation target URL do not match"
    )
    token = resign(
        inv.encoded_claims,
        CLUSTER,
        wascap={
            **json.loads(b64url_decode(inv.encoded_claims.split(".")[1]))["wascap"],
            "origin_url": "wasmbus://elsewhere",
        },
    )
    assert (
        refusal(Invocation(inv.origin, inv.target, inv.operation, inv.msg, inv.id, token, HOST))
        == "Anti-forgery check failed: Invocation claims and invocation origin URL do not match"
    )


def test_host_id_sanity():
    assert (
        refusal(signed(host_id="bogus"))
        == "Anti-forgery check failed: Invalid host ID on invocation: 'bogus'"
    )
    check(signed(host_id="C" * 56))  # any 56-char id passes, as in OTP and rpc-rs


def test_expiry_and_not_before():
    inv = signed()
    now = time.time()
    expired = resign(inv.encoded_claims, CLUSTER, exp=int(now) - 10)
    early = resign(inv.encoded_claims, CLUSTER, nbf=int(now) + 100)

    def mk(token: str) -> Invocation:
        return Invocation(inv.origin, inv.target, inv.operation, inv.msg, inv.id, token, HOST)

    assert (
        refusal(mk(expired), now=now)
        == "Anti-forgery check failed: Invocation claims token expired"
    )
    assert (
        refusal(mk(early), now=now)
        == "Anti-forgery check failed: Attempt to use invocation before claims token allows"
    )


def test_missing_wascap():
    inv = signed()
    token = resign(inv.encoded_claims, CLUSTER, wascap=None)
    assert (
        refusal(Invocation(inv.origin, inv.target, inv.operation, inv.msg, inv.id, token, HOST))
        == "Anti-forgery check failed: No wascap metadata found on claims"
    )


@pytest.mark.parametrize(
    "token, reason",
    [
        ("", "invalid token format, expected 3 segments"),
        ("a.b", "invalid token format, expected 3 segments"),
        ("!!.e30.x", "invalid token: the header is not base64url-encoded JSON"),
        (
            b64url(b'{"typ":"jwt","alg":"HS256"}') + ".e30.x",
            "invalid token: algorithm 'HS256' is not Ed25519",
        ),
        (
            "eyJ0eXAiOiJqd3QiLCJhbGciOiJFZDI1NTE5In0." + b64url(b'{"sub":"x"}') + ".x",
            "invalid token: missing issuer",
        ),
        (
            "eyJ0eXAiOiJqd3QiLCJhbGciOiJFZDI1NTE5In0." + b64url(b'{"iss":"CX","sub":"x"}') + ".x",
            "Invocation claims signature invalid",
        ),
    ],
)
def test_malformed_tokens(token, reason):
    with pytest.raises(ValidationError) as e:
        verify_invocation_token(token)
    assert e.value.text == "Anti-forgery check failed: " + reason
