package dev.trellis.testing;

import dev.trellis.nats.BundledServerConfig;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against one real nats-server, started before its first test and
 * stopped after its last, with a unique lattice prefix for every test.
 *
 * <pre>{@code
 * @WithNats
 * class KeyValueIT {
 *   @Test
 *   void putsAndGets(NatsFixture nats, Lattice lattice) throws Exception {
 *     Connection nc = nats.connect(); // closed by the extension after the test
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Test methods, lifecycle methods and constructors may declare parameters of type {@link
 * NatsFixture}, {@link dev.trellis.nats.NatsServer}, {@link io.nats.client.Connection} and {@link
 * Lattice}. See {@link NatsServerExtension} for the details. Name such test classes {@code *IT}:
 * they run in Maven's {@code verify} phase.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NatsServerExtension.class)
public @interface WithNats {
  /** The server configuration file to start the server with. */
  BundledServerConfig config() default BundledServerConfig.DEV;
}
