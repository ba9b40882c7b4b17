package io.shipready.backoffice;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the back office keeps its files, under one data folder:
 *
 * <ul>
 *   <li>{@code accounts.json}: the factories' SFTP accounts;
 *   <li>{@code host-key-ed25519} and {@code host-key}: the SFTP server's host keys (Ed25519 in
 *       OpenSSH's format, and ECDSA P-256), made at first start;
 *   <li>{@code profile-versions.txt}: the device profile versions a programming file may name, one
 *       per line ({@code #} starts a comment); without the file every version is taken;
 *   <li>{@code factories/<factory>/}: each factory's SFTP folder, all it can see; new files arrive
 *       in {@code incoming/}, and move to {@code completed/}, {@code rejected/} (with a {@code
 *       <file>.reason.txt}) or {@code duplicates/} beside it once ingested;
 *   <li>{@code receipts/<factory>/<yyyy-mm-dd>.json}: the daily receipt of every file received.
 * </ul>
 */
public record DataFolder(Path root) {
  public static final String INCOMING = "incoming";
  public static final String COMPLETED = "completed";
  public static final String REJECTED = "rejected";
  public static final String DUPLICATES = "duplicates";

  public DataFolder {
    requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  public Path accounts() {
    return root.resolve("accounts.json");
  }

  /** The SFTP server's ECDSA P-256 host key. */
  public Path hostKey() {
    return root.resolve("host-key");
  }

  /** The SFTP server's Ed25519 host key, the one OpenSSH clients ask for first. */
  public Path hostKeyEd25519() {
    return root.resolve("host-key-ed25519");
  }

  public Path profileVersions() {
    return root.resolve("profile-versions.txt");
  }

  public Path factories() {
    return root.resolve("factories");
  }

  /** The factory's SFTP folder. The name must have passed {@code FactoryName.check}. */
  public Path factory(String factory) {
    return factories().resolve(factory);
  }

  /** Where the factory's uploads arrive. */
  public Path incoming(String factory) {
    return factory(factory).resolve(INCOMING);
  }

  public Path receipts(String factory) {
    return root.resolve("receipts").resolve(factory);
  }
}
