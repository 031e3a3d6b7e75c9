package dev.trellis.host.provider;

import dev.trellis.interfaces.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How this host supervises providers and what it tells them about NATS (HostData).
 *
 * @param providerNatsUrl the NATS address handed to providers ({@code lattice_rpc_url}; OTP sends
 *     {@code host:port} without a scheme)
 * @param providerJwt the NATS user JWT for providers, or empty
 * @param providerSeed the NATS user seed for providers, or empty
 * @param providerTls whether providers should use TLS
 * @param jsDomain the JetStream domain, or null
 * @param logLevel the log level handed to providers, or null
 * @param healthGrace delay before the first health check (OTP: 5 s)
 * @param healthInterval delay between health checks (OTP: 30 s)
 * @param shutdownTimeout how long to wait for the reply to a shutdown request (OTP: 2 s)
 * @param stopGrace how long a provider may take to exit after the shutdown reply, before it is
 *     terminated and then killed
 * @param restart the restart policy for unexpected exits
 * @param cacheDir where binaries extracted from provider archives are kept
 */
public record SupervisorConfig(
    String providerNatsUrl,
    String providerJwt,
    Secret providerSeed,
    boolean providerTls,
    String jsDomain,
    String logLevel,
    Duration healthGrace,
    Duration healthInterval,
    Duration shutdownTimeout,
    Duration stopGrace,
    RestartPolicy restart,
    Path cacheDir) {

  public SupervisorConfig {
    Objects.requireNonNull(providerNatsUrl, "providerNatsUrl");
    providerJwt = providerJwt == null ? "" : providerJwt;
    providerSeed = providerSeed == null ? Secret.empty() : providerSeed;
    Objects.requireNonNull(healthGrace, "healthGrace");
    Objects.requireNonNull(healthInterval, "healthInterval");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(restart, "restart");
    Objects.requireNonNull(cacheDir, "cacheDir");
  }

  /** OTP's timings, providers on {@code natsUrl} with no credentials. */
  public static SupervisorConfig defaults(String natsUrl) {
    return new SupervisorConfig(
        natsUrl,
        "",
        Secret.empty(),
        false,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        RestartPolicy.DEFAULT,
        Path.of(System.getProperty("java.io.tmpdir"), "wasmcloudcache"));
  }

  public SupervisorConfig withHealth(Duration grace, Duration interval) {
    return new SupervisorConfig(
        providerNatsUrl,
        providerJwt,
        providerSeed,
        providerTls,
        jsDomain,
        logLevel,
        grace,
        interval,
        shutdownTimeout,
        stopGrace,
        restart,
        cacheDir);
  }

  public SupervisorConfig withRestart(RestartPolicy policy) {
    return new SupervisorConfig(
        providerNatsUrl,
        providerJwt,
        providerSeed,
        providerTls,
        jsDomain,
        logLevel,
        healthGrace,
        healthInterval,
        shutdownTimeout,
        stopGrace,
        policy,
        cacheDir);
  }

  public SupervisorConfig withCacheDir(Path dir) {
    return new SupervisorConfig(
        providerNatsUrl,
        providerJwt,
        providerSeed,
        providerTls,
        jsDomain,
        logLevel,
        healthGrace,
        healthInterval,
        shutdownTimeout,
        stopGrace,
        restart,
        dir);
  }

  public SupervisorConfig withCredentials(String jwt, Secret seed) {
    return new SupervisorConfig(
        providerNatsUrl,
        jwt,
        seed,
        providerTls,
        jsDomain,
        logLevel,
        healthGrace,
        healthInterval,
        shutdownTimeout,
        stopGrace,
        restart,
        cacheDir);
  }
}
