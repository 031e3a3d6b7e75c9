"""Every NATS subject the SDK uses (spec §3.1), one function each. Nothing else builds one."""

from __future__ import annotations

RPC_QUEUE_GROUP = "rpc"
"""Queue group of the provider RPC subscription (rpc-rs), so instances load-balance."""


def provider_rpc(lattice: str, provider_key: str, link_name: str) -> str:
    """Host → provider invocations (msgpack Invocation → InvocationResponse), queue ``rpc``."""
    return f"wasmbus.rpc.{lattice}.{provider_key}.{link_name}"


def linkdefs_put(lattice: str, provider_key: str, link_name: str) -> str:
    """Host → every provider instance: a msgpack LinkDefinition was put (no reply)."""
    return f"{provider_rpc(lattice, provider_key, link_name)}.linkdefs.put"


def linkdefs_del(lattice: str, provider_key: str, link_name: str) -> str:
    """Host → every provider instance: a msgpack LinkDefinition was deleted (no reply)."""
    return f"{provider_rpc(lattice, provider_key, link_name)}.linkdefs.del"


def health(lattice: str, provider_key: str, link_name: str) -> str:
    """Host → provider: health request → msgpack HealthCheckResponse."""
    return f"{provider_rpc(lattice, provider_key, link_name)}.health"


def shutdown(lattice: str, provider_key: str, link_name: str) -> str:
    """Host → provider: JSON ``{"host_id"}`` → raw ``shutting down``."""
    return f"{provider_rpc(lattice, provider_key, link_name)}.shutdown"


def actor_rpc(lattice: str, actor_key: str) -> str:
    """Anyone → the hosts running an actor: msgpack Invocation → InvocationResponse."""
    return f"wasmbus.rpc.{lattice}.{actor_key}"
