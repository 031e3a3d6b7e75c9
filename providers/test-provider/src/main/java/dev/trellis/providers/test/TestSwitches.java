package dev.trellis.providers.test;

import java.util.Map;

/**
 * The test provider's behaviour, read from environment variables so a host test can choose it per
 * process (the host passes its environment to the providers it starts).
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>effect</th></tr>
 *   <tr><td>{@code TEST_PROVIDER_CONTRACT}</td><td>the contract id, default {@code trellis:test};
 *       set {@code wasmcloud:keyvalue} to serve actors that use a key-value store</td></tr>
 *   <tr><td>{@code TEST_PROVIDER_CRASH_ON_START}</td><td>{@code true}: exit right after reading
 *       HostData, before connecting to NATS</td></tr>
 *   <tr><td>{@code TEST_PROVIDER_CRASH_AFTER_MS}</td><td>exit this many ms after connecting</td></tr>
 *   <tr><td>{@code TEST_PROVIDER_EXIT_CODE}</td><td>the exit code of both crashes, default 3</td></tr>
 *   <tr><td>{@code TEST_PROVIDER_HANG}</td><td>{@code true}: never answer an invocation (health
 *       and shutdown still work)</td></tr>
 *   <tr><td>{@code TEST_PROVIDER_UNHEALTHY}</td><td>{@code true}: health replies {@code
 *       healthy=false}</td></tr>
 *   <tr><td>{@code TEST_PROVIDER_HEALTH_DELAY_MS}</td><td>sleep this long before each health
 *       reply</td></tr>
 *   <tr><td>{@code TEST_PROVIDER_HANG_ON_SHUTDOWN}</td><td>{@code true}: a shutdown request is
 *       never answered and the process does not exit by itself (the host must kill it)</td></tr>
 * </table>
 *
 * A crash is {@code Runtime.halt}: no shutdown hook, no cleanup, like a real crash.
 *
 * @param contractId the contract id
 * @param crashOnStart exit before connecting
 * @param crashAfterMs exit this long after connecting, or null
 * @param exitCode the crash exit code
 * @param hang never answer invocations
 * @param unhealthy report unhealthy
 * @param healthDelayMs delay before each health reply, 0 for none
 * @param hangOnShutdown never finish a shutdown
 */
public record TestSwitches(
    String contractId,
    boolean crashOnStart,
    Long crashAfterMs,
    int exitCode,
    boolean hang,
    boolean unhealthy,
    long healthDelayMs,
    boolean hangOnShutdown) {

  public static final String DEFAULT_CONTRACT = "trellis:test";
  public static final int DEFAULT_EXIT_CODE = 3;

  public TestSwitches {
    if (contractId == null || contractId.isBlank()) {
      contractId = DEFAULT_CONTRACT;
    }
    if (crashAfterMs != null && crashAfterMs < 0) {
      throw new IllegalArgumentException("TEST_PROVIDER_CRASH_AFTER_MS must not be negative");
    }
    if (healthDelayMs < 0) {
      throw new IllegalArgumentException("TEST_PROVIDER_HEALTH_DELAY_MS must not be negative");
    }
  }

  /** The defaults: a well-behaved {@code trellis:test} provider. */
  public static TestSwitches defaults() {
    return fromEnv(Map.of());
  }

  /**
   * Reads the switches from {@code env}.
   *
   * @throws IllegalArgumentException naming the variable whose value is not a number
   */
  public static TestSwitches fromEnv(Map<String, String> env) {
    Long crashAfter = number(env, "TEST_PROVIDER_CRASH_AFTER_MS");
    Long exitCode = number(env, "TEST_PROVIDER_EXIT_CODE");
    Long healthDelay = number(env, "TEST_PROVIDER_HEALTH_DELAY_MS");
    return new TestSwitches(
        env.get("TEST_PROVIDER_CONTRACT"),
        flag(env, "TEST_PROVIDER_CRASH_ON_START"),
        crashAfter,
        exitCode == null ? DEFAULT_EXIT_CODE : exitCode.intValue(),
        flag(env, "TEST_PROVIDER_HANG"),
        flag(env, "TEST_PROVIDER_UNHEALTHY"),
        healthDelay == null ? 0 : healthDelay,
        flag(env, "TEST_PROVIDER_HANG_ON_SHUTDOWN"));
  }

  private static boolean flag(Map<String, String> env, String name) {
    String value = env.get(name);
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }

  private static Long number(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + value + " is not a whole number", e);
    }
  }
}
