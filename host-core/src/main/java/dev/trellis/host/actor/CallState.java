package dev.trellis.host.actor;

import java.nio.charset.StandardCharsets;

/**
 * The per-call buffers of one instance (spec §1.3 step 1): the pending guest request, the guest's
 * response or error, and the host's response or error for the latest {@code __host_call}. Confined
 * to the worker thread running the instance.
 */
final class CallState {
  private byte[] operation;
  private byte[] message;
  private boolean inCall;
  private boolean requestTaken;
  private byte[] guestResponse;
  private String guestError;
  private byte[] hostResponse;
  private String hostError;
  private String limitViolation;

  void begin(String op, byte[] msg) {
    operation = op.getBytes(StandardCharsets.UTF_8);
    message = msg;
    inCall = true;
    requestTaken = false;
    guestResponse = null;
    guestError = null;
    hostResponse = null;
    hostError = null;
    limitViolation = null;
  }

  void end() {
    inCall = false;
    operation = null;
    message = null;
    hostResponse = null;
    hostError = null;
  }

  int operationLength() {
    return operation.length;
  }

  int messageLength() {
    return message.length;
  }

  boolean inCall() {
    return inCall;
  }

  /** Hands out the request once per call; a second take is a guest bug (0.62+ traps). */
  boolean takeRequest() {
    if (!inCall || requestTaken) {
      return false;
    }
    requestTaken = true;
    return true;
  }

  byte[] operation() {
    return operation;
  }

  byte[] message() {
    return message;
  }

  void guestResponse(byte[] bytes) {
    guestResponse = bytes;
  }

  void guestError(String text) {
    guestError = text;
  }

  void limitViolation(String text) {
    limitViolation = text;
  }

  void hostResult(HostCallResult result) {
    hostResponse = null;
    hostError = null;
    if (result instanceof HostCallResult.Ok ok) {
      hostResponse = ok.response();
    } else if (result instanceof HostCallResult.Err err) {
      hostError = err.text();
    }
  }

  byte[] peekHostResponse() {
    return hostResponse;
  }

  byte[] takeHostResponse() {
    byte[] bytes = hostResponse;
    hostResponse = null;
    return bytes;
  }

  String peekHostError() {
    return hostError;
  }

  String takeHostError() {
    String text = hostError;
    hostError = null;
    return text;
  }

  /**
   * Decides the outcome with the 0.62+ rules: a guest error wins, then an unread host error, then a
   * return code other than 1, else success with the stored response (absent → empty).
   */
  GuestOutcome outcome(int returnCode) {
    if (limitViolation != null) {
      return GuestOutcome.failure(limitViolation);
    }
    if (guestError != null) {
      return GuestOutcome.failure(guestError);
    }
    if (hostError != null) {
      return GuestOutcome.failure(hostError);
    }
    if (returnCode != 1) {
      return GuestOutcome.failure("operation failed with exit code `" + returnCode + "`");
    }
    return GuestOutcome.success(guestResponse == null ? new byte[0] : guestResponse);
  }
}
