"""JWT + seed authentication (HostData lattice_rpc_user_jwt / lattice_rpc_user_seed) against a
nats-server in operator mode whose operator, account and user JWTs are minted here."""

from __future__ import annotations

import base64
import json
import os
import time

import nats
import pytest
from echo_provider import CONTRACT, EchoProvider

from trellis_provider import ConnectError, start
from trellis_provider.claims import b64url
from trellis_provider.nkeys import KeyPair, KeyType
from trellis_provider.testing import NatsServer, TestHost, new_lattice

UNLIMITED = {
    "subs": -1,
    "data": -1,
    "payload": -1,
    "imports": -1,
    "exports": -1,
    "wildcards": True,
    "conn": -1,
    "leaf": -1,
}
WITH_JETSTREAM = {**UNLIMITED, "mem_storage": -1, "disk_storage": -1, "streams": -1, "consumer": -1}


def nats_jwt(issuer: KeyPair, subject: str, name: str, nats_claims: dict) -> str:
    """A NATS (not wascap) JWT: alg ed25519-nkey, signed by ``issuer``."""
    header = b64url(json.dumps({"typ": "JWT", "alg": "ed25519-nkey"}).encode())
    claims = {
        "jti": base64.b32encode(os.urandom(20)).decode(),
        "iat": int(time.time()),
        "iss": issuer.public_key,
        "name": name,
        "sub": subject,
        "nats": {**nats_claims, "version": 2},
    }
    body = b64url(json.dumps(claims).encode())
    return f"{header}.{body}.{b64url(issuer.sign(f'{header}.{body}'.encode()))}"


@pytest.fixture(scope="module")
def secured():
    operator = KeyPair.generate(KeyType.OPERATOR)
    account = KeyPair.generate(KeyType.ACCOUNT)
    system = KeyPair.generate(KeyType.ACCOUNT)
    op_jwt = nats_jwt(operator, operator.public_key, "op", {"type": "operator"})
    acc_jwt = nats_jwt(
        operator, account.public_key, "lattice", {"type": "account", "limits": WITH_JETSTREAM}
    )
    sys_jwt = nats_jwt(operator, system.public_key, "SYS", {"type": "account", "limits": UNLIMITED})
    config = (
        f"operator: {op_jwt}\nsystem_account: {system.public_key}\nresolver: MEMORY\n"
        f"resolver_preload: {{\n  {account.public_key}: {acc_jwt}\n"
        f"  {system.public_key}: {sys_jwt}\n}}\n"
    )
    server = NatsServer(config=config).start()

    def user(name: str) -> tuple[str, KeyPair]:
        key = KeyPair.generate(KeyType.USER)
        return nats_jwt(
            account,
            key.public_key,
            name,
            {"type": "user", "pub": {}, "sub": {}, "subs": -1, "data": -1, "payload": -1},
        ), key

    yield server, user
    server.stop()


async def connect(server: NatsServer, jwt: str, key: KeyPair):
    return await nats.connect(
        server.url,
        user_jwt_cb=lambda: jwt.encode(),
        signature_cb=lambda nonce: base64.b64encode(key.sign(nonce.encode())),
    )


async def test_provider_connects_with_user_jwt_and_seed(secured):
    server, user = secured
    with pytest.raises(nats.errors.Error, match="Authorization Violation"):  # auth is required
        await nats.connect(server.url, allow_reconnect=False, max_reconnect_attempts=0)
    host_jwt, host_key = user("host")
    nc = await connect(server, host_jwt, host_key)
    try:
        host = TestHost(nc, new_lattice(), KeyPair.generate(KeyType.SERVICE).public_key)
        actor = KeyPair.generate(KeyType.MODULE).public_key
        jwt, key = user("provider")
        hd = host.host_data(
            server.url,
            [host.link(actor, CONTRACT)],
            lattice_rpc_user_jwt=jwt,
            lattice_rpc_user_seed=key.seed(),
        )
        assert key.seed() not in repr(hd)
        bridge = await start(EchoProvider(), hd)
        try:
            assert (await host.health()).healthy
            assert (await host.invoke(actor, "Echo.Say", b"\xa1x")).msg == b"\xa1x"
        finally:
            await bridge.shutdown()
    finally:
        await nc.close()


async def test_wrong_credentials_fail_with_the_server_error(secured):
    server, user = secured
    jwt, _ = user("provider")
    impostor = KeyPair.generate(KeyType.USER)  # signs the nonce with a key the JWT does not name
    host = TestHost(None, new_lattice(), KeyPair.generate(KeyType.SERVICE).public_key)  # type: ignore[arg-type]
    hd = host.host_data(server.url, lattice_rpc_user_jwt=jwt, lattice_rpc_user_seed=impostor.seed())
    with pytest.raises(ConnectError) as e:
        await start(EchoProvider(), hd, connect_timeout=1.5)
    assert "Authorization Violation" in str(e.value)
    assert impostor.seed() not in str(e.value)


async def test_only_one_credential_is_an_error(secured):
    server, user = secured
    jwt, _ = user("provider")
    host = TestHost(None, new_lattice(), KeyPair.generate(KeyType.SERVICE).public_key)  # type: ignore[arg-type]
    with pytest.raises(
        ConnectError, match="only one of lattice_rpc_user_jwt and lattice_rpc_user_seed"
    ):
        await start(EchoProvider(), host.host_data(server.url, lattice_rpc_user_jwt=jwt))
