// Signs the actor corpus as listed in signing.json, with Trellis' own claims code.
// Usage (through ./sign): SignManifest sign-manifest <signing.json> <unsigned dir> <signed dir>
// Deterministic: fixed iat and jti from the manifest, and Ed25519 is deterministic, so the signed
// corpus rebuilds byte for byte.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.Jwt;
import dev.trellis.interfaces.claims.ModuleClaims;
import dev.trellis.interfaces.keys.KeyPair;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

public class SignManifest {
  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !args[0].equals("sign-manifest")) {
      System.err.println("usage: SignManifest sign-manifest <signing.json> <unsigned dir> <signed dir>");
      System.exit(2);
    }
    Path manifestPath = Path.of(args[1]);
    Path base = manifestPath.toAbsolutePath().getParent();
    JsonNode manifest = new ObjectMapper().readTree(manifestPath.toFile());
    KeyPair account = KeyPair.fromSeed(Files.readString(base.resolve(manifest.get("account_key").asText())).trim());
    long iat = manifest.get("iat").asLong();
    int revision = manifest.get("wascap_revision").asInt();
    Path unsigned = Path.of(args[2]);
    Path signed = Path.of(args[3]);
    Files.createDirectories(signed);
    for (JsonNode entry : manifest.get("modules")) {
      String output = entry.get("output").asText();
      byte[] module = Files.readAllBytes(unsigned.resolve(entry.get("input").asText() + ".wasm"));
      KeyPair moduleKey = KeyPair.fromSeed(Files.readString(base.resolve(entry.get("module_key").asText())).trim());
      ActorMetadata.Builder metadata = ActorMetadata.builder()
          .withName(entry.get("name").asText())
          .withCaps(strings(entry.get("caps")))
          .withTags(strings(entry.get("tags")))
          .withRevision(entry.get("rev").asInt())
          .withVersion(entry.get("ver").asText());
      if (entry.hasNonNull("call_alias")) {
        metadata.withCallAlias(entry.get("call_alias").asText());
      }
      Claims<ActorMetadata> claims = Claims.builder(metadata.build())
          .withIssuer(account.publicKey())
          .withSubject(moduleKey.publicKey())
          .withJti(entry.get("jti").asText())
          .withIssuedAt(iat)
          .withWascapRevision(revision)
          .build();
      String variant = entry.get("variant").asText();
      byte[] result = switch (variant) {
        case "normal", "missing-caps" -> ModuleClaims.embed(module, claims, account);
        case "bad-signature" -> badSignature(ModuleClaims.embed(module, claims, account));
        case "hash-mismatch" -> hashMismatch(module, claims, account);
        default -> throw new IllegalArgumentException("unknown variant '" + variant + "' for " + output);
      };
      Files.write(signed.resolve(output + ".wasm"), result);
    }
    System.err.println("signed " + manifest.get("modules").size() + " modules into " + signed);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** Flips bit 0 of the signature's first byte and re-encodes it (base64url, no padding). */
  private static byte[] badSignature(byte[] module) {
    String jwt = ModuleClaims.extractJwt(module).orElseThrow();
    String[] parts = jwt.split("\\.");
    byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
    sig[0] ^= 0x01;
    String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    return appendSection(ModuleClaims.strip(module), "wasmcloud_jwt", forged.getBytes(StandardCharsets.US_ASCII));
  }

  /** The input plus a `trellis_tamper` section, signed with the hash of the input alone. */
  private static byte[] hashMismatch(byte[] module, Claims<ActorMetadata> claims, KeyPair account) {
    String hash = ModuleClaims.computeHash(module);
    String jwt = Jwt.encode(claims.withMetadata(claims.metadata().withHash(hash)), account);
    byte[] tampered = appendSection(module, "trellis_tamper", new byte[] {0});
    return appendSection(tampered, "wasmcloud_jwt", jwt.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] appendSection(byte[] module, String name, byte[] payload) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    leb128(body, nameBytes.length);
    body.writeBytes(nameBytes);
    body.writeBytes(payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(module);
    out.write(0);
    leb128(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void leb128(ByteArrayOutputStream out, int value) {
    do {
      int b = value & 0x7f;
      value >>>= 7;
      out.write(value == 0 ? b : b | 0x80);
    } while (value != 0);
  }
}
