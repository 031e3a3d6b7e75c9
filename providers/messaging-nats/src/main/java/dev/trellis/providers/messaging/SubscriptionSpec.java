package dev.trellis.providers.messaging;

import dev.trellis.provider.LinkValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the {@code SUBSCRIPTION} link value: a subject (wildcards allowed), optionally with
 * a queue group, written {@code subject|queue}.
 *
 * @param subject the NATS subject to subscribe
 * @param queue the queue group, or {@code null} for a plain subscription
 */
public record SubscriptionSpec(String subject, String queue) {

  public SubscriptionSpec {
    if (subject == null || subject.isEmpty() || hasWhitespace(subject)) {
      throw new LinkValueException(
          "failed to read link value SUBSCRIPTION: '"
              + subject
              + "' is not a NATS subject (empty or holding whitespace)");
    }
    if (queue != null && (queue.isEmpty() || hasWhitespace(queue))) {
      throw new LinkValueException(
          "failed to read link value SUBSCRIPTION: queue group '"
              + queue
              + "' of subject "
              + subject
              + " is empty or holds whitespace");
    }
  }

  /**
   * Parses a comma-separated list such as {@code orders.*,jobs|workers}; empty entries are skipped,
   * entries are trimmed.
   *
   * @throws LinkValueException if an entry is not a subject, or not {@code subject|queue}
   */
  public static List<SubscriptionSpec> parseList(String value) {
    List<SubscriptionSpec> specs = new ArrayList<>();
    for (String entry : value.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int bar = trimmed.indexOf('|');
      specs.add(
          bar < 0
              ? new SubscriptionSpec(trimmed, null)
              : new SubscriptionSpec(
                  trimmed.substring(0, bar).strip(), trimmed.substring(bar + 1).strip()));
    }
    return List.copyOf(specs);
  }

  private static boolean hasWhitespace(String s) {
    return s.chars().anyMatch(Character::isWhitespace);
  }

  @Override
  public String toString() {
    return queue == null ? subject : subject + "|" + queue;
  }
}
