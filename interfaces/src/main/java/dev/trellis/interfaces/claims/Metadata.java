package dev.trellis.interfaces.claims;

/**
 * The type-specific {@code wascap} object of a claims token (spec §8.3): an actor's module claims,
 * a provider archive's claims, or an invocation's anti-forgery claims.
 */
public sealed interface Metadata permits ActorMetadata, ProviderMetadata, InvocationMetadata {}
