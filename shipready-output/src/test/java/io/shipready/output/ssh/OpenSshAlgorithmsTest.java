package io.shipready.output.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;

/** The client and the drop offer what OpenSSH offers, in its order, with nothing it dropped. */
class OpenSshAlgorithmsTest {
  @Test
  void theClientOffersOpenSshsDefaultsEd25519First() {
    SshClient client = SshClient.setUpDefaultClient();
    OpenSshAlgorithms.apply(client);

    List<String> signatures = NamedResource.getNameList(client.getSignatureFactories());
    assertThat(signatures)
        .contains("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256")
        .doesNotContain("ssh-rsa");
    assertThat(signatures.indexOf("ssh-ed25519"))
        .isLessThan(signatures.indexOf("ecdsa-sha2-nistp256"));
    assertThat(NamedResource.getNameList(client.getKeyExchangeFactories()))
        .startsWith("mlkem768x25519-sha256", "sntrup761x25519-sha512")
        .contains("curve25519-sha256", "curve25519-sha256@libssh.org");
    assertThat(NamedResource.getNameList(client.getCipherFactories()))
        .containsExactlyElementsOf(OpenSshAlgorithms.CIPHERS);
  }

  @Test
  void theServerOffersTheSame() {
    SshServer server = SshServer.setUpDefaultServer();
    OpenSshAlgorithms.apply(server);

    assertThat(NamedResource.getNameList(server.getKeyExchangeFactories()))
        .containsExactlyElementsOf(OpenSshAlgorithms.KEY_EXCHANGES);
    assertThat(NamedResource.getNameList(server.getCipherFactories()))
        .containsExactlyElementsOf(OpenSshAlgorithms.CIPHERS);
  }

  @Test
  void aPinnedKeyTypeIsAskedForFirst() {
    SshClient client = SshClient.setUpDefaultClient();
    OpenSshAlgorithms.apply(client);

    OpenSshAlgorithms.preferHostKeyTypes(client, List.of("ssh-rsa"));

    List<String> signatures = NamedResource.getNameList(client.getSignatureFactories());
    assertThat(signatures.indexOf("rsa-sha2-512")).isLessThan(signatures.indexOf("ssh-ed25519"));
  }
}
