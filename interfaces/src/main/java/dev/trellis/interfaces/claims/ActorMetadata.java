package dev.trellis.interfaces.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code wascap} object of an actor's module claims (spec §8.3). Optional fields are {@code
 * null} when absent; an absent list ({@code null}) and an empty list ({@code []}) are different on
 * the wire and both are kept.
 *
 * @param name the display name, or {@code null}
 * @param hash the module hash, 64 uppercase hex characters ({@code ""} in a signing template)
 * @param tags free tags, or {@code null}
 * @param caps the capability contract ids the actor may use, or {@code null}
 * @param rev the revision, or {@code null}
 * @param ver the human version, or {@code null}
 * @param callAlias the call alias, or {@code null}
 * @param provider the legacy "is a provider" flag ({@code prov})
 */
public record ActorMetadata(
    String name,
    String hash,
    List<String> tags,
    List<String> caps,
    Integer rev,
    String ver,
    String callAlias,
    boolean provider)
    implements Metadata {

  public ActorMetadata {
    hash = hash == null ? "" : hash;
    tags = tags == null ? null : List.copyOf(tags);
    caps = caps == null ? null : List.copyOf(caps);
  }

  /** A copy carrying another module hash. */
  public ActorMetadata withHash(String newHash) {
    return new ActorMetadata(name, newHash, tags, caps, rev, ver, callAlias, provider);
  }

  /** Whether {@code caps} contains {@code contractId}. */
  public boolean hasCapability(String contractId) {
    return caps != null && caps.contains(contractId);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds actor metadata; lists start absent and become present with the first entry. */
  public static final class Builder {
    private String name;
    private String hash = "";
    private List<String> tags;
    private List<String> caps;
    private Integer rev;
    private String ver;
    private String callAlias;
    private boolean provider;

    private Builder() {}

    public Builder withName(String value) {
      this.name = value;
      return this;
    }

    public Builder withHash(String value) {
      this.hash = Objects.requireNonNull(value, "hash");
      return this;
    }

    public Builder addTag(String tag) {
      tags = append(tags, tag);
      return this;
    }

    /** Sets the tags ({@code null} = absent). */
    public Builder withTags(List<String> value) {
      this.tags = value == null ? null : new ArrayList<>(value);
      return this;
    }

    public Builder addCap(String contractId) {
      caps = append(caps, contractId);
      return this;
    }

    /** Sets the capabilities ({@code null} = absent). */
    public Builder withCaps(List<String> value) {
      this.caps = value == null ? null : new ArrayList<>(value);
      return this;
    }

    public Builder withRevision(Integer value) {
      this.rev = value;
      return this;
    }

    public Builder withVersion(String value) {
      this.ver = value;
      return this;
    }

    public Builder withCallAlias(String value) {
      this.callAlias = value;
      return this;
    }

    public Builder withProvider(boolean value) {
      this.provider = value;
      return this;
    }

    public ActorMetadata build() {
      return new ActorMetadata(name, hash, tags, caps, rev, ver, callAlias, provider);
    }

    private static List<String> append(List<String> list, String value) {
      List<String> result = list == null ? new ArrayList<>() : list;
      result.add(Objects.requireNonNull(value));
      return result;
    }
  }
}
