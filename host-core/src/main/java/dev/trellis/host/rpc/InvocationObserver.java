package dev.trellis.host.rpc;

import dev.trellis.interfaces.wire.Invocation;

/** Hears about every invocation an actor served, after its reply went out; must not block. */
@FunctionalInterface
public interface InvocationObserver {
  void served(Invocation invocation, boolean succeeded);

  InvocationObserver NONE = (invocation, succeeded) -> {};
}
