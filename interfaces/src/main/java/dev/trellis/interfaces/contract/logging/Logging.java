package dev.trellis.interfaces.contract.logging;

/**
 * The built-in {@code wasmcloud:builtin:logging} contract (spec §9.6), served by the host itself.
 * The host logs {@code "[{actor key}] {text}"} at the entry's level.
 */
public final class Logging {
  public static final String CONTRACT_ID = "wasmcloud:builtin:logging";

  /** Input: {@link LogEntry}. Output: none. */
  public static final String WRITE_LOG = "Logging.WriteLog";

  /** The levels actors send (Rust SDK macros {@code debug!}, {@code info!}…). */
  public static final String DEBUG = "debug";

  public static final String INFO = "info";
  public static final String WARN = "warn";
  public static final String ERROR = "error";

  private Logging() {}
}
