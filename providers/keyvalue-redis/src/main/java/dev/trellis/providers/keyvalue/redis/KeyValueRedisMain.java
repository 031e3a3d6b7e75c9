package dev.trellis.providers.keyvalue.redis;

import dev.trellis.provider.ProviderLogging;
import dev.trellis.provider.ProviderRunner;

/**
 * The keyvalue-redis provider's process entry point: logging from HostData, then {@link
 * ProviderRunner}. Exit codes are the SDK's: 0 after a shutdown request or when the host is gone, 1
 * when NATS refuses the connection, 2 without usable HostData.
 */
public final class KeyValueRedisMain {
  private KeyValueRedisMain() {}

  public static void main(String[] args) {
    ProviderRunner runner =
        ProviderRunner.builder(new KeyValueRedisProvider())
            .onHostData(ProviderLogging::configure)
            .build();
    System.exit(runner.runToExit());
  }
}
