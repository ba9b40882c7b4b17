package io.shipready.stationpackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A small line profile on disk, and ways to take a package file apart and put it back. */
final class PackageFixture {
  /** Small enough that tests stay quick; packages in use are built with the defaults. */
  static final KdfSettings FAST_KDF = new KdfSettings(KdfSettings.MIN_MEMORY_KIB, 1, 1);

  private PackageFixture() {}

  static Path line(Path dir) throws IOException {
    Path line = dir.resolve("widget-line");
    Files.createDirectories(line.resolve("images"));
    Files.createDirectories(line.resolve("labels"));
    Files.writeString(line.resolve("recipe.yaml"), "recipe: widget\nversion: \"1.0\"\nsteps: []\n");
    Files.write(line.resolve("images/app.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Files.writeString(line.resolve("labels/box.json"), "{\"template\": \"box\"}\n");
    Files.writeString(
        line.resolve("station-config.template.yaml"), "stationId: CHANGE_ME\nfactory: CHANGE_ME\n");
    Files.writeString(line.resolve("README.txt"), "notes for the line\n");
    Files.createDirectories(line.resolve("hooks"));
    Path hook = Files.writeString(line.resolve("hooks/pre-test.sh"), "#!/bin/sh\necho ready\n");
    hook.toFile().setExecutable(true, false);
    return line;
  }

  static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The package file with its entries changed by {@code change}. */
  static void rewrite(Path packageFile, UnaryOperator<Map<String, byte[]>> change)
      throws IOException {
    Map<String, byte[]> entries = unzip(Files.readAllBytes(packageFile));
    Files.write(packageFile, zip(change.apply(entries)));
  }
}
