package io.shipready.output.ssh;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.kex.KexFactoryManager;

/**
 * The algorithms current OpenSSH offers by default, in its order of preference: Ed25519 host and
 * user keys first, then ECDSA and RSA with SHA-2; the post-quantum hybrid key exchanges
 * (mlkem768x25519-sha256, sntrup761x25519-sha512), then curve25519-sha256, ECDH and the large
 * Diffie-Hellman groups; chacha20-poly1305, AES-CTR and AES-GCM. What OpenSSH no longer offers
 * (ssh-rsa with SHA-1, CBC ciphers, the odd Diffie-Hellman groups) is left out.
 *
 * <p>MINA SSHD offers Ed25519 and ML-KEM only with an EdDSA provider on the class path, here
 * BouncyCastle; an algorithm the runtime cannot do is simply not offered.
 */
public final class OpenSshAlgorithms {
  /** Host key and user key signatures. */
  public static final List<String> SIGNATURES =
      List.of(
          "ssh-ed25519-cert-v01@openssh.com",
          "ecdsa-sha2-nistp256-cert-v01@openssh.com",
          "ecdsa-sha2-nistp384-cert-v01@openssh.com",
          "ecdsa-sha2-nistp521-cert-v01@openssh.com",
          "rsa-sha2-512-cert-v01@openssh.com",
          "rsa-sha2-256-cert-v01@openssh.com",
          "ssh-ed25519",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "sk-ssh-ed25519@openssh.com",
          "sk-ecdsa-sha2-nistp256@openssh.com",
          "rsa-sha2-512",
          "rsa-sha2-256");

  public static final List<String> KEY_EXCHANGES =
      List.of(
          "mlkem768x25519-sha256",
          "sntrup761x25519-sha512",
          "sntrup761x25519-sha512@openssh.com",
          "curve25519-sha256",
          "curve25519-sha256@libssh.org",
          "ecdh-sha2-nistp256",
          "ecdh-sha2-nistp384",
          "ecdh-sha2-nistp521",
          "diffie-hellman-group-exchange-sha256",
          "diffie-hellman-group16-sha512",
          "diffie-hellman-group18-sha512",
          "diffie-hellman-group14-sha256");

  public static final List<String> CIPHERS =
      List.of(
          "chacha20-poly1305@openssh.com",
          "aes128-ctr",
          "aes192-ctr",
          "aes256-ctr",
          "aes128-gcm@openssh.com",
          "aes256-gcm@openssh.com");

  public static final List<String> MACS =
      List.of(
          "hmac-sha2-256-etm@openssh.com",
          "hmac-sha2-512-etm@openssh.com",
          "hmac-sha1-etm@openssh.com",
          "hmac-sha2-256",
          "hmac-sha2-512",
          "hmac-sha1");

  private OpenSshAlgorithms() {}

  /** Narrows and orders a client's or server's algorithms to OpenSSH's defaults. */
  public static void apply(KexFactoryManager manager) {
    requireNonNull(manager, "manager");
    manager.setSignatureFactories(inOrder(manager.getSignatureFactories(), SIGNATURES));
    manager.setKeyExchangeFactories(inOrder(manager.getKeyExchangeFactories(), KEY_EXCHANGES));
    manager.setCipherFactories(inOrder(manager.getCipherFactories(), CIPHERS));
    manager.setMacFactories(inOrder(manager.getMacFactories(), MACS));
  }

  /**
   * The signatures of {@link #SIGNATURES}, with those of the given key types first: what an OpenSSH
   * client does for a host whose known_hosts lines hold those types, so the server shows the key
   * that was pinned rather than another one it also has.
   *
   * @param manager whose signatures are reordered
   * @param knownTypes key types as known_hosts names them ({@code ssh-ed25519}, {@code ssh-rsa})
   */
  public static void preferHostKeyTypes(KexFactoryManager manager, List<String> knownTypes) {
    requireNonNull(knownTypes, "knownTypes");
    List<String> preferred = new ArrayList<>();
    for (String name : SIGNATURES) {
      if (knownTypes.stream().anyMatch(type -> signs(type, name))) {
        preferred.add(name);
      }
    }
    for (String name : SIGNATURES) {
      if (!preferred.contains(name)) {
        preferred.add(name);
      }
    }
    manager.setSignatureFactories(inOrder(manager.getSignatureFactories(), preferred));
  }

  /** Whether a signature algorithm is made with a key of the known_hosts type. */
  private static boolean signs(String keyType, String signature) {
    if (keyType.equals("ssh-rsa")) {
      return signature.equals("rsa-sha2-512") || signature.equals("rsa-sha2-256");
    }
    return keyType.equals(signature);
  }

  /** The available ones named in {@code names}, in that order; the others dropped. */
  static <T extends NamedResource> List<T> inOrder(List<T> available, List<String> names) {
    List<T> kept = new ArrayList<>();
    for (T factory : available) {
      if (names.contains(factory.getName())) {
        kept.add(factory);
      }
    }
    kept.sort(Comparator.comparingInt(factory -> names.indexOf(factory.getName())));
    return kept;
  }
}
