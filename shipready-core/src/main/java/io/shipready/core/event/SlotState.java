package io.shipready.core.event;

/** What a slot is doing. */
public enum SlotState {
  IDLE,
  BUSY,
  /**
   * The store is too far behind (unreachable or slow): the slot takes no new unit until the record
   * catches up, so nothing waits only in memory for long. Runs in progress go on.
   */
  WAITING_FOR_STORE,
  /**
   * A step in this slot did not stop when told to and was abandoned; the slot takes no more units
   * until an operator has looked at the fixture.
   */
  ERROR
}
