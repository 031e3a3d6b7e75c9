"""The exception hierarchy of the SDK: one root, one subclass per category a caller can act on.

Protocol failures that a peer must see travel as values (``InvocationResponse.error``); these
exceptions are for the Python code on either side of that boundary.
"""

from __future__ import annotations


class TrellisError(Exception):
    """Root of every exception raised by ``trellis_provider``."""


class DecodeError(TrellisError, ValueError):
    """Bytes that are not the msgpack (or JSON) shape the protocol expects.

    The message names the record and, where known, the field: ``failed to decode Invocation:
    field 'origin' is missing``.
    """


class NKeyError(TrellisError, ValueError):
    """A string that is not a valid nkey (length, base32, CRC or type prefix), spec §8.1."""


class HostDataError(TrellisError):
    """HostData could not be read from stdin or does not have the shape of spec §6.2."""


class ValidationError(TrellisError):
    """An inbound invocation was refused (spec §4.3).

    ``text`` is the exact string sent back in ``InvocationResponse.error``; wasmCloud peers and
    tests match on it.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class MethodNotHandled(TrellisError):
    """No handler is registered for an invocation's operation."""

    def __init__(self, operation: str) -> None:
        # rpc-rs `RpcError::MethodNotHandled` prints "method not handled <op>".
        super().__init__(f"method not handled {operation}")
        self.operation = operation


class ConnectError(TrellisError):
    """The provider could not connect to NATS or subscribe to its subjects."""


class RpcError(TrellisError):
    """A provider → actor call failed (base class; catch this to handle every failure)."""


class InvocationFailed(RpcError):
    """The receiver answered with an ``InvocationResponse`` carrying ``error``.

    ``text`` is the receiver's error string, unchanged.
    """

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


class RpcTimeout(RpcError):
    """No reply within the timeout, or no responder on the subject."""


class NotLinked(RpcError):
    """A provider → actor call names an actor this provider has no link for."""
