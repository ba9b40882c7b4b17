package io.shipready.stationpackage;

import java.util.Locale;

/** What a file of a line profile is for; decides how a station treats it. */
public enum FileRole {
  RECIPE,
  IMAGE,
  LABEL,
  /** A station config with CHANGE_ME fields: the factory fills in its own copy. */
  CONFIG_TEMPLATE,
  OTHER;

  /** The name used in a manifest: {@code recipe}, {@code config-template}... */
  public String manifestName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The role a manifest names, or null when it names none of them. */
  static FileRole fromManifestName(String name) {
    for (FileRole role : values()) {
      if (role.manifestName().equals(name)) {
        return role;
      }
    }
    return null;
  }
}
