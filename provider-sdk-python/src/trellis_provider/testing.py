"""Test kit for provider authors: a real ``nats-server`` child process and a :class:`TestHost`
that plays the host's part over NATS (links, health, shutdown, signed invocations, chunking,
serving an actor subject). Nothing here is a mock: every message crosses a real server.

    with NatsServer() as server:
        host = TestHost(nc, lattice="t1", provider_key=...)
        bridge = await start(MyProvider(), host.host_data(server.url))
        resp = await host.invoke(actor, "KeyValue.Get", codec.encode_value("k"))
"""

from __future__ import annotations

import asyncio
import inspect
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from nats import errors as nats_errors
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription
from nats.js.errors import BucketNotFoundError
from nats.js.object_store import ObjectStore

from . import chunking, codec, subjects
from .claims import (
    encode_invocation_claims,
    entity_url,
    invocation_hash,
    target_url,
    verify_invocation_token,
)
from .connection import flush_in_order
from .errors import ValidationError
from .nkeys import KeyPair, KeyType
from .wire import (
    HealthCheckRequest,
    HealthCheckResponse,
    HostData,
    Invocation,
    InvocationResponse,
    LinkDefinition,
    WasmCloudEntity,
)

_CANDIDATES = ("/usr/sbin/nats-server", "/usr/local/bin/nats-server", "/usr/bin/nats-server")


