package dev.trellis.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up before a measured line: rounds of the same load until this JVM's JIT compiler has
 * settled, so that a line measures compiled code rather than the compiler. Actors make this matter:
 * their modules become large generated classes that the JIT keeps compiling for seconds after the
 * first calls. A round is done when the compiler spent under {@value #SETTLED_PERCENT}% of the
 * round's time; at most {@value #MAX_ROUNDS} rounds are run, so the warm-up stays bounded.
 */
final class WarmUp {
  static final int SETTLED_PERCENT = 5;
  static final int MAX_ROUNDS = 8;

  /** One round of warm-up load. */
  interface Round {
    void run() throws InterruptedException;
  }

  private WarmUp() {}

  /** Runs {@code round} until the JIT compiler settles; returns the number of rounds run. */
  static int untilCompiled(Round round) throws InterruptedException {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    int rounds = 0;
    while (rounds < MAX_ROUNDS) {
      long compiling = compiler.getTotalCompilationTime();
      long start = System.nanoTime();
      round.run();
      rounds++;
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      long compiledMillis = compiler.getTotalCompilationTime() - compiling;
      if (compiledMillis * 100 <= elapsedMillis * SETTLED_PERCENT) {
        break;
      }
    }
    return rounds;
  }
}
