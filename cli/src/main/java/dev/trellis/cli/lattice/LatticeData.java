package dev.trellis.cli.lattice;

import dev.trellis.cli.CliException;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.ClaimsRecord;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.LatticeDataCodec;
import dev.trellis.interfaces.control.LinkDeleteRequest;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.interfaces.wire.LinkDefinitionCodec;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueOptions;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The lattice metadata as wash's client reads it (controlplane §4): the {@code
 * LATTICEDATA_{prefix}} KV bucket when it exists ({@code CLAIMS_*}, {@code LINKDEF_*}), else the
 * legacy control topics ({@code get.claims}, {@code get.links}, {@code linkdefs.put/del}). As in
 * the crate, whether the bucket exists is decided once, when this object is made.
 */
public final class LatticeData {
  private final CtlClient client;
  private final KeyValue bucket;

  private LatticeData(CtlClient client, KeyValue bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  /** Opens the lattice's bucket, or falls back to the control topics when it does not exist. */
  public static LatticeData open(CtlClient client) {
    String name = Subjects.latticeDataBucket(client.lattice());
    KeyValueOptions options = client.settings().toNatsConfig().keyValueOptions();
    KeyValue bucket = null;
    try {
      client.connection().keyValueManagement(options).getStatus(name);
      bucket = client.connection().keyValue(name, options);
    } catch (JetStreamApiException | IOException | RuntimeException e) {
      // no bucket (or no JetStream): the control topics answer instead
    }
    return new LatticeData(client, bucket);
  }

  /** Whether the KV bucket is used (else the control topics). */
  public boolean hasBucket() {
    return bucket != null;
  }

  /** Every claims record of the lattice, by name then subject. */
  public List<ClaimsRecord> claims() {
    List<ClaimsRecord> claims = new ArrayList<>();
    if (bucket != null) {
      for (byte[] value : values(Subjects.CLAIMS_KEY_PREFIX)) {
        try {
          claims.add(LatticeDataCodec.decodeClaims(value));
        } catch (DecodeException e) {
          // a value another tool wrote badly; wash skips it as well
        }
      }
    } else {
      byte[] reply =
          client.request(
              Subjects.getClaims(client.prefix(), client.lattice()),
              new byte[0],
              "get the claims",
              "no host answered; " + client.noHostsHint());
      claims.addAll(decode(() -> LatticeDataCodec.decodeClaimsReply(reply).claims(), "claims"));
    }
    claims.sort(Comparator.comparing(ClaimsRecord::name).thenComparing(ClaimsRecord::subject));
    return claims;
  }

  /** Every link of the lattice, by actor, contract and link name. */
  public List<LinkDefinition> links() {
    List<LinkDefinition> links = new ArrayList<>();
    if (bucket != null) {
      for (byte[] value : values(Subjects.LINKDEF_KEY_PREFIX)) {
        try {
          links.add(LinkDefinitionCodec.decodeJson(value));
        } catch (DecodeException e) {
          // skipped, as above
        }
      }
    } else {
      byte[] reply =
          client.request(
              Subjects.getLinks(client.prefix(), client.lattice()),
              new byte[0],
              "get the links",
              "no host answered; " + client.noHostsHint());
      links.addAll(decode(() -> LatticeDataCodec.decodeLinksReply(reply).links(), "links"));
    }
    links.sort(
        Comparator.comparing(LinkDefinition::actorId)
            .thenComparing(LinkDefinition::contractId)
            .thenComparing(LinkDefinition::linkName));
    return links;
  }

  /** Puts {@code link}: KV key {@code LINKDEF_{id}}, or {@code linkdefs.put}. */
  public void putLink(LinkDefinition link) {
    String action = "put the link " + describe(link.actorId(), link.contractId(), link.linkName());
    if (bucket != null) {
      try {
        bucket.put(Subjects.linkdefKey(link), LinkDefinitionCodec.encodeJson(link));
      } catch (IOException | JetStreamApiException e) {
        throw new CliException("failed to " + action + ": " + e.getMessage(), e);
      }
    } else {
      client.command(
          Subjects.ctlLinkdefsPut(client.prefix(), client.lattice()),
          CommandCodec.encodeLinkPut(link),
          action,
          "no host answered; " + client.noHostsHint());
    }
  }

  /**
   * Deletes a link: KV delete of {@code LINKDEF_{id}}, or {@code linkdefs.del}.
   *
   * @return whether the link existed (always true on the control-topic path, which cannot tell)
   */
  public boolean deleteLink(String actorId, String contractId, String linkName) {
    LinkDeleteRequest request = new LinkDeleteRequest(actorId, contractId, linkName);
    String action = "delete the link " + describe(actorId, contractId, linkName);
    if (bucket != null) {
      String key = Subjects.linkdefKey(request.linkId());
      try {
        if (bucket.get(key) == null) {
          return false;
        }
        bucket.delete(key);
        return true;
      } catch (IOException | JetStreamApiException e) {
        throw new CliException("failed to " + action + ": " + e.getMessage(), e);
      }
    }
    client.command(
        Subjects.ctlLinkdefsDel(client.prefix(), client.lattice()),
        CommandCodec.encode(request),
        action,
        "no host answered; " + client.noHostsHint());
    return true;
  }

  /** The actor whose claims carry call alias {@code alias}, if one does (first one wins). */
  public Optional<ClaimsRecord> actorByAlias(String alias) {
    return claims().stream()
        .filter(c -> c.subject().startsWith("M") && alias.equals(c.callAlias()))
        .findFirst();
  }

  /** The claims of {@code publicKey}, if the lattice has them. */
  public Optional<ClaimsRecord> claimsOf(String publicKey) {
    return claims().stream().filter(c -> c.subject().equals(publicKey)).findFirst();
  }

  private List<byte[]> values(String keyPrefix) {
    List<byte[]> values = new ArrayList<>();
    try {
      for (String key : bucket.keys()) {
        if (!key.startsWith(keyPrefix)) {
          continue;
        }
        KeyValueEntry entry = bucket.get(key);
        if (entry != null && entry.getValue() != null) {
          values.add(entry.getValue());
        }
      }
    } catch (IOException | JetStreamApiException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new CliException(
          "failed to read the lattice data bucket "
              + Subjects.latticeDataBucket(client.lattice())
              + ": "
              + e.getMessage(),
          e);
    }
    return values;
  }

  private static <T> List<T> decode(Supplier<List<T>> decoder, String what) {
    try {
      return decoder.get();
    } catch (DecodeException e) {
      throw new CliException("failed to get the " + what + ": " + e.getMessage(), e);
    }
  }

  /** {@code actor → contract (link name)} for messages. */
  public static String describe(String actorId, String contractId, String linkName) {
    return actorId + " → " + contractId + " (link name '" + linkName + "')";
  }
}
