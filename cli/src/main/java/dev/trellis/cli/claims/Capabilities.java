package dev.trellis.cli.claims;

import dev.trellis.interfaces.contract.blobstore.Blobstore;
import dev.trellis.interfaces.contract.httpclient.HttpClient;
import dev.trellis.interfaces.contract.httpserver.HttpServer;
import dev.trellis.interfaces.contract.keyvalue.KeyValue;
import dev.trellis.interfaces.contract.logging.Logging;
import dev.trellis.interfaces.contract.messaging.Messaging;
import dev.trellis.interfaces.contract.numbergen.NumberGen;
import java.util.Map;

/**
 * The well-known capability contracts (dataplane §8.3, wascap 0.11 {@code caps.rs}) and the display
 * names wash shows for them in {@code claims inspect}.
 */
public final class Capabilities {
  /** {@code wasmcloud:eventstreams}, reachable with wash's {@code -e/--events}. */
  public static final String EVENTSTREAMS = "wasmcloud:eventstreams";

  private static final Map<String, String> NAMES =
      Map.of(
          Messaging.CONTRACT_ID,
          "Messaging",
          KeyValue.CONTRACT_ID,
          "K/V Store",
          HttpServer.CONTRACT_ID,
          "HTTP Server",
          HttpClient.CONTRACT_ID,
          "HTTP Client",
          Blobstore.CONTRACT_ID,
          "Blob Store",
          EVENTSTREAMS,
          "Event Streams",
          NumberGen.CONTRACT_ID,
          "Number Generation",
          Logging.CONTRACT_ID,
          "Logging");

  private Capabilities() {}

  /** wash's display name of {@code contractId}, or the id itself when it has none. */
  public static String displayName(String contractId) {
    return NAMES.getOrDefault(contractId, contractId);
  }
}
