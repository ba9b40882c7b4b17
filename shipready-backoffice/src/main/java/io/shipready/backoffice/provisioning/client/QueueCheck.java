package io.shipready.backoffice.provisioning.client;

import java.util.List;

/**
 * A queue file read and checked: the units a run can honour, and the rows it cannot.
 *
 * @param units the rows to provision, in file order, withdrawn units left out
 * @param refused the rows refused, in file order
 * @param withdrawn how many units were left out because they are withdrawn
 */
public record QueueCheck(List<UnitRow> units, List<RowRefusal> refused, int withdrawn) {
  public QueueCheck {
    units = List.copyOf(units);
    refused = List.copyOf(refused);
  }
}
