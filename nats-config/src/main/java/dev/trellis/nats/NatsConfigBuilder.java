package dev.trellis.nats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link NatsConfig}; {@link #build()} validates. Obtain one with {@link
 * NatsConfig#builder()}.
 */
public final class NatsConfigBuilder {
  private final List<String> urls = new ArrayList<>();
  private String userJwt;
  private String seed;
  private Path credsFile;
  private boolean tls;
  private String jsDomain;
  private String connectionName;

  NatsConfigBuilder() {}

  /** Adds a server url; {@code nats://} is added when it has no scheme. */
  public NatsConfigBuilder addUrl(String url) {
    urls.add(NatsConfig.withScheme(url));
    return this;
  }

  /** User JWT auth: the JWT and the seed that signs the server's nonce. */
  public NatsConfigBuilder withUserJwt(String jwt, String seed) {
    this.userJwt = jwt;
    this.seed = seed;
    return this;
  }

  /** Nkey auth: only the seed, whose public key the server knows. */
  public NatsConfigBuilder withSeed(String seed) {
    this.seed = seed;
    return this;
  }

  /** Credentials from a NATS {@code .creds} file (JWT and seed). */
  public NatsConfigBuilder withCredsFile(Path credsFile) {
    this.credsFile = credsFile;
    return this;
  }

  /** Require TLS even for {@code nats://} urls, trusting the JVM's default trust store. */
  public NatsConfigBuilder withTls(boolean tls) {
    this.tls = tls;
    return this;
  }

  /** The JetStream domain that JetStream and KV requests go to; null or blank for none. */
  public NatsConfigBuilder withJsDomain(String jsDomain) {
    this.jsDomain = jsDomain;
    return this;
  }

  /** The client name shown in the server's connection list. */
  public NatsConfigBuilder withConnectionName(String connectionName) {
    this.connectionName = connectionName;
    return this;
  }

  /**
   * Validates and returns the settings.
   *
   * @throws NatsConfigException when the settings cannot work together
   */
  public NatsConfig build() {
    List<String> servers = urls.isEmpty() ? List.of(NatsConfig.DEFAULT_URL) : urls;
    return new NatsConfig(servers, userJwt, seed, credsFile, tls, jsDomain, connectionName);
  }
}
