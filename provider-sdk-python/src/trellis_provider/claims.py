"""Invocation anti-forgery (spec §4): entity URLs, the payload hash, wascap invocation JWTs,
and the checks a provider applies to an inbound invocation.

Error texts (the exact strings put in ``InvocationResponse.error``):

- token, hash, host id and URL failures: ``Anti-forgery check failed: <reason>`` with the
  reasons of spec Appendix B (``Invocation claims signature invalid``, ``Invocation hash does
  not match signed claims hash (<claimed> / <computed>)``, ``Invalid host ID on invocation:
  '<id>'``, ``Invocation claims and invocation target URL do not match``, …);
- the provider checks, verbatim from rpc-rs: ``Issuer of this invocation is not in list of
  cluster issuers``, ``target key mismatch: <target> != <host_id>`` (rpc-rs prints the host id
  there, not the provider key; kept as is) and ``unlinked actor: '<pk>'``.

The checks run in rpc-rs order: token, hash, host id, issuer, target URL, origin URL, target
key, link. rpc-rs 0.15 itself wraps its texts as ``rpc: <text>``; we send them unwrapped.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from . import nkeys
from .errors import NKeyError, ValidationError
from .wire import Invocation, WasmCloudEntity

HEADER_SEGMENT = "eyJ0eXAiOiJqd3QiLCJhbGciOiJFZDI1NTE5In0"  # {"typ":"jwt","alg":"Ed25519"}
WASCAP_REVISION = 3
ANTI_FORGERY = "Anti-forgery check failed: "
INVALID_ISSUER = "Issuer of this invocation is not in list of cluster issuers"
_NUID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def entity_url(entity: WasmCloudEntity) -> str:
    """``wasmbus://M…`` for an actor; ``wasmbus://{contract}/{link}/{key}`` otherwise (§2.4)."""
    if entity.public_key.upper().startswith("M"):
        return f"wasmbus://{entity.public_key}"
    contract = entity.contract_id.replace(":", "/").replace(" ", "_").lower()
    link = entity.link_name.replace(" ", "_").lower()
    return f"wasmbus://{contract}/{link}/{entity.public_key}"


def target_url(target: WasmCloudEntity, operation: str) -> str:
    return f"{entity_url(target)}/{operation}"


def invocation_hash(origin_url: str, target_url_: str, operation: str, msg: bytes) -> str:
    """Uppercase hex SHA-256 of origin_url ‖ target_url ‖ operation ‖ msg (full payload)."""
    digest = hashlib.sha256()
    digest.update(origin_url.encode("utf-8"))
    digest.update(target_url_.encode("utf-8"))
    digest.update(operation.encode("utf-8"))
    digest.update(msg)
    return digest.hexdigest().upper()


def new_jti() -> str:
    """A 22-character random id in the nuid alphabet, as wascap writes in ``jti``."""
    return "".join(secrets.choice(_NUID_ALPHABET) for _ in range(22))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_invocation_claims(
    signer: nkeys.KeyPair,
    invocation_id: str,
    origin: WasmCloudEntity,
    target: WasmCloudEntity,
    operation: str,
    msg: bytes,
    *,
    iat: int | None = None,
    jti: str | None = None,
) -> str:
    """The signed JWT for ``Invocation.encoded_claims`` (§4.2); ``msg`` is the full payload."""
    o_url = entity_url(origin)
    t_url = target_url(target, operation)
    claims = {
        "jti": jti if jti is not None else new_jti(),
        "iat": int(time.time()) if iat is None else iat,
        "iss": signer.public_key,
        "sub": invocation_id,
        "wascap": {
            "target_url": t_url,
            "origin_url": o_url,
            "hash": invocation_hash(o_url, t_url, operation, msg),
        },
        "wascap_revision": WASCAP_REVISION,
    }
    text = json.dumps(claims, separators=(",", ":"), ensure_ascii=False)
    signing_input = f"{HEADER_SEGMENT}.{b64url(text.encode('utf-8'))}"
    return f"{signing_input}.{b64url(signer.sign(signing_input.encode('ascii')))}"


@dataclass(frozen=True)
class InvocationClaims:
    """The decoded claims of a verified invocation token."""

    issuer: str
    subject: str
    issued_at: int | None
    target_url: str
    origin_url: str
    hash: str


