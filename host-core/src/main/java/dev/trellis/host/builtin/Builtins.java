package dev.trellis.host.builtin;

import dev.trellis.host.actor.HostCallResult;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.contract.logging.LogEntry;
import dev.trellis.interfaces.contract.logging.Logging;
import dev.trellis.interfaces.contract.logging.LoggingCodec;
import dev.trellis.interfaces.contract.numbergen.NumberGen;
import dev.trellis.interfaces.contract.numbergen.NumberGenCodec;
import dev.trellis.interfaces.contract.numbergen.RangeLimit;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capabilities a host serves in-process, with no provider and no link (spec §9.5, §9.6): {@code
 * wasmcloud:builtin:logging} and {@code wasmcloud:builtin:numbergen}. As in wasmCloud 0.62+, no
 * caps claim is required, and an unknown builtin namespace or operation, or an unparsable payload,
 * traps the calling guest. An unknown log level is logged at debug (0.61- behaviour, kinder than a
 * trap).
 */
public final class Builtins {
  public static final String NAMESPACE_PREFIX = "wasmcloud:builtin:";
  private static final Logger ACTOR_LOG = LoggerFactory.getLogger("dev.trellis.host.actor.log");

  private final SecureRandom random = new SecureRandom();

  /** Whether {@code namespace} is served here rather than routed through a link. */
  public static boolean handles(String namespace) {
    return namespace.startsWith(NAMESPACE_PREFIX);
  }

  /** Serves one builtin call for {@code actorKey}. */
  public HostCallResult call(String actorKey, String namespace, String operation, byte[] payload) {
    try {
      return switch (namespace) {
        case Logging.CONTRACT_ID -> logging(actorKey, operation, payload);
        case NumberGen.CONTRACT_ID -> numberGen(operation, payload);
        default -> new HostCallResult.Trap("unknown builtin capability " + namespace);
      };
    } catch (DecodeException e) {
      return new HostCallResult.Trap(e.getMessage());
    }
  }

  private HostCallResult logging(String actorKey, String operation, byte[] payload) {
    if (!Logging.WRITE_LOG.equals(operation)) {
      return unknown(Logging.CONTRACT_ID, operation);
    }
    LogEntry entry = LoggingCodec.decodeLogEntry(payload);
    switch (entry.level().toLowerCase(Locale.ROOT)) {
      case Logging.ERROR -> ACTOR_LOG.error("[{}] {}", actorKey, entry.text());
      case Logging.WARN -> ACTOR_LOG.warn("[{}] {}", actorKey, entry.text());
      case Logging.INFO -> ACTOR_LOG.info("[{}] {}", actorKey, entry.text());
      default -> ACTOR_LOG.debug("[{}] {}", actorKey, entry.text());
    }
    return new HostCallResult.Ok(new byte[0]);
  }

  private HostCallResult numberGen(String operation, byte[] payload) {
    return switch (operation) {
      case NumberGen.GENERATE_GUID ->
          new HostCallResult.Ok(BarePayload.encodeString(UUID.randomUUID().toString()));
      case NumberGen.RANDOM_32 ->
          new HostCallResult.Ok(BarePayload.encodeU32(random.nextInt() & 0xFFFF_FFFFL));
      case NumberGen.RANDOM_IN_RANGE -> randomInRange(NumberGenCodec.decodeRangeLimit(payload));
      default -> unknown(NumberGen.CONTRACT_ID, operation);
    };
  }

  private HostCallResult randomInRange(RangeLimit limit) {
    if (limit.min() > limit.max()) {
      return new HostCallResult.Err(
          "failed to generate a random number: min "
              + limit.min()
              + " is greater than max "
              + limit.max());
    }
    long span = limit.max() - limit.min() + 1;
    long value = limit.min() + (long) (random.nextDouble() * span);
    return new HostCallResult.Ok(BarePayload.encodeU32(Math.min(value, limit.max())));
  }

  private static HostCallResult unknown(String contract, String operation) {
    return new HostCallResult.Trap("unknown operation " + operation + " for builtin " + contract);
  }
}
