#!/usr/bin/env python3
"""Regenerates the golden vectors in this folder from spec Appendix A, independently of the Java,
Go and Python code under test. Needs `msgpack` and `cryptography` (pip). Every vector whose bytes
the spec prints literally is asserted against those bytes before it is written.

Run: python3 generate.py   (rewrites the *.json files here)
"""
import base64, hashlib, json, os, struct
import msgpack
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = {"account": 0x00, "cluster": 0x10, "server": 0x68, "module": 0x60, "service": 0xA8,
          "operator": 0x70, "user": 0xA0}


def crc16(data):
    crc = 0
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def b32(raw):
    return base64.b32encode(raw).decode().rstrip("=")


def nkey(seed32, kind):
    p = PREFIX[kind]
    pub = Ed25519PrivateKey.from_private_bytes(seed32).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    raw = bytes([p]) + pub
    public = b32(raw + struct.pack("<H", crc16(raw)))
    sraw = bytes([0x90 | (p >> 5), (p & 0x1F) << 3]) + seed32
    seed = b32(sraw + struct.pack("<H", crc16(sraw)))
    return seed, public


def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def entity_url(e):
    if e["public_key"].upper().startswith("M"):
        return "wasmbus://" + e["public_key"]
    contract = e["contract_id"].replace(":", "/").replace(" ", "_").lower()
    link = e["link_name"].replace(" ", "_").lower()
    return f"wasmbus://{contract}/{link}/{e['public_key']}"