def find_nats_server() -> str:
    """``$NATS_SERVER_BIN``, else ``nats-server`` on PATH, else the usual install paths."""
    env = os.environ.get("NATS_SERVER_BIN")
    if env:
        return env
    found = shutil.which("nats-server")
    if found:
        return found
    for path in _CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    raise FileNotFoundError(
        "failed to find nats-server: set NATS_SERVER_BIN or put nats-server on PATH "
        "(Debian: apt-get install nats-server)"
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NatsServer:
    """A ``nats-server -js`` child process on a free loopback port with its own store dir."""

    def __init__(
        self, binary: str | None = None, config: str | None = None, ready_timeout: float = 15.0
    ) -> None:
        self.binary = binary or find_nats_server()
        self.config = config
        self.ready_timeout = ready_timeout
        self.port = 0
        self._dir: tempfile.TemporaryDirectory[str] | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        assert self._dir is not None
        return Path(self._dir.name) / "nats-server.log"

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def start(self) -> "NatsServer":
        self._dir = tempfile.TemporaryDirectory(prefix="trellis-nats-")
        for _attempt in range(3):
            self.port = free_port()
            args = [
                self.binary,
                "-a",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-js",
                "-sd",
                str(Path(self._dir.name) / "jetstream"),
            ]
            if self.config:
                cfg = Path(self._dir.name) / "server.conf"
                cfg.write_text(self.config)
                args += ["-c", str(cfg)]
            ready = threading.Event()
            self._proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            copier = threading.Thread(
                target=_copy_output, args=(self._proc, self.log_path, ready), daemon=True
            )
            copier.start()
            if ready.wait(self.ready_timeout) and self._proc.poll() is None:
                return self
            self.stop(remove=False)
            copier.join(timeout=5)
            if "address already in use" not in self.log():
                break
        raise RuntimeError(f"failed to start nats-server {self.binary}:\n{self.log()}")

    def stop(self, remove: bool = True) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if remove and self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def __enter__(self) -> "NatsServer":
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def _copy_output(proc: subprocess.Popen[bytes], log_path: Path, ready: threading.Event) -> None:
    """Copies the server's output to ``log_path``; sets ``ready`` when it is ready or has exited."""
    assert proc.stdout is not None
    with open(log_path, "wb") as log:
        for line in proc.stdout:
            log.write(line)
            log.flush()
            if b"Server is ready" in line:
                ready.set()
    ready.set()


def new_lattice() -> str:
    """A unique lattice prefix (also a valid object store bucket name)."""
    return "t" + uuid.uuid4().hex[:16]


async def eventually(
    check: Callable[[], bool | Awaitable[bool]], timeout: float = 5.0, what: str = "condition"
) -> None:
    """Wait until ``check()`` (a function or a coroutine function) is true, at most ``timeout``
    seconds (an explicit bound)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = check()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} not reached within {timeout:g} s")
        await asyncio.sleep(0.01)


ActorHandler = Callable[[Invocation], Awaitable[bytes]]


class TestHost:
    """Plays the host for one provider (key + link name) in one lattice, over real NATS."""

    __test__ = False  # not a pytest test class

    def __init__(
        self,
        nc: Client,
        lattice: str,
        provider_key: str,
        link_name: str = "default",
        cluster: KeyPair | None = None,
        host_id: str | None = None,
    ) -> None:
        self.nc = nc
        self.lattice = lattice
        self.provider_key = provider_key
        self.link_name = link_name
        self.cluster = cluster or KeyPair.generate(KeyType.CLUSTER)
        self.host_id = host_id or KeyPair.generate(KeyType.SERVER).public_key
        self._store: ObjectStore | None = None

    def host_data(self, url: str, links: Iterable[LinkDefinition] = (), **overrides) -> HostData:
        fields = dict(
            host_id=self.host_id,
            lattice_rpc_prefix=self.lattice,
            link_name=self.link_name,
            lattice_rpc_url=url.removeprefix("nats://"),
            provider_key=self.provider_key,
            invocation_seed=self.cluster.seed(),
            env_values={},
            instance_id=str(uuid.uuid4()),
            link_definitions=list(links),
            cluster_issuers=[self.cluster.public_key],
            config_json="",
            default_rpc_timeout_ms=2000,
        )
        fields.update(overrides)
        return HostData(**fields)

    def link(
        self, actor_id: str, contract_id: str, values: dict[str, str] | None = None
    ) -> LinkDefinition:
        return LinkDefinition(
            actor_id, self.provider_key, self.link_name, contract_id, values or {}
        )

    def _args(self) -> tuple[str, str, str]:
        return self.lattice, self.provider_key, self.link_name

    async def put_link(self, ld: LinkDefinition) -> None:
        await self.nc.publish(subjects.linkdefs_put(*self._args()), codec.encode(ld))
        await flush_in_order(self.nc)

    async def del_link(self, ld: LinkDefinition) -> None:
        await self.nc.publish(subjects.linkdefs_del(*self._args()), codec.encode(ld))
        await flush_in_order(self.nc)

    async def health(self, timeout: float = 2.0) -> HealthCheckResponse:
        msg = await self.nc.request(
            subjects.health(*self._args()), codec.encode(HealthCheckRequest()), timeout=timeout
        )
        return codec.decode_health_response(msg.data)

    async def wait_ready(
        self,
        timeout: float,
        alive: Callable[[], bool] = lambda: True,
        output: Callable[[], str] = lambda: "",
    ) -> None:
        """Waits until the provider answers health checks, at most ``timeout`` seconds, failing at
        once when ``alive()`` turns false (its process exited); ``output()`` goes in the failure."""

        async def answers() -> bool:
            if not alive():
                raise AssertionError(f"provider exited before it was ready:\n{output()}")
            try:
                await self.health(timeout=1)
                return True
            except (nats_errors.NoRespondersError, nats_errors.TimeoutError):
                return False

        try:
            await eventually(answers, timeout, what="provider answering health checks")
        except AssertionError as e:
            raise AssertionError(f"{e}\n{output()}") from None

    async def shutdown(self, host_id: str | None = None, timeout: float = 2.0) -> bytes:
        body = b'{"host_id":"%s"}' % (host_id if host_id is not None else self.host_id).encode()
        msg = await self.nc.request(subjects.shutdown(*self._args()), body, timeout=timeout)
        return msg.data

    # -- invocations to the provider -----------------------------------------------------------

    def invocation(
        self,
        actor_id: str,
        operation: str,
        payload: bytes = b"",
        *,
        contract_id: str = "",
        signer: KeyPair | None = None,
        target_key: str | None = None,
        host_id: str | None = None,
        invocation_id: str | None = None,
    ) -> Invocation:
        """A signed invocation from ``actor_id`` to the provider (full payload in ``msg``)."""
        origin = WasmCloudEntity.actor(actor_id)
        target = WasmCloudEntity.provider(
            target_key or self.provider_key, contract_id, self.link_name
        )
        inv_id = invocation_id or str(uuid.uuid4())
        claims = encode_invocation_claims(
            signer or self.cluster, inv_id, origin, target, operation, payload
        )
        return Invocation(
            origin,
            target,
            operation,
            payload,
            inv_id,
            claims,
            host_id if host_id is not None else self.host_id,
            len(payload),
        )

    async def send(self, inv: Invocation, timeout: float = 5.0) -> InvocationResponse:
        """Request ``inv`` as is (no chunking) and decode the reply (no dechunking)."""
        msg = await self.nc.request(
            subjects.provider_rpc(*self._args()), codec.encode(inv), timeout=timeout
        )
        return codec.decode_invocation_response(msg.data)

    async def invoke(
        self,
        actor_id: str,
        operation: str,
        payload: bytes = b"",
        *,
        contract_id: str = "",
        timeout: float = 5.0,
    ) -> InvocationResponse:
        """A signed call like the host makes: chunks large payloads, dechunks the response."""
        inv = self.invocation(actor_id, operation, payload, contract_id=contract_id)
        if chunking.needs_chunking(len(payload)):
            await (await self.object_store()).put(inv.id, payload)
            inv = Invocation(
                inv.origin,
                inv.target,
                inv.operation,
                b"",
                inv.id,
                inv.encoded_claims,
                inv.host_id,
                len(payload),
            )
            timeout += chunking.CHUNKED_EXTRA_TIMEOUT
        resp = await self.send(inv, timeout)
        if resp.is_chunked:
            store = await self.object_store()
            data = (await store.get(chunking.response_object(inv.id))).data or b""
            await store.delete(chunking.response_object(inv.id))
            resp = InvocationResponse(bytes(data), resp.invocation_id, resp.error, len(data))
        return resp

    async def object_store(self) -> ObjectStore:
        if self._store is None:
            js = self.nc.jetstream()
            try:
                self._store = await js.object_store(self.lattice)
            except BucketNotFoundError:
                self._store = await js.create_object_store(self.lattice)
        return self._store

    # -- serving an actor (provider → actor calls) ---------------------------------------------

    async def serve_actor(self, actor_id: str, handler: ActorHandler) -> Subscription:
        """Answer invocations on the actor's subject like a host running it: verify the token
        signature, the issuer and the payload hash, dechunk, call ``handler``, chunk the reply.
        A refused invocation gets an ``Anti-forgery check failed: …`` error reply."""
        subject = subjects.actor_rpc(self.lattice, actor_id)

        async def on_msg(msg: Msg) -> None:
            inv = codec.decode_invocation(msg.data)
            try:
                if inv.is_chunked:
                    store = await self.object_store()
                    data = bytes((await store.get(inv.id)).data or b"")
                    await store.delete(inv.id)
                    inv = inv.with_msg(data)
                claims = verify_invocation_token(inv.encoded_claims)
                if claims.issuer != self.cluster.public_key:
                    raise ValidationError(
                        "Anti-forgery check failed: Issuer of this invocation "
                        "is not among the list of valid issuers"
                    )
                t_url = target_url(inv.target, inv.operation)
                o_url = entity_url(inv.origin)
                if claims.hash != invocation_hash(o_url, t_url, inv.operation, inv.msg):
                    raise ValidationError(
                        "Anti-forgery check failed: Invocation hash does not match"
                    )
                if (claims.target_url, claims.origin_url) != (t_url, o_url):
                    raise ValidationError("Anti-forgery check failed: URLs do not match")
                out = await handler(inv)
            except ValidationError as e:
                resp = InvocationResponse.failure(inv.id, e.text)
            except Exception as e:
                resp = InvocationResponse.failure(inv.id, str(e))
            else:
                if chunking.needs_chunking(len(out)):
                    await (await self.object_store()).put(chunking.response_object(inv.id), out)
                    resp = InvocationResponse(b"", inv.id, None, len(out))
                else:
                    resp = InvocationResponse.success(inv.id, out)
            await self.nc.publish(msg.reply, codec.encode(resp))

        sub = await self.nc.subscribe(subject, queue=subject, cb=on_msg)
        await flush_in_order(self.nc)
        return sub
