package dev.trellis.nats;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last lines a child process printed, bounded so a chatty server cannot fill the heap. Written
 * by the process's reader thread, read by anyone; every method locks this object.
 */
final class OutputRing {
  private final int capacity;
  private final ArrayDeque<String> lines;
  private long dropped;

  OutputRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("output capacity must be at least 1 line: " + capacity);
    }
    this.capacity = capacity;
    this.lines = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  synchronized void add(String line) {
    if (lines.size() == capacity) {
      lines.removeFirst();
      dropped++;
    }
    lines.addLast(line);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized boolean contains(String text) {
    return lines.stream().anyMatch(line -> line.contains(text));
  }

  /** The kept lines, one per line, preceded by a note when earlier lines were dropped. */
  synchronized String text() {
    StringBuilder out = new StringBuilder();
    if (dropped > 0) {
      out.append("(").append(dropped).append(" earlier lines dropped)\n");
    }
    for (String line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
