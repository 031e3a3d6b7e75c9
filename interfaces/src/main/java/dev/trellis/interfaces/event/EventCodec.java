package dev.trellis.interfaces.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.json.JsonFields;
import dev.trellis.interfaces.json.JsonText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Lattice events as bytes: the CloudEvents envelope (controlplane §6.1) around the typed data of
 * §6.2.
 *
 * <pre>{@code
 * byte[] bytes = EventCodec.encode(new ActorStopped(key, instanceId, Map.of()), hostId, clock);
 * nc.publish(event.subject(lattice), bytes);
 *
 * CloudEvent received = EventCodec.decode(msg.getData());
 * if (EventCodec.isKnown(received.eventType())) {
 *   LatticeEvent event = EventCodec.toEvent(received);
 * }
 * }</pre>
 *
 * <p>Encoding writes the envelope keys in the order {@code specversion, id, type, source, time,
 * datacontenttype, data}, the time in UTC with microseconds, and exactly the data fields of each
 * event type, strings rather than nulls. Decoding is lenient, so that events of older OTP hosts and
 * of other hosts decode: absent or {@code null} data fields read as {@code ""}, 0 or empty, unknown
 * keys are ignored, only identifying keys ({@code public_key}, a link's identity) are required; a
 * heartbeat's pre-0.60 actor list is counted into the map.
 */
public final class EventCodec {
  private static final String ENVELOPE = "CloudEvent";

  private static final Set<String> KNOWN =
      Set.of(
          HostStarted.TYPE,
          HostStopped.TYPE,
          HostHeartbeat.TYPE,
          ActorStarted.TYPE,
          ActorsStarted.TYPE,
          ActorStartFailed.TYPE,
          ActorsStartFailed.TYPE,
          ActorStopped.TYPE,
          ActorsStopped.TYPE,
          ActorUpdated.TYPE,
          ActorUpdateFailed.TYPE,
          ProviderStarted.TYPE,
          ProviderStartFailed.TYPE,
          ProviderStopped.TYPE,
          HealthCheckPassed.TYPE,
          HealthCheckFailed.TYPE,
          HealthCheckStatus.TYPE,
          LinkdefSet.TYPE,
          LinkdefDeleted.TYPE,
          RefmapSet.TYPE,
          InvocationSucceeded.TYPE,
          InvocationFailed.TYPE);

  private EventCodec() {}

  /**
   * The envelope of {@code event} emitted by {@code hostId} now: a fresh random UUID v4, the
   * event's source ({@code hostId}, or {@code "n/a"} for link events) and the clock's time.
   */
  public static CloudEvent toCloudEvent(LatticeEvent event, String hostId, Clock clock) {
    return new CloudEvent(
        randomUuid(),
        CloudEvent.TYPE_PREFIX + event.eventType(),
        event.source(hostId),
        clock.instant(),
        dataOf(event));
  }

  /**
   * The bytes to publish for {@code event} emitted by {@code hostId} now: the same as {@code
   * encode(toCloudEvent(event, hostId, clock))}, without the envelope's defensive copy of the data
   * (one of these is written for every invocation).
   */
  public static byte[] encode(LatticeEvent event, String hostId, Clock clock) {
    return encode(
        randomUuid(),
        CloudEvent.TYPE_PREFIX + event.eventType(),
        event.source(hostId),
        clock.instant(),
        dataOf(event));
  }

  /** The structured-JSON bytes of {@code event}. */
  public static byte[] encode(CloudEvent event) {
    return encode(event.id(), event.type(), event.source(), event.time(), event.data());
  }

  private static byte[] encode(String id, String type, String source, Instant time, JsonNode data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JsonText.generator(out)) {
      json.writeStartObject();
      json.writeStringField("specversion", CloudEvent.SPEC_VERSION);
      json.writeStringField("id", id);
      json.writeStringField("type", type);
      json.writeStringField("source", source);
      if (time != null) {
        json.writeStringField("time", Timestamps.format(time));
      }
      json.writeStringField("datacontenttype", CloudEvent.DATA_CONTENT_TYPE);
      json.writeFieldName("data");
      json.writeTree(data);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to encode event " + type, e);
    }
    return out.toByteArray();
  }

  /**
   * A version 4 UUID from a per-thread generator: event ids must be unique, not secret, and one is
   * drawn for every invocation, where {@link UUID#randomUUID()}'s shared SecureRandom would make
   * the threads that serve actors wait on each other.
   */
  private static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * Decodes the envelope; {@code specversion}, {@code id}, {@code type} and {@code source} are
   * required, {@code time} must be RFC 3339 when present, {@code data} may be any JSON.
   *
   * @throws DecodeException when {@code json} is not a CloudEvents 1.0 JSON object
   */
  public static CloudEvent decode(byte[] json) {
    EventFields f =
        EventFields.of(
            ENVELOPE, JsonText.parseObject(json, JsonFields.Failures.of(ENVELOPE)).root());
    String specVersion = f.requireText("specversion");
    if (!specVersion.startsWith("1.")) {
      throw new DecodeException(ENVELOPE, "field 'specversion' must be 1.x");
    }
    String time = f.text("time");
    Instant instant = null;
    if (!time.isEmpty()) {
      instant = Timestamps.parse(time);
      if (instant == null) {
        throw new DecodeException(ENVELOPE, "field 'time' must be an RFC 3339 date-time");
      }
    }
    return new CloudEvent(
        f.requireText("id"),
        f.requireText("type"),
        f.requireText("source"),
        instant,
        f.get("data"));
  }

  /** Whether {@link #toEvent} knows the event type, e.g. {@code actor_started}. */
  public static boolean isKnown(String eventType) {
    return KNOWN.contains(eventType);
  }

  /**
   * The typed data of {@code event}.
   *
   * @throws DecodeException when the type is unknown or the data does not fit it
   */
  public static LatticeEvent toEvent(CloudEvent event) {
    String type = event.eventType();
    EventFields f = EventFields.of(type + " event data", event.data());
    return switch (type) {
      case HostStarted.TYPE -> HostEventData.readStarted(f);
      case HostStopped.TYPE -> HostEventData.readStopped(f);
      case HostHeartbeat.TYPE -> HostEventData.readHeartbeat(f);
      case ActorStarted.TYPE -> ActorEventData.readStarted(f);
      case ActorsStarted.TYPE -> ActorEventData.readBatchStarted(f);
      case ActorStartFailed.TYPE -> ActorEventData.readStartFailed(f);
      case ActorsStartFailed.TYPE -> ActorEventData.readBatchStartFailed(f);
      case ActorStopped.TYPE -> ActorEventData.readStopped(f);
      case ActorsStopped.TYPE -> ActorEventData.readBatchStopped(f);
      case ActorUpdated.TYPE -> ActorEventData.readUpdated(f);
      case ActorUpdateFailed.TYPE -> ActorEventData.readUpdateFailed(f);
      case ProviderStarted.TYPE -> ProviderEventData.readStarted(f);
      case ProviderStartFailed.TYPE -> ProviderEventData.readStartFailed(f);
      case ProviderStopped.TYPE -> ProviderEventData.readStopped(f);
      case HealthCheckPassed.TYPE ->
          new HealthCheckPassed(
              f.requireText("public_key"), f.text("contract_id"), f.text("link_name"));
      case HealthCheckFailed.TYPE ->
          new HealthCheckFailed(
              f.requireText("public_key"), f.text("contract_id"), f.text("link_name"));
      case HealthCheckStatus.TYPE ->
          new HealthCheckStatus(
              f.requireText("public_key"), f.text("contract_id"), f.text("link_name"));
      case LinkdefSet.TYPE -> new LinkdefSet(LinkEventData.readLink(f));
      case LinkdefDeleted.TYPE -> new LinkdefDeleted(LinkEventData.readLink(f));
      case RefmapSet.TYPE -> LinkEventData.readRefmap(f);
      case InvocationSucceeded.TYPE ->
          new InvocationSucceeded(
              LinkEventData.readEntity(f.object("source")),
              LinkEventData.readEntity(f.object("dest")),
              f.text("operation"),
              f.longValue("bytes"));
      case InvocationFailed.TYPE ->
          new InvocationFailed(
              LinkEventData.readEntity(f.object("source")),
              LinkEventData.readEntity(f.object("dest")),
              f.text("operation"),
              f.longValue("bytes"));
      default ->
          throw new DecodeException(
              ENVELOPE, "unknown event type '" + type + "'; check isKnown() first");
    };
  }

  /** Decodes bytes straight to the typed event. */
  public static LatticeEvent decodeEvent(byte[] json) {
    return toEvent(decode(json));
  }

  /** The {@code data} object of {@code event}, exactly its type's fields. */
  public static ObjectNode dataOf(LatticeEvent event) {
    if (event instanceof HostStarted e) {
      return HostEventData.write(e);
    } else if (event instanceof HostStopped e) {
      return HostEventData.write(e);
    } else if (event instanceof HostHeartbeat e) {
      return HostEventData.write(e);
    } else if (event instanceof ActorStarted e) {
      return ActorEventData.write(e);
    } else if (event instanceof ActorsStarted e) {
      return ActorEventData.write(e);
    } else if (event instanceof ActorStartFailed e) {
      return ActorEventData.write(e);
    } else if (event instanceof ActorsStartFailed e) {
      return ActorEventData.write(e);
    } else if (event instanceof ActorStopped e) {
      return ActorEventData.write(e);
    } else if (event instanceof ActorsStopped e) {
      return ActorEventData.write(e);
    } else if (event instanceof ActorUpdated e) {
      return ActorEventData.write(e);
    } else if (event instanceof ActorUpdateFailed e) {
      return ActorEventData.write(e);
    } else if (event instanceof ProviderStarted e) {
      return ProviderEventData.write(e);
    } else if (event instanceof ProviderStartFailed e) {
      return ProviderEventData.write(e);
    } else if (event instanceof ProviderStopped e) {
      return ProviderEventData.write(e);
    } else if (event instanceof HealthCheckPassed e) {
      return ProviderEventData.health(e.publicKey(), e.contractId(), e.linkName());
    } else if (event instanceof HealthCheckFailed e) {
      return ProviderEventData.health(e.publicKey(), e.contractId(), e.linkName());
    } else if (event instanceof HealthCheckStatus e) {
      return ProviderEventData.health(e.publicKey(), e.contractId(), e.linkName());
    } else if (event instanceof LinkdefSet e) {
      return LinkEventData.link(e.link());
    } else if (event instanceof LinkdefDeleted e) {
      return LinkEventData.link(e.link());
    } else if (event instanceof RefmapSet e) {
      return LinkEventData.write(e);
    } else if (event instanceof InvocationSucceeded e) {
      return LinkEventData.invocation(e.source(), e.dest(), e.operation(), e.bytes());
    } else if (event instanceof InvocationFailed e) {
      return LinkEventData.invocation(e.source(), e.dest(), e.operation(), e.bytes());
    }
    throw new IllegalArgumentException("unknown event " + event.getClass().getName());
  }
}
