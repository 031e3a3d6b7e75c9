package dev.trellis.nats;

import dev.trellis.interfaces.Secret;
import io.nats.client.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * A NATS operator-mode trust chain made on the spot, as {@code nsc} would make one: an operator,
 * one account the operator signs, one user the account signs (nats-io/jwt v2 claims, {@code
 * ed25519-nkey} signatures, no limits), and the server configuration that admits that user and
 * nobody else (the account preloaded in a {@code MEMORY} resolver). For local servers and tests
 * that need JWT authentication (controlplane §5.4: a user JWT and its seed, or a creds file):
 *
 * <pre>{@code
 * OperatorMode trust = OperatorMode.create();
 * Path config = Files.writeString(dir.resolve("operator.conf"), trust.serverConfig());
 * try (NatsServer server = NatsServer.builder().withConfigFile(config).build().start()) {
 *   NatsConfig.builder()
 *       .addUrl(server.url())
 *       .withUserJwt(trust.userJwt(), trust.userSeed().reveal())
 *       .build()
 *       .connect();
 * }
 * }</pre>
 *
 * <p>The keys live only in this object; the user seed is a {@link Secret}. Immutable.
 */
public final class OperatorMode {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = b64("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}");

  private final String operatorJwt;
  private final String accountKey;
  private final String accountJwt;
  private final String userJwt;
  private final Secret userSeed;

  private OperatorMode(
      String operatorJwt, String accountKey, String accountJwt, String userJwt, Secret userSeed) {
    this.operatorJwt = operatorJwt;
    this.accountKey = accountKey;
    this.accountJwt = accountJwt;
    this.userJwt = userJwt;
    this.userSeed = userSeed;
  }

  /**
   * A new operator, account and user with fresh keys.
   *
   * @throws NatsConfigException if the JVM cannot make or use Ed25519 keys
   */
  public static OperatorMode create() {
    try {
      SecureRandom random = new SecureRandom();
      NKey operator = NKey.createOperator(random);
      NKey account = NKey.createAccount(random);
      NKey user = NKey.createUser(random);
      return new OperatorMode(
          sign(operator, operator, "{\"type\":\"operator\",\"version\":2}"),
          new String(account.getPublicKey()),
          sign(
              operator,
              account,
              "{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
                  + "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1},"
                  + "\"type\":\"account\",\"version\":2}"),
          sign(
              account,
              user,
              "{\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,\"payload\":-1,"
                  + "\"type\":\"user\",\"version\":2}"),
          Secret.of(new String(user.getSeed())));
    } catch (IOException | GeneralSecurityException e) {
      throw new NatsConfigException("failed to make operator-mode keys and JWTs: " + e, e);
    }
  }

  /** The operator's self-signed JWT. */
  public String operatorJwt() {
    return operatorJwt;
  }

  /** The account's public key, {@code A…}. */
  public String accountKey() {
    return accountKey;
  }

  /** The account's JWT, signed by the operator. */
  public String accountJwt() {
    return accountJwt;
  }

  /** The user's JWT, signed by the account. */
  public String userJwt() {
    return userJwt;
  }

  /** The user's nkey seed, {@code SU…}, which proves the user holds the JWT's key. */
  public Secret userSeed() {
    return userSeed;
  }

  /** A nats-server configuration trusting this operator, with the account preloaded. */
  public String serverConfig() {
    return "operator: \""
        + operatorJwt
        + "\"\nresolver: MEMORY\nresolver_preload: {\n  "
        + accountKey
        + ": \""
        + accountJwt
        + "\"\n}\n";
  }

  @Override
  public String toString() {
    return "OperatorMode[account=" + accountKey + "]";
  }

  private static String sign(NKey issuer, NKey subject, String nats)
      throws IOException, GeneralSecurityException {
    String claims =
        "{\"jti\":\""
            + UUID.randomUUID()
            + "\",\"iat\":"
            + System.currentTimeMillis() / 1000
            + ",\"iss\":\""
            + new String(issuer.getPublicKey())
            + "\",\"name\":\"trellis\",\"sub\":\""
            + new String(subject.getPublicKey())
            + "\",\"nats\":"
            + nats
            + "}";
    String signed = HEADER + "." + b64(claims);
    return signed + "." + B64.encodeToString(issuer.sign(signed.getBytes(StandardCharsets.UTF_8)));
  }

  private static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
