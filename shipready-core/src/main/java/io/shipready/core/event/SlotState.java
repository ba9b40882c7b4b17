package io.shipready.core.event;

/** What a slot is doing. */
public enum SlotState {
  IDLE,
  BUSY,
  /**
   * A step in this slot did not stop when told to and was abandoned; the slot takes no more units
   * until an operator has looked at the fixture.
   */
  ERROR
}
