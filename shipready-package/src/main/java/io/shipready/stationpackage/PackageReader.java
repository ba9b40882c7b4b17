package io.shipready.stationpackage;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens a package file and checks it completely before anything of it is used, cheapest and most
 * telling checks first: a sealed package's header (its key-derivation settings bounded and, with a
 * trusted key, signed) before the passphrase is asked for; the ZIP's central directory (cut short,
 * duplicates, paths, local headers) before anything is unpacked; the signer and the signature over
 * the manifest before any file is unpacked; then each file unpacked no further than the signed
 * manifest's size for it, against its SHA-256. Every file problem found is named in one refusal.
 */
public final class PackageReader {
  /** No package is this large once unpacked; a manifest declaring more is refused. */
  private static final long MAX_UNPACKED_BYTES = Integer.MAX_VALUE;

  /** Far more than any manifest of a line profile, far less than what would strain a PC. */
  private static final long MAX_MANIFEST_BYTES = 16L << 20;

  /** A signature or key line is one short line. */
  private static final long MAX_KEY_LINE_BYTES = 64L << 10;

  private PackageReader() {}

  /**
   * Reads and verifies a package file, keeping every file's content for installing it.
   *
   * @param passphrase asked only when the package is encrypted, after its header checked out
   */
  public static VerifiedPackage read(Path file, Supplier<char[]> passphrase, Trust trust) {
    return read(file.toString(), PackageBytes.load(file), passphrase, trust, true);
  }

  /**
   * Verifies a package file as {@link #read} does, streaming each file through its hash without
   * keeping it: the result's {@code files} is empty.
   */
  public static VerifiedPackage check(Path file, Supplier<char[]> passphrase, Trust trust) {
    return read(file.toString(), PackageBytes.load(file), passphrase, trust, false);
  }

  private static VerifiedPackage read(
      String source, ByteBuffer bytes, Supplier<char[]> passphrase, Trust trust, boolean keep) {
    ByteBuffer zip = bytes;
    if (PackageEncryption.isEncrypted(bytes)) {
      zip =
          ByteBuffer.wrap(
              PackageEncryption.open(source, PackageBytes.array(bytes), passphrase, trust));
    }
    ZipDirectory directory = ZipDirectory.read(source, zip);
    Map<String, ZipDirectory.Entry> entries = new LinkedHashMap<>(directory.entries());
    ZipDirectory.Entry manifestEntry = entries.remove(ManifestJson.FILE);
    if (manifestEntry == null) {
      throw new PackageException(
          source + ": no " + ManifestJson.FILE + " in it; it is not a station package");
    }
    byte[] manifestBytes = unpackSmall(directory, manifestEntry, MAX_MANIFEST_BYTES);
    byte[] signature =
        unpackSmall(directory, entries.remove(PackageLayout.SIGNATURE), MAX_KEY_LINE_BYTES);
    byte[] signerText =
        unpackSmall(directory, entries.remove(PackageLayout.SIGNER), MAX_KEY_LINE_BYTES);
    PackageKeys.PublicKeyFile signer =
        Signatures.check(source, manifestBytes, signature, signerText, trust);

    Manifest manifest = ManifestJson.read(source + "!" + ManifestJson.FILE, manifestBytes);
    long declared = manifest.files().stream().mapToLong(Manifest.Entry::size).sum();
    if (declared > MAX_UNPACKED_BYTES) {
      throw refused(
          source,
          manifest,
          List.of("the manifest declares " + declared + " bytes in all, more than any package"));
    }
    List<String> problems = new ArrayList<>();
    Map<String, ZipDirectory.Entry> byPath = new LinkedHashMap<>();
    for (ZipDirectory.Entry entry : entries.values()) {
      if (!entry.name().startsWith(PackageLayout.FILES)) {
        problems.add(entry.name() + ": an entry a station package does not have");
      } else {
        byPath.put(entry.name().substring(PackageLayout.FILES.length()), entry);
      }
    }
    Map<String, Manifest.Entry> listed = manifest.byPath();
    byPath.keySet().stream()
        .filter(path -> !listed.containsKey(path))
        .forEach(path -> problems.add(path + ": in the package but not in the manifest"));
    // Sizes are compared before anything is unpacked: the signed manifest bounds every file.
    for (Manifest.Entry expected : manifest.files()) {
      ZipDirectory.Entry entry = byPath.get(expected.path());
      if (entry == null) {
        problems.add(expected.path() + ": listed in the manifest but missing from the package");
      } else if (entry.size() != expected.size()) {
        problems.add(
            expected.path()
                + ": the ZIP declares "
                + entry.size()
                + " bytes, the manifest "
                + expected.size());
      }
    }
    if (!problems.isEmpty()) {
      throw refused(source, manifest, problems);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Manifest.Entry expected : manifest.files()) {
      String where = source + ": file " + expected.path();
      MessageDigest sha256 = Hashes.digest();
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      OutputStream sink =
          new DigestOutputStream(keep ? content : OutputStream.nullOutputStream(), sha256);
      PackageBytes.unpack(directory, byPath.get(expected.path()), expected.size(), where, sink);
      if (!Hashes.hex(sha256).equals(expected.sha256())) {
        problems.add(expected.path() + ": SHA-256 differs from the manifest");
      }
      if (keep) {
        files.put(expected.path(), content.toByteArray());
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

  /** A package's own small entry, or null when it has none. */
  private static byte[] unpackSmall(ZipDirectory directory, ZipDirectory.Entry entry, long limit) {
    if (entry == null) {
      return null;
    }
    return PackageBytes.unpack(
        directory, entry, limit, directory.source() + ": entry " + entry.name());
  }
}
