package dev.trellis.providers.httpserver;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 listener: a bound server socket whose connections are served by {@link
 * ConnectionHandler} with a {@link RequestHandler}. Built on the shared {@link ServerThreads}.
 *
 * <p>Limits: request line 8 KiB (414 beyond), headers 16 KiB (431 beyond), body {@code
 * maxBodyBytes} (413 beyond); a connection idle for {@link #IDLE_TIMEOUT} with no request in
 * progress is closed.
 */
final class HttpListener implements AutoCloseable {
  static final int MAX_REQUEST_LINE = 8 * 1024;
  static final int MAX_HEADERS = 16 * 1024;
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  private final Channel server;
  private final ChannelGroup connections;

  private HttpListener(Channel server, ChannelGroup connections) {
    this.server = server;
    this.connections = connections;
  }

  /**
   * Binds {@code settings.address()} and starts serving.
   *
   * @throws ListenerException if the address cannot be bound (taken, not local, not permitted)
   */
  static HttpListener start(
      ServerThreads threads, ListenerSettings settings, RequestHandler handler) {
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(threads.accept, threads.io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    connections.add(channel);
                    channel
                        .pipeline()
                        .addLast(
                            new IdleStateHandler(0, 0, IDLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                        .addLast(
                            new io.netty.handler.codec.http.HttpServerCodec(
                                new HttpDecoderConfig()
                                    .setMaxInitialLineLength(MAX_REQUEST_LINE)
                                    .setMaxHeaderSize(MAX_HEADERS)))
                        .addLast(new LimitedAggregator(settings.maxBodyBytes()))
                        .addLast(new ConnectionHandler(threads, handler, settings.timeout()));
                  }
                });
    ChannelFuture bound = bootstrap.bind(settings.address()).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      String why =
          cause instanceof BindException
              ? "the address is in use or not available on this machine"
              : String.valueOf(cause);
      throw new ListenerException(
          "failed to listen on "
              + format(settings.address())
              + ": "
              + why
              + " ("
              + cause.getMessage()
              + "); choose another ADDRESS or PORT",
          cause);
    }
    return new HttpListener(bound.channel(), connections);
  }

  /** The bound address: with port 0 asked, the port the system chose. */
  InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  /** Stops accepting, closes every connection (requests in progress are cut) and frees the port. */
  @Override
  public void close() {
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  static String format(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
