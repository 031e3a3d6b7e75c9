from __future__ import annotations

import pytest

from trellis_provider import nkeys
from trellis_provider.errors import NKeyError

CLUSTER_SEED = "SCAAAAICAMCAKBQHBAEQUCYMBUHA6EARCIJRIFIWC4MBSGQ3DQOR4HYO7Q"
CLUSTER_PUBLIC = "CAB2CB576PHBBPQ5ODORRZ2LYCMWPZGWGCN2KDK7DXOIMZASKUY3R53J"


def test_crc16_xmodem_check_value():
    assert nkeys.crc16(b"123456789") == 0x31C3


@pytest.mark.parametrize("kind", list(nkeys.KeyType)[:7])
def test_generate_round_trip_sign_verify(kind):
    pair = nkeys.KeyPair.generate(kind)
    assert pair.public_key[0] == kind.letter and len(pair.public_key) == 56
    assert len(pair.seed()) == 58 and pair.seed().startswith("S" + kind.letter)
    again = nkeys.KeyPair.from_seed(pair.seed())
    assert again.public_key == pair.public_key
    sig = pair.sign(b"hello")
    assert nkeys.verify(pair.public_key, b"hello", sig)
    assert not nkeys.verify(pair.public_key, b"hellO", sig)


def test_seed_never_in_repr():
    assert CLUSTER_SEED not in repr(nkeys.KeyPair.from_seed(CLUSTER_SEED))


@pytest.mark.parametrize(
    "text, message",
    [
        (CLUSTER_PUBLIC[:-1], "expected 56 characters"),
        (CLUSTER_PUBLIC[:-1] + ("K" if CLUSTER_PUBLIC[-1] != "K" else "L"), "CRC mismatch"),
        ("1" * 56, "not base32"),
    ],
)
def test_bad_public_keys(text, message):
    with pytest.raises(NKeyError, match=message):
        nkeys.decode_public_key(text)


def test_expected_type_is_checked():
    with pytest.raises(NKeyError, match="expected a MODULE key"):
        nkeys.decode_public_key(CLUSTER_PUBLIC, nkeys.KeyType.MODULE)
    assert nkeys.is_public_key(CLUSTER_PUBLIC, nkeys.KeyType.CLUSTER)


def test_bad_seeds_do_not_echo_the_seed():
    bad = CLUSTER_SEED[:-1] + ("A" if CLUSTER_SEED[-1] != "A" else "B")
    with pytest.raises(NKeyError) as e:
        nkeys.KeyPair.from_seed(bad)
    assert CLUSTER_SEED[:20] not in str(e.value)
    with pytest.raises(NKeyError, match="seed prefix"):
        raw = bytes([0x10, 0x00]) + bytes(32)
        nkeys.decode_seed(nkeys._b32(raw + nkeys.crc16(raw).to_bytes(2, "little")))