def _fail(reason: str) -> ValidationError:
    return ValidationError(ANTI_FORGERY + reason)


def _segment_json(segment: str, what: str) -> dict[str, Any]:
    try:
        obj = json.loads(b64url_decode(segment))
    except (ValueError, UnicodeDecodeError):
        raise _fail(f"invalid token: the {what} is not base64url-encoded JSON") from None
    if not isinstance(obj, dict):
        raise _fail(f"invalid token: the {what} is not a JSON object")
    return obj


def verify_invocation_token(token: str, now: float | None = None) -> InvocationClaims:
    """wascap ``validate_token`` plus the wascap metadata check; raises :class:`ValidationError`."""
    parts = token.split(".")
    if len(parts) != 3:
        raise _fail("invalid token format, expected 3 segments")
    header = _segment_json(parts[0], "header")
    if header.get("alg") != "Ed25519":
        raise _fail(f"invalid token: algorithm {header.get('alg')!r} is not Ed25519")
    if header.get("typ") != "jwt":
        raise _fail(f"invalid token: type {header.get('typ')!r} is not jwt")
    claims = _segment_json(parts[1], "claims")
    issuer, subject = claims.get("iss"), claims.get("sub")
    if not isinstance(issuer, str) or not issuer:
        raise _fail("invalid token: missing issuer")
    if not isinstance(subject, str) or not subject:
        raise _fail("invalid token: missing subject")
    try:
        signature = b64url_decode(parts[2])
        valid = nkeys.verify(issuer, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)
    except (NKeyError, ValueError, UnicodeEncodeError):
        valid = False
    if not valid:
        raise _fail("Invocation claims signature invalid")
    current = time.time() if now is None else now
    exp, nbf = claims.get("exp"), claims.get("nbf")
    if isinstance(exp, (int, float)) and exp < current:
        raise _fail("Invocation claims token expired")
    if isinstance(nbf, (int, float)) and nbf > current:
        raise _fail("Attempt to use invocation before claims token allows")
    wascap = claims.get("wascap")
    if not isinstance(wascap, dict) or not all(
        isinstance(wascap.get(k), str) for k in ("target_url", "origin_url", "hash")
    ):
        raise _fail("No wascap metadata found on claims")
    iat = claims.get("iat")
    return InvocationClaims(
        issuer=issuer,
        subject=subject,
        issued_at=iat if isinstance(iat, int) else None,
        target_url=wascap["target_url"],
        origin_url=wascap["origin_url"],
        hash=wascap["hash"],
    )


def validate_invocation(
    inv: Invocation,
    *,
    cluster_issuers: Collection[str],
    provider_key: str,
    host_id: str,
    is_linked: Callable[[str], bool],
    now: float | None = None,
) -> InvocationClaims:
    """All checks a provider applies to a (dechunked) inbound invocation, in rpc-rs order.

    ``host_id`` is the provider's own host id (only used in the target mismatch text).
    Raises :class:`ValidationError` whose ``text`` is the reply's error string.
    """
    claims = verify_invocation_token(inv.encoded_claims, now)
    t_url = target_url(inv.target, inv.operation)
    o_url = entity_url(inv.origin)
    computed = invocation_hash(o_url, t_url, inv.operation, inv.msg)
    if claims.hash != computed:
        raise _fail(
            f"Invocation hash does not match signed claims hash ({claims.hash} / {computed})"
        )
    if not inv.host_id.startswith("N") and len(inv.host_id) != 56:
        raise _fail(f"Invalid host ID on invocation: '{inv.host_id}'")
    if claims.issuer not in cluster_issuers:
        raise ValidationError(INVALID_ISSUER)
    if claims.target_url != t_url:
        raise _fail("Invocation claims and invocation target URL do not match")
    if claims.origin_url != o_url:
        raise _fail("Invocation claims and invocation origin URL do not match")
    if inv.target.public_key != provider_key:
        raise ValidationError(f"target key mismatch: {inv.target.public_key} != {host_id}")
    if not is_linked(inv.origin.public_key):
        raise ValidationError(f"unlinked actor: '{inv.origin.public_key}'")
    return claims
