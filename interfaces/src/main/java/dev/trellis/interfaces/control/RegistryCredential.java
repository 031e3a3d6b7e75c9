package dev.trellis.interfaces.control;

import dev.trellis.interfaces.Secret;
import java.util.Locale;
import java.util.Objects;

/**
 * Credentials for one artifact registry (controlplane §2.7, §5.8). The password and token are
 * {@link Secret}s: they never show in {@code toString()}.
 *
 * @param registryType what kind of registry they are for
 * @param username the user name; {@code ""} when absent
 * @param password the password; empty when absent
 * @param token a bearer token; empty when absent
 */
public record RegistryCredential(
    RegistryType registryType, String username, Secret password, Secret token) {
  public RegistryCredential {
    Objects.requireNonNull(registryType, "registryType");
    username = username == null ? "" : username;
    password = password == null ? Secret.empty() : password;
    token = token == null ? Secret.empty() : token;
  }

  /** Whether at least one of username, password and token is given (OTP drops the others). */
  public boolean hasCredentials() {
    return !username.isEmpty() || !password.isEmpty() || !token.isEmpty();
  }

  /**
   * The registry server a credential-map key names, as OTP normalises it: the scheme ({@code
   * oci://}, {@code bindle://}, {@code http://}, {@code https://}) is dropped; for OCI the text
   * before the first {@code /} remains, for bindle the text after the last {@code @}.
   */
  public static String serverName(String key, RegistryType type) {
    String rest = key;
    for (String scheme : new String[] {"oci://", "bindle://", "http://", "https://"}) {
      if (rest.toLowerCase(Locale.ROOT).startsWith(scheme)) {
        rest = rest.substring(scheme.length());
        break;
      }
    }
    if (type == RegistryType.OCI) {
      int slash = rest.indexOf('/');
      return slash < 0 ? rest : rest.substring(0, slash);
    }
    int at = rest.lastIndexOf('@');
    return at < 0 ? rest : rest.substring(at + 1);
  }
}
