package dev.trellis.providers.httpserver;

import dev.trellis.interfaces.contract.httpserver.HttpRequest;
import dev.trellis.interfaces.contract.httpserver.HttpResponse;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the requests of one connection, one at a time and in order (HTTP/1.1 pipelining keeps its
 * order). Runs on the connection's event loop: it maps the request, starts the {@link
 * RequestHandler} (which sends it to the actor without blocking), and writes the answer when the
 * handler's future completes or the timeout fires, whichever comes first. No thread waits for an
 * actor.
 *
 * <p>Not thread-safe by design: every field is touched on the event loop only.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** Pipelined requests held before the server stops reading the connection. */
  static final int MAX_PENDING = 16;

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final ServerThreads threads;
  private final RequestHandler handler;
  private final Duration timeout;
  private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
  private boolean busy;

  /**
   * @param timeout how long to wait for {@code handler} before answering 504, or {@code null} to
   *     wait for it however long it takes
   */
  ConnectionHandler(ServerThreads threads, RequestHandler handler, Duration timeout) {
    super(false);
    this.threads = threads;
    this.handler = handler;
    this.timeout = timeout;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    pending.add(request);
    if (pending.size() >= MAX_PENDING) {
      ctx.channel().config().setAutoRead(false);
    }
    if (!busy) {
      serveNext(ctx);
    }
  }

  private void serveNext(ChannelHandlerContext ctx) {
    FullHttpRequest request = pending.poll();
    if (request == null) {
      ctx.channel().config().setAutoRead(true);
      return;
    }
    busy = true;
    try {
      serve(ctx, request);
    } finally {
      request.release();
    }
  }

  /** Copies what it needs out of {@code request}, which is released when it returns. */
  private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      new Exchange(ctx, false).answer(malformed(request.decoderResult().cause()));
      return;
    }
    Exchange exchange = new Exchange(ctx, HttpUtil.isKeepAlive(request));
    HttpRequest mapped = HttpMapping.toContract(request);
    if (!threads.tryStart()) {
      exchange.answer(PlainResponses.busy());
      return;
    }
    if (timeout != null) {
      exchange.timer =
          ctx.executor()
              .schedule(
                  () -> exchange.answer(PlainResponses.actorTimedOut(timeout.toMillis())),
                  timeout.toMillis(),
                  TimeUnit.MILLISECONDS);
    }
    CompletableFuture<HttpResponse> answer;
    try {
      answer = handler.handle(mapped, ctx.executor());
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete(
        (response, failure) -> {
          threads.finished();
          HttpResponse out =
              failure == null && response != null ? response : failed(mapped, failure);
          EventExecutor loop = ctx.executor();
          if (loop.inEventLoop()) {
            exchange.answer(out);
            return;
          }
          try {
            loop.execute(() -> exchange.answer(out));
          } catch (RejectedExecutionException e) {
            LOG.debug("answer dropped: the server is stopping");
          }
        });
  }

  private static HttpResponse failed(HttpRequest request, Throwable failure) {
    LOG.warn(
        "request failed method={} path={} cause={}",
        request.method(),
        request.path(),
        String.valueOf(failure));
    return PlainResponses.of(500, "internal server error");
  }

  private static HttpResponse malformed(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return PlainResponses.of(414, "the request line is too long");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return PlainResponses.of(431, "the request headers are too large");
    }
    if (cause instanceof TooLongFrameException) {
      return PlainResponses.of(400, "the request is too large");
    }
    return PlainResponses.of(400, "malformed request");
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent && !busy && pending.isEmpty()) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    pending.forEach(FullHttpRequest::release);
    pending.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug(
        "connection closed remote={} cause={}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  /** One request's answer: written once, by the handler's result or the timeout. */
  private final class Exchange {
    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private boolean answered;
    ScheduledFuture<?> timer;

    Exchange(ChannelHandlerContext ctx, boolean keepAlive) {
      this.ctx = ctx;
      this.keepAlive = keepAlive;
    }

    /** On the event loop. */
    void answer(HttpResponse response) {
      if (answered) {
        return;
      }
      answered = true;
      if (timer != null) {
        timer.cancel(false);
      }
      var written = ctx.writeAndFlush(HttpMapping.toNetty(response, keepAlive));
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
        pending.forEach(FullHttpRequest::release);
        pending.clear();
        return;
      }
      busy = false;
      serveNext(ctx);
    }
  }
}
