package dev.trellis.bench;

import dev.trellis.nats.NatsServer;
import java.util.List;

/** One benchmark suite: measures a few lines side by side, each against its own baseline. */
interface Suite {

  /** The name it is selected by on the command line. */
  String name();

  /**
   * Runs the suite against {@code server} (loopback, started by the bench); every loop is bounded
   * by {@code settings}.
   */
  List<Result> run(NatsServer server, Settings settings) throws Exception;
}
