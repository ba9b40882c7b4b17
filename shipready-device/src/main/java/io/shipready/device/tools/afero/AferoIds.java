package io.shipready.device.tools.afero;

import io.shipready.core.device.DeviceException;
import io.shipready.core.model.Identifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reply of an Afero ASR module's {@code ids} command, one line: {@code device_id=<16 hex>
 * association_id=<24 hex> company_code=<4 hex> ble_mac=<MAC>}, then {@code wifi_mac=<MAC>} on Wi-Fi
 * modules. Read strictly: an unknown key, a value of the wrong shape, a key given twice or a
 * missing device or association id is an error naming the command and the line.
 */
final class AferoIds {
  private static final String HEX = "[0-9A-F]";
  private static final String MAC = "[0-9A-F]{2}(:[0-9A-F]{2}){5}";
  private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put(Identifier.DEVICE_ID, Pattern.compile(HEX + "{16}"));
    SHAPES.put(Identifier.ASSOCIATION_ID, Pattern.compile(HEX + "{24}"));
    SHAPES.put(Identifier.COMPANY_CODE, Pattern.compile(HEX + "{4}"));
    SHAPES.put(Identifier.BLE_MAC, Pattern.compile(MAC));
    SHAPES.put(Identifier.WIFI_MAC, Pattern.compile(MAC));
  }

  private AferoIds() {}

  /**
   * The identifiers in the reply, in its order.
   *
   * @param where the console, for the message
   * @throws DeviceException when the reply is not an {@code ids} line
   */
  static List<Identifier> parse(String reply, String where) {
    String line = reply.strip();
    Map<String, String> values = new LinkedHashMap<>();
    for (String word : line.split("\\s+")) {
      int eq = word.indexOf('=');
      String key = eq > 0 ? word.substring(0, eq) : "";
      Pattern shape = SHAPES.get(key);
      if (shape == null) {
        throw unexpected(line, where, "'" + word + "' is not one of " + SHAPES.keySet() + "=...");
      }
      String value = word.substring(eq + 1);
      if (!shape.matcher(value).matches()) {
        throw unexpected(line, where, key + " '" + value + "' is not " + shape.pattern());
      }
      if (values.put(key, value) != null) {
        throw unexpected(line, where, key + " is given twice");
      }
    }
    for (String needed : List.of(Identifier.DEVICE_ID, Identifier.ASSOCIATION_ID)) {
      if (!values.containsKey(needed)) {
        throw unexpected(line, where, "it has no " + needed);
      }
    }
    List<Identifier> identifiers = new ArrayList<>();
    values.forEach((key, value) -> identifiers.add(new Identifier(key, value)));
    return identifiers;
  }

  private static DeviceException unexpected(String line, String where, String problem) {
    return new DeviceException(
        "the Afero module on the "
            + where
            + " answered '"
            + line
            + "' to '"
            + AferoConsoleIdentity.COMMAND
            + "': "
            + problem
            + "; expected device_id=<16 hex> association_id=<24 hex> company_code=<4 hex>"
            + " ble_mac=<MAC>; check the module runs Afero firmware and the console is its UART",
        false);
  }
}
