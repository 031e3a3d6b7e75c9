package dev.trellis.providers.httpserver;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Collects a request and its body (fixed-length or chunked) into one message, up to {@code
 * maxBodyBytes}. A larger body is answered {@code 413} with a plain line of text: at once when its
 * {@code content-length} says so (before the body is read, also for {@code Expect: 100-continue}),
 * else as soon as the chunks pass the limit. The connection closes after a 413 unless the client
 * waited for {@code 100 Continue} and kept the connection alive, as Netty's aggregator does.
 */
final class LimitedAggregator extends HttpObjectAggregator {
  private final int maxBodyBytes;

  LimitedAggregator(int maxBodyBytes) {
    super(maxBodyBytes, true);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object response = super.newContinueResponse(start, maxContentLength, pipeline);
    if (response instanceof FullHttpResponse full
        && full.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
      ReferenceCountUtil.release(response);
      return HttpMapping.toNetty(PlainResponses.tooLarge(maxBodyBytes), false);
    }
    return response;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    if (!(oversized instanceof HttpRequest)) {
      super.handleOversizedMessage(ctx, oversized);
      return;
    }
    // Once the client sent body bytes, or will not keep the connection, it has to close.
    boolean close =
        oversized instanceof FullHttpMessage
            || (!HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized));
    ctx.writeAndFlush(HttpMapping.toNetty(PlainResponses.tooLarge(maxBodyBytes), !close))
        .addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
  }
}
