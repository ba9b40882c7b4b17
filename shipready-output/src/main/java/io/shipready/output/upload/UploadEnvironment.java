package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the upload reads its secrets and trust from. Secrets never come from
 * the command line, where every user of the PC can read them in the process list.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@value #PASSWORD}</td><td>the SFTP password</td></tr>
 *   <tr><td>{@value #PASSWORD_FILE}</td><td>a file holding the SFTP password (one trailing line
 *       break is ignored)</td></tr>
 *   <tr><td>{@value #KEY}</td><td>a private key file, OpenSSH format</td></tr>
 *   <tr><td>{@value #KEY_PASSPHRASE}</td><td>the key's passphrase, if it is encrypted</td></tr>
 *   <tr><td>{@value #KNOWN_HOSTS}</td><td>an OpenSSH known_hosts file holding the server's key;
 *       without it the key is trusted on first use and recorded beside the archive folder (see
 *       {@link HostKeyPolicy#recordBeside(Path)})</td></tr>
 * </table>
 *
 * <p>Exactly one of {@value #PASSWORD}, {@value #PASSWORD_FILE} and {@value #KEY} must be set.
 */
public final class UploadEnvironment {
  public static final String PASSWORD = "SHIPREADY_SFTP_PASSWORD";
  public static final String PASSWORD_FILE = "SHIPREADY_SFTP_PASSWORD_FILE";
  public static final String KEY = "SHIPREADY_SFTP_KEY";
  public static final String KEY_PASSPHRASE = "SHIPREADY_SFTP_KEY_PASSPHRASE";
  public static final String KNOWN_HOSTS = "SHIPREADY_SFTP_KNOWN_HOSTS";

  private UploadEnvironment() {}

  /**
   * The login credentials named by the environment (pass {@code System.getenv()}).
   *
   * @throws UploadConfigException when none or more than one way to log in is set, or a named file
   *     cannot be read
   */
  public static SftpCredentials credentials(Map<String, String> env) {
    requireNonNull(env, "env");
    List<String> set = new ArrayList<>();
    for (String name : List.of(PASSWORD, PASSWORD_FILE, KEY)) {
      if (env.get(name) != null) {
        set.add(name);
      }
    }
    if (set.isEmpty()) {
      throw new UploadConfigException(
          "No SFTP login is set: set "
              + PASSWORD
              + " (the password), "
              + PASSWORD_FILE
              + " (a file holding it) or "
              + KEY
              + " (an OpenSSH private key file, with "
              + KEY_PASSPHRASE
              + " if it is encrypted).");
    }
    if (set.size() > 1) {
      throw new UploadConfigException(
          "More than one SFTP login is set ("
              + String.join(", ", set)
              + "): unset all but one, so it is clear which one the server is given.");
    }
    String name = set.get(0);
    String value = env.get(name);
    if (value.isEmpty()) {
      throw new UploadConfigException(name + " is set but empty: give it a value or unset it.");
    }
    switch (name) {
      case PASSWORD:
        return new SftpCredentials.Password(value, PASSWORD);
      case PASSWORD_FILE:
        return passwordFromFile(Path.of(value));
      default:
        return privateKey(Path.of(value), env.get(KEY_PASSPHRASE));
    }
  }

  /**
   * The host key trust named by the environment: the file in {@value #KNOWN_HOSTS} if set (it must
   * exist), else trust on first use recorded beside {@code archiveFolder}.
   */
  public static HostKeyPolicy hostKeyPolicy(Map<String, String> env, Path archiveFolder) {
    requireNonNull(env, "env");
    requireNonNull(archiveFolder, "archiveFolder");
    String knownHosts = env.get(KNOWN_HOSTS);
    if (knownHosts == null) {
      return HostKeyPolicy.recordBeside(archiveFolder);
    }
    Path file = Path.of(knownHosts);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UploadConfigException(
          KNOWN_HOSTS
              + " names "
              + file
              + ", which is not a readable file: fix the path (write it with ssh-keyscan -p <port>"
              + " <host>), or unset it to trust the server on first use.");
    }
    return HostKeyPolicy.knownHosts(file);
  }

  private static SftpCredentials.Password passwordFromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UploadConfigException(
          PASSWORD_FILE + " names " + file + ", which cannot be read (" + e + "): fix the path.",
          e);
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw new UploadConfigException(
          PASSWORD_FILE + " names " + file + ", which is empty: write the password into it.");
    }
    return new SftpCredentials.Password(text, PASSWORD_FILE + " (" + file + ")");
  }

  private static SftpCredentials.PrivateKey privateKey(Path file, String passphrase) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UploadConfigException(
          KEY + " names " + file + ", which is not a readable file: fix the path.");
    }
    return new SftpCredentials.PrivateKey(
        file, Optional.ofNullable(passphrase).filter(p -> !p.isEmpty()));
  }
}
