package dev.trellis.providers.test;

import dev.trellis.provider.ProviderLogging;
import dev.trellis.provider.ProviderRunner;

/**
 * The test provider's process entry point. Reads {@link TestSwitches} from the environment, then
 * hands a {@link TestProvider} to {@link ProviderRunner}.
 *
 * <p>Exit codes: 0 after a shutdown request or when the host is gone (stdin closed); 1 when NATS
 * refuses the connection; 2 without usable HostData (run by hand, bad line, none within {@code
 * TRELLIS_HOSTDATA_TIMEOUT_MS}) or with a bad switch; {@code TEST_PROVIDER_EXIT_CODE} (default 3)
 * for the crashes on purpose.
 */
public final class TestProviderMain {
  private TestProviderMain() {}

  public static void main(String[] args) {
    TestSwitches switches;
    try {
      switches = TestSwitches.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("test-provider: " + e.getMessage());
      System.exit(ProviderRunner.EXIT_NO_HOSTDATA);
      return;
    }
    ProviderRunner runner =
        ProviderRunner.builder(new TestProvider(switches))
            .onHostData(
                hostData -> {
                  ProviderLogging.configure(hostData);
                  if (switches.crashOnStart()) {
                    crash("TEST_PROVIDER_CRASH_ON_START", switches.exitCode());
                  }
                })
            .build();
    System.exit(runner.runToExit());
  }

  /** Ends the process at once, as a crash would: no shutdown hooks, no reply, no cleanup. */
  static void crash(String because, int exitCode) {
    System.err.println("test-provider: crashing on purpose (" + because + "), exit " + exitCode);
    System.err.flush();
    Runtime.getRuntime().halt(exitCode);
  }
}
