package io.shipready.output.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts lines as {@code ssh-keyscan} prints them, and the trust decisions made on them. */
class KnownHostsTest {
  private static final KeyPair ED25519 = generate(KeyPairProvider.SSH_ED25519, 256);
  private static final KeyPair ECDSA = generate(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
  private static final KeyPair RSA = generate(KeyPairProvider.SSH_RSA, 2048);

  @TempDir Path dir;

  @Test
  void severalKeyTypesForOneHostOnAnotherPortAreAllRead() {
    KnownHosts file =
        parse(
            "# 127.0.0.1:2222 SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10",
            line("[127.0.0.1]:2222", RSA.getPublic()),
            line("[127.0.0.1]:2222", ECDSA.getPublic()),
            line("[127.0.0.1]:2222", ED25519.getPublic()));

    assertThat(file.keyTypes("127.0.0.1", 2222))
        .containsExactly("ssh-rsa", "ecdsa-sha2-nistp256", "ssh-ed25519");
    assertThat(file.forHost("127.0.0.1", 22)).isEmpty();
    assertThat(file.forHost("127.0.0.1", 2222).get(2).matches(ED25519.getPublic())).isTrue();
    assertThat(file.skipped()).isEmpty();
  }

  @Test
  void aPlainHostNameMeansPort22() {
    KnownHosts file = parse(line("drop.example.com", ED25519.getPublic()));

    assertThat(file.keyTypes("drop.example.com", 22)).containsExactly("ssh-ed25519");
    assertThat(file.keyTypes("drop.example.com", 2222)).isEmpty();
  }

  @Test
  void hashedHostNamesMatchTheirHostAndPortOnly() throws Exception {
    KnownHosts file =
        parse(
            line(hashed("[127.0.0.1]:2222"), ED25519.getPublic()),
            line(hashed("drop.example.com"), ECDSA.getPublic()));

    assertThat(file.keyTypes("127.0.0.1", 2222)).containsExactly("ssh-ed25519");
    assertThat(file.keyTypes("127.0.0.1", 2223)).isEmpty();
    assertThat(file.keyTypes("drop.example.com", 22)).containsExactly("ecdsa-sha2-nistp256");
    assertThat(file.keyTypes("other.example.com", 22)).isEmpty();
  }

  @Test
  void aLineOfAnUnknownKeyTypeOrABrokenLineIsSkippedNotTheWholeFile() {
    KnownHosts file =
        parse(
            "[127.0.0.1]:2222 ssh-mldsa65@openssh.com AAAAF3NzaC1tbGRzYTY1QG9wZW5zc2guY29t",
            "[127.0.0.1]:2222",
            line("[127.0.0.1]:2222", ED25519.getPublic()));

    assertThat(file.forHost("127.0.0.1", 2222)).extracting(KnownHosts.Line::lineNumber).contains(3);
    assertThat(
            file.forHost("127.0.0.1", 2222).stream().anyMatch(l -> l.matches(ED25519.getPublic())))
        .isTrue();
    assertThat(file.skipped()).extracting(KnownHosts.Skipped::lineNumber).contains(2);
  }

  @Test
  void thePinnedKeyIsTrustedBesideALineOfAnUnknownType() throws Exception {
    Path knownHosts =
        Files.write(
            dir.resolve("known_hosts"),
            List.of(
                "[127.0.0.1]:2222 ssh-mldsa65@openssh.com AAAAF3NzaC1tbGRzYTY1QG9wZW5zc2guY29t",
                line(hashed("[127.0.0.1]:2222"), ED25519.getPublic())));

    assertThat(
            verifier(HostKeyPolicy.knownHosts(knownHosts))
                .verifyServerKey(null, null, ED25519.getPublic()))
        .isTrue();
  }

  @Test
  void anUnknownServerIsRefusedWithTheKeyscanLineThatPinsIt() throws Exception {
    Path knownHosts = dir.resolve("known_hosts");
    HostKeyVerifier verifier = verifier(HostKeyPolicy.knownHosts(knownHosts));

    assertThat(verifier.verifyServerKey(null, null, ED25519.getPublic())).isFalse();
    assertThat(verifier.takeRefusal())
        .hasMessageContaining("ssh-keyscan -p 2222 -t ed25519 127.0.0.1 >> " + knownHosts)
        .hasMessageContaining(HostKeyPolicy.TRUST_NEW_FLAG)
        .hasMessageContaining(KeyUtils.getFingerPrint(ED25519.getPublic()));
    assertThat(knownHosts).doesNotExist();
  }

  @Test
  void aNewServerIsRecordedOnlyWhenTrustingNewKeysAndAChangedKeyIsRefused() throws Exception {
    Path knownHosts = dir.resolve("station").resolve("known_hosts");
    HostKeyVerifier trusting = verifier(HostKeyPolicy.trustingNew(knownHosts));

    assertThat(trusting.verifyServerKey(null, null, ED25519.getPublic())).isTrue();
    assertThat(knownHosts).content().startsWith("[127.0.0.1]:2222 ssh-ed25519 AAAA");
    assertThat(trusting.verifyServerKey(null, null, ECDSA.getPublic())).isFalse();
    assertThatThrownBy(
            () -> {
              throw trusting.takeRefusal();
            })
        .hasMessageContaining("CHANGED")
        .hasMessageContaining("ssh-keyscan -p 2222 -t ecdsa 127.0.0.1 >> " + knownHosts);
  }

  @Test
  void keyTypesAreNamedAsSshKeyscanTakesThem() {
    assertThat(HostKeyVerifier.keyscanType("ssh-ed25519")).isEqualTo("ed25519");
    assertThat(HostKeyVerifier.keyscanType("ecdsa-sha2-nistp384")).isEqualTo("ecdsa");
    assertThat(HostKeyVerifier.keyscanType("ssh-rsa")).isEqualTo("rsa");
  }

  private static HostKeyVerifier verifier(HostKeyPolicy policy) {
    return new HostKeyVerifier(policy, UploadTarget.parse("sftp://f@127.0.0.1:2222/in"), true);
  }

  private KnownHosts parse(String... lines) {
    return KnownHosts.parse(dir.resolve("known_hosts"), List.of(lines));
  }

  private static String line(String hosts, PublicKey key) {
    return hosts + " " + PublicKeyEntry.toString(key);
  }

  /** A host name as {@code ssh-keyscan -H} hashes it: HMAC-SHA1 keyed by a random salt. */
  private static String hashed(String host) throws Exception {
    byte[] salt = new byte[20];
    new java.security.SecureRandom().nextBytes(salt);
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(salt, "HmacSHA1"));
    byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder base64 = Base64.getEncoder();
    return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hash);
  }

  private static KeyPair generate(String type, int bits) {
    try {
      return KeyUtils.generateKeyPair(type, bits);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
