package dev.trellis.host.control;

import dev.trellis.host.Host;
import dev.trellis.host.HostReports;
import dev.trellis.host.actor.ActorModule;
import dev.trellis.host.provider.ProviderSpec;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.ActorAuctionAck;
import dev.trellis.interfaces.control.ActorAuctionRequest;
import dev.trellis.interfaces.control.AuctionCodec;
import dev.trellis.interfaces.control.CommandCodec;
import dev.trellis.interfaces.control.CtlOperationAck;
import dev.trellis.interfaces.control.GetClaimsReply;
import dev.trellis.interfaces.control.GetLinksReply;
import dev.trellis.interfaces.control.HostCodec;
import dev.trellis.interfaces.control.InvalidCommandException;
import dev.trellis.interfaces.control.LatticeDataCodec;
import dev.trellis.interfaces.control.LinkDeleteRequest;
import dev.trellis.interfaces.control.ProviderAuctionAck;
import dev.trellis.interfaces.control.ProviderAuctionRequest;
import dev.trellis.interfaces.control.RegistryCredentialCodec;
import dev.trellis.interfaces.control.ScaleActorCommand;
import dev.trellis.interfaces.control.StartActorCommand;
import dev.trellis.interfaces.control.StartProviderCommand;
import dev.trellis.interfaces.control.StopActorCommand;
import dev.trellis.interfaces.control.StopProviderCommand;
import dev.trellis.interfaces.control.UpdateActorCommand;
import dev.trellis.interfaces.event.ActorStartFailed;
import dev.trellis.interfaces.event.ActorUpdateFailed;
import dev.trellis.interfaces.event.ActorsStartFailed;
import dev.trellis.interfaces.event.ProviderStartFailed;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control interface of one host (controlplane §1–2): the subscriptions OTP makes — queue group
 * {@code {ctl}.{prefix}} for {@code get.*} and {@code linkdefs.*}, fan-out for pings, auctions and
 * registries, host-only for {@code cmd.{host}.*} and the inventory — on the control connection.
 * Long operations are acknowledged first and finish through events. Every request with a reply
 * subject gets a reply: unknown subjects and bad JSON get {@code {"accepted":false, "error":…}}.
 */
