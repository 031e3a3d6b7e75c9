from __future__ import annotations

import nats
import pytest

from trellis_provider.nkeys import KeyPair, KeyType
from trellis_provider.testing import NatsServer, TestHost, new_lattice


@pytest.fixture(scope="session")
def nats_server():
    server = NatsServer().start()
    yield server
    server.stop()


@pytest.fixture
async def nc(nats_server):
    client = await nats.connect(nats_server.url)
    yield client
    await client.close()


@pytest.fixture
def host(nc) -> TestHost:
    return TestHost(nc, new_lattice(), KeyPair.generate(KeyType.SERVICE).public_key)


@pytest.fixture
def actor() -> str:
    return KeyPair.generate(KeyType.MODULE).public_key
