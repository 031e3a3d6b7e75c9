package dev.trellis.host.provider;

import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.NKeys;
import dev.trellis.interfaces.par.ArchiveException;
import dev.trellis.interfaces.par.ProviderArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to run as a provider and under which identity.
 *
 * @param providerKey the provider's service key ({@code V…})
 * @param contractId the contract it serves, e.g. {@code wasmcloud:keyvalue}
 * @param linkName the link name it serves under
 * @param executable the program to spawn; null for an attached provider
 * @param imageRef the reference it was started from, echoed in events
 * @param configJson opaque configuration passed as HostData {@code config_json}
 * @param annotations free annotations, echoed in events and inventory
 * @param claims the archive's verified claims; null for a bare executable or attached provider
 * @param jwt the archive's claims token; null without claims
 */
public record ProviderSpec(
    String providerKey,
    String contractId,
    String linkName,
    Path executable,
    String imageRef,
    String configJson,
    Map<String, String> annotations,
    Claims<ProviderMetadata> claims,
    String jwt) {

  public ProviderSpec {
    if (!NKeys.isValidPublicKey(providerKey, KeyType.SERVICE)) {
      throw new ProviderStartException(
          "failed to start provider: '"
              + providerKey
              + "' is not a provider public key (56 characters starting with V)");
    }
    Objects.requireNonNull(contractId, "contractId");
    linkName = linkName == null || linkName.isEmpty() ? "default" : linkName;
    imageRef = imageRef == null ? "" : imageRef;
    configJson = configJson == null ? "" : configJson;
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** A provider program started from a plain executable, under an identity given by the caller. */
  public static ProviderSpec executable(
      String providerKey, String contractId, String linkName, Path executable) {
    return new ProviderSpec(
        providerKey,
        contractId,
        linkName,
        executable,
        executable.toString(),
        "",
        Map.of(),
        null,
        null);
  }

  /** A provider started elsewhere that this host only watches. */
  public static ProviderSpec attached(String providerKey, String contractId, String linkName) {
    return new ProviderSpec(providerKey, contractId, linkName, null, "", "", Map.of(), null, null);
  }

  /**
   * Reads a provider archive (spec §7.1), verifies its claims' signature and the native target's
   * hash, and extracts that binary (mode 0755) to {@code {cacheRoot}/{provider
   * key}/{revision}/{contract}_{link}} unless it is already there.
   */
  public static ProviderSpec fromArchive(
      Path archive, String linkName, Path cacheRoot, String imageRef, Clock clock) {
    String link = linkName == null || linkName.isEmpty() ? "default" : linkName;
    try {
      ProviderArchive par = ProviderArchive.read(archive);
      byte[] binary = par.nativeExecutable(clock);
      Claims<ProviderMetadata> claims = par.claims();
      ProviderMetadata metadata = claims.metadata();
      long revision =
          metadata.rev() != null && metadata.rev() != 0 ? metadata.rev() : claims.issuedAt();
      Path target =
          cacheRoot
              .resolve(claims.subject())
              .resolve(Long.toString(revision))
              .resolve(sanitize(metadata.capid()) + "_" + sanitize(link));
      if (!Files.isRegularFile(target) || Files.size(target) != binary.length) {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "provider", ".tmp");
        Files.write(temp, binary);
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return new ProviderSpec(
          claims.subject(),
          metadata.capid(),
          link,
          target,
          imageRef == null ? archive.toString() : imageRef,
          "",
          Map.of(),
          claims,
          par.jwt());
    } catch (ArchiveException | dev.trellis.interfaces.claims.ClaimsException e) {
      throw new ProviderStartException(
          "failed to start provider from " + archive + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ProviderStartException(
          "failed to start provider from " + archive + ": " + e.getMessage(), e);
    }
  }

  public ProviderSpec withConfigJson(String value) {
    return new ProviderSpec(
        providerKey, contractId, linkName, executable, imageRef, value, annotations, claims, jwt);
  }

  public ProviderSpec withAnnotations(Map<String, String> value) {
    return new ProviderSpec(
        providerKey, contractId, linkName, executable, imageRef, configJson, value, claims, jwt);
  }

  public ProviderSpec withImageRef(String value) {
    return new ProviderSpec(
        providerKey, contractId, linkName, executable, value, configJson, annotations, claims, jwt);
  }

  /** A display id for logs: the key's first characters and the link name. */
  public String logId() {
    return providerKey.substring(0, 12) + "/" + linkName;
  }

  private static String sanitize(String value) {
    return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }
}
