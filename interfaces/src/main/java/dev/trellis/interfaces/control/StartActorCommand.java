package dev.trellis.interfaces.control;

import java.util.Map;
import java.util.Objects;

/**
 * {@code cmd.{host}.la}: start instances of an actor (controlplane §2.10). A count of 0 means 1, as
 * the crate documents it (OTP 0.63 starts 2 instead, a bug we do not copy).
 *
 * @param actorRef the reference to fetch: an OCI reference, {@code bindle://…} or {@code file://…}
 * @param count how many instances, 1..65535
 * @param hostId the host id of the body; {@code ""} when absent. Hosts go by the subject.
 * @param annotations annotations of every started instance; empty when absent
 */
public record StartActorCommand(
    String actorRef, int count, String hostId, Map<String, String> annotations) {
  public StartActorCommand {
    Objects.requireNonNull(actorRef, "actorRef");
    count = Counts.check(count, "count") == 0 ? 1 : count;
    hostId = hostId == null ? "" : hostId;
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** One instance of {@code actorRef} on {@code hostId}, no annotations. */
  public static StartActorCommand of(String actorRef, String hostId) {
    return new StartActorCommand(actorRef, 1, hostId, Map.of());
  }
}
