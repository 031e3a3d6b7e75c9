package dev.trellis.cli.lattice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.cli.CliException;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.event.CloudEvent;
import dev.trellis.interfaces.event.EventCodec;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A subscription to the lattice events ({@code wasmbus.evt.{lattice}}, controlplane §6), made
 * before a command is sent so its outcome cannot be missed: wash's {@code ctl/wait.rs}, with the
 * lessons of §8.4 (events matched by the exact reference sent, generous waits).
 */
public final class EventWait implements AutoCloseable {
  private final Subscription sub;

  EventWait(Connection nc, String subject) {
    this.sub = nc.subscribe(subject);
    try {
      nc.flush(Duration.ofSeconds(5));
    } catch (TimeoutException e) {
      sub.unsubscribe();
      throw new CliException("failed to subscribe to the lattice events on " + subject, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sub.unsubscribe();
      throw new CliException("failed to subscribe to the lattice events: interrupted", e);
    }
  }

  /**
   * Waits up to {@code timeout} for an event that {@code done} accepts ({@code done} may count
   * events and accept the n-th).
   *
   * @return that event, or empty when the time ran out
   */
  public Optional<CloudEvent> await(Duration timeout, Predicate<CloudEvent> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        Message m = sub.nextMessage(Duration.ofNanos(left));
        if (m == null) {
          return Optional.empty();
        }
        if (m.isStatusMessage() || m.getData() == null) {
          continue;
        }
        CloudEvent event;
        try {
          event = EventCodec.decode(m.getData());
        } catch (DecodeException e) {
          continue; // not a CloudEvent: not ours to judge
        }
        if (done.test(event)) {
          return Optional.of(event);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Whether {@code event} has type {@code type} and came from {@code hostId}. */
  public static boolean is(CloudEvent event, String type, String hostId) {
    return event.eventType().equals(type) && event.source().equals(hostId);
  }

  /** The text field {@code field} of the event's data; {@code ""} when absent. */
  public static String text(CloudEvent event, String field) {
    JsonNode value = event.data().get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  @Override
  public void close() {
    if (sub.isActive()) {
      sub.unsubscribe();
    }
  }
}
