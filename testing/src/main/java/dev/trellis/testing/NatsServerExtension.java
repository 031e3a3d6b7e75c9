package dev.trellis.testing;

import dev.trellis.nats.BundledServerConfig;
import dev.trellis.nats.NatsServer;
import io.nats.client.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * One real nats-server per test class, one lattice per test. Use it through {@link WithNats}.
 *
 * <ul>
 *   <li>{@code beforeAll} starts a nats-server with the class's {@link WithNats#config()} on a free
 *       port with a temporary JetStream store; {@code afterAll} stops it (by the pid it started)
 *       and deletes the store. A {@code @Nested} class shares its enclosing class's server.
 *   <li>The server's output is printed to stderr after the class only when one of its tests (or
 *       lifecycle methods) failed.
 *   <li>Parameters: {@link NatsFixture} (url, port, {@code connect()}), {@link NatsServer}, {@link
 *       Connection} (a fresh connection, closed after the test) and {@link Lattice}. The lattice is
 *       the same everywhere within one test ({@code @BeforeEach}, the test, {@code @AfterEach}) and
 *       different for every test.
 * </ul>
 */
public final class NatsServerExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        AfterEachCallback,
        ParameterResolver,
        TestWatcher,
        LifecycleMethodExecutionExceptionHandler {

  private static final Namespace NAMESPACE = Namespace.create(NatsServerExtension.class);
  private static final String SERVER = "server";
  private static final String OWNER = "owner";
  private static final String FAILED = "failed";
  private static final String FIXTURE = "fixture";
  private static final String LATTICE = "lattice";
  private static final Set<Class<?>> RESOLVED =
      Set.of(NatsFixture.class, NatsServer.class, Connection.class, Lattice.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    closeFixture(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Store store = context.getStore(NAMESPACE);
    if (!context.getUniqueId().equals(store.get(OWNER, String.class))) {
      return; // a @Nested class: the enclosing class owns the server
    }
    try {
      closeFixture(context);
    } finally {
      NatsServer server = store.remove(SERVER, NatsServer.class);
      AtomicBoolean failed = store.remove(FAILED, AtomicBoolean.class);
      try {
        server.close();
      } finally {
        if (failed.get()) {
          printOutput(context, server);
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == Lattice.class) {
      return ownStore(context)
          .getOrComputeIfAbsent(LATTICE, key -> Lattice.unique(hint(context)), Lattice.class);
    }
    if (type == NatsServer.class) {
      return server(context);
    }
    NatsFixture fixture = fixture(context);
    return type == Connection.class ? fixture.connect() : fixture;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    markFailed(context);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    markFailed(context);
    throw t;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    markFailed(context);
    throw t;
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    markFailed(context);
    throw t;
  }

  @Override
  public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t)
      throws Throwable {
    markFailed(context);
    throw t;
  }

  /**
   * The server of this test class, started now if this is the class's context and no server runs
   * yet (beforeAll, or a constructor parameter of a per-class test instance).
   */
  private static NatsServer server(ExtensionContext context) {
    Store store = context.getStore(NAMESPACE);
    NatsServer server = store.get(SERVER, NatsServer.class);
    if (server != null) {
      return server;
    }
    if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
      throw new ParameterResolutionException(
          "failed to find the nats-server of "
              + context.getDisplayName()
              + ": the extension's beforeAll did not run; annotate the class with @WithNats or"
              + " register NatsServerExtension in a static field");
    }
    BundledServerConfig config =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithNats.class)
            .map(WithNats::config)
            .orElse(BundledServerConfig.DEV);
    server = NatsServer.builder().withBundledConfig(config).build().start();
    store.put(SERVER, server);
    store.put(OWNER, context.getUniqueId());
    store.put(FAILED, new AtomicBoolean());
    return server;
  }

  private static NatsFixture fixture(ExtensionContext context) {
    NatsServer server = server(context);
    return ownStore(context)
        .getOrComputeIfAbsent(
            FIXTURE, key -> new NatsFixture(server, hint(context)), NatsFixture.class);
  }

  private static void closeFixture(ExtensionContext context) throws InterruptedException {
    NatsFixture fixture = ownStore(context).remove(FIXTURE, NatsFixture.class);
    if (fixture != null) {
      fixture.closeConnections();
    }
  }

  private static void markFailed(ExtensionContext context) {
    AtomicBoolean failed = context.getStore(NAMESPACE).get(FAILED, AtomicBoolean.class);
    if (failed != null) {
      failed.set(true);
    }
  }

  /** A store that belongs to this context alone (lookups do not fall through to the class's). */
  private static Store ownStore(ExtensionContext context) {
    return context.getStore(Namespace.create(NatsServerExtension.class, context.getUniqueId()));
  }

  private static String hint(ExtensionContext context) {
    String className = context.getTestClass().map(Class::getSimpleName).orElse("test");
    return context
        .getTestMethod()
        .map(method -> className + "-" + method.getName())
        .orElse(className);
  }

  private static void printOutput(ExtensionContext context, NatsServer server) {
    System.err.println(
        "==== nats-server output for "
            + context.getDisplayName()
            + " ("
            + server
            + "), printed because a test failed ====");
    System.err.print(server.outputText());
    System.err.println("==== end of nats-server output ====");
    System.err.flush();
  }
}
