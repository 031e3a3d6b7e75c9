package dev.trellis.cli.ctl;

import dev.trellis.cli.CliException;
import dev.trellis.cli.CommandContext;
import dev.trellis.cli.lattice.CtlClient;
import dev.trellis.cli.output.Progress;
import dev.trellis.interfaces.DecodeException;
import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.control.ActorAuctionRequest;
import dev.trellis.interfaces.control.AuctionCodec;
import dev.trellis.interfaces.control.ProviderAuctionRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Picks a host by auction (controlplane §2.8–2.9): every host whose labels satisfy the constraints
 * bids; the first bid wins (wash picks among the bids of the whole window; taking the first is as
 * good a choice and does not make the user wait).
 */
final class Auctions {
  private Auctions() {}

  static String actor(
      CommandContext ctx,
      CtlClient client,
      String ref,
      Map<String, String> constraints,
      Duration window) {
    byte[] body = AuctionCodec.encode(new ActorAuctionRequest(ref, constraints));
    List<byte[]> bids;
    try (Progress p = ctx.output().progress("looking for a host for actor " + ref)) {
      bids =
          client.gather(
              Subjects.auctionActor(client.prefix(), client.lattice()), body, window, true);
    }
    if (bids.isEmpty()) {
      throw noBid(client, "actor " + ref, constraints, window, "");
    }
    try {
      return AuctionCodec.decodeActorAck(bids.get(0)).hostId();
    } catch (DecodeException e) {
      throw badBid(bids.get(0), "actor " + ref, e);
    }
  }

  static String provider(
      CommandContext ctx,
      CtlClient client,
      String ref,
      String linkName,
      Map<String, String> constraints,
      Duration window) {
    byte[] body = AuctionCodec.encode(new ProviderAuctionRequest(ref, linkName, constraints));
    List<byte[]> bids;
    try (Progress p = ctx.output().progress("looking for a host for provider " + ref)) {
      bids =
          client.gather(
              Subjects.auctionProvider(client.prefix(), client.lattice()), body, window, true);
    }
    if (bids.isEmpty()) {
      throw noBid(
          client,
          "provider " + ref,
          constraints,
          window,
          " (hosts already running it with link name '" + linkName + "' do not bid)");
    }
    try {
      return AuctionCodec.decodeProviderAck(bids.get(0)).hostId();
    } catch (DecodeException e) {
      throw badBid(bids.get(0), "provider " + ref, e);
    }
  }

  private static CliException noBid(
      CtlClient client,
      String what,
      Map<String, String> constraints,
      Duration window,
      String note) {
    String with =
        constraints.isEmpty()
            ? ""
            : " with constraints "
                + constraints.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
    return new CliException(
        "failed to start "
            + what
            + ": no host answered the auction"
            + with
            + " within "
            + window.toMillis()
            + " ms"
            + note
            + "; "
            + client.noHostsHint());
  }

  private static CliException badBid(byte[] bid, String what, DecodeException e) {
    return new CliException(
        "failed to start " + what + ": " + new String(bid, StandardCharsets.UTF_8), e);
  }
}
