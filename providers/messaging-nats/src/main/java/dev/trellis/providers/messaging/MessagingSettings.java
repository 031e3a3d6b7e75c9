package dev.trellis.providers.messaging;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConfigBuilder;
import dev.trellis.provider.LinkValueException;
import dev.trellis.provider.LinkValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how one linked actor's NATS connection goes, read from the link's values with
 * wasmCloud's names (names ignore case):
 *
 * <ul>
 *   <li>{@code SUBSCRIPTION}: comma-separated subjects, each optionally {@code subject|queue}; none
 *       means the actor only publishes and requests.
 *   <li>{@code URI}: comma-separated NATS server urls ({@code nats://} is added to a bare {@code
 *       host:port}). When absent, the lattice's own server ({@code lattice_rpc_url}), with the
 *       lattice's credentials and TLS setting unless the link gives credentials.
 *   <li>{@code CLIENT_JWT} and {@code CLIENT_SEED}: a user JWT and the seed that signs for it; a
 *       seed alone is nkey authentication; a JWT without its seed is refused.
 * </ul>
 *
 * @param urls the NATS servers
 * @param jwt the user JWT, or {@code null}
 * @param seed the nkey seed; empty for none. Secret: never printed
 * @param tls whether to require TLS
 * @param subscriptions the subjects delivered to the actor
 */
public record MessagingSettings(
    List<String> urls, String jwt, Secret seed, boolean tls, List<SubscriptionSpec> subscriptions) {
  public static final String SUBSCRIPTION = "SUBSCRIPTION";
  public static final String URI = "URI";
  public static final String CLIENT_JWT = "CLIENT_JWT";
  public static final String CLIENT_SEED = "CLIENT_SEED";

  public MessagingSettings {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new LinkValueException("failed to read link value URI: it names no server");
    }
    seed = seed == null ? Secret.empty() : seed;
    if (jwt != null && seed.isEmpty()) {
      // wasmCloud's own wording.
      throw new LinkValueException(
          "failed to read link value CLIENT_JWT: if you specify jwt, you must also specify a seed"
              + " (CLIENT_SEED)");
    }
    if (!seed.isEmpty() && !seed.reveal().startsWith("S")) {
      throw new LinkValueException(
          "failed to read link value CLIENT_SEED: it is not an nkey seed (it must start with 'S')");
    }
    subscriptions = List.copyOf(subscriptions);
  }

  /**
   * @throws LinkValueException if a value is malformed
   */
  public static MessagingSettings fromLinkValues(Map<String, String> values, HostData hostData) {
    LinkValues link = LinkValues.of(values);
    List<SubscriptionSpec> subscriptions =
        link.get(SUBSCRIPTION).map(SubscriptionSpec::parseList).orElse(List.of());
    Optional<String> jwt = link.get(CLIENT_JWT);
    Optional<String> seed = link.get(CLIENT_SEED);
    Optional<String> uri = link.get(URI);
    if (uri.isPresent()) {
      return new MessagingSettings(
          urls(uri.get()),
          jwt.orElse(null),
          seed.map(Secret::of).orElse(null),
          false,
          subscriptions);
    }
    if (jwt.isPresent() || seed.isPresent()) {
      return new MessagingSettings(
          List.of(hostData.natsUrl()),
          jwt.orElse(null),
          seed.map(Secret::of).orElse(null),
          hostData.latticeRpcTls(),
          subscriptions);
    }
    String latticeJwt = hostData.latticeRpcUserJwt();
    Secret latticeSeed = hostData.latticeRpcUserSeed();
    return new MessagingSettings(
        List.of(hostData.natsUrl()),
        latticeJwt.isBlank() || latticeSeed.isEmpty() ? null : latticeJwt,
        latticeSeed,
        hostData.latticeRpcTls(),
        subscriptions);
  }

  /** The client settings of the actor's connection, named {@code connectionName}. */
  NatsConfig natsConfig(String connectionName) {
    NatsConfigBuilder builder =
        NatsConfig.builder().withTls(tls).withConnectionName(connectionName);
    urls.forEach(builder::addUrl);
    if (jwt != null) {
      builder.withUserJwt(jwt, seed.reveal());
    } else if (!seed.isEmpty()) {
      builder.withSeed(seed.reveal());
    }
    return builder.build();
  }

  private static List<String> urls(String value) {
    List<String> urls = new ArrayList<>();
    for (String url : value.split(",")) {
      if (!url.isBlank()) {
        urls.add(url.strip());
      }
    }
    return urls;
  }

  /** Never prints the seed or the JWT. */
  @Override
  public String toString() {
    return "MessagingSettings[urls="
        + urls
        + ", jwt="
        + (jwt == null ? "none" : "<set>")
        + ", seed="
        + seed
        + ", tls="
        + tls
        + ", subscriptions="
        + subscriptions
        + "]";
  }
}
