package dev.trellis.interfaces.control;

import java.util.Objects;

/**
 * The reply to every control request that is not a data query (controlplane §3.6): {@code
 * {"accepted": bool, "error": "…"}}, both keys always present, {@code error} empty on success.
 *
 * @param accepted whether the host accepted the request (long operations report completion later,
 *     through events)
 * @param error why it was refused; {@code ""} when accepted
 */
public record CtlOperationAck(boolean accepted, String error) {
  private static final CtlOperationAck SUCCESS = new CtlOperationAck(true, "");

  public CtlOperationAck {
    error = error == null ? "" : error;
  }

  /** {@code {"accepted":true,"error":""}}. */
  public static CtlOperationAck success() {
    return SUCCESS;
  }

  /** {@code {"accepted":false,"error":error}}. */
  public static CtlOperationAck failure(String error) {
    return new CtlOperationAck(false, Objects.requireNonNull(error, "error"));
  }
}
