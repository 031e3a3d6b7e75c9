package dev.trellis.interfaces.control;

/**
 * The error texts of OTP's failure acks (controlplane §2), kept word for word because clients and
 * tests match on them. {@link InvalidCommandException#ackError()} returns the decoding ones.
 */
public final class CtlErrors {
  /** {@code cmd.{host}.la} body not decodable or without {@code actor_ref}. */
  public static final String INVALID_LAUNCH_ACTOR = "Invalid launch actor JSON request";

  /** {@code cmd.{host}.sa} body not decodable or without {@code actor_ref}/{@code count}. */
  public static final String INVALID_STOP_ACTOR = "Invalid request to stop actor";

  /** {@code cmd.{host}.scale} body not decodable or incomplete. */
  public static final String INVALID_SCALE_ACTOR = "Invalid scale actor JSON request";

  /** {@code cmd.{host}.upd} body not decodable or without {@code new_actor_ref}. */
  public static final String INVALID_UPDATE_ACTOR = "Invalid JSON request to update actor";

  /** {@code cmd.{host}.lp} body not decodable or without {@code provider_ref}/{@code link_name}. */
  public static final String INVALID_START_PROVIDER =
      "Improperly formed start provider command JSON";

  /** {@code cmd.{host}.sp} body not decodable, incomplete, or {@code provider_ref} not a key. */
  public static final String INVALID_STOP_PROVIDER = "Invalid JSON request for stop provider";

  /** The start of the ack text for an undecodable {@code cmd.{host}.stop}; the cause follows. */
  public static final String INVALID_STOP_HOST_PREFIX = "Unable to parse stop host command: ";

  /** {@code linkdefs.put} body not decodable or incomplete. */
  public static final String INVALID_LINK_PUT = "Invalid link definition put request";

  /** {@code linkdefs.del} body not decodable or incomplete. */
  public static final String INVALID_LINK_DELETE = "Invalid link definition removal request";

  /** {@code auction.actor} body not decodable or without {@code actor_ref}. */
  public static final String INVALID_ACTOR_AUCTION = "Invalid JSON request for actor auction";

  /** {@code auction.provider} body not decodable or without {@code provider_ref}. */
  public static final String INVALID_PROVIDER_AUCTION = "Invalid JSON request to auction provider";

  /** {@code registries.put} body not decodable. */
  public static final String INVALID_REGISTRIES_PUT = "Failed to update registry credential map";

  /** A host-addressed request reached a process that does not run that host. */
  public static final String INCORRECT_HOST =
      "Command received by incorrect host and could not be processed";

  /** {@code lp} for a (provider, link name) already running on the host (OTP 0.58+). */
  public static final String PROVIDER_ALREADY_RUNNING =
      "Provider with that link name is already running on this host";

  /** The start of the ack text of a failed live update; the cause follows. */
  public static final String LIVE_UPDATE_FAILED_PREFIX = "Unable to perform live update: ";

  private CtlErrors() {}

  /** {@code "Target host <id> is not active, stop request ignored."} */
  public static String hostNotActive(String hostId) {
    return "Target host " + hostId + " is not active, stop request ignored.";
  }
}
