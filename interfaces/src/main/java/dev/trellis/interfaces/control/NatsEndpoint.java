package dev.trellis.interfaces.control;

import dev.trellis.interfaces.Secret;
import java.util.Objects;

/**
 * One NATS connection of a host as {@code host_config.json} describes it (controlplane §5.3, §5.4):
 * the {@code *_host}, {@code *_port}, {@code *_jwt}, {@code *_seed} and {@code *_tls} keys of the
 * control, RPC or provider-RPC connection.
 *
 * @param host the server host, e.g. {@code 127.0.0.1}
 * @param port the server port, 1..65535
 * @param jwt the user JWT; {@code ""} for none
 * @param seed the user seed signing the JWT (or nkey auth without JWT); empty for none
 * @param tls whether to require TLS
 */
public record NatsEndpoint(String host, int port, String jwt, Secret seed, boolean tls) {
  /** wasmCloud's default server: {@code 127.0.0.1:4222}, anonymous, plain. */
  public static final NatsEndpoint DEFAULT =
      new NatsEndpoint("127.0.0.1", 4222, "", Secret.empty(), false);

  public NatsEndpoint {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 1..65535: " + port);
    }
    jwt = jwt == null ? "" : jwt;
    seed = seed == null ? Secret.empty() : seed;
  }
}
