package dev.trellis.cli.lattice;

import dev.trellis.cli.CliException;
import dev.trellis.nats.NatsConfig;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens the CLI's NATS connections. When no server answers, the message names the address and says
 * what to do: "failed to connect to NATS at 127.0.0.1:4222: connection refused; is it running? try
 * 'trellis up'".
 */
public final class NatsConnect {
  /** How long the first connection attempt may take. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** Drops jnats' own reports: a command reports its failures through its result. */
  public static final ErrorListener QUIET = new ErrorListener() {};

  private NatsConnect() {}

  /**
   * Connects with {@code config}.
   *
   * @param address {@code host:port}, for the message
   * @param errors where jnats reports asynchronous errors ({@link #QUIET} for short commands)
   * @throws CliException when no server accepts the connection
   */
  public static Connection open(NatsConfig config, String address, ErrorListener errors) {
    return open(config, address, errors, null, null);
  }

  /**
   * As {@link #open(NatsConfig, String, ErrorListener)}, also reporting connection events, with
   * {@code unreachable} as the advice when no server answers (default: try 'trellis up').
   */
  public static Connection open(
      NatsConfig config,
      String address,
      ErrorListener errors,
      ConnectionListener events,
      String unreachable) {
    Options.Builder builder =
        config.optionsBuilder().connectionTimeout(CONNECT_TIMEOUT).errorListener(errors);
    if (events != null) {
      builder.connectionListener(events);
    }
    Options options = builder.build();
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      throw new CliException(
          "failed to connect to NATS at " + address + ": " + describe(e) + hint(e, unreachable), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("failed to connect to NATS at " + address + ": interrupted", e);
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ConnectException) {
      return "connection refused";
    }
    if (root instanceof SocketTimeoutException) {
      return "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
    }
    if (root instanceof UnknownHostException) {
      return "unknown host " + root.getMessage();
    }
    String message = root.getMessage();
    if (message != null && message.startsWith("Unable to connect to NATS servers")) {
      return "no NATS server answered";
    }
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  private static String hint(Throwable e, String unreachable) {
    String text = describe(e).toLowerCase(Locale.ROOT);
    if (text.contains("authorization") || text.contains("authentication")) {
      return "; check the credentials (JWT, seed or .creds file) for this connection";
    }
    return unreachable != null ? "; " + unreachable : "; is it running? try 'trellis up'";
  }
}
