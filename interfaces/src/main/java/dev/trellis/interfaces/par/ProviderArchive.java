package dev.trellis.interfaces.par;

import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.ClaimsException;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ProviderMetadata;
import dev.trellis.interfaces.keys.KeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A provider archive (PAR, spec §7.1): a tar, optionally gzipped, holding {@code claims.jwt} (a
 * wascap JWT with provider metadata, issuer = an account key, subject = the provider's service key)
 * and one executable per target, {@code {target}.bin}. Immutable.
 *
 * <p>Reading only checks the structure and decodes the claims, so a damaged archive can still be
 * inspected. Binaries are only handed out after their hash matched the signed {@code
 * target_hashes}; {@link #verifyClaims} checks the signature and validity window. To launch a
 * provider use {@link #nativeExecutable(Clock)}, which does both.
 */
public final class ProviderArchive {
  /** The default limit on uncompressed content when reading: 512 MiB. */
  public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

  static final String CLAIMS_STEM = "claims";
  static final String CLAIMS_FILE = "claims.jwt";
  static final String BINARY_SUFFIX = ".bin";

  private final String jwt;
  private final Claims<ProviderMetadata> claims;
  private final Map<String, byte[]> binaries;

  ProviderArchive(String jwt, Claims<ProviderMetadata> claims, Map<String, byte[]> binaries) {
    this.jwt = jwt;
    this.claims = claims;
    this.binaries = Collections.unmodifiableMap(new TreeMap<>(binaries));
  }

  /** Reads an archive ({@code .par} or {@code .par.gz}, detected by the gzip magic). */
  public static ProviderArchive read(byte[] bytes) {
    return read(bytes, DEFAULT_MAX_BYTES);
  }

  /** Reads an archive, refusing more than {@code maxBytes} of uncompressed content. */
  public static ProviderArchive read(byte[] bytes, long maxBytes) {
    Map<String, byte[]> entries = ParTar.read(bytes, maxBytes);
    byte[] claimsBytes = entries.remove(CLAIMS_STEM);
    if (claimsBytes == null || entries.isEmpty()) {
      throw new MalformedArchiveException(
          "failed to read provider archive: not enough files found in provider archive (need "
              + CLAIMS_FILE
              + " and at least one target binary); is this a complete archive?");
    }
    String token = new String(claimsBytes, StandardCharsets.UTF_8);
    Claims<ProviderMetadata> decoded;
    try {
      decoded = Jwt.decode(token, ProviderMetadata.class);
    } catch (ClaimsException e) {
      throw new MalformedArchiveException(
          "failed to read provider archive: " + CLAIMS_FILE + " does not decode: " + e.getMessage(),
          e);
    }
    if (decoded.metadata() == null) {
      throw new MalformedArchiveException(
          "failed to read provider archive: " + CLAIMS_FILE + " has no wascap metadata");
    }
    return new ProviderArchive(token, decoded, entries);
  }

  /** Reads an archive from a stream (read fully, within {@link #DEFAULT_MAX_BYTES}). */
  public static ProviderArchive read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(DEFAULT_MAX_BYTES + 1, Integer.MAX_VALUE - 8));
    if (bytes.length > DEFAULT_MAX_BYTES) {
      throw new MalformedArchiveException(
          "failed to read provider archive: larger than " + DEFAULT_MAX_BYTES + " bytes");
    }
    return read(bytes);
  }

  /** Reads an archive file. */
  public static ProviderArchive read(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in);
    }
  }

  public static ProviderArchiveBuilder builder() {
    return new ProviderArchiveBuilder();
  }

  /** The {@code claims.jwt} token. */
  public String jwt() {
    return jwt;
  }

  /** The decoded (not yet verified) claims. */
  public Claims<ProviderMetadata> claims() {
    return claims;
  }

  public ProviderMetadata metadata() {
    return claims.metadata();
  }

  /** The provider's public key ({@code sub}, {@code V…}). */
  public String providerKey() {
    return claims.subject();
  }

  /** The targets with a binary in this archive, sorted. */
  public Set<String> targets() {
    return Collections.unmodifiableSet(new TreeSet<>(binaries.keySet()));
  }

  /**
   * Verifies the claims token: signature by {@code iss}, expiry, not-before, metadata present.
   *
   * @throws ClaimsException (a subclass) naming the failure
   */
  public Claims<ProviderMetadata> verifyClaims(Clock clock) {
    return Jwt.verify(jwt, ProviderMetadata.class, clock);
  }

  /**
   * The binary for {@code target}, after checking its SHA-256 against the claims.
   *
   * @throws TargetNotFoundException if the archive has no such target
   * @throws TargetHashMismatchException if the binary does not match its signed hash
   */
  public byte[] binary(String target) {
    byte[] binary = binaries.get(target);
    if (binary == null) {
      throw new TargetNotFoundException(
          "failed to load provider "
              + providerKey()
              + ": no binary for target "
              + target
              + "; the archive has "
              + targets());
    }
    String expected = metadata().targetHashes().get(target);
    String actual = sha256Hex(binary);
    if (expected == null) {
      throw new TargetHashMismatchException(
          "failed to load provider "
              + providerKey()
              + ": the claims have no hash for target "
              + target);
    }
    if (!expected.equals(actual)) {
      throw new TargetHashMismatchException(
          "failed to load provider "
              + providerKey()
              + ": file hash and verify hash do not match for '"
              + target
              + "' (claims "
              + expected
              + ", file "
              + actual
              + ")");
    }
    return binary.clone();
  }

  /** The binary for this platform ({@link ProviderTarget#current()}), hash-checked. */
  public byte[] nativeBinary() {
    return binary(ProviderTarget.current());
  }

  /** What a host runs: verifies the claims, then returns the hash-checked native binary. */
  public byte[] nativeExecutable(Clock clock) {
    verifyClaims(clock);
    return nativeBinary();
  }

  /** Verifies the claims and the hash of every binary in the archive. */
  public void verify(Clock clock) {
    verifyClaims(clock);
    for (String target : binaries.keySet()) {
      binary(target);
    }
  }

  /**
   * A copy with {@code binary} added (or replaced) for {@code target}, re-signed by {@code issuer}:
   * new {@code iss}, {@code jti} and {@code iat}; the subject, metadata and validity window are
   * kept and {@code target_hashes} recomputed. Existing binaries are checked first.
   */
  public ProviderArchive withTarget(String target, byte[] binary, KeyPair issuer, Clock clock) {
    Map<String, byte[]> updated = new LinkedHashMap<>();
    for (String existing : binaries.keySet()) {
      updated.put(existing, binary(existing));
    }
    updated.put(target, binary.clone());
    return ProviderArchiveBuilder.sign(
        metadata(), updated, issuer, claims.subject(), claims.expires(), claims.notBefore(), clock);
  }

  /** The archive as a tar, gzipped if {@code gzip}. */
  public byte[] toBytes(boolean gzip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(CLAIMS_FILE, jwt.getBytes(StandardCharsets.UTF_8));
    binaries.forEach((target, binary) -> entries.put(target + BINARY_SUFFIX, binary));
    return ParTar.write(entries, claims.issuedAt(), gzip);
  }

  /** Writes the archive to {@code path}, gzipped if {@code gzip}. */
  public void write(Path path, boolean gzip) {
    try {
      Files.write(path, toBytes(gzip));
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write provider archive " + path, e);
    }
  }

  @Override
  public String toString() {
    return "ProviderArchive[" + providerKey() + ", " + metadata().capid() + ", " + targets() + "]";
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
