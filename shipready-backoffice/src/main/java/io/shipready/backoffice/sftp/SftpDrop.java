package io.shipready.backoffice.sftp;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.BackofficeException;
import io.shipready.backoffice.DataFolder;
import io.shipready.backoffice.accounts.AccountBook;
import io.shipready.backoffice.accounts.FactoryName;
import io.shipready.backoffice.guard.ServerLimits;
import io.shipready.output.ssh.OpenSshAlgorithms;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFTP server factories upload to: one account per factory (password or public key), each
 * session shut in its factory's folder, where {@link DropFileSystemAccessor}'s rules keep every
 * received file as it arrived. SFTP only: no shell, no commands, no forwarding.
 */
public final class SftpDrop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SftpDrop.class);

  private final SshServer server;
  private final DropFileSystemAccessor accessor;
  private final List<String> hostKeyFingerprints;

  private SftpDrop(
      SshServer server, DropFileSystemAccessor accessor, List<String> hostKeyFingerprints) {
    this.server = server;
    this.accessor = accessor;
    this.hostKeyFingerprints = hostKeyFingerprints;
  }

  /**
   * Starts listening.
   *
   * @param host the address to listen on
   * @param port 0 for any free port
   * @param limits the failed logins allowed and the lockout after them
   */
  public static SftpDrop start(
      DataFolder data, AccountBook accounts, String host, int port, ServerLimits limits) {
    requireNonNull(data, "data");
    requireNonNull(limits, "limits");
    requireNonNull(accounts, "accounts");
    DropFileSystemAccessor accessor = new DropFileSystemAccessor();
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost(requireNonNull(host, "host"));
    server.setPort(port);
    OpenSshAlgorithms.apply(server);
    List<KeyPair> hostKeys = DropHostKeys.load(data);
    server.setKeyPairProvider(DropHostKeys.provider(hostKeys));
    server.setPasswordAuthenticator(
        new PasswordLogins(accounts, limits.sftpAttempts(), limits.sftpFailureDelay()));
    server.setPublickeyAuthenticator(
        (user, key, session) -> FactoryName.isValid(user) && accounts.keyMatches(user, key));
    server.setKeyboardInteractiveAuthenticator(null);
    server.setFileSystemFactory(new FactoryFolders(data));
    server.setSubsystemFactories(
        List.of(
            new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(accessor)
                .withSftpErrorStatusDataHandler(new RefusalMessages())
                .build()));
    server.setShellFactory(null);
    server.setCommandFactory(null);
    server.setForwardingFilter(null);
    try {
      Files.createDirectories(data.factories());
      server.start();
    } catch (IOException e) {
      throw new BackofficeException(
          "Cannot start the SFTP server on "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage()
              + ". Choose a free port with --sftp.",
          e);
    }
    return new SftpDrop(server, accessor, DropHostKeys.fingerprints(hostKeys));
  }

  public int port() {
    return server.getPort();
  }

  /** The host keys' fingerprints, Ed25519 first: {@code ssh-ed25519 SHA256:...}. */
  public List<String> hostKeyFingerprints() {
    return hostKeyFingerprints;
  }

  /** True while a client has the file (a real path) open for writing. */
  public boolean isOpenForWriting(Path file) {
    return accessor.isOpenForWriting(file);
  }

  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException e) {
      LOG.warn("SFTP server did not stop cleanly: {}", e.toString());
    }
  }

  /**
   * Sends the reason of a refusal to the client, so the factory reads why, not just "denied"; and a
   * refused overwrite as "permission denied" to clients of SFTP versions before 5 (OpenSSH's {@code
   * sftp} speaks 3), which have no "file already exists" and would show "Unknown status".
   */
  private static final class RefusalMessages implements SftpErrorStatusDataHandler {
    @Override
    public int resolveSubStatus(
        SftpSubsystemEnvironment sftp, int id, Throwable e, int cmd, Object... args) {
      int status = SftpErrorStatusDataHandler.DEFAULT.resolveSubStatus(sftp, id, e, cmd, args);
      if (status == SftpConstants.SSH_FX_FILE_ALREADY_EXISTS && sftp.getVersion() < 5) {
        return SftpConstants.SSH_FX_PERMISSION_DENIED;
      }
      return status;
    }

    @Override
    public String resolveErrorMessage(
        SftpSubsystemEnvironment sftp,
        int id,
        Throwable e,
        int subStatus,
        int cmd,
        Object... args) {
      if (e instanceof FileSystemException refusal && refusal.getReason() != null) {
        return refusal.getReason();
      }
      return SftpErrorStatusDataHandler.DEFAULT.resolveErrorMessage(
          sftp, id, e, subStatus, cmd, args);
    }
  }

  /** Each factory's own folder as its whole file system, made on its first login. */
  private static final class FactoryFolders extends VirtualFileSystemFactory {
    private final DataFolder data;

    FactoryFolders(DataFolder data) {
      this.data = data;
    }

    @Override
    public Path getUserHomeDir(SessionContext session) throws IOException {
      String factory = FactoryName.check(session.getUsername());
      Files.createDirectories(data.incoming(factory));
      return data.factory(factory);
    }
  }
}
