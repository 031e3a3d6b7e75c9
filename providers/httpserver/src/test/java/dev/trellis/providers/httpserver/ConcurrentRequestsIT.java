package dev.trellis.providers.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.keys.KeyPair;
import dev.trellis.interfaces.keys.KeyType;
import dev.trellis.provider.testing.ProviderHarness;
import dev.trellis.provider.testing.StandInActor;
import dev.trellis.testing.Lattice;
import dev.trellis.testing.NatsFixture;
import dev.trellis.testing.WithNats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many requests waiting for a slow actor at once, each on its own keep-alive connection: every one
 * gets its own answer, and timeouts still answer 504.
 */
@WithNats
class ConcurrentRequestsIT {
  private static final int CONNECTIONS = 200;

  private final String actor = KeyPair.generate(KeyType.MODULE).publicKey();
  private final List<Socket> sockets = new ArrayList<>();
  private ProviderHarness h;

  @BeforeEach
  void start(NatsFixture nats, Lattice lattice) {
    h = new ProviderHarness(nats, lattice, HttpServer.CONTRACT_ID);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    h.close();
  }

  @Test
  void requestsWaitingForASlowActorAtOnceEachGetTheirOwnAnswerOverKeepAlive() throws Exception {
    StandInActor standIn =
        h.actor(
            actor,
            HttpServerIT.answer(
                request -> HttpResponse.ok(HttpServerIT.bytes("answer to " + request.path()))));
    int port = serve(Map.of());
    for (int i = 0; i < CONNECTIONS; i++) {
      sockets.add(open(port));
    }

    for (int round = 1; round <= 2; round++) {
      // The actor answers only once every request waits for it, newest first.
      standIn.holdUntil(CONNECTIONS);
      for (int i = 0; i < CONNECTIONS; i++) {
        send(sockets.get(i), "GET /r" + round + "/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
      }
      for (int i = 0; i < CONNECTIONS; i++) {
        Answer answer = read(sockets.get(i));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("answer to /r" + round + "/" + i);
        assertThat(answer.headers()).doesNotContainEntry("connection", "close");
      }
    }
    assertThat(standIn.received()).hasSize(2 * CONNECTIONS);
  }

  @Test
  void requestsWaitingTogetherPastTimeoutMsAllGet504() throws Exception {
    h.actor(actor, inv -> null); // never answers
    int port = serve(Map.of("TIMEOUT_MS", "300"));
    int waiting = 50;
    for (int i = 0; i < waiting; i++) {
      sockets.add(open(port));
      send(sockets.get(i), "GET /slow/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    for (int i = 0; i < waiting; i++) {
      Answer answer = read(sockets.get(i));
      assertThat(answer.status()).isEqualTo(504);
      assertThat(answer.body()).isEqualTo("the actor did not answer within 300 ms\n");
    }
  }

  private int serve(Map<String, String> values) {
    HttpServerProvider provider = new HttpServerProvider();
    Map<String, String> all = new HashMap<>(values);
    all.put("ADDRESS", "127.0.0.1:0");
    h.start(provider, h.link(actor, all));
    return provider.listenerAddress(actor).orElseThrow().getPort();
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) ProviderHarness.TIMEOUT.toMillis());
    return socket;
  }

  private static void send(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Reads one response framed by its {@code content-length}, leaving the connection open. */
  private static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  private record Answer(int status, Map<String, String> headers, String body) {}
}
