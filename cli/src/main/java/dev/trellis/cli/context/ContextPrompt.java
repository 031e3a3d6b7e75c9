package dev.trellis.cli.context;

import dev.trellis.cli.CliException;
import dev.trellis.interfaces.Secret;
import dev.trellis.interfaces.keys.KeyException;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.interfaces.keys.Seed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The questions of {@code ctx new --interactive}, in wash's order. Each shows its default in
 * brackets; an empty answer (or the end of input) keeps it. Questions go to stderr so that stdout
 * still carries only the command's result.
 */
final class ContextPrompt {
  private final BufferedReader in;
  private final PrintWriter err;
  private boolean ended;

  ContextPrompt(BufferedReader in, PrintWriter err) {
    this.in = in;
    this.err = err;
  }

  /** Asks for every field of a context named {@code name} (unless it is null: then asked). */
  Context ask(String name) {
    Context d = Context.defaults(name == null ? "default" : name);
    String contextName =
        name != null ? name : text("What do you want to name the context?", "default");
    String clusterSeed = text("What cluster seed do you want to use to sign invocations?", "");
    if (!clusterSeed.isEmpty()) {
      checkClusterSeed(clusterSeed);
    }
    String ctlHost = text("What is the control interface connection host?", d.ctlHost());
    int ctlPort = (int) number("What is the control interface connection port?", d.ctlPort());
    String ctlJwt = text("Enter your JWT for the control interface connection, if any", "");
    String ctlSeed = text("Enter your user seed for the control interface connection, if any", "");
    String ctlCreds = text("Enter the path to the control interface credsfile, if any", "");
    long ctlTimeout =
        number("What should the control interface timeout be (in milliseconds)?", d.ctlTimeoutMs());
    String lattice = text("What is the lattice prefix?", d.latticePrefix());
    String jsDomain = text("What is the JetStream domain, if any?", "");
    String rpcHost = text("What is the RPC connection host?", d.rpcHost());
    int rpcPort = (int) number("What is the RPC connection port?", d.rpcPort());
    String rpcJwt = text("Enter your JWT for the RPC connection, if any", "");
    String rpcSeed = text("Enter your user seed for the RPC connection, if any", "");
    String rpcCreds = text("Enter the path to the RPC credsfile, if any", "");
    long rpcTimeout = number("What should the RPC timeout be (in milliseconds)?", d.rpcTimeoutMs());
    try {
      return new Context(
          contextName,
          Secret.of(clusterSeed),
          ctlHost,
          ctlPort,
          emptyToNull(ctlJwt),
          Secret.of(ctlSeed),
          emptyToNull(ctlCreds),
          ctlTimeout,
          lattice,
          emptyToNull(jsDomain),
          rpcHost,
          rpcPort,
          emptyToNull(rpcJwt),
          Secret.of(rpcSeed),
          emptyToNull(rpcCreds),
          rpcTimeout);
    } catch (IllegalArgumentException e) {
      throw new CliException("failed to create context: " + e.getMessage(), e);
    }
  }

  private String text(String question, String fallback) {
    err.print(question + (fallback.isEmpty() ? "" : " [" + fallback + "]") + ": ");
    err.flush();
    String line = readLine();
    if (line == null) {
      err.println();
      return fallback;
    }
    line = line.strip();
    return line.isEmpty() ? fallback : line;
  }

  private long number(String question, long fallback) {
    String answer = text(question, Long.toString(fallback));
    try {
      return Long.parseLong(answer);
    } catch (NumberFormatException e) {
      throw new CliException(
          "failed to create context: '" + answer + "' is not a number (" + question + ")", e);
    }
  }

  private String readLine() {
    if (ended) {
      return null;
    }
    try {
      String line = in.readLine();
      ended = line == null;
      return line;
    } catch (IOException e) {
      throw new CliException("failed to read the answer from standard input: " + e.getMessage(), e);
    }
  }

  private static void checkClusterSeed(String seed) {
    try {
      if (Seed.parse(seed).type() != KeyType.CLUSTER) {
        throw new CliException(
            "failed to create context: the cluster seed must start with SC (a cluster key)");
      }
    } catch (KeyException e) {
      throw new CliException("failed to create context: bad cluster seed: " + e.getMessage(), e);
    }
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
