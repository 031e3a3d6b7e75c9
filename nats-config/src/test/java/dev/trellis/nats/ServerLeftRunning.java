package dev.trellis.nats;

/**
 * A program that starts a nats-server, prints its pid and store directory, and returns from {@code
 * main} without closing it: the JVM's shutdown hook must stop it. Run by {@link ShutdownHookIT}.
 */
public final class ServerLeftRunning {
  private ServerLeftRunning() {}

  public static void main(String[] args) {
    NatsServer server = NatsServer.builder().build().start();
    System.out.println("pid=" + server.pid());
    System.out.println("store=" + server.storeDir());
    System.out.flush();
  }
}