def as_json(v):
    """msgpack value -> JSON value; bytes become {"$bin": hex}."""
    if isinstance(v, bytes):
        return {"$bin": v.hex()}
    if isinstance(v, dict):
        return {k: as_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [as_json(x) for x in v]
    return v


def write(name, obj):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def msgpack_vector(name, vid, typ, desc, value, expect_hex=None, direction="both", raw=None):
    data = raw if raw is not None else msgpack.packb(value, use_bin_type=True)
    if expect_hex is not None:
        assert data.hex() == expect_hex.replace(" ", ""), (name, data.hex())
    write(name, {"id": vid, "type": typ, "description": desc, "direction": direction,
                 "hex": data.hex(), "value": as_json(value)})
    return data


# A.1 and the other key types from the same seed bytes
seed_bytes = bytes(range(32))
keys = {kind: nkey(seed_bytes, kind) for kind in PREFIX}
assert keys["cluster"] == ("SCAAAAICAMCAKBQHBAEQUCYMBUHA6EARCIJRIFIWC4MBSGQ3DQOR4HYO7Q",
                           "CAB2CB576PHBBPQ5ODORRZ2LYCMWPZGWGCN2KDK7DXOIMZASKUY3R53J")
write("a1-keys.json", {
    "id": "A.1", "description": "nkeys derived from the 32 seed bytes 00..1f, one per key type (spec 8.1)",
    "seed_bytes_hex": seed_bytes.hex(),
    "keys": [{"type": k, "prefix_byte": PREFIX[k], "seed": s, "public_key": p} for k, (s, p) in keys.items()]})

# A.2 HttpRequest
http_req = {"method": "GET", "path": "/", "queryString": "", "header": {}, "body": b"hello"}
a2 = msgpack_vector("a2-http-request.json", "A.2", "HttpRequest", "HttpServer.HandleRequest input", http_req,
                    "85 a6 6d6574686f64 a3 474554 a4 70617468 a1 2f ab 7175657279537472696e67 a0 a6 686561646572 80"
                    " a4 626f6479 c4 05 68656c6c6f")
assert len(a2) == 52

# A.3 invocation hash
provider = "VAG3QITQQ2ODAOWB5TTQSDJ53XK3SHBEIFNK4AYJ5RKAX2UNSCAPKA5M"
actor = "MBCFOPM6JW2APJLXJD3Z5O4CN7CPYJ2B4FTKLJUR5YR5MITIU7HD3WD5"
op = "HttpServer.HandleRequest"
origin = {"public_key": provider, "contract_id": "wasmcloud:httpserver", "link_name": "default"}
target = {"public_key": actor, "contract_id": "", "link_name": ""}
origin_url = entity_url(origin)
target_url = entity_url(target) + "/" + op
digest = hashlib.sha256(origin_url.encode() + target_url.encode() + op.encode() + a2).hexdigest().upper()
assert digest == "1159EB71A7E7ACB102571BECC3686DCA99C0664F5357152234876A601E363AF4"
write("a3-invocation-hash.json", {
    "id": "A.3", "description": "anti-forgery hash = SHA-256(origin_url || target_url || operation || msg), uppercase hex",
    "origin": origin, "target": target, "operation": op, "msg_hex": a2.hex(),
    "origin_url": origin_url, "target_url": target_url, "hash": digest})

# A.4 invocation JWT
inv_id = "2f7c9a1e-0d3b-4c55-9a57-1f2e3d4c5b6a"
claims = {"jti": "Qv3mYbT8kN2pLx7sRw9cZa", "iat": 1700000000, "iss": keys["cluster"][1], "sub": inv_id,
          "wascap": {"target_url": target_url, "origin_url": origin_url, "hash": digest}, "wascap_revision": 3}
claims_json = json.dumps(claims, separators=(",", ":"))
header_seg = b64url(b'{"typ":"jwt","alg":"Ed25519"}')
assert header_seg == "eyJ0eXAiOiJqd3QiLCJhbGciOiJFZDI1NTE5In0"
signing_input = header_seg + "." + b64url(claims_json.encode())
sig = b64url(Ed25519PrivateKey.from_private_bytes(seed_bytes).sign(signing_input.encode()))
assert sig == "PGYG-tYu2lz0jm48L597gPOIhBNXxWjkJA5UQMjezO-jroc1UUO1G-eYPnhTTgYrG7TSQ_r1CaZjYMk0aDY3Bg"
token = signing_input + "." + sig
write("a4-invocation-jwt.json", {
    "id": "A.4", "description": "invocation claims signed by the A.1 cluster seed; Ed25519 is deterministic",
    "seed": keys["cluster"][0], "invocation_id": inv_id, "jti": claims["jti"], "iat": claims["iat"],
    "claims_json": claims_json, "header_segment": header_seg, "signature_segment": sig, "token": token})

# A.5 Invocation (host_id = the A.1 server key)
invocation = {"origin": origin, "target": target, "operation": op, "msg": a2, "id": inv_id,
              "encoded_claims": token, "host_id": keys["server"][1], "content_length": len(a2)}
a5 = msgpack_vector("a5-invocation.json", "A.5", "Invocation",
                    "the A.3/A.4 invocation in rpc-rs key order, entities in OTP key order", invocation)
assert a5.startswith(bytes.fromhex("88a66f726967696e83aa7075626c69635f6b6579d938"))
assert bytes.fromhex("ae656e636f6465645f636c61696d73da0302") in a5 and len(token) == 770

# A.6 InvocationResponse, and the OTP variant (msg as str, extra instance_id): decode only
resp = {"msg": b"\x83", "invocation_id": inv_id, "content_length": 1}
msgpack_vector("a6-invocation-response.json", "A.6", "InvocationResponse", "a successful response", resp,
               "83 a3 6d7367 c4 01 83 ad 696e766f636174696f6e5f6964 d9 24 " + inv_id.encode().hex() +
               " ae 636f6e74656e745f6c656e677468 01")
otp_raw = (bytes.fromhex("84a36d7367a183ad696e766f636174696f6e5f6964d924") + inv_id.encode() +
           bytes.fromhex("ae636f6e74656e745f6c656e67746801ab696e7374616e63655f6964a0"))
msgpack_vector("a6-invocation-response-otp.json", "A.6", "InvocationResponse",
               "the same response as OTP writes it: msg as a str, an extra instance_id key (decode only)",
               {"msg": b"\x83", "invocation_id": inv_id, "content_length": 1}, direction="decode", raw=otp_raw)
err = {"msg": b"", "invocation_id": inv_id, "error": "Anti-forgery check failed: Invocation claims signature invalid",
       "content_length": 0}
msgpack_vector("invocation-response-error.json", "2.3", "InvocationResponse", "a failed response", err)
otp_not_running = {"msg": [], "invocation_id": "", "error": "Invocation received for actor " + actor + " that is not running"}
msgpack_vector("invocation-response-empty-array.json", "B", "InvocationResponse",
               "OTP's not-running reply with msg as an empty array (decode only: msg decodes as empty bytes)",
               {"msg": b"", "invocation_id": "", "error": otp_not_running["error"]}, direction="decode",
               raw=msgpack.packb(otp_not_running, use_bin_type=True))

# A.7
msgpack_vector("a7-health-request.json", "A.7", "HealthCheckRequest", "as hosts write it", {"placeholder": True},
               "81 ab 706c616365686f6c646572 c3")
msgpack_vector("a7-health-response.json", "A.7", "HealthCheckResponse", "rpc-rs default reply", {"healthy": True},
               "81 a7 6865616c746879 c3")
msgpack_vector("a7-http-response.json", "A.7", "HttpResponse", "HttpServer.HandleRequest output",
               {"statusCode": 200, "header": {}, "body": b"ok"},
               "83 aa 737461747573436f6465 cc c8 a6 686561646572 80 a4 626f6479 c4 02 6f6b")

# Section 9 examples and the link definition
msgpack_vector("keyvalue-increment.json", "9.2", "IncrementRequest", "KeyValue.Increment input",
               {"key": "counter", "value": 1}, "82 a3 6b 65 79 a7 63 6f 75 6e 74 65 72 a5 76 61 6c 75 65 01")
msgpack_vector("keyvalue-get.json", "9.2", "String", "KeyValue.Get input: a bare msgpack string", "mykey",
               "a5 6d 79 6b 65 79")
msgpack_vector("numbergen-range-limit.json", "9.5", "RangeLimit", "NumberGen.RandomInRange input",
               {"min": 1, "max": 100}, "82 a3 6d 69 6e 01 a3 6d 61 78 64")
msgpack_vector("logging-write-log.json", "9.6", "LogEntry", "Logging.WriteLog input",
               {"level": "info", "text": "hi"}, "82 a5 6c 65 76 65 6c a4 69 6e 66 6f a4 74 65 78 74 a2 68 69")
ld = {"actor_id": actor, "provider_id": "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB",
      "link_name": "default", "contract_id": "wasmcloud:keyvalue", "values": {"URL": "redis://127.0.0.1:6379"}}
msgpack_vector("link-definition.json", "6.3", "LinkDefinition", "as published on linkdefs.put (no id key)", ld)

# controlplane 4.2 link id, and entity URLs (2.4)
link_id = hashlib.sha256(b"Mbob" + b"wasmcloud:testy" + b"default").hexdigest().upper()
assert link_id == "B40411AD09B70A2C83D59923584F66BA2C5A3C274DC4F19416DA49CCD6531F9C"
write("link-id.json", {"id": "ctl 4.2", "description": "LINKDEF_{id}: SHA-256(actor_id || contract_id || link_name)",
                       "actor_id": "Mbob", "contract_id": "wasmcloud:testy", "link_name": "default", "link_id": link_id})
cases = [origin, target, {"public_key": "system", "contract_id": "", "link_name": ""},
         {"public_key": "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB", "contract_id": "wasmcloud:keyvalue",
          "link_name": "default"},
         {"public_key": "VAZVC4RX54J2NVCMCW7BPCAHGGG5XZXDBXFUMDUXGESTMQEJLC3YVZWB", "contract_id": "Acme:Big Store",
          "link_name": "Second Link"}]
write("entity-urls.json", {"id": "2.4", "description": "entity URLs used in invocation claims",
                           "cases": [{"entity": c, "url": entity_url(c)} for c in cases]})
print("vectors written")
