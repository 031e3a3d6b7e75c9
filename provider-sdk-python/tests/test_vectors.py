"""The shared golden vectors (conformance/vectors): decode every msgpack vector, re-encode the
"both" ones byte for byte, and check keys, hash, signature, entity URLs and the link id."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from trellis_provider import codec, interfaces, keyvalue, nkeys
from trellis_provider.claims import (
    HEADER_SEGMENT,
    encode_invocation_claims,
    entity_url,
    invocation_hash,
    target_url,
    verify_invocation_token,
)
from trellis_provider.wire import (
    HealthCheckRequest,
    HealthCheckResponse,
    Invocation,
    InvocationResponse,
    LinkDefinition,
    WasmCloudEntity,
    link_id,
)

VECTORS = Path(
    os.environ.get(
        "TRELLIS_VECTORS_DIR", Path(__file__).resolve().parents[2] / "conformance" / "vectors"
    )
)


def load(name: str) -> dict[str, Any]:
    return json.loads((VECTORS / name).read_text())


def blob(v: Any) -> bytes:
    return bytes.fromhex(v["$bin"])


def entity(v: dict) -> WasmCloudEntity:
    return WasmCloudEntity(v["public_key"], v["contract_id"], v["link_name"])


BUILDERS = {
    "Invocation": lambda v: Invocation(
        entity(v["origin"]),
        entity(v["target"]),
        v["operation"],
        blob(v["msg"]),
        v["id"],
        v["encoded_claims"],
        v["host_id"],
        v.get("content_length"),
    ),
    "InvocationResponse": lambda v: InvocationResponse(
        blob(v["msg"]), v["invocation_id"], v.get("error"), v.get("content_length")
    ),
    "HealthCheckRequest": lambda v: HealthCheckRequest(v["placeholder"]),
    "HealthCheckResponse": lambda v: HealthCheckResponse(v["healthy"], v.get("message")),
    "HttpRequest": lambda v: interfaces.HttpRequest(
        v["method"], v["path"], v["queryString"], v["header"], blob(v["body"])
    ),
    "HttpResponse": lambda v: interfaces.HttpResponse(
        v["statusCode"], v["header"], blob(v["body"])
    ),
    "IncrementRequest": lambda v: keyvalue.IncrementRequest(v["key"], v["value"]),
    "RangeLimit": lambda v: interfaces.RangeLimit(v["min"], v["max"]),
    "LogEntry": lambda v: interfaces.LogEntry(v["level"], v["text"]),
    "LinkDefinition": lambda v: LinkDefinition(
        v["actor_id"], v["provider_id"], v["link_name"], v["contract_id"], v["values"]
    ),
    "String": lambda v: v,
}

DECODERS = {
    "Invocation": codec.decode_invocation,
    "InvocationResponse": codec.decode_invocation_response,
    "HealthCheckRequest": codec.decode_health_request,
    "HealthCheckResponse": codec.decode_health_response,
    "HttpRequest": codec.decode_http_request,
    "HttpResponse": codec.decode_http_response,
    "IncrementRequest": codec.decode_increment_request,
    "RangeLimit": codec.decode_range_limit,
    "LogEntry": codec.decode_log_entry,
    "LinkDefinition": codec.decode_link_definition,
    "String": codec.decode_str,
}

MSGPACK_VECTORS = sorted(
    p.name for p in VECTORS.glob("*.json") if "type" in json.loads(p.read_text())
)
BOTH_WAYS = [n for n in MSGPACK_VECTORS if load(n)["direction"] == "both"]


def test_every_vector_file_is_covered():
    assert len(BOTH_WAYS) >= 10
    names = {p.name for p in VECTORS.glob("*.json")}
    non_msgpack = {
        "a1-keys.json",
        "a3-invocation-hash.json",
        "a4-invocation-jwt.json",
        "entity-urls.json",
        "link-id.json",
    }
    assert names == set(MSGPACK_VECTORS) | non_msgpack
    assert len(MSGPACK_VECTORS) >= 14


@pytest.mark.parametrize("name", MSGPACK_VECTORS)
def test_msgpack_vector_decodes(name):
    v = load(name)
    decoded = DECODERS[v["type"]](bytes.fromhex(v["hex"]))
    assert decoded == BUILDERS[v["type"]](v["value"])


@pytest.mark.parametrize("name", BOTH_WAYS)
def test_msgpack_vector_encodes_byte_for_byte(name):
    v = load(name)
    assert codec.encode(BUILDERS[v["type"]](v["value"])).hex() == v["hex"]


@pytest.mark.parametrize("key", load("a1-keys.json")["keys"], ids=lambda k: k["type"])
def test_a1_keys(key):
    seed = bytes.fromhex(load("a1-keys.json")["seed_bytes_hex"])
    kind = nkeys.KeyType[key["type"].upper()]
    assert kind.value == key["prefix_byte"]
    pair = nkeys.KeyPair(kind, seed)
    assert pair.public_key == key["public_key"]
    assert pair.seed() == key["seed"]
    assert nkeys.KeyPair.from_seed(key["seed"]).public_key == key["public_key"]
    assert nkeys.decode_public_key(key["public_key"], kind)[0] is kind
    assert nkeys.decode_seed(key["seed"]) == (kind, seed)
    assert key["public_key"].startswith(kind.letter)


def test_a3_invocation_hash():
    v = load("a3-invocation-hash.json")
    origin, target = entity(v["origin"]), entity(v["target"])
    assert entity_url(origin) == v["origin_url"]
    assert target_url(target, v["operation"]) == v["target_url"]
    assert (
        invocation_hash(
            v["origin_url"], v["target_url"], v["operation"], bytes.fromhex(v["msg_hex"])
        )
        == v["hash"]
    )


def test_a4_signature_segment_exactly():
    a3, v = load("a3-invocation-hash.json"), load("a4-invocation-jwt.json")
    signer = nkeys.KeyPair.from_seed(v["seed"])
    token = encode_invocation_claims(
        signer,
        v["invocation_id"],
        entity(a3["origin"]),
        entity(a3["target"]),
        a3["operation"],
        bytes.fromhex(a3["msg_hex"]),
        iat=v["iat"],
        jti=v["jti"],
    )
    header, _claims, signature = token.split(".")
    assert header == v["header_segment"] == HEADER_SEGMENT
    assert signature == v["signature_segment"]
    assert token == v["token"]
    claims = verify_invocation_token(v["token"])
    assert (claims.issuer, claims.subject, claims.hash) == (
        signer.public_key,
        v["invocation_id"],
        a3["hash"],
    )


@pytest.mark.parametrize("case", load("entity-urls.json")["cases"], ids=lambda c: c["url"])
def test_entity_urls(case):
    assert entity_url(entity(case["entity"])) == case["url"]


def test_link_id():
    v = load("link-id.json")
    assert link_id(v["actor_id"], v["contract_id"], v["link_name"]) == v["link_id"]
    assert LinkDefinition(v["actor_id"], "V", v["link_name"], v["contract_id"]).id == v["link_id"]
