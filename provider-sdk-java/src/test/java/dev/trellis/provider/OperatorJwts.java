package dev.trellis.provider;

import io.nats.client.NKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Issues the operator, account and user JWTs of a NATS operator-mode setup (nats-io/jwt v2 claims,
 * ed25519-nkey signatures), so tests can run a server that only admits JWT-authenticated users. (A
 * copy of nats-config's test class of the same name, which this module cannot see.)
 */
final class OperatorJwts {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = b64("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}");

  final NKey operator;
  final NKey account;
  final NKey user;

  OperatorJwts() throws Exception {
    SecureRandom random = new SecureRandom();
    operator = NKey.createOperator(random);
    account = NKey.createAccount(random);
    user = NKey.createUser(random);
  }

  String operatorJwt() throws Exception {
    return sign(operator, operator, "{\"type\":\"operator\",\"version\":2}");
  }

  String accountJwt() throws Exception {
    return sign(
        operator,
        account,
        "{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,\"exports\":-1,"
            + "\"wildcards\":true,\"conn\":-1,\"leaf\":-1},\"type\":\"account\",\"version\":2}");
  }

  String userJwt() throws Exception {
    return sign(
        account,
        user,
        "{\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,\"payload\":-1,"
            + "\"type\":\"user\",\"version\":2}");
  }

  String userSeed() throws Exception {
    return new String(user.getSeed());
  }

  /** A server config admitting only users signed by this operator's account. */
  String serverConfig() throws Exception {
    return "operator: \""
        + operatorJwt()
        + "\"\nresolver: MEMORY\nresolver_preload: {\n  "
        + new String(account.getPublicKey())
        + ": \""
        + accountJwt()
        + "\"\n}\n";
  }

  private static String sign(NKey issuer, NKey subject, String nats) throws Exception {
    String claims =
        "{\"jti\":\""
            + UUID.randomUUID()
            + "\",\"iat\":"
            + System.currentTimeMillis() / 1000
            + ",\"iss\":\""
            + new String(issuer.getPublicKey())
            + "\",\"name\":\"trellis-test\",\"sub\":\""
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
