"""nkeys (spec §8.1): Ed25519 keys written as base32 strings with a type prefix and a CRC-16.

Implemented directly on the ``cryptography`` package so that the wasmCloud-specific key types
(``M`` module, ``V`` service) work exactly like the NATS ones.

- public key (56 chars) = base32(prefix ‖ pubkey[32] ‖ crc16_le)
- seed (58 chars) = base32(0x90 | prefix >> 5, (prefix & 0x1f) << 3 ‖ seed[32] ‖ crc16_le)
"""

from __future__ import annotations

import base64
import enum
import os
import struct

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import NKeyError

_SEED_PREFIX = 0x90  # 18 << 3, the letter S


class KeyType(enum.Enum):
    """Key types and their prefix bytes. The first letter of a public key names the type."""

    ACCOUNT = 0x00  # A: signs actor and provider claims
    CLUSTER = 0x10  # C: signs invocations
    SERVER = 0x68  # N: host ids
    MODULE = 0x60  # M: actors
    SERVICE = 0xA8  # V: providers
    OPERATOR = 0x70  # O
    USER = 0xA0  # U: NATS users
    CURVE = 0xB8  # X
    PRIVATE = 0x78  # P

    @property
    def letter(self) -> str:
        return _b32(bytes([self.value]) + b"\0\0\0\0")[0]

    @classmethod
    def from_prefix(cls, prefix: int) -> "KeyType":
        for kind in cls:
            if kind.value == prefix:
                return kind
        raise NKeyError(f"failed to decode nkey: unknown key type prefix 0x{prefix:02x}")


def crc16(data: bytes) -> int:
    """CRC-16/XMODEM: poly 0x1021, init 0, no reflection, no final xor."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def _b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def _unb32(text: str, what: str) -> bytes:
    padded = text + "=" * (-len(text) % 8)
    try:
        return base64.b32decode(padded, casefold=False)
    except (ValueError, TypeError) as e:
        raise NKeyError(f"failed to decode {what}: not base32 ({e})") from None


def _with_crc(raw: bytes) -> bytes:
    return raw + struct.pack("<H", crc16(raw))


def _check_crc(raw: bytes, what: str) -> bytes:
    body, checksum = raw[:-2], raw[-2:]
    if struct.unpack("<H", checksum)[0] != crc16(body):
        raise NKeyError(f"failed to decode {what}: CRC mismatch")
    return body


def encode_public_key(kind: KeyType, raw: bytes) -> str:
    """The 56-char public key string of 32 raw Ed25519 public key bytes."""
    if len(raw) != 32:
        raise NKeyError(f"failed to encode public key: expected 32 bytes, got {len(raw)}")
    return _b32(_with_crc(bytes([kind.value]) + raw))


def encode_seed(kind: KeyType, raw: bytes) -> str:
    """The 58-char seed string of a 32-byte Ed25519 seed."""
    if len(raw) != 32:
        raise NKeyError(f"failed to encode seed: expected 32 bytes, got {len(raw)}")
    p = kind.value
    head = bytes([_SEED_PREFIX | (p >> 5), (p & 0x1F) << 3])
    return _b32(_with_crc(head + raw))


def decode_public_key(text: str, expected: KeyType | None = None) -> tuple[KeyType, bytes]:
    """Split a public key string into its type and 32 raw bytes; checks length, base32, CRC."""
    if not isinstance(text, str) or len(text) != 56:
        raise NKeyError(f"failed to decode public key '{text}': expected 56 characters")
    body = _check_crc(_unb32(text, f"public key '{text}'"), f"public key '{text}'")
    kind = KeyType.from_prefix(body[0])
    if kind in (KeyType.PRIVATE, KeyType.CURVE):
        raise NKeyError(f"failed to decode public key '{text}': {kind.name} is not a signing key")
    if expected is not None and kind is not expected:
        raise NKeyError(
            f"failed to decode public key '{text}': expected a {expected.name} key "
            f"(starting with {expected.letter}), got {kind.name}"
        )
    return kind, body[1:]


def decode_seed(text: str) -> tuple[KeyType, bytes]:
    """Split a seed string into its key type and 32 raw seed bytes. Never echoes the seed."""
    if not isinstance(text, str) or len(text) != 58:
        raise NKeyError("failed to decode seed: expected 58 characters")
    body = _check_crc(_unb32(text, "seed"), "seed")
    if body[0] & 0xF8 != _SEED_PREFIX:
        raise NKeyError("failed to decode seed: it does not start with the seed prefix 'S'")
    prefix = ((body[0] & 0x07) << 5) | ((body[1] & 0xF8) >> 3)
    return KeyType.from_prefix(prefix), body[2:]


def is_public_key(text: str, expected: KeyType | None = None) -> bool:
    try:
        decode_public_key(text, expected)
        return True
    except NKeyError:
        return False


def verify(public_key: str, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``message`` by ``public_key``."""
    _, raw = decode_public_key(public_key)
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, message)
        return True
    except InvalidSignature:
        return False


class KeyPair:
    """A key type plus an Ed25519 private key. ``repr`` never shows the seed."""

    __slots__ = ("_kind", "_private", "_public")

    def __init__(self, kind: KeyType, seed: bytes) -> None:
        if len(seed) != 32:
            raise NKeyError(f"failed to create key pair: expected a 32-byte seed, got {len(seed)}")
        self._kind = kind
        self._private = Ed25519PrivateKey.from_private_bytes(bytes(seed))
        raw = self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self._public = encode_public_key(kind, raw)

    @classmethod
    def from_seed(cls, seed: str) -> "KeyPair":
        kind, raw = decode_seed(seed.strip())
        return cls(kind, raw)

    @classmethod
    def generate(cls, kind: KeyType) -> "KeyPair":
        return cls(kind, os.urandom(32))

    @property
    def kind(self) -> KeyType:
        return self._kind

    @property
    def public_key(self) -> str:
        return self._public

    def seed(self) -> str:
        """The seed string. A secret: never log it."""
        raw = self._private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return encode_seed(self._kind, raw)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def verify(self, message: bytes, signature: bytes) -> bool:
        return verify(self._public, message, signature)

    def __repr__(self) -> str:
        return f"KeyPair({self._kind.name}, public_key={self._public}, seed=<redacted>)"
