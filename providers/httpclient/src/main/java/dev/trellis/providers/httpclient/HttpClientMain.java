package dev.trellis.providers.httpclient;

import dev.trellis.provider.ProviderLogging;
import dev.trellis.provider.ProviderRunner;

/**
 * The {@code wasmcloud:httpclient} provider's process entry point: hands an {@link
 * HttpClientProvider} to {@link ProviderRunner}, logging to stderr as HostData asks.
 *
 * <p>Exit codes (the SDK's): 0 after a shutdown request or when stdin closes; 1 when NATS refuses
 * the connection; 2 without usable HostData.
 */
public final class HttpClientMain {
  private HttpClientMain() {}

  public static void main(String[] args) {
    ProviderRunner runner =
        ProviderRunner.builder(new HttpClientProvider())
            .onHostData(ProviderLogging::configure)
            .build();
    System.exit(runner.runToExit());
  }
}
