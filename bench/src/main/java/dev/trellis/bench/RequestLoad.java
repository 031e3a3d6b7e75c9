package dev.trellis.bench;

import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Drives NATS request/reply at a fixed number of requests in flight, for a fixed count, and records
 * each request's latency. Bounded in count and by a per-request timeout.
 */
final class RequestLoad {
  private final Connection connection;
  private final int inFlight;

  RequestLoad(Connection connection, int inFlight) {
    this.connection = connection;
    this.inFlight = inFlight;
  }

  Result run(
      String suite, String name, String subject, byte[] payload, int count, Predicate<Message> ok)
      throws InterruptedException {
    Latencies latencies = new Latencies(count);
    Semaphore slots = new Semaphore(inFlight);
    AtomicInteger errors = new AtomicInteger();
    long cpu = CpuTime.nanos();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      long sent = System.nanoTime();
      CompletableFuture<Message> reply =
          connection.requestWithTimeout(subject, payload, Duration.ofSeconds(10));
      reply.whenComplete(
          (message, failure) -> {
            if (failure == null && ok.test(message)) {
              latencies.add(System.nanoTime() - sent);
            } else {
              errors.incrementAndGet();
            }
            slots.release();
          });
    }
    if (!slots.tryAcquire(inFlight, 30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + ": requests still in flight after 30 s");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (CpuTime.nanos() - cpu) / 1e3 / count;
    return Result.rate(
        suite, name, latencies.count() / seconds, latencies, errors.get(), cpuMicros);
  }
}
