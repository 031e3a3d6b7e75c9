package dev.trellis.cli.lattice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.cli.CliException;
import dev.trellis.cli.context.CtlConnection;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.CtlOperationAck;
import dev.trellis.interfaces.wire.HealthCheckCodec;
import dev.trellis.interfaces.wire.HealthCheckRequest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of one lattice's control interface (controlplane §1): requests with the {@code
 * -t/--timeout-ms} timeout, scatter/gather for pings and auctions (§1.1: every reply until the
 * window ends, or at once when nobody listens), and the lattice events.
 */
public final class CtlClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CtlConnection settings;
  private final Connection nc;

  private CtlClient(CtlConnection settings, Connection nc) {
    this.settings = settings;
    this.nc = nc;
  }

  /**
   * Connects to the control interface described by {@code settings}.
   *
   * @throws CliException when NATS does not answer there
   */
  public static CtlClient connect(CtlConnection settings) {
    return new CtlClient(
        settings, NatsConnect.open(settings.toNatsConfig(), settings.address(), NatsConnect.QUIET));
  }

  /** A client on an open connection ({@link #close} closes it). */
  public static CtlClient using(CtlConnection settings, Connection nc) {
    return new CtlClient(settings, nc);
  }

  public CtlConnection settings() {
    return settings;
  }

  public Connection connection() {
    return nc;
  }

  public String lattice() {
    return settings.latticePrefix();
  }

  /** The control topic prefix, {@code wasmbus.ctl} unless changed. */
  public String prefix() {
    return settings.topicPrefix();
  }

  public Duration timeout() {
    return settings.timeout();
  }

  /**
   * Sends {@code body} to {@code subject} and returns the reply.
   *
   * @param action what is being done, for messages ("get the inventory of host N…")
   * @param nobody what it means when nothing listens on the subject ("no host N… answered")
   * @throws CliException on no responders or no reply within the timeout
   */
  public byte[] request(String subject, byte[] body, String action, String nobody) {
    try {
      Message reply = nc.request(subject, body).get(timeout().toMillis(), TimeUnit.MILLISECONDS);
      return reply.getData() == null ? new byte[0] : reply.getData();
    } catch (TimeoutException e) {
      throw new CliException(
          "failed to "
              + action
              + ": no reply within "
              + timeout().toMillis()
              + " ms; raise it with -t/--timeout-ms",
          e);
    } catch (ExecutionException | CancellationException e) {
      throw new CliException("failed to " + action + ": " + nobody, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("failed to " + action + ": interrupted", e);
    }
  }

  /**
   * Sends a request whose reply is a {@link CtlOperationAck} and fails when it is not accepted.
   *
   * @throws CliException on no reply, or a refusal (with the host's error text)
   */
  public void command(String subject, byte[] body, String action, String nobody) {
    byte[] reply = request(subject, body, action, nobody);
    CtlOperationAck ack;
    try {
      ack = CommandCodec.decodeAck(reply);
    } catch (DecodeException e) {
      throw new CliException("failed to " + action + ": the reply is not an acknowledgement", e);
    }
    if (!ack.accepted()) {
      throw new CliException("failed to " + action + ": " + ack.error());
    }
  }

  /**
   * Scatter/gather: publishes {@code body} with a reply inbox and collects every reply for {@code
   * window}. Returns early when nobody listens (a no-responders status) or, with {@code firstOnly},
   * at the first reply.
   */
  public List<byte[]> gather(String subject, byte[] body, Duration window, boolean firstOnly) {
    String inbox = nc.createInbox();
    Subscription sub = nc.subscribe(inbox);
    List<byte[]> replies = new ArrayList<>();
    try {
      nc.publish(subject, inbox, body);
      long deadline = System.nanoTime() + window.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        Message m = sub.nextMessage(Duration.ofNanos(left));
        if (m == null) {
          break;
        }
        if (m.isStatusMessage()) {
          if (replies.isEmpty()) {
            break;
          }
          continue;
        }
        replies.add(m.getData() == null ? new byte[0] : m.getData());
        if (firstOnly) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sub.unsubscribe();
    }
    return replies;
  }

  /** Every host's ping reply ({@code ping.hosts} for {@code window}), as sent. */
  public List<JsonNode> pingHosts(Duration window) {
    List<JsonNode> hosts = new ArrayList<>();
    for (byte[] reply :
        gather(Subjects.pingHosts(prefix(), lattice()), new byte[0], window, false)) {
      JsonNode node = parse(reply);
      if (node != null && node.isObject() && node.hasNonNull("id")) {
        hosts.add(node);
      }
    }
    return hosts;
  }

  /**
   * Waits until provider {@code providerKey} under {@code linkName} answers a health check (a
   * provider is reported started when its process is spawned; it serves once it has connected).
   *
   * @return whether it answered within {@code wait}
   */
  public boolean awaitProvider(String providerKey, String linkName, Duration wait) {
    String subject = Subjects.providerHealth(lattice(), providerKey, linkName);
    byte[] body = HealthCheckCodec.encodeRequest(new HealthCheckRequest());
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        nc.request(subject, body).get(500, TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException | ExecutionException | CancellationException e) {
        try {
          Thread.sleep(100); // not connected yet: no responders
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Starts listening to the lattice events; close it when done. */
  public EventWait subscribeEvents() {
    return new EventWait(nc, Subjects.events(lattice()));
  }

  /** Parses {@code bytes} as JSON; null when it is not JSON. */
  public static JsonNode parse(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  /** A hint naming the lattice, for "nobody answered" messages. */
  public String noHostsHint() {
    return "is a host running in lattice '"
        + lattice()
        + "' at "
        + settings.address()
        + "? ('trellis get hosts', 'trellis up')";
  }

  @Override
  public void close() {
    try {
      nc.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
