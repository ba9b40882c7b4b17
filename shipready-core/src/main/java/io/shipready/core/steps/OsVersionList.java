package io.shipready.core.steps;

import io.shipready.core.ShipreadyException;
import io.shipready.core.yaml.YamlInput;
import io.shipready.core.yaml.YamlInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor's OS version list ({@code mt3620an.json}, the file its {@code download_os_list.py}
 * writes): {@code {"versions": [{"name": "24.10", "images": [{"cid": "<component id>", "iid":
 * "<image id>"}, ...]}, ...]}}. Each version is the set of OS component images that make it up; a
 * unit runs a version when every one of those images is installed. The file is read as the vendor
 * publishes it, so a new OS release is taken by replacing the file, never by editing ids by hand.
 *
 * <p>The older short form, {@code {"24.10": ["<image id>", ...]}}, is still read.
 */
final class OsVersionList {
  private OsVersionList() {}

  /** Each version and the image ids of its OS components, in the file's order. */
  static Map<String, List<String>> read(Path file) {
    Object loaded;
    try {
      loaded = YamlInput.load(file, "OS version list", "os-versions.json");
    } catch (YamlInputException unreadable) {
      throw new ShipreadyException(
          "cannot read OS version list " + unreadable.getMessage(), unreadable);
    }
    if (loaded instanceof Map<?, ?> map && map.containsKey("versions")) {
      return vendor(file, map.get("versions"));
    }
    if (loaded instanceof Map<?, ?> map) {
      return shortForm(file, map);
    }
    throw bad(file, "the top level");
  }

  private static Map<String, List<String>> vendor(Path file, Object versions) {
    if (!(versions instanceof List<?> list)) {
      throw bad(file, "\"versions\"");
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (int v = 0; v < list.size(); v++) {
      String where = "versions[" + v + "]";
      if (!(list.get(v) instanceof Map<?, ?> version)
          || !(version.get("name") instanceof String name)
          || name.isBlank()
          || !(version.get("images") instanceof List<?> images)) {
        throw bad(file, where + " (it needs \"name\" and \"images\")");
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        if (!(images.get(i) instanceof Map<?, ?> image)
            || !(image.get("iid") instanceof String iid)
            || iid.isBlank()) {
          throw bad(file, where + ".images[" + i + "] (it needs \"iid\", the image id)");
        }
        ids.add(iid.toLowerCase(java.util.Locale.ROOT));
      }
      if (result.put(name, ids) != null) {
        throw new ShipreadyException(file + ": version " + name + " is listed twice");
      }
    }
    return result;
  }

  private static Map<String, List<String>> shortForm(Path file, Map<?, ?> map) {
    Map<String, List<String>> versions = new LinkedHashMap<>();
    map.forEach(
        (version, ids) -> {
          if (!(ids instanceof List<?> list)) {
            throw new ShipreadyException(
                file + ": version " + version + " must list its component image ids");
          }
          List<String> components = new ArrayList<>();
          list.forEach(id -> components.add(String.valueOf(id).toLowerCase(java.util.Locale.ROOT)));
          versions.put(String.valueOf(version), components);
        });
    return versions;
  }

  private static ShipreadyException bad(Path file, String where) {
    return new ShipreadyException(
        file
            + ": "
            + where
            + " is not in the vendor's OS list format {\"versions\": [{\"name\": \"24.10\","
            + " \"images\": [{\"cid\": ..., \"iid\": ...}]}]}; use the file the vendor's"
            + " download_os_list.py writes (mt3620an.json)");
  }
}
