package io.shipready.device.tools.afero;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.device.spi.ConsoleFirmware;
import java.util.Map;
import java.util.Set;

/**
 * An Afero ASR module's firmware on its UART: a J-Link programs the module over SWD but cannot tell
 * its device id, association id and BLE MAC. Those are burnt in before the module is programmed and
 * the module reports them with its {@code ids} command, so a programming station records the module
 * before it flashes it. Registered for the family {@code afero-asr}.
 */
public final class AferoAsrFirmware implements ConsoleFirmware {
  public static final String FAMILY = "afero-asr";

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public Set<Class<? extends Capability>> capabilities() {
    return Set.of(Identity.class);
  }

  @Override
  public Map<Class<? extends Capability>, Capability> over(Console console) {
    return Map.of(Identity.class, new AferoConsoleIdentity(console));
  }
}
