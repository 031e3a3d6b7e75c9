package dev.trellis.host.provider;

import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A provider's stdin: the HostData line, then nothing until {@link #close()}, so stdin stays open
 * while the provider runs (spec §6.1) and reaches EOF when the host lets go of it — which our SDKs
 * treat as "the host is gone".
 */
final class StdinFeed extends InputStream {
  private final byte[] line;
  private final CountDownLatch closed = new CountDownLatch(1);
  private int position;

  StdinFeed(byte[] line) {
    this.line = line.clone();
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    synchronized (this) {
      if (position < line.length) {
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, n);
        position += n;
        return n;
      }
    }
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  @Override
  public void close() {
    closed.countDown();
  }
}
