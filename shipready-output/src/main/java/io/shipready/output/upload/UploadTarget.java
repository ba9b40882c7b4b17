package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the day's files go: {@code sftp://user@host[:port]/folder}.
 *
 * <p>The folder is an absolute path on the server ({@code sftp://factory@drop.example.com/incoming}
 * is {@code /incoming}); {@code /~/incoming} means {@code incoming} under the login folder. The
 * port is 22 unless given. A password never goes in the URL: it comes from the environment (see
 * {@link UploadEnvironment}).
 *
 * @param user the login name
 * @param host a host name or IP address (an IPv6 address without brackets)
 * @param port 1 to 65535
 * @param folder the folder on the server, as the SFTP server is asked for it
 */
public record UploadTarget(String user, String host, int port, String folder) {
  public static final int DEFAULT_PORT = 22;

  private static final String FORM = "sftp://user@host[:port]/folder";

  public UploadTarget {
    requireNonNull(user, "user");
    requireNonNull(host, "host");
    requireNonNull(folder, "folder");
    if (user.isEmpty() || host.isEmpty() || folder.isEmpty()) {
      throw new IllegalArgumentException("user, host and folder must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
  }

  /**
   * Reads {@code sftp://user@host[:port]/folder}.
   *
   * @throws UploadConfigException naming the part of the URL that is wrong and what to write
   */
  public static UploadTarget parse(String url) {
    requireNonNull(url, "url");
    String text = url.strip();
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      throw bad(url, "it has no scheme", "write it as " + FORM);
    }
    String scheme = text.substring(0, schemeEnd);
    if (!scheme.toLowerCase(Locale.ROOT).equals("sftp")) {
      throw bad(url, "the scheme is '" + scheme + "'", "only sftp:// is supported: " + FORM);
    }
    String rest = text.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      throw bad(url, "the user is missing", "put the login name before the host: " + FORM);
    }
    String userInfo = authority.substring(0, at);
    if (userInfo.contains(":")) {
      throw bad(
          url,
          "it contains a password",
          "remove it from the URL and give it in "
              + UploadEnvironment.PASSWORD
              + " or "
              + UploadEnvironment.PASSWORD_FILE
              + "; passwords never go on the command line");
    }
    String user = decode(url, "user", userInfo);
    if (user.isEmpty()) {
      throw bad(url, "the user is empty", "put the login name before the host: " + FORM);
    }
    String hostPort = authority.substring(at + 1);
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw bad(
            url, "the IPv6 host has no closing ']'", "write it as sftp://user@[::1]:22/folder");
      }
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw bad(url, "'" + after + "' follows the host", "write the port as :<number>");
        }
        portText = after.substring(1);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      portText = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw bad(url, "the host is missing", "put the server's name or address after '@': " + FORM);
    }
    if (!host.matches("[A-Za-z0-9._:%-]+")) {
      throw bad(
          url, "the host '" + host + "' is not a host name or address", "write it as " + FORM);
    }
    int port = DEFAULT_PORT;
    if (portText != null) {
      if (!portText.matches("[0-9]{1,5}")) {
        throw bad(
            url, "the port '" + portText + "' is not a number", "write a port 1-65535 or none");
      }
      port = Integer.parseInt(portText);
      if (port < 1 || port > 65535) {
        throw bad(url, "the port " + port + " is out of range", "write a port 1-65535 or none");
      }
    }
    String folder = decode(url, "folder", path);
    if (folder.isEmpty() || folder.equals("/")) {
      throw bad(
          url,
          "the folder is missing",
          "name the folder agreed with the receiving side, e.g. sftp://"
              + user
              + "@"
              + hostPort
              + "/incoming (use /~/folder for a folder under the login folder)");
    }
    if (folder.startsWith("/~/")) {
      folder = folder.substring(3);
    }
    while (folder.length() > 1 && folder.endsWith("/")) {
      folder = folder.substring(0, folder.length() - 1);
    }
    if (folder.isEmpty() || folder.equals("~")) {
      throw bad(url, "the folder is missing", "name a folder after /~/");
    }
    for (String part : folder.split("/")) {
      if (part.equals("..")) {
        throw bad(url, "the folder contains '..'", "name the folder directly");
      }
    }
    return new UploadTarget(user, host, port, folder);
  }

  /** Where a file of this name lives on the server. */
  public String remotePath(String fileName) {
    requireNonNull(fileName, "fileName");
    return folder.endsWith("/") ? folder + fileName : folder + "/" + fileName;
  }

  /** The URL, without any secret (there is none in it), for messages and logs. */
  @Override
  public String toString() {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    String folderPart = folder.startsWith("/") ? folder : "/~/" + folder;
    return "sftp://"
        + user
        + "@"
        + hostPart
        + (port == DEFAULT_PORT ? "" : ":" + port)
        + folderPart;
  }

  /** {@code host:port}, as messages name the server. */
  public String server() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String decode(String url, String part, String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()
            || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw bad(url, "the " + part + " has a broken %-escape", "write %XX with two hex digits");
        }
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        int end = text.indexOf('%', i);
        end = end < 0 ? text.length() : end;
        byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i = end - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static UploadConfigException bad(String url, String what, String fix) {
    return new UploadConfigException(
        "Upload target '" + redacted(url) + "': " + what + "; " + fix + ".");
  }

  /** The URL with any password in it replaced, so an error message never repeats a secret. */
  private static String redacted(String url) {
    int start = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (start < 0 || at < 0) {
      return url;
    }
    int colon = url.indexOf(':', start + 3);
    int slash = url.indexOf('/', start + 3);
    if (colon < 0 || colon > at || (slash >= 0 && slash < at)) {
      return url;
    }
    return url.substring(0, colon + 1) + "***" + url.substring(at);
  }
}
