package dev.trellis.nats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free TCP port by binding port 0 and releasing it. Another process may take the port
 * before nats-server binds it; {@link NatsServer} retries with a new port when that happens.
 */
final class FreePorts {
  private FreePorts() {}

  static int pick(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to find a free port on " + host + ": " + e, e);
    }
  }

  /** A free port different from {@code other}. */
  static int pickOtherThan(String host, int other) {
    int port = pick(host);
    while (port == other) {
      port = pick(host);
    }
    return port;
  }
}
