package io.shipready.stationpackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Opens a package file and checks it completely before anything of it is used: the passphrase (if
 * sealed), every entry's path, the signer against the trusted key, the signature over the manifest,
 * and every file against the manifest. Every problem found is named in one refusal.
 */
public final class PackageReader {
  /** No package is this large once unpacked; a ZIP claiming more is refused, not unpacked. */
  private static final long MAX_UNPACKED_BYTES = 1L << 31;

  private PackageReader() {}

  /**
   * Reads and verifies a package file.
   *
   * @param passphrase asked only when the package is encrypted
   */
  public static VerifiedPackage read(Path file, Supplier<char[]> passphrase, Trust trust) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException missing) {
      throw new PackageException("package " + file + " not found");
    } catch (IOException e) {
      throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return read(file.toString(), bytes, passphrase, trust);
  }

  static VerifiedPackage read(
      String source, byte[] bytes, Supplier<char[]> passphrase, Trust trust) {
    byte[] zip = bytes;
    if (PackageEncryption.isEncrypted(bytes)) {
      char[] secret = passphrase.get();
      try {
        zip = PackageEncryption.decrypt(source, bytes, secret);
      } finally {
        if (secret != null) {
          java.util.Arrays.fill(secret, '\0');
        }
      }
    }
    Map<String, byte[]> entries = entries(source, zip);
    byte[] manifestBytes = entries.remove(ManifestJson.FILE);
    if (manifestBytes == null) {
      throw new PackageException(
          source + ": no " + ManifestJson.FILE + " in it; it is not a station package");
    }
    byte[] signature = entries.remove(PackageLayout.SIGNATURE);
    byte[] signerText = entries.remove(PackageLayout.SIGNER);
    PackageKeys.PublicKeyFile signer =
        Signatures.check(source, manifestBytes, signature, signerText, trust);

    Manifest manifest = ManifestJson.read(source + "!" + ManifestJson.FILE, manifestBytes);
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      if (!entry.getKey().startsWith(PackageLayout.FILES)) {
        problems.add(entry.getKey() + ": an entry a station package does not have");
        continue;
      }
      files.put(entry.getKey().substring(PackageLayout.FILES.length()), entry.getValue());
    }
    for (Manifest.Entry expected : manifest.files()) {
      byte[] content = files.get(expected.path());
      if (content == null) {
        problems.add(expected.path() + ": listed in the manifest but missing from the package");
      } else if (content.length != expected.size()
          || !Hashes.sha256(content).equals(expected.sha256())) {
        problems.add(expected.path() + ": SHA-256 differs from the manifest");
      }
    }
    Map<String, Manifest.Entry> listed = manifest.byPath();
    for (String path : files.keySet()) {
      if (!listed.containsKey(path)) {
        problems.add(path + ": in the package but not in the manifest");
      }
    }
    if (!problems.isEmpty()) {
      throw refused(source, manifest, problems);
    }
    return new VerifiedPackage(
        manifest, manifestBytes, Hashes.sha256(manifestBytes), signature, signer, files);
  }

  static PackageException refused(String source, Manifest manifest, List<String> problems) {
    StringBuilder message =
        new StringBuilder(source)
            .append(": package ")
            .append(manifest.title())
            .append(" refused, it is not what was signed:");
    problems.forEach(problem -> message.append("\n  ").append(problem));
    message.append("\nGet the package again from the product team; do not use this one.");
    return new PackageException(message.toString());
  }

  private static Map<String, byte[]> entries(String source, byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    long unpacked = 0;
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName();
        String where = source + ": entry " + name;
        if (entry.isDirectory()) {
          PackagePaths.check(name.substring(0, Math.max(0, name.length() - 1)), where);
          continue;
        }
        PackagePaths.check(name, where);
        if (entries.containsKey(name)) {
          throw new PackageException(where + " appears twice; the package is refused");
        }
        byte[] content = readAtMost(in, MAX_UNPACKED_BYTES - unpacked, where);
        unpacked += content.length;
        entries.put(name, content);
      }
    } catch (ZipException e) {
      throw new PackageException(
          source + ": not a readable station package (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new PackageException("cannot read " + source + ": " + e.getMessage(), e);
    }
    if (entries.isEmpty()) {
      throw new PackageException(source + ": not a station package (no entries)");
    }
    return entries;
  }

  private static byte[] readAtMost(InputStream in, long limit, String where) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        throw new PackageException(where + ": unpacks to more than any package holds; refused");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