public final class ControlServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

  private final Host host;
  private final Connection ctl;
  private final Runnable stopHost;
  private final Path providerCache;
  private final String prefix;
  private final String lattice;
  private final ExecutorService work;
  private Dispatcher dispatcher;

  /**
   * @param stopHost what {@code cmd.{host}.stop} runs after acknowledging (stop the host process)
   * @param providerCache where provider binaries extracted from archives are kept
   */
  public ControlServer(Host host, Connection ctl, Runnable stopHost, Path providerCache) {
    this.host = host;
    this.ctl = ctl;
    this.stopHost = stopHost;
    this.providerCache = providerCache;
    this.prefix = host.config().ctlPrefix();
    this.lattice = host.config().latticePrefix();
    AtomicInteger n = new AtomicInteger();
    this.work =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "control-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Subscribes every control subject. */
  public synchronized void start() {
    String queue = Subjects.ctlQueue(prefix, lattice);
    String hostId = host.hostId();
    dispatcher = ctl.createDispatcher(this::onMessage);
    dispatcher.subscribe(Subjects.registriesPut(prefix, lattice));
    dispatcher.subscribe(Subjects.pingHosts(prefix, lattice));
    dispatcher.subscribe(Subjects.ctlLinkdefsWildcard(prefix, lattice), queue);
    dispatcher.subscribe(Subjects.ctlGetWildcard(prefix, lattice), queue);
    dispatcher.subscribe(Subjects.ctlAuctionWildcard(prefix, lattice));
    dispatcher.subscribe(Subjects.ctlHostCommandsWildcard(prefix, lattice, hostId));
    dispatcher.subscribe(Subjects.hostInventory(prefix, lattice, hostId));
  }

  private void onMessage(Message message) {
    try {
      work.execute(() -> handle(message));
    } catch (RejectedExecutionException e) {
      reply(message, CommandCodec.encode(CtlOperationAck.failure("the host is stopping")));
    }
  }

  private void handle(Message message) {
    String subject = message.getSubject();
    byte[] body = message.getData() == null ? new byte[0] : message.getData();
    try {
      byte[] reply = dispatch(subject, body, message);
      if (reply != null) {
        reply(message, reply);
      }
    } catch (InvalidCommandException e) {
      reply(message, ack(CtlOperationAck.failure(e.ackError())));
    } catch (DecodeException e) {
      reply(message, ack(CtlOperationAck.failure(e.getMessage())));
    } catch (RuntimeException e) {
      LOG.warn("control request failed subject={} cause={}", subject, e.toString());
      reply(message, ack(CtlOperationAck.failure(e.getMessage())));
    }
  }

  /** Handles one request; returns the reply, or null for none (a non-qualifying auction). */
  private byte[] dispatch(String subject, byte[] body, Message message) {
    String hostId = host.hostId();
    if (subject.equals(Subjects.pingHosts(prefix, lattice))) {
      byte[] reply = HostCodec.encode(HostReports.hostInfo(host));
      host.events().publish(HostReports.heartbeat(host));
      return reply;
    } else if (subject.equals(Subjects.getLinks(prefix, lattice))) {
      return LatticeDataCodec.encode(new GetLinksReply(host.links().all().stream().toList()));
    } else if (subject.equals(Subjects.getClaims(prefix, lattice))) {
      return LatticeDataCodec.encode(new GetClaimsReply(host.claims().all().stream().toList()));
    } else if (subject.equals(Subjects.hostInventory(prefix, lattice, hostId))) {
      return HostCodec.encode(HostReports.inventory(host));
    } else if (subject.equals(Subjects.ctlLinkdefsPut(prefix, lattice))) {
      host.links().put(CommandCodec.decodeLinkPut(body));
      return ack(CtlOperationAck.success());
    } else if (subject.equals(Subjects.ctlLinkdefsDel(prefix, lattice))) {
      LinkDeleteRequest request = CommandCodec.decodeLinkDelete(body);
      host.links().delete(request.actorId(), request.contractId(), request.linkName());
      return ack(CtlOperationAck.success());
    } else if (subject.equals(Subjects.registriesPut(prefix, lattice))) {
      RegistryCredentialCodec.decode(body);
      return ack(CtlOperationAck.success());
    } else if (subject.equals(Subjects.auctionActor(prefix, lattice))) {
      ActorAuctionRequest request = AuctionCodec.decodeActorRequest(body);
      return request.matches(host.config().labels())
          ? AuctionCodec.encode(ActorAuctionAck.of(request, hostId))
          : null;
    } else if (subject.equals(Subjects.auctionProvider(prefix, lattice))) {
      return providerAuction(AuctionCodec.decodeProviderRequest(body));
    } else if (subject.equals(Subjects.launchActor(prefix, lattice, hostId))) {
      StartActorCommand command = CommandCodec.decodeStartActor(body);
      reply(message, ack(CtlOperationAck.success()));
      launchActor(command);
      return null;
    } else if (subject.equals(Subjects.stopActor(prefix, lattice, hostId))) {
      StopActorCommand command = CommandCodec.decodeStopActor(body);
      host.stopActor(command.actorRef(), command.count(), command.annotations());
      return ack(CtlOperationAck.success());
    } else if (subject.equals(Subjects.scaleActor(prefix, lattice, hostId))) {
      ScaleActorCommand command = CommandCodec.decodeScaleActor(body);
      reply(message, ack(CtlOperationAck.success()));
      scaleActor(command);
      return null;
    } else if (subject.equals(Subjects.updateActor(prefix, lattice, hostId))) {
      UpdateActorCommand command = CommandCodec.decodeUpdateActor(body);
      reply(message, ack(CtlOperationAck.success()));
      updateActor(command);
      return null;
    } else if (subject.equals(Subjects.launchProvider(prefix, lattice, hostId))) {
      return launchProvider(CommandCodec.decodeStartProvider(body), message);
    } else if (subject.equals(Subjects.stopProvider(prefix, lattice, hostId))) {
      StopProviderCommand command = CommandCodec.decodeStopProvider(body);
      host.stopProvider(command.providerRef(), command.linkName());
      return ack(CtlOperationAck.success());
    } else if (subject.equals(Subjects.stopHost(prefix, lattice, hostId))) {
      CommandCodec.decodeStopHost(body);
      reply(message, ack(CtlOperationAck.success()));
      stopHost.run();
      return null;
    }
    return ack(
        CtlOperationAck.failure(
            "unknown control subject '"
                + subject
                + "' for lattice "
                + lattice
                + "; host "
                + hostId
                + " serves ping.hosts, get.claims, get.links, get.{host}.inv, linkdefs.put/del,"
                + " auction.actor/provider, registries.put and cmd.{host}.la/sa/scale/upd/lp/sp/stop"));
  }

  private void launchActor(StartActorCommand command) {
    String ref = command.actorRef();
    try {
      byte[] module = Artifacts.bytes(ref);
      host.startActor(
          module,
          host.defaultActorOptions().withScale(Math.max(1, command.count())),
          ref,
          command.annotations());
    } catch (RuntimeException e) {
      LOG.warn("actor start failed ref={} cause={}", ref, e.getMessage());
      host.events().publish(new ActorStartFailed(ref, e.getMessage()));
      host.events()
          .publish(
              new ActorsStartFailed(
                  ActorsStartFailed.UNKNOWN_KEY,
                  ref,
                  command.annotations(),
                  host.hostId(),
                  e.getMessage()));
    }
  }

  private void scaleActor(ScaleActorCommand command) {
    try {
      String ref = command.actorRef();
      byte[] module =
          host.actor(command.actorId()).isPresent() || ref.isEmpty() ? null : Artifacts.bytes(ref);
      host.scaleActor(command.actorId(), command.count(), module, ref);
    } catch (RuntimeException e) {
      LOG.warn("actor scale failed actor={} cause={}", command.actorId(), e.getMessage());
      host.events()
          .publish(
              new ActorsStartFailed(
                  command.actorId(),
                  command.actorRef(),
                  command.annotations(),
                  host.hostId(),
                  e.getMessage()));
    }
  }

  private void updateActor(UpdateActorCommand command) {
    byte[] module;
    try {
      module = Artifacts.bytes(command.newActorRef());
    } catch (RuntimeException e) {
      LOG.warn("actor update failed actor={} cause={}", command.actorId(), e.getMessage());
      host.events()
          .publish(
              new ActorUpdateFailed(
                  command.actorId(), 0, "", "Unable to perform live update: " + e.getMessage()));
      return;
    }
    try {
      ActorModule updated = host.updateActor(command.actorId(), module);
      LOG.debug("actor updated actor={} revision={}", updated.publicKey(), updated.revision());
    } catch (RuntimeException e) {
      // the host published actor_update_failed for each running instance, or none runs here
      LOG.warn("actor update failed actor={} cause={}", command.actorId(), e.getMessage());
      if (host.actor(command.actorId()).isEmpty()) {
        host.events().publish(new ActorUpdateFailed(command.actorId(), 0, "", e.getMessage()));
      }
    }
  }

  private byte[] launchProvider(StartProviderCommand command, Message message) {
    String ref = command.providerRef();
    ProviderSpec spec;
    try {
      spec =
          ProviderSpec.fromArchive(
                  Artifacts.path(ref),
                  command.linkName(),
                  providerCache,
                  ref,
                  host.config().clock())
              .withConfigJson(command.configuration())
              .withAnnotations(command.annotations());
    } catch (RuntimeException e) {
      host.events().publish(new ProviderStartFailed(ref, command.linkName(), e.getMessage()));
      return ack(CtlOperationAck.failure(e.getMessage()));
    }
    if (host.providers().find(spec.providerKey(), spec.linkName()).isPresent()) {
      String error = "Provider with that link name is already running on this host";
      host.events().publish(new ProviderStartFailed(ref, spec.linkName(), error));
      return ack(CtlOperationAck.failure(error));
    }
    reply(message, ack(CtlOperationAck.success()));
    try {
      host.startProvider(spec);
    } catch (RuntimeException e) {
      LOG.warn("provider start failed ref={} cause={}", ref, e.getMessage());
    }
    return null;
  }

  private byte[] providerAuction(ProviderAuctionRequest request) {
    if (!request.matches(host.config().labels())) {
      return null;
    }
    boolean running =
        host.refs()
            .resolve(request.providerRef())
            .flatMap(key -> host.providers().find(key, request.linkName()))
            .isPresent();
    return running ? null : AuctionCodec.encode(ProviderAuctionAck.of(request, host.hostId()));
  }

  private static byte[] ack(CtlOperationAck ack) {
    return CommandCodec.encode(ack);
  }

  private void reply(Message request, byte[] body) {
    String replyTo = request.getReplyTo();
    if (replyTo == null || replyTo.isEmpty()) {
      return;
    }
    try {
      ctl.publish(replyTo, body);
    } catch (RuntimeException e) {
      LOG.warn(
          "failed to publish control reply subject={} cause={}",
          request.getSubject(),
          e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (dispatcher != null && ctl.getStatus() != Connection.Status.CLOSED) {
      ctl.closeDispatcher(dispatcher);
    }
    dispatcher = null;
    work.shutdown();
  }
}
