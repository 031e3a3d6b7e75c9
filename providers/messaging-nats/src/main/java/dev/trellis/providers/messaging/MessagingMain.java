package dev.trellis.providers.messaging;

import dev.trellis.provider.ProviderLogging;
import dev.trellis.provider.ProviderRunner;

/**
 * The {@code wasmcloud:messaging} provider's process entry point: hands a {@link MessagingProvider}
 * to {@link ProviderRunner}, logging to stderr as HostData asks.
 *
 * <p>Exit codes (the SDK's): 0 after a shutdown request or when stdin closes; 1 when NATS refuses
 * the connection; 2 without usable HostData.
 */
public final class MessagingMain {
  private MessagingMain() {}

  public static void main(String[] args) {
    ProviderRunner runner =
        ProviderRunner.builder(new MessagingProvider())
            .onHostData(ProviderLogging::configure)
            .build();
    System.exit(runner.runToExit());
  }
}
