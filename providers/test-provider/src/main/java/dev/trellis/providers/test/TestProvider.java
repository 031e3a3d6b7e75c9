package dev.trellis.providers.test;

import dev.trellis.interfaces.wire.HealthCheckResponse;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.OperationException;
import dev.trellis.provider.Operations;
import dev.trellis.provider.ProviderConnection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider for host tests: {@code Test.Echo} (returns its payload), a tiny in-memory {@code
 * wasmcloud:keyvalue}, and the fault switches of {@link TestSwitches}.
 */
public final class TestProvider implements CapabilityProvider {
  /** Returns its payload unchanged. */
  public static final String ECHO = "Test.Echo";

  private static final Logger LOG = LoggerFactory.getLogger(TestProvider.class);

  private final TestSwitches switches;
  private final InMemoryKeyValue keyValue = new InMemoryKeyValue(this::hangIfAsked);
  private final CountDownLatch stopping = new CountDownLatch(1);

  public TestProvider(TestSwitches switches) {
    this.switches = switches;
  }

  @Override
  public String contractId() {
    return switches.contractId();
  }

  @Override
  public void registerOperations(Operations operations) {
    operations.add(
        ECHO,
        (context, payload) -> {
          hangIfAsked();
          return payload;
        });
    keyValue.register(operations);
  }

  @Override
  public void start(ProviderConnection connection) {
    if (switches.crashAfterMs() != null) {
      Thread crash =
          new Thread(
              () -> {
                try {
                  Thread.sleep(switches.crashAfterMs());
                } catch (InterruptedException e) {
                  return;
                }
                TestProviderMain.crash("TEST_PROVIDER_CRASH_AFTER_MS", switches.exitCode());
              },
              "test-provider-crash");
      crash.setDaemon(true);
      crash.start();
    }
    LOG.info("test provider running contract={} switches={}", contractId(), switches);
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    LOG.info("link accepted actor={} values={}", link.actorId(), link.values().keySet());
    return true;
  }

  @Override
  public HealthCheckResponse health() {
    if (switches.healthDelayMs() > 0) {
      try {
        Thread.sleep(switches.healthDelayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return switches.unhealthy()
        ? new HealthCheckResponse(false, "unhealthy on purpose (TEST_PROVIDER_UNHEALTHY)")
        : HealthCheckResponse.ok();
  }

  @Override
  public void shutdown() {
    stopping.countDown();
    if (switches.hangOnShutdown()) {
      LOG.info("shutdown will never finish (TEST_PROVIDER_HANG_ON_SHUTDOWN)");
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * With {@code TEST_PROVIDER_HANG}, waits until the provider stops: the call is never answered.
   */
  private void hangIfAsked() {
    if (!switches.hang()) {
      return;
    }
    try {
      stopping.await(1, TimeUnit.DAYS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new OperationException(
        "failed to answer: the provider hung on purpose (TEST_PROVIDER_HANG)");
  }
}
