package dev.trellis.providers.keyvalue.nats;

import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.wire.HostData;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.nats.NatsConfig;
import dev.trellis.nats.NatsConfigBuilder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The link values of one actor's link (names matched without regard to case).
 *
 * <table>
 *   <caption>Link values</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>{@code BUCKET}</td><td>the JetStream KV bucket; default {@code
 *       kv_{lattice}_{actor}}; created (file storage, history 1) if missing</td></tr>
 *   <tr><td>{@code URL}</td><td>NATS server url(s), comma-separated, for a connection of the
 *       link's own; default: the provider's connection</td></tr>
 *   <tr><td>{@code CREDS_FILE}</td><td>a {@code .creds} file for that connection</td></tr>
 *   <tr><td>{@code JWT}, {@code SEED}</td><td>user JWT and nkey seed for that connection (a seed
 *       alone: nkey authentication)</td></tr>
 *   <tr><td>{@code JS_DOMAIN}</td><td>the JetStream domain of the bucket; default HostData's
 *       {@code js_domain}</td></tr>
 *   <tr><td>{@code REPLICAS}</td><td>replicas of a bucket this provider creates, default 1</td></tr>
 * </table>
 *
 * Any of {@code URL}, {@code CREDS_FILE}, {@code JWT}, {@code SEED} gives the link a connection of
 * its own (to {@code URL}, or to HostData's {@code lattice_rpc_url}). {@link #toString()} shows no
 * credentials.
 *
 * @param bucket the bucket name
 * @param urls the urls of an own connection, or null for the provider's
 * @param credsFile a creds file, or null
 * @param jwt a user JWT, or null
 * @param seed an nkey seed, empty if none
 * @param jsDomain the JetStream domain, or null
 * @param replicas replicas of a bucket created here
 */
record LinkSettings(
    String bucket,
    String urls,
    Path credsFile,
    String jwt,
    Secret seed,
    String jsDomain,
    int replicas) {

  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_-]+");

  LinkSettings {
    seed = seed == null ? Secret.empty() : seed;
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          "link value BUCKET '" + bucket + "' may only hold letters, digits, '-' and '_'");
    }
    if (replicas < 1 || replicas > 5) {
      throw new IllegalArgumentException("link value REPLICAS must be 1 to 5, not " + replicas);
    }
  }

  /**
   * The settings of {@code link} in {@code lattice}.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  static LinkSettings of(LinkDefinition link, String lattice, String hostJsDomain) {
    Map<String, String> values = upperCased(link.values());
    String bucket = values.getOrDefault("BUCKET", defaultBucket(lattice, link.actorId()));
    String replicas = values.getOrDefault("REPLICAS", "1");
    int n;
    try {
      n = Integer.parseInt(replicas.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("link value REPLICAS '" + replicas + "' is not a number");
    }
    String creds = blankToNull(values.get("CREDS_FILE"));
    String domain = blankToNull(values.get("JS_DOMAIN"));
    return new LinkSettings(
        bucket,
        blankToNull(values.get("URL")),
        creds == null ? null : Path.of(creds),
        blankToNull(values.get("JWT")),
        Secret.of(values.getOrDefault("SEED", "").strip()),
        domain != null ? domain : blankToNull(hostJsDomain),
        n);
  }

  /** {@code kv_{lattice}_{actor}}: one bucket per actor per lattice. */
  static String defaultBucket(String lattice, String actorId) {
    return "kv_" + lattice + "_" + actorId;
  }

  /** Whether the link needs a NATS connection of its own. */
  boolean ownConnection() {
    return urls != null || credsFile != null || jwt != null || !seed.isEmpty();
  }

  /** The settings of the link's own connection; {@code hostData} gives the default url. */
  NatsConfig natsConfig(HostData hostData) {
    NatsConfigBuilder builder = NatsConfig.builder().withConnectionName("keyvalue-nats " + bucket);
    String list = urls != null ? urls : hostData.natsUrl();
    for (String url : list.split(",")) {
      if (!url.isBlank()) {
        builder.addUrl(url.strip());
      }
    }
    if (credsFile != null) {
      builder.withCredsFile(credsFile);
    } else if (jwt != null) {
      builder.withUserJwt(jwt, seed.reveal());
    } else if (!seed.isEmpty()) {
      builder.withSeed(seed.reveal());
    }
    if (jsDomain != null) {
      builder.withJsDomain(jsDomain);
    }
    return builder.build();
  }

  private static Map<String, String> upperCased(Map<String, String> values) {
    Map<String, String> out = new HashMap<>();
    values.forEach((k, v) -> out.put(k.toUpperCase(Locale.ROOT), v));
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "LinkSettings[bucket="
        + bucket
        + ", url="
        + (urls == null ? "(provider's connection)" : urls)
        + ", creds="
        + (credsFile != null ? "file" : jwt != null ? "jwt" : !seed.isEmpty() ? "nkey" : "none")
        + ", js_domain="
        + jsDomain
        + ", replicas="
        + replicas
        + "]";
  }
}
