package dev.trellis.host.control;

import dev.trellis.interfaces.Subjects;
import dev.trellis.interfaces.event.CloudEvent;
import dev.trellis.interfaces.event.EventCodec;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Every lattice event published on {@code wasmbus.evt.{prefix}}, as a client sees them. */
final class EventLog {
  final List<CloudEvent> events = new CopyOnWriteArrayList<>();

  EventLog(Connection nc, String lattice) throws Exception {
    Dispatcher d = nc.createDispatcher(m -> events.add(EventCodec.decode(m.getData())));
    d.subscribe(Subjects.events(lattice));
    nc.flush(Duration.ofSeconds(2));
  }

  /** Waits for an event of {@code type} matching {@code test}, and returns it. */
  CloudEvent await(String type, Predicate<CloudEvent> test) {
    String full = "com.wasmcloud.lattice." + type;
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events.stream().anyMatch(e -> e.type().equals(full) && test.test(e)));
    return events.stream().filter(e -> e.type().equals(full) && test.test(e)).findFirst().get();
  }

  CloudEvent await(String type) {
    return await(type, e -> true);
  }

  long count(String type) {
    return events.stream().filter(e -> e.type().equals("com.wasmcloud.lattice." + type)).count();
  }
}
