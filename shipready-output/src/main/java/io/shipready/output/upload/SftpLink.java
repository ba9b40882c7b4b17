package io.shipready.output.upload;

import java.io.IOException;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;

/** One logged-in SFTP connection. */
final class SftpLink implements AutoCloseable {
  private final ClientSession session;
  private final SftpClient sftp;

  SftpLink(ClientSession session, SftpClient sftp) {
    this.session = session;
    this.sftp = sftp;
  }

  SftpClient sftp() {
    return sftp;
  }

  boolean isOpen() {
    return session.isOpen() && sftp.isOpen();
  }

  @Override
  public void close() {
    try {
      sftp.close();
    } catch (IOException | RuntimeException e) {
      // the connection is being dropped anyway
    }
    session.close(true);
  }
}
