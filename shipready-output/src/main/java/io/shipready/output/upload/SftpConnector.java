package io.shipready.output.upload;

import io.shipready.output.ssh.OpenSshAlgorithms;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Opens logged-in SFTP connections to the target, telling connection faults (an {@link
 * IOException}: worth another try) from a refused login or host key (an {@link UploadException}:
 * trying again cannot help).
 */
final class SftpConnector implements AutoCloseable {
  private final UploadSettings settings;
  private final List<KeyPair> keys;
  private final SshClient client;
  private final HostKeyVerifier hostKeys;

  /**
   * @param mayRecordHostKey whether a first-use host key may be written to the known_hosts file
   *     (not in a dry run, which writes nothing)
   */
  SftpConnector(UploadSettings settings, boolean mayRecordHostKey) {
    this.settings = settings;
    this.keys =
        settings.credentials() instanceof SftpCredentials.PrivateKey key
            ? PrivateKeys.load(key)
            : List.of();
    client = SshClient.setUpDefaultClient();
    OpenSshAlgorithms.apply(client);
    // Only what the settings say: no ~/.ssh/config, no keys from ~/.ssh, no other login method.
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setUserAuthFactories(
        keys.isEmpty()
            ? List.of(UserAuthPasswordFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE)
            : List.of(UserAuthPublicKeyFactory.INSTANCE));
    hostKeys = new HostKeyVerifier(settings.hostKeys(), settings.target(), mayRecordHostKey);
    client.setServerKeyVerifier(hostKeys);
    client.start();
  }

  /**
   * A new logged-in connection.
   *
   * @throws IOException when the connection could not be made or was lost: try again later
   * @throws SftpLoginException when the server refused the login
   * @throws HostKeyException when the server's key is not trusted
   */
  SftpLink connect() throws IOException {
    UploadTarget target = settings.target();
    hostKeys.takeRefusal();
    // As OpenSSH does: ask first for the key types pinned for this server, so a server with
    // several host keys shows the pinned one.
    OpenSshAlgorithms.preferHostKeyTypes(client, hostKeys.knownKeyTypes());
    Duration timeout = settings.connectTimeout();
    ClientSession session =
        client.connect(target.user(), target.host(), target.port()).verify(timeout).getSession();
    try {
      if (settings.credentials() instanceof SftpCredentials.Password password) {
        session.addPasswordIdentity(password.password());
      } else {
        keys.forEach(session::addPublicKeyIdentity);
      }
      session.auth().verify(timeout);
      SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
      return new SftpLink(session, sftp);
    } catch (IOException | RuntimeException e) {
      session.close(true);
      HostKeyException hostKey = hostKeys.takeRefusal();
      if (hostKey != null) {
        throw hostKey;
      }
      if (loginRefused(e)) {
        throw new SftpLoginException(
            "The SFTP server "
                + target.server()
                + " refused the login of user '"
                + target.user()
                + "' with "
                + describe(settings.credentials())
                + ": check the user name in the target URL and the "
                + (keys.isEmpty()
                    ? "password"
                    : "key (its public half must be authorized for that user on the server)")
                + ". Not retried, so the server does not lock the station out.",
            e);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    client.stop();
  }

  private static boolean loginRefused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SshException ssh
          && ssh.getDisconnectCode()
              == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String describe(SftpCredentials credentials) {
    if (credentials instanceof SftpCredentials.Password password) {
      return "the password from " + password.source();
    }
    return "the private key " + credentials.source() + " (" + UploadEnvironment.KEY + ")";
  }
}
