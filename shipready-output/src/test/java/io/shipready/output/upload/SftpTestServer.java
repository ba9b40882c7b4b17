package io.shipready.output.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on a free port of 127.0.0.1, serving a folder of the test's
 * temporary directory, with one user who logs in by password or an authorized key.
 */
final class SftpTestServer implements AutoCloseable {
  static final String USER = "factory";
  static final String PASSWORD = "night-shift-7";
  static final String FOLDER = "incoming";

  private final SshServer server;
  private final Path home;
  private final Path keys;
  private final List<PublicKey> authorized = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessions = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();

  private SftpTestServer(Path dir, List<SftpEventListener> listeners) throws IOException {
    home = Files.createDirectories(dir.resolve("server-home"));
    Files.createDirectories(home.resolve(FOLDER));
    keys = Files.createDirectories(dir.resolve("server-keys"));
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(hostKey("host-key-1"));
    server.setPasswordAuthenticator(
        (user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    server.setPublickeyAuthenticator(
        (user, key, session) ->
            USER.equals(user) && authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory();
    sftp.addSftpEventListener(
        new SftpEventListener() {
          @Override
          public void writing(
              ServerSession session,
              String remoteHandle,
              FileHandle localHandle,
              long offset,
              byte[] data,
              int dataOffset,
              int dataLen) {
            writes.incrementAndGet();
          }
        });
    listeners.forEach(sftp::addSftpEventListener);
    server.setSubsystemFactories(List.of(sftp));
    server.setFileSystemFactory(new VirtualFileSystemFactory(home));
    server.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionCreated(Session session) {
            sessions.incrementAndGet();
          }
        });
    server.start();
  }

  static SftpTestServer start(Path dir, SftpEventListener... listeners) throws IOException {
    return new SftpTestServer(dir, List.of(listeners));
  }

  /** {@code sftp://factory@127.0.0.1:<port>/incoming} */
  String url() {
    return "sftp://" + USER + "@127.0.0.1:" + server.getPort() + "/" + FOLDER;
  }

  int port() {
    return server.getPort();
  }

  /** The served folder, on the local disk. */
  Path folder() {
    return home.resolve(FOLDER);
  }

  /** SSH sessions opened so far (each login attempt is one). */
  int sessions() {
    return sessions.get();
  }

  /** SFTP write requests served so far. */
  int writes() {
    return writes.get();
  }

  void authorize(PublicKey key) {
    authorized.add(key);
  }

  /** From now on the server presents another host key, as a re-installed server would. */
  void changeHostKey() {
    server.setKeyPairProvider(hostKey("host-key-2"));
  }

  private SimpleGeneratorHostKeyProvider hostKey(String name) {
    SimpleGeneratorHostKeyProvider provider =
        new SimpleGeneratorHostKeyProvider(keys.resolve(name));
    provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
    provider.setKeySize(256);
    return provider;
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
