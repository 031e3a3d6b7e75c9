/**
 * Test support for providers written with {@code provider-sdk-java}: what a host does around a
 * provider, without a host.
 *
 * <ul>
 *   <li>{@link dev.trellis.provider.testing.ProviderHarness}: the host side of one provider on the
 *       {@code @WithNats} server of the test: keys, HostData (for an in-process {@code
 *       ProviderRunner} or a child's stdin), link puts and deletes, signed invocations, health and
 *       shutdown requests, and actors played by NATS responders ({@link
 *       dev.trellis.provider.testing.StandInActor}) that check each call as a host does.
 *   <li>{@link dev.trellis.provider.testing.ProviderProcess}: a provider started as a real child
 *       process, the way a host starts one.
 *   <li>{@link dev.trellis.provider.testing.ArchivePacker}: the build step (exec-maven-plugin, test
 *       class path) that packs a provider's shaded jar into a self-contained executable and a
 *       signed provider archive; {@link dev.trellis.provider.testing.PackedArchive} reads that
 *       archive back, checked, and extracts its executable for the provider's tests to run.
 * </ul>
 *
 * <p>Why a module of its own. These helpers need the SDK ({@code ProviderRunner}, {@code
 * CapabilityProvider}) and the {@code testing} module ({@code NatsFixture}, {@code Lattice}), so
 * they cannot live in {@code testing}: {@code host-core} tests with {@code testing} and must never
 * see the SDK, not even transitively (its enforcer rules ban it). A test-jar of {@code
 * provider-sdk-java} would mix them with the SDK's own tests, carry none of their dependencies
 * (every provider would repeat {@code testing} and the rest), and escape the enforcer rules that a
 * module states in its pom. Here the dependencies are declared once, {@code bannedDependencies}
 * keeps this module away from {@code host-core}, {@code cli} and the providers, and each provider's
 * pom admits it in test scope only.
 */
package dev.trellis.provider.testing;
