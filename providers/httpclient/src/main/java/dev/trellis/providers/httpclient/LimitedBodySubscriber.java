package dev.trellis.providers.httpclient;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory, up to {@code limit} bytes: one byte more cancels the
 * exchange and fails the body with {@link BodyTooLargeException}. A {@code content-length} above
 * the limit fails at once, before any byte is read.
 */
final class LimitedBodySubscriber implements BodySubscriber<byte[]> {
  private final int limit;
  private final long declaredLength;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  /**
   * @param declaredLength the response's {@code content-length}, or -1 when it has none
   */
  LimitedBodySubscriber(int limit, long declaredLength) {
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declaredLength > limit) {
      subscription.cancel();
      result.completeExceptionally(
          new BodyTooLargeException("content-length " + declaredLength, limit));
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if ((long) bytes.size() + buffer.remaining() > limit) {
        subscription.cancel();
        result.completeExceptionally(
            new BodyTooLargeException("more than " + limit + " bytes", limit));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
