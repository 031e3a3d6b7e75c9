"""Providers as real child processes, started the way a host starts them: HostData on stdin.
Covers the README example, JSON logs, exit codes, and the messages for a human at a terminal."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from trellis_provider import codec
from trellis_provider.hostdata import encode_host_data_line
from trellis_provider.nkeys import KeyPair, KeyType

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_example() -> str:
    text = README.read_text()
    section = text.split("## Write a provider in Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "README has no python example under 'Write a provider in Python'"
    return match.group(1)


class Child:
    """A provider process with HostData written on stdin and stderr kept in a file."""

    def __init__(
        self, script: Path, stdin_line: bytes | None, tmp_path: Path, stdin=subprocess.PIPE
    ):
        self.stderr_path = tmp_path / f"{script.stem}.stderr"
        self._err = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, str(script)], stdin=stdin, stdout=subprocess.DEVNULL, stderr=self._err
        )
        if stdin_line is not None and self.proc.stdin:
            self.proc.stdin.write(stdin_line)
            self.proc.stdin.flush()

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    async def wait(self, timeout: float = 15.0) -> int:
        return await asyncio.to_thread(self.proc.wait, timeout)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdin:
            self.proc.stdin.close()
        self._err.close()


@pytest.fixture
def child_processes():
    started: list[Child] = []
    yield started
    for c in started:
        c.close()


async def wait_until_serving(host, child: Child, timeout: float = 20.0) -> None:
    await host.wait_ready(timeout, alive=lambda: child.proc.poll() is None, output=child.stderr)


async def test_readme_example_runs_as_a_child_process(
    nats_server, host, actor, tmp_path, child_processes
):
    script = tmp_path / "upper.py"
    script.write_text(readme_example())
    linked = host.link(actor, "example:upper", {"SUFFIX": "!!"})
    line = encode_host_data_line(host.host_data(nats_server.url, [linked], structured_logging=True))
    child = Child(script, line, tmp_path)
    child_processes.append(child)
    await wait_until_serving(host, child)

    resp = await host.invoke(actor, "Upper.Shout", codec.encode_value("hello"))
    assert resp.error is None and codec.decode_str(resp.msg) == "HELLO!!"
    resp = await host.invoke(actor, "Upper.Shout", codec.encode_value(7))
    assert resp.error == "failed to decode Upper.Shout input: expected a string, got an int"

    refused = KeyPair.generate(KeyType.MODULE).public_key
    await host.put_link(host.link(refused, "example:upper"))  # no SUFFIX: put_link refuses it
    resp = await host.invoke(refused, "Upper.Shout", codec.encode_value("x"))
    assert resp.error == f"unlinked actor: '{refused}'"

    assert await host.shutdown() == b"shutting down"
    assert await child.wait() == 0
    lines = [json.loads(x) for x in child.stderr().splitlines() if x.strip()]
    assert any(x["message"].startswith("provider ready") for x in lines)
    assert all({"timestamp", "level", "target", "message"} <= x.keys() for x in lines)
    assert host.cluster.seed() not in child.stderr()


async def test_sigterm_stops_cleanly(nats_server, host, actor, tmp_path, child_processes):
    script = tmp_path / "upper.py"
    script.write_text(readme_example())
    child = Child(script, encode_host_data_line(host.host_data(nats_server.url)), tmp_path)
    child_processes.append(child)
    await wait_until_serving(host, child)
    child.proc.terminate()
    assert await child.wait() == 0
    assert "shutting down" in child.stderr()


@pytest.mark.parametrize(
    "stdin_line, message",
    [
        (b"", "failed to read host data: stdin was closed before a line arrived"),
        (b"\n", "failed to read host data: the line on stdin is empty"),
        (b"not base64!\n", "failed to read host data: the line is not base64"),
        (
            b"e30=\n",
            "failed to read host data: failed to decode HostData: "
            "required key 'env_values' is missing",
        ),
    ],
)
async def test_bad_host_data_exits_with_a_message(tmp_path, child_processes, stdin_line, message):
    script = tmp_path / "upper.py"
    script.write_text(readme_example())
    child = Child(script, stdin_line, tmp_path)
    child_processes.append(child)
    child.proc.stdin.close()
    assert await child.wait() == 1
    assert message in child.stderr()


async def test_unreachable_nats_exits_with_a_message(host, tmp_path, child_processes):
    script = tmp_path / "upper.py"
    script.write_text(
        readme_example().replace("run(UpperProvider())", "run(UpperProvider(), connect_timeout=1)")
    )
    from trellis_provider.testing import free_port

    line = encode_host_data_line(host.host_data(f"127.0.0.1:{free_port()}"))
    child = Child(script, line, tmp_path)
    child_processes.append(child)
    assert await child.wait() == 1
    assert "failed to connect to NATS at nats://127.0.0.1:" in child.stderr()


async def test_run_by_hand_on_a_terminal(tmp_path, child_processes):
    script = tmp_path / "upper.py"
    script.write_text(readme_example())
    leader, follower = os.openpty()
    try:
        child = Child(script, None, tmp_path, stdin=follower)
        child_processes.append(child)
        assert await child.wait() == 1
    finally:
        os.close(leader)
        os.close(follower)
    assert "This program is a Trellis capability provider" in child.stderr()
    assert "base64 of the HostData JSON" in child.stderr()
