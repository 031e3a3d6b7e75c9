package dev.trellis.interfaces.wire;

import java.util.Optional;

/**
 * The msgpack reply to an {@link Invocation} (spec §2.3). The presence of {@code error} (even
 * {@code ""}) means failure; a successful response never carries it.
 *
 * @param msg the result bytes; empty on error or when chunked
 * @param invocationId echoes {@link Invocation#id()}
 * @param error the failure text, or {@code null} on success
 * @param contentLength the full result length, or {@code null} when absent on the wire
 */
public record InvocationResponse(
    byte[] msg, String invocationId, String error, Long contentLength) {

  public InvocationResponse {
    msg = msg == null ? new byte[0] : msg;
    invocationId = invocationId == null ? "" : invocationId;
  }

  /** A successful response carrying {@code msg}. */
  public static InvocationResponse success(String invocationId, byte[] msg) {
    return new InvocationResponse(msg, invocationId, null, (long) msg.length);
  }

  /** A failed response with {@code error}; {@code content_length} is 0 as OTP writes it. */
  public static InvocationResponse failure(String invocationId, String error) {
    return new InvocationResponse(new byte[0], invocationId, error == null ? "" : error, 0L);
  }

  public boolean isSuccess() {
    return error == null;
  }

  public Optional<String> errorText() {
    return Optional.ofNullable(error);
  }

  /** Whether the result was moved to the object store under {@code {id}-r} (spec §5). */
  public boolean isChunked() {
    return contentLength != null && contentLength > msg.length;
  }

  /** A copy with another result payload (used after dechunking). */
  public InvocationResponse withMsg(byte[] newMsg) {
    return new InvocationResponse(newMsg, invocationId, error, (long) newMsg.length);
  }
}
