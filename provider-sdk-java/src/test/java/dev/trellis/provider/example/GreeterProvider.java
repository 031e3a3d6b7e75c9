package dev.trellis.provider.example;

import dev.trellis.interfaces.contract.BarePayload;
import dev.trellis.interfaces.wire.LinkDefinition;
import dev.trellis.provider.CapabilityProvider;
import dev.trellis.provider.InvocationContext;
import dev.trellis.provider.Operations;
import dev.trellis.provider.ProviderRunner;

/** Actors call Greeter.Greet with a name; the link's "greeting" value says how to greet. */
public final class GreeterProvider implements CapabilityProvider {

  @Override
  public String contractId() {
    return "example:greeter";
  }

  @Override
  public void registerOperations(Operations operations) {
    operations.add(
        "Greeter.Greet",
        payload -> BarePayload.decodeString(payload, "name"), // msgpack str in
        this::greet,
        BarePayload::encodeString); // msgpack str out
  }

  @Override
  public boolean putLink(LinkDefinition link) {
    // Refuse links whose settings cannot work: such actors stay unlinked.
    return !link.values().getOrDefault("greeting", "Hello").isBlank();
  }

  private String greet(InvocationContext context, String name) {
    String greeting = context.link().values().getOrDefault("greeting", "Hello");
    return greeting + ", " + name + "!";
  }

  public static void main(String[] args) {
    ProviderRunner.run(new GreeterProvider());
  }
}
