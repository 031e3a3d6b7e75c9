package dev.trellis.interfaces.control;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.claims.ActorMetadata;
import dev.trellis.interfaces.claims.Claims;
import dev.trellis.interfaces.claims.ProviderMetadata;
import java.util.List;
import java.util.Objects;

/**
 * The claims of an actor or provider as the lattice shares them: the value of KV key {@code
 * CLAIMS_{public key}} and an item of the {@code get.claims} reply (controlplane §3.4). Every value
 * is a string and never null, because the crate reads the record as {@code HashMap<String,
 * String>}: lists are comma-joined, the revision is decimal text.
 *
 * @param subject {@code sub}: the actor ({@code M…}) or provider ({@code V…}) public key
 * @param issuer {@code iss}: the signing account ({@code A…})
 * @param name {@code name}; {@code ""} when absent
 * @param callAlias {@code call_alias}; {@code ""} when absent
 * @param caps {@code caps}: comma-joined contract ids of an actor; {@code ""} for providers
 * @param revision {@code rev}: the revision as text; {@code "0"} when absent
 * @param tags {@code tags}: comma-joined
 * @param version {@code version}: the human version; {@code ""} when absent
 * @param contractId {@code contract_id}: a provider's contract; {@code ""} for actors
 * @param configSchema {@code config_schema}: a provider's link-values schema (JSON text), or null
 *     when the claims have none (the key is then left out)
 */
public record ClaimsRecord(
    String subject,
    String issuer,
    String name,
    String callAlias,
    String caps,
    String revision,
    String tags,
    String version,
    String contractId,
    String configSchema) {
  public ClaimsRecord {
    Objects.requireNonNull(subject, "subject");
    issuer = orEmpty(issuer);
    name = orEmpty(name);
    callAlias = orEmpty(callAlias);
    caps = orEmpty(caps);
    revision = revision == null ? "0" : revision;
    tags = orEmpty(tags);
    version = orEmpty(version);
    contractId = orEmpty(contractId);
  }

  /** The record of an actor's module claims. */
  public static ClaimsRecord ofActor(Claims<ActorMetadata> claims) {
    ActorMetadata m = Objects.requireNonNull(claims.metadata(), "claims.metadata");
    return new ClaimsRecord(
        claims.subject(),
        claims.issuer(),
        m.name(),
        m.callAlias(),
        join(m.caps()),
        m.rev() == null ? null : m.rev().toString(),
        join(m.tags()),
        m.ver(),
        "",
        null);
  }

  /** The record of a provider archive's claims. */
  public static ClaimsRecord ofProvider(Claims<ProviderMetadata> claims) {
    ProviderMetadata m = Objects.requireNonNull(claims.metadata(), "claims.metadata");
    return new ClaimsRecord(
        claims.subject(),
        claims.issuer(),
        m.name(),
        "",
        "",
        m.rev() == null ? null : m.rev().toString(),
        "",
        m.ver(),
        m.capid(),
        m.configSchema());
  }

  /** {@code caps} split at commas, blanks dropped. */
  public List<String> capabilities() {
    return HostCodec.splitCommas(caps);
  }

  /** {@code tags} split at commas, blanks dropped. */
  public List<String> tagList() {
    return HostCodec.splitCommas(tags);
  }

  /** {@code rev} as a number; 0 when it is not a decimal int (as OTP's inventory falls back). */
  public int revisionNumber() {
    try {
      return Integer.parseInt(revision.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The KV key holding this record, {@code CLAIMS_{subject}}. */
  public String key() {
    return Subjects.claimsKey(subject);
  }

  private static String join(List<String> items) {
    return items == null ? "" : String.join(",", items);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
