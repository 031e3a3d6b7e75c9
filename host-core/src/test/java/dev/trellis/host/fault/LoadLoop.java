package dev.trellis.host.fault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Calls in a loop on a few threads until stopped, keeping every outcome: the load a fault is
 * injected under. Each thread makes one call at a time; the loop is bounded by {@link #stop}.
 */
final class LoadLoop implements AutoCloseable {
  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  LoadLoop(String name, int threadCount, Supplier<Outcome> call) {
    for (int i = 0; i < threadCount; i++) {
      Thread t =
          new Thread(
              () -> {
                while (running) {
                  outcomes.add(call.get());
                }
              },
              name + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** Outcomes of calls sent at or after {@code nanos}, in the order they were sent. */
  List<Outcome> sentSince(long nanos) {
    return outcomes.stream()
        .filter(o -> o.sentNanos() >= nanos)
        .sorted(Comparator.comparingLong(Outcome::sentNanos))
        .toList();
  }

  /**
   * Outcomes of calls that ended at or after {@code nanos} (including those in flight then), in the
   * order they ended.
   */
  List<Outcome> endedSince(long nanos) {
    return outcomes.stream()
        .filter(o -> o.endNanos() >= nanos)
        .sorted(Comparator.comparingLong(Outcome::endNanos))
        .toList();
  }

  /** Stops the threads and waits for their last calls. */
  void stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  /** Failure texts and how often each was seen, with ids and numbers collapsed. */
  static Map<String, Integer> failureTexts(List<Outcome> outcomes) {
    Map<String, Integer> texts = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (!o.ok()) {
        texts.merge(o.text().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"), 1, Integer::sum);
      }
    }
    return texts;
  }

  /**
   * The time from {@code faultNanos} until the end of the first call, sent after the fault, that
   * succeeded and after which every call sent succeeded, in milliseconds; -1 when the calls never
   * recovered.
   */
  static long recoveryMillis(List<Outcome> sentSinceFault, long faultNanos) {
    long recoveredAt = -1;
    for (Outcome o : sentSinceFault) {
      if (!o.ok()) {
        recoveredAt = -1;
      } else if (recoveredAt < 0) {
        recoveredAt = o.endNanos();
      }
    }
    return recoveredAt < 0
        ? -1
        : Math.max(0, TimeUnit.NANOSECONDS.toMillis(recoveredAt - faultNanos));
  }

  /** Whether there are at least {@code n} outcomes and the last {@code n} all succeeded. */
  static boolean tailOk(List<Outcome> outcomes, int n) {
    return outcomes.size() >= n
        && outcomes.subList(outcomes.size() - n, outcomes.size()).stream().allMatch(Outcome::ok);
  }
}
