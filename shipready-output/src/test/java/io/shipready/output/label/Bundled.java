package io.shipready.output.label;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bundled templates (test copies of the line profiles' labels folders) and a unit's fields for
 * each.
 */
enum Bundled {
  MODULE(
      "afero-asr",
      "module-label.json",
      Map.of("association_id", "A1B2C3D4E5F60718293A4B5C", "device_id", "0123456789ABCDEF"),
      "1:A1B2C3D4E5F60718293A4B5C:0123456789ABCDEF"),
  PRODUCT(
      "afero-asr",
      "product-label.json",
      Map.of(
          "association_id", "A1B2C3D4E5F60718293A4B5C",
          "device_id", "0123456789ABCDEF",
          "part_number", "100-2000-03",
          "fcc_id", "2AB9F-ASR1"),
      "1:A1B2C3D4E5F60718293A4B5C:0123456789ABCDEF"),
  TRACKER(
      "sample",
      "tracker-label.json",
      Map.of("serial", "P045AB1234567", "device_id", "e00fce68d1b2c3a4f5e6d7c8"),
      "P045AB1234567");

  final String line;
  final String file;
  final Map<String, String> fields;
  final String payload;

  Bundled(String line, String file, Map<String, String> fields, String payload) {
    this.line = line;
    this.file = file;
    this.fields = fields;
    this.payload = payload;
  }

  /** The test copy, from the test classpath. */
  Path path() {
    URL url = Bundled.class.getResource("/label/templates/" + line + "/" + file);
    if (url == null) {
      throw new IllegalStateException("test resource label/templates/" + line + "/" + file);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The copy shipped with the line profile. */
  Path shipped() {
    return ModuleDirs.repository().resolve("lines").resolve(line).resolve("labels").resolve(file);
  }

  String baseName() {
    return file.substring(0, file.length() - ".json".length());
  }
}
