package io.shipready.backoffice.guard;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The host names a server answers to, checked against each request's {@code Host} and {@code
 * Origin}: a page of another site whose name was made to point at this machine (DNS rebinding)
 * sends its own name, and is refused.
 */
public final class AllowedHosts {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
  private static final Set<String> ANY_ADDRESS = Set.of("0.0.0.0", "::", "");

  private final Set<String> names;

  private AllowedHosts(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  /**
   * Loopback names, the address the server binds (unless it is every address) and the names given.
   */
  public static AllowedHosts loopbackAnd(String bind, Iterable<String> more) {
    Set<String> names = new LinkedHashSet<>(LOOPBACK);
    String bound = bare(bind);
    if (!ANY_ADDRESS.contains(bound)) {
      names.add(bound);
    }
    for (String name : more) {
      names.add(bare(name));
    }
    return new AllowedHosts(names);
  }

  public Set<String> names() {
    return names;
  }

  /** Why a request with these headers is refused, or null when it is not. */
  String refusal(String host, String origin) {
    if (host == null || !names.contains(bare(withoutPort(host)))) {
      return "this station answers to "
          + String.join(", ", names)
          + ", not to the host '"
          + host
          + "'; to reach it by that name, start it with --allow-host NAME";
    }
    if (origin != null && !names.contains(originHost(origin))) {
      return "requests from pages of '"
          + origin
          + "' are refused; this station answers to "
          + String.join(", ", names)
          + " (start it with --allow-host NAME to allow another name)";
    }
    return null;
  }

  private static String originHost(String origin) {
    try {
      String host = URI.create(origin.strip()).getHost();
      return host == null ? "" : bare(host);
    } catch (IllegalArgumentException notAnOrigin) {
      return "";
    }
  }

  private static String withoutPort(String host) {
    String value = host.strip();
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    // More than one colon is an IPv6 address without brackets: no port to strip.
    return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
  }

  private static String bare(String host) {
    String value = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
  }
}
