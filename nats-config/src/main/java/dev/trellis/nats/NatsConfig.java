package dev.trellis.nats;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValueOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to reach one NATS system as a client: server urls, credentials, TLS, JetStream domain and the
 * name the connection shows in the server's monitoring.
 *
 * <p>Authentication follows controlplane §5.4: a user JWT with its seed is JWT auth signed with the
 * seed; a seed alone is nkey auth; a {@code .creds} file carries both; nothing is anonymous. The
 * seed is a secret: {@link #toString()} never prints it, nor the JWT.
 *
 * <p>Every connection built here reconnects forever with a 4 s back-off (what wasmCloud hosts do)
 * and reports "no responders" on requests nobody serves.
 *
 * @param urls server urls, each with a scheme ({@code nats://} is added to a bare {@code
 *     host:port})
 * @param userJwt the user JWT, or null
 * @param seed the nkey seed ({@code SU…}) signing the server's nonce, or null; secret
 * @param credsFile a NATS {@code .creds} file holding JWT and seed, or null
 * @param tls whether to require TLS even for {@code nats://} urls
 * @param jsDomain the JetStream domain for JetStream and KV requests, or null for none
 * @param connectionName the client name shown by the server, or null
 */
public record NatsConfig(
    List<String> urls,
    String userJwt,
    String seed,
    Path credsFile,
    boolean tls,
    String jsDomain,
    String connectionName) {

  /** The url used when none is given: wasmCloud's default {@code 127.0.0.1:4222}. */
  public static final String DEFAULT_URL = "nats://127.0.0.1:4222";

  /** The pause between reconnect attempts (controlplane §5.4). */
  public static final Duration RECONNECT_WAIT = Duration.ofSeconds(4);

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  private static final Pattern JS_DOMAIN = Pattern.compile("[A-Za-z0-9_-]+");

  public NatsConfig {
    if (urls == null || urls.isEmpty()) {
      throw new NatsConfigException("failed to configure NATS: no server url; give at least one");
    }
    List<String> normalized = new ArrayList<>(urls.size());
    for (String url : urls) {
      normalized.add(withScheme(url));
    }
    urls = List.copyOf(normalized);
    userJwt = blankToNull(userJwt);
    seed = blankToNull(seed);
    jsDomain = blankToNull(jsDomain);
    connectionName = blankToNull(connectionName);
    if (userJwt != null && seed == null) {
      throw new NatsConfigException(
          "failed to configure NATS: a user JWT needs its seed; give the seed or a .creds file");
    }
    if (credsFile != null && (userJwt != null || seed != null)) {
      throw new NatsConfigException(
          "failed to configure NATS: both a .creds file ("
              + credsFile
              + ") and a JWT/seed were given; give one of them");
    }
    if (seed != null && !seed.startsWith("S")) {
      throw new NatsConfigException(
          "failed to configure NATS: the seed is not an nkey seed (it must start with 'S')");
    }
    if (jsDomain != null && !JS_DOMAIN.matcher(jsDomain).matches()) {
      throw new NatsConfigException(
          "failed to configure NATS: JetStream domain \""
              + jsDomain
              + "\" may only hold letters, digits, '-' and '_'");
    }
  }

  /** A new builder; with no url added it connects to {@link #DEFAULT_URL}. */
  public static NatsConfigBuilder builder() {
    return new NatsConfigBuilder();
  }

  /** Anonymous plain connection to one url. */
  public static NatsConfig of(String url) {
    return builder().addUrl(url).build();
  }

  /**
   * Returns {@code url} with {@code nats://} in front when it has no scheme, so {@code
   * 127.0.0.1:4222} (how wasmCloud hands out {@code lattice_rpc_url}) becomes {@code
   * nats://127.0.0.1:4222}; urls with any scheme ({@code tls://}, {@code ws://}) are kept as they
   * are.
   */
  public static String withScheme(String url) {
    if (url == null || url.isBlank()) {
      throw new NatsConfigException("failed to configure NATS: a server url is blank");
    }
    String trimmed = url.strip();
    if (trimmed.contains(",") || trimmed.contains(" ")) {
      throw new NatsConfigException(
          "failed to configure NATS: \"" + trimmed + "\" is not one url; add each url on its own");
    }
    return SCHEME.matcher(trimmed).matches() ? trimmed : "nats://" + trimmed;
  }

  /**
   * jnats options carrying these settings, still open for the caller's own listeners and executors.
   */
  public Options.Builder optionsBuilder() {
    Options.Builder builder =
        Options.builder()
            .servers(urls.toArray(new String[0]))
            .maxReconnects(-1)
            .reconnectWait(RECONNECT_WAIT)
            .reportNoResponders();
    if (connectionName != null) {
      builder.connectionName(connectionName);
    }
    AuthHandler auth = authHandler();
    if (auth != null) {
      builder.authHandler(auth);
    }
    if (tls) {
      try {
        builder.secure();
      } catch (NoSuchAlgorithmException e) {
        throw new NatsConfigException(
            "failed to configure NATS TLS: this JVM has no default TLS context: " + e.getMessage(),
            e);
      }
    }
    return builder;
  }

  /** jnats options carrying these settings. */
  public Options toOptions() {
    return optionsBuilder().build();
  }

  /** Options for JetStream calls, carrying the JetStream domain when one is set. */
  public JetStreamOptions jetStreamOptions() {
    return JetStreamOptions.builder().domain(jsDomain).build();
  }

  /** Options for JetStream key-value calls, carrying the JetStream domain when one is set. */
  public KeyValueOptions keyValueOptions() {
    return KeyValueOptions.builder().jetStreamOptions(jetStreamOptions()).build();
  }

  /**
   * Opens a connection with {@link #toOptions()}; the caller closes it.
   *
   * @throws NatsConnectException when no server accepts the connection
   */
  public Connection connect() {
    try {
      return Nats.connect(toOptions());
    } catch (IOException e) {
      throw new NatsConnectException(
          "failed to connect to NATS at "
              + String.join(",", urls)
              + ": "
              + e.getMessage()
              + "; check that nats-server runs there and accepts these credentials",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsConnectException(
          "failed to connect to NATS at " + String.join(",", urls) + ": interrupted", e);
    }
  }

  /** Never prints the seed or the JWT. */
  @Override
  public String toString() {
    return "NatsConfig[urls="
        + urls
        + ", userJwt="
        + (userJwt == null ? "none" : "<set>")
        + ", seed="
        + (seed == null ? "none" : "<redacted>")
        + ", credsFile="
        + credsFile
        + ", tls="
        + tls
        + ", jsDomain="
        + jsDomain
        + ", connectionName="
        + connectionName
        + "]";
  }

  private AuthHandler authHandler() {
    if (credsFile != null) {
      if (!Files.isReadable(credsFile)) {
        throw new NatsConfigException(
            "failed to configure NATS: cannot read the .creds file " + credsFile);
      }
      return Nats.credentials(credsFile.toString());
    }
    if (seed != null) {
      return Nats.staticCredentials(
          userJwt == null ? null : userJwt.toCharArray(), seed.toCharArray());
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
