package dev.trellis.providers.httpserver;

import dev.trellis.provider.ProviderLogging;
import dev.trellis.provider.ProviderRunner;

/**
 * The {@code wasmcloud:httpserver} provider's process entry point: hands an {@link
 * HttpServerProvider} to {@link ProviderRunner}, logging to stderr as HostData asks.
 *
 * <p>Exit codes (the SDK's): 0 after a shutdown request or when stdin closes; 1 when NATS refuses
 * the connection; 2 without usable HostData.
 */
public final class HttpServerMain {
  private HttpServerMain() {}

  public static void main(String[] args) {
    ProviderRunner runner =
        ProviderRunner.builder(new HttpServerProvider())
            .onHostData(hostData -> ProviderLogging.configure(hostData, "io.netty"))
            .build();
    System.exit(runner.runToExit());
  }
}
