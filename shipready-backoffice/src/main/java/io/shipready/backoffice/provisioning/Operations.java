package io.shipready.backoffice.provisioning;

import org.jdbi.v3.core.Handle;

/**
 * The table of operations applied. Each state-changing request records its operation here in the
 * same transaction as its effect; an identical request again only counts a repeat. Tests and
 * operators read it to see that each unit's operations were applied exactly once.
 */
public final class Operations {
  public static final String IMPORT = "import";
  public static final String SIM_ACTIVATE = "sim_activate";
  public static final String GROUP_CREATE = "group_create";
  public static final String GROUP_ADD = "group_add";
  public static final String RENAME = "rename";
  public static final String CLAIM = "claim";

  private Operations() {}

  /** Records the operation; true when it is new, false when it was already applied. */
  static boolean record(
      Handle handle, String product, String kind, String target, String detail, String tokenId) {
    int inserted =
        handle
            .createUpdate(
                "INSERT INTO operations (product, kind, target, detail, token_id, applied_at)"
                    + " VALUES (:product, :kind, :target, :detail, :token, :now)"
                    + " ON CONFLICT (product, kind, target, detail) DO NOTHING")
            .bind("product", product)
            .bind("kind", kind)
            .bind("target", target)
            .bind("detail", detail)
            .bind("token", tokenId)
            .bind("now", System.currentTimeMillis())
            .execute();
    if (inserted == 1) {
      return true;
    }
    handle
        .createUpdate(
            "UPDATE operations SET repeats = repeats + 1 WHERE product = :product AND kind = :kind"
                + " AND target = :target AND detail = :detail")
        .bind("product", product)
        .bind("kind", kind)
        .bind("target", target)
        .bind("detail", detail)
        .execute();
    return false;
  }
}
