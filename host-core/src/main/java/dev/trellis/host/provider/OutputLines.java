package dev.trellis.host.provider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeroturnaround.exec.stream.LogOutputStream;

/**
 * Re-logs a provider's stdout or stderr line by line, prefixed with its id, and keeps the last
 * lines so a crash can be explained with what the provider said last.
 */
final class OutputLines extends LogOutputStream {
  private static final Logger LOG = LoggerFactory.getLogger("dev.trellis.host.provider.output");
  private static final int KEPT = 20;

  private final String providerId;
  private final String stream;
  private final Deque<String> last = new ArrayDeque<>();

  OutputLines(String providerId, String stream) {
    this.providerId = providerId;
    this.stream = stream;
  }

  @Override
  protected void processLine(String line) {
    LOG.info("[{}] {}", providerId, line);
    synchronized (last) {
      if (last.size() == KEPT) {
        last.removeFirst();
      }
      last.addLast(stream + ": " + line);
    }
  }

  List<String> lastLines() {
    synchronized (last) {
      return new ArrayList<>(last);
    }
  }
}
