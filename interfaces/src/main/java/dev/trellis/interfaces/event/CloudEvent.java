package dev.trellis.interfaces.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trellis.interfaces.json.JsonText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The CloudEvents 1.0 structured-JSON envelope of every lattice event (controlplane §6.1): {@code
 * {"specversion":"1.0","id","type":"com.wasmcloud.lattice.<name>","source","time",
 * "datacontenttype":"application/json","data"}}.
 *
 * @param id a UUID v4
 * @param type {@code com.wasmcloud.lattice.} followed by the event type
 * @param source the emitting host's id, or {@code "n/a"} for link events
 * @param time when it happened, at microsecond precision; null when a decoded event had none
 * @param data the payload (a copy is kept; do not modify the returned node)
 */
public record CloudEvent(String id, String type, String source, Instant time, JsonNode data) {
  /** {@code specversion}. */
  public static final String SPEC_VERSION = "1.0";

  /** {@code datacontenttype}. */
  public static final String DATA_CONTENT_TYPE = "application/json";

  /** The prefix of every lattice event type. */
  public static final String TYPE_PREFIX = "com.wasmcloud.lattice.";

  public CloudEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    time = time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    data = data == null ? JsonText.object() : data.deepCopy();
  }

  /** The event type without {@link #TYPE_PREFIX}, e.g. {@code actor_started}. */
  public String eventType() {
    return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
  }
}
