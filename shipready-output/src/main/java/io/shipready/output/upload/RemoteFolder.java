package io.shipready.output.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** The target folder on the server, as the upload uses it. Every path here is a full one. */
final class RemoteFolder {
  private static final int BUFFER = 32 * 1024;

  private final SftpClient sftp;
  private final UploadTarget target;

  RemoteFolder(SftpClient sftp, UploadTarget target) {
    this.sftp = sftp;
    this.target = target;
  }

  /**
   * The files in the folder and their sizes.
   *
   * @throws UploadException when the folder does not exist
   */
  Map<String, Long> list() throws IOException {
    Map<String, Long> files = new LinkedHashMap<>();
    try {
      for (SftpClient.DirEntry entry : sftp.readDir(target.folder())) {
        SftpClient.Attributes attributes = entry.getAttributes();
        if (!attributes.isDirectory()
            && !entry.getFilename().equals(".")
            && !entry.getFilename().equals("..")) {
          files.put(entry.getFilename(), attributes.getSize());
        }
      }
    } catch (SftpException e) {
      if (missing(e)) {
        throw new UploadException(
            "The folder "
                + target.folder()
                + " does not exist on the SFTP server "
                + target.server()
                + ": fix the folder in the target URL ("
                + target
                + "), or ask the receiving side to create it.",
            e);
      }
      throw e;
    }
    return files;
  }

  /** The size of a file, or empty when there is none of that name. */
  OptionalLong size(String path) throws IOException {
    try {
      return OptionalLong.of(sftp.stat(path).getSize());
    } catch (SftpException e) {
      if (missing(e)) {
        return OptionalLong.empty();
      }
      throw e;
    }
  }

  /** Reads a file back from the server and hashes what arrives. */
  String sha256(String path) throws IOException {
    try (InputStream in = sftp.read(path)) {
      return Sha256.of(in);
    }
  }

  /**
   * Writes a new file (refusing to open one that exists) with the content of {@code file}.
   *
   * @return the SHA-256 of the bytes sent, so a file that changed on disk since it was hashed is
   *     noticed
   */
  String create(LocalFile file, String path, LongConsumer bytesSent) throws IOException {
    Sha256 sha = new Sha256();
    long sent = 0;
    try (InputStream in = Files.newInputStream(file.path());
        OutputStream out =
            sftp.write(
                path, BUFFER, EnumSet.of(OpenMode.Write, OpenMode.Create, OpenMode.Exclusive))) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        sha.update(buffer, 0, n);
        sent += n;
        bytesSent.accept(sent);
      }
    }
    return sha.hex();
  }

  /**
   * Renames without overwriting: SFTP rename without the overwrite flag fails when the new name
   * exists (version 3 by definition, 5 and later by flag).
   *
   * @throws SftpException when the server refused, for whatever reason
   */
  void renameNoOverwrite(String from, String to) throws IOException {
    sftp.rename(from, to);
  }

  /** Removes a file; {@code false} when it was not there. */
  boolean removeIfPresent(String path) throws IOException {
    try {
      sftp.remove(path);
      return true;
    } catch (SftpException e) {
      if (missing(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean missing(SftpException e) {
    return e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
        || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH;
  }
}
