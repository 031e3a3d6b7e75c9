"""Write wasmCloud 0.x compatible capability providers for Trellis in Python.

>>> from trellis_provider import CapabilityProvider, operation, run
"""

from .bridge import HostBridge, start
from .errors import (
    ConnectError,
    DecodeError,
    HostDataError,
    InvocationFailed,
    MethodNotHandled,
    NKeyError,
    NotLinked,
    RpcError,
    RpcTimeout,
    TrellisError,
    ValidationError,
)
from .provider import CapabilityProvider, Context, operation
from .runner import run, serve
from .wire import (
    HealthCheckRequest,
    HealthCheckResponse,
    HostData,
    Invocation,
    InvocationResponse,
    LinkDefinition,
    WasmCloudEntity,
)

__all__ = [
    "CapabilityProvider",
    "ConnectError",
    "Context",
    "DecodeError",
    "HealthCheckRequest",
    "HealthCheckResponse",
    "HostBridge",
    "HostData",
    "HostDataError",
    "Invocation",
    "InvocationFailed",
    "InvocationResponse",
    "LinkDefinition",
    "MethodNotHandled",
    "NKeyError",
    "NotLinked",
    "RpcError",
    "RpcTimeout",
    "TrellisError",
    "ValidationError",
    "WasmCloudEntity",
    "operation",
    "run",
    "serve",
    "start",
]
