package io.shipready.store.internal;

/** The database engines the store runs on. */
public enum Engine {
  SQLITE("sqlite"),
  POSTGRES("postgresql");

  private final String migrationFolder;

  Engine(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The folder of migrations only this engine runs, beside the common ones. */
  public String migrationFolder() {
    return migrationFolder;
  }
}
