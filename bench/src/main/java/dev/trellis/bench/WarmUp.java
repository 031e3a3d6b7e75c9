package dev.trellis.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up before a measured line: rounds of the same load until the code under test has been
 * compiled, so that a line measures compiled code rather than the compiler. Actors make this
 * matter: their modules become large generated classes that the JIT keeps compiling for seconds
 * after the first calls; so does a provider process, which starts cold. Warm-up ends after a round
 * in which this JVM's JIT compiler spent under {@value #COMPILING_PERCENT}% of the round's time and
 * which took within {@value #STEADY_PERCENT}% of the previous round's time (a child process's
 * compiler cannot be asked, its effect can); at most {@value #MAX_ROUNDS} rounds are run, so the
 * warm-up stays bounded.
 */
final class WarmUp {
  static final int COMPILING_PERCENT = 5;
  static final int STEADY_PERCENT = 10;
  static final int MAX_ROUNDS = 8;

  /** One round of warm-up load. */
  interface Round {
    void run() throws InterruptedException;
  }

  private WarmUp() {}

  /** Runs {@code round} until compilation has settled. */
  static void untilCompiled(Round round) throws InterruptedException {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    long previousMillis = -1;
    int rounds = 0;
    while (rounds < MAX_ROUNDS) {
      long compiling = compiler.getTotalCompilationTime();
      long start = System.nanoTime();
      round.run();
      rounds++;
      long elapsedMillis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
      long compiledMillis = compiler.getTotalCompilationTime() - compiling;
      boolean compiled = compiledMillis * 100 <= elapsedMillis * COMPILING_PERCENT;
      boolean steady =
          previousMillis > 0
              && Math.abs(elapsedMillis - previousMillis) * 100 <= previousMillis * STEADY_PERCENT;
      if (compiled && steady) {
        break;
      }
      previousMillis = elapsedMillis;
    }
  }
}
