package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.SlotBinding;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A slot whose units a vendor tool reaches. Each tool run names the slot's unit (connection path,
 * probe serial, port) and ends, so the slot holds nothing open between units; each unit gets a
 * device of its own, so nothing one unit's runs learnt is taken for the next unit's.
 */
public final class ToolSlot implements SlotBinding {
  /** Builds the device for the unit now in the slot; may run the tool to find it. */
  @FunctionalInterface
  public interface Attach {
    ToolDevice attach() throws InterruptedException;
  }

  private final Set<Class<? extends Capability>> capabilities;
  private final Attach attach;

  /**
   * @param capabilities what every device {@code attach} builds has
   */
  public ToolSlot(Set<Class<? extends Capability>> capabilities, Attach attach) {
    this.capabilities = Set.copyOf(capabilities);
    this.attach = requireNonNull(attach, "attach");
  }

  /** A slot whose units have a programmer and nothing else. */
  public static ToolSlot programmer(String slot, String family, Supplier<Programmer> programmer) {
    requireNonNull(slot, "slot");
    requireNonNull(family, "family");
    requireNonNull(programmer, "programmer");
    return new ToolSlot(
        Set.of(Programmer.class),
        () -> ToolDevice.builder(slot, family).with(Programmer.class, programmer.get()).build());
  }

  @Override
  public Set<Class<? extends Capability>> capabilities() {
    return capabilities;
  }

  @Override
  public ToolDevice attach(int number, String serial) throws InterruptedException {
    return attach.attach();
  }

  /** Nothing is held open between tool runs. */
  @Override
  public void close() {}
}
