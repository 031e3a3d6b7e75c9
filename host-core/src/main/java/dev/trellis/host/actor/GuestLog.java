package dev.trellis.host.actor;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WASI stdout or stderr that re-logs the guest's output line by line with the actor's key. Lines
 * are capped so a guest cannot grow the buffer without bound.
 */
final class GuestLog extends OutputStream {
  private static final Logger LOG = LoggerFactory.getLogger("dev.trellis.host.actor.guest");
  private static final int MAX_LINE = 8 * 1024;

  private final String actorKey;
  private final String stream;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  GuestLog(String actorKey, String stream) {
    this.actorKey = actorKey;
    this.stream = stream;
  }

  @Override
  public void write(int b) {
    if (b == '\n') {
      flushLine();
    } else if (line.size() < MAX_LINE) {
      line.write(b);
    }
  }

  @Override
  public void write(byte[] bytes, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public void flush() {
    if (line.size() > 0) {
      flushLine();
    }
  }

  private void flushLine() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if ("stderr".equals(stream)) {
      LOG.warn("[{}] {}", actorKey, text);
    } else {
      LOG.info("[{}] {}", actorKey, text);
    }
  }
}
