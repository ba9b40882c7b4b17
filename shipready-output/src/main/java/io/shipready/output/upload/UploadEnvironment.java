package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 *   <tr><td>{@value #KEY}</td><td>a private key file as {@code ssh-keygen} writes it
 *       (Ed25519, ECDSA or RSA)</td></tr>
 *   <tr><td>{@value #KEY_PASSPHRASE}</td><td>the key's passphrase, if it is encrypted
 *       ({@code ssh-keygen -p} sets one)</td></tr>
 *   <tr><td>{@value #KNOWN_HOSTS}</td><td>the station's OpenSSH known_hosts file, where the
 *       server's key is pinned; default {@code known_hosts} in the station's configuration folder
 *       (see {@link #knownHostsFile(Map)})</td></tr>
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
   * The station's known_hosts file: {@value #KNOWN_HOSTS} when set; else {@code
   * shipready/known_hosts} in the user's configuration folder ({@code $XDG_CONFIG_HOME}, else
   * {@code ~/.config}; {@code %APPDATA%} on Windows). One file for the station, whatever is
   * uploaded where, and never beside the files sent.
   */
  public static Path knownHostsFile(Map<String, String> env) {
    requireNonNull(env, "env");
    String named = env.get(KNOWN_HOSTS);
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    String appData = env.get("APPDATA");
    Path config;
    if (xdg != null && !xdg.isBlank()) {
      config = Path.of(xdg);
    } else if (appData != null && !appData.isBlank() && isWindows()) {
      config = Path.of(appData);
    } else {
      config = Path.of(System.getProperty("user.home"), ".config");
    }
    return config.resolve("shipready").resolve("known_hosts");
  }

  /**
   * The host key trust: the station's {@link #knownHostsFile(Map) known_hosts file}, taking a new
   * server's key on first use only when {@code trustNew} (the {@value HostKeyPolicy#TRUST_NEW_FLAG}
   * flag).
   */
  public static HostKeyPolicy hostKeyPolicy(Map<String, String> env, boolean trustNew) {
    return new HostKeyPolicy(knownHostsFile(env), trustNew);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
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
