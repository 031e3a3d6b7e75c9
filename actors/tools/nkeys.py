#!/usr/bin/env python3
"""nkey seeds for the sample actors' fixed identities (spec dataplane §8.1).

  nkeys.py generate <A|M> <file>   write a new random seed (SA… account / SM… module) unless
                                   the file exists
  nkeys.py public <file>...        print "<file> <public key>" for each seed (needs the
                                   `cryptography` package for the Ed25519 derivation)
  nkeys.py check <file>...         verify base32, CRC-16 and the seed prefix; exit 1 on failure

Seed string = base32(b1 ‖ b2 ‖ seed[32] ‖ crc16_le) with b1 = 0x90 | prefix >> 5,
b2 = (prefix & 0x1f) << 3; public key = base32(prefix ‖ pubkey[32] ‖ crc16_le); no padding;
CRC-16/XMODEM.
"""
import base64
import os
import sys

PREFIXES = {"A": 0x00, "C": 0x10, "N": 0x68, "M": 0x60, "V": 0xA8, "O": 0x70, "U": 0xA0}
SEED = 0x90


def crc16(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def b32(raw: bytes) -> str:
    return base64.b32encode(raw).decode().rstrip("=")


def unb32(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))


def with_crc(raw: bytes) -> bytes:
    return raw + crc16(raw).to_bytes(2, "little")


def encode_seed(letter: str, seed: bytes) -> str:
    prefix = PREFIXES[letter]
    return b32(with_crc(bytes([SEED | prefix >> 5, (prefix & 0x1F) << 3]) + seed))


def decode_seed(text: str):
    raw = unb32(text.strip())
    if len(raw) != 36 or raw[0] & 0xF8 != SEED:
        raise ValueError("not a seed")
    if crc16(raw[:-2]) != int.from_bytes(raw[-2:], "little"):
        raise ValueError("bad CRC")
    prefix = (raw[0] & 7) << 5 | (raw[1] & 0xF8) >> 3
    letter = next((k for k, v in PREFIXES.items() if v == prefix), None)
    if letter is None:
        raise ValueError(f"unknown prefix {prefix:#x}")
    return letter, raw[2:34]


def public_key(letter: str, seed: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    pub = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)
    return b32(with_crc(bytes([PREFIXES[letter]]) + pub))


def main(argv):
    if len(argv) == 3 and argv[0] == "generate":
        letter, path = argv[1], argv[2]
        if os.path.exists(path):
            return 0
        with open(path, "w") as f:
            f.write(encode_seed(letter, os.urandom(32)) + "\n")
        return 0
    if len(argv) >= 2 and argv[0] in ("public", "check"):
        status = 0
        for path in argv[1:]:
            with open(path) as f:
                text = f.read()
            try:
                letter, seed = decode_seed(text)
                if encode_seed(letter, seed) != text.strip():
                    raise ValueError("not canonical")
            except ValueError as e:
                print(f"{path}: invalid seed: {e}", file=sys.stderr)
                status = 1
                continue
            print(f"{path} {public_key(letter, seed) if argv[0] == 'public' else 'S' + letter}")
        return status
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
