package dev.trellis.nats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The nats-server configuration files shipped in this module, under {@code dev/trellis/nats/} on
 * the class path. {@link NatsServerBuilder#withBundledConfig} copies one next to the server's
 * store.
 */
public enum BundledServerConfig {
  /** One node with JetStream, for development, the demo and tests. */
  DEV("dev.conf"),

  /**
   * One node of a loopback cluster with clustered JetStream; a template filled from the {@code
   * TRELLIS_NODE_NAME}, {@code TRELLIS_CLUSTER_NAME}, {@code TRELLIS_CLUSTER_LISTEN} and {@code
   * TRELLIS_CLUSTER_ROUTES} environment variables. {@link NatsCluster} runs three.
   */
  CLUSTER_NODE("cluster-node.conf"),

  /**
   * One JetStream-enabled account with two users: {@code ctl} (control interface, events, KV) and
   * {@code rpc} (invocations, object store), which may not publish control commands.
   */
  ACCOUNTS("accounts.conf"),

  /**
   * TLS on the client port; cert and key from {@code TRELLIS_TLS_CERT} / {@code TRELLIS_TLS_KEY}.
   */
  TLS("tls.conf"),

  /** A hub accepting leaf nodes on {@code TRELLIS_LEAF_LISTEN}. */
  LEAF_HUB("leaf-hub.conf"),

  /** A leaf node (JetStream domain {@code leaf}) connecting to {@code TRELLIS_LEAF_REMOTE}. */
  LEAF("leaf.conf");

  private final String fileName;

  BundledServerConfig(String fileName) {
    this.fileName = fileName;
  }

  /** The file's name, such as {@code dev.conf}. */
  public String fileName() {
    return fileName;
  }

  /** The file's text. */
  public String text() {
    try (InputStream in = open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read bundled config " + fileName + ": " + e, e);
    }
  }

  /** Copies the file into {@code dir} and returns the copy's path. */
  public Path copyTo(Path dir) {
    Path target = dir.resolve(fileName);
    try (InputStream in = open()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new NatsServerException(
          "failed to write nats-server config " + fileName + " to " + dir + ": " + e, e);
    }
  }

  private InputStream open() throws IOException {
    InputStream in = BundledServerConfig.class.getResourceAsStream(fileName);
    if (in == null) {
      throw new IOException("resource dev/trellis/nats/" + fileName + " is missing from the jar");
    }
    return in;
  }
}
