package io.shipready.backoffice.sftp;

import io.shipready.backoffice.ContentHash;
import io.shipready.backoffice.DataFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.file.root.RootedFileSystem;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * The rules of a factory's drop folder, on top of the chroot every session already has:
 *
 * <ul>
 *   <li>files are written only in {@code incoming/}, never in {@code completed/}, {@code rejected/}
 *       or {@code duplicates/}, and no folder is created;
 *   <li>a file already there is never opened for writing again, unless its name starts with {@code
 *       .} (a temporary file the client may resume);
 *   <li>a rename never replaces a file, and never gives a name that was already received with other
 *       content (a file in {@code completed/}); the same content under the same name is taken, and
 *       ingestion sees it as a duplicate;
 *   <li>only temporary ({@code .}) files are removed; received files stay;
 *   <li>no links are made or followed: a path whose real location is outside the folder is refused,
 *       and so is a path whose {@code ..} climbs above the folder;
 *   <li>no attribute is changed (permissions, owner, group, times): a received file stays as the
 *       back office wrote it, and no factory opens its folders to others.
 * </ul>
 *
 * Refusals reach the client as SFTP errors: permission denied, or file already exists for clients
 * of SFTP 5 and later (see {@link SftpDrop}).
 */
final class DropFileSystemAccessor implements SftpFileSystemAccessor {
  /** Real paths open for writing, so ingestion leaves a file alone while it is being written. */
  private final Set<Path> openForWriting = ConcurrentHashMap.newKeySet();

  boolean isOpenForWriting(Path real) {
    return openForWriting.contains(real.toAbsolutePath().normalize());
  }

  @Override
  public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
      throws IOException {
    noClimbAboveRoot(remotePath);
    Path path = SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, remotePath);
    staysInside(path);
    return path;
  }

  @Override
  public SeekableByteChannel openFile(
      SftpSubsystemProxy subsystem,
      FileHandle fileHandle,
      Path file,
      String handle,
      Set<? extends OpenOption> options,
      FileAttribute<?>... attrs)
      throws IOException {
    staysInside(file);
    boolean writes =
        options.contains(StandardOpenOption.WRITE)
            || options.contains(StandardOpenOption.APPEND)
            || options.contains(StandardOpenOption.CREATE)
            || options.contains(StandardOpenOption.CREATE_NEW)
            || options.contains(StandardOpenOption.TRUNCATE_EXISTING);
    Set<OpenOption> safe = new LinkedHashSet<>(options);
    safe.add(LinkOption.NOFOLLOW_LINKS);
    if (writes) {
      inIncoming(file, "write");
      String name = file.getFileName().toString();
      if (!name.startsWith(".") && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(
            file.toString(),
            null,
            "a received file is never overwritten; send it under a new name");
      }
    }
    // The attributes a client asks for (OpenSSH's sftp sends its local file's mode) are not
    // applied: the drop sets no attribute on a client's word.
    SeekableByteChannel channel =
        SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, safe);
    if (writes) {
      openForWriting.add(real(file));
    }
    return channel;
  }

  @Override
  public void closeFile(
      SftpSubsystemProxy subsystem,
      FileHandle fileHandle,
      Path file,
      String handle,
      java.nio.channels.Channel channel,
      Set<? extends OpenOption> options)
      throws IOException {
    try {
      SftpFileSystemAccessor.super.closeFile(subsystem, fileHandle, file, handle, channel, options);
    } finally {
      openForWriting.remove(real(file));
    }
  }

  @Override
  public void renameFile(
      SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
      throws IOException {
    staysInside(oldPath);
    staysInside(newPath);
    inIncoming(oldPath, "rename");
    inIncoming(newPath, "rename");
    if (!oldPath.getFileName().toString().startsWith(".")) {
      throw new AccessDeniedException(
          oldPath.toString(), null, "a received file keeps its name; only temporary files move");
    }
    if (Files.exists(newPath, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          newPath.toString(), null, "a file of this name is already here; it is never replaced");
    }
    Path completed =
        newPath
            .getFileSystem()
            .getPath("/" + DataFolder.COMPLETED)
            .resolve(newPath.getFileName().toString());
    if (Files.exists(completed, LinkOption.NOFOLLOW_LINKS)
        && !sameContent(real(completed), real(oldPath))) {
      throw new FileAlreadyExistsException(
          newPath.toString(),
          null,
          "a file of this name was already received with other content; send it under a new name");
    }
    // Never replace: whatever flag the client sent, the rename fails if the name appears meanwhile.
    List<CopyOption> safe =
        opts.stream().filter(o -> o != StandardCopyOption.REPLACE_EXISTING).toList();
    SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, safe);
  }

  @Override
  public void copyFile(
      SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts)
      throws IOException {
    throw new AccessDeniedException(dst.toString(), null, "copying on the server is not allowed");
  }

  @Override
  public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory)
      throws IOException {
    staysInside(path);
    inIncoming(path, "remove");
    if (isDirectory || !path.getFileName().toString().startsWith(".")) {
      throw new AccessDeniedException(
          path.toString(), null, "received files are kept; only temporary files may be removed");
    }
    SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
  }

  @Override
  public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
    throw new AccessDeniedException(
        path.toString(),
        null,
        "folders are not created here; send files to /" + DataFolder.INCOMING);
  }

  @Override
  public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink)
      throws IOException {
    throw new AccessDeniedException(link.toString(), null, "links are not allowed");
  }

  @Override
  public void setFileAttribute(
      SftpSubsystemProxy subsystem,
      Path file,
      String view,
      String attribute,
      Object value,
      LinkOption... options)
      throws IOException {
    throw attributesKept(file);
  }

  @Override
  public void setFileOwner(
      SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
      throws IOException {
    throw attributesKept(file);
  }

  @Override
  public void setGroupOwner(
      SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
      throws IOException {
    throw attributesKept(file);
  }

  @Override
  public void setFilePermissions(
      SftpSubsystemProxy subsystem,
      Path file,
      Set<PosixFilePermission> perms,
      LinkOption... options)
      throws IOException {
    throw attributesKept(file);
  }

  @Override
  public void setFileAccessControl(
      SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl, LinkOption... options)
      throws IOException {
    throw attributesKept(file);
  }

  private static AccessDeniedException attributesKept(Path file) {
    return new AccessDeniedException(
        file.toString(),
        null,
        "permissions, owners and times are kept as the receiving side set them; nothing to change");
  }

  /**
   * Refuses a remote path whose {@code ..} parts climb above the folder, rather than quietly
   * reading it as the folder itself.
   */
  private static void noClimbAboveRoot(String remotePath) throws IOException {
    int depth = 0;
    for (String part : remotePath.split("/")) {
      if (part.equals("..")) {
        depth--;
        if (depth < 0) {
          throw new AccessDeniedException(
              remotePath, null, "'..' leads out of the factory's folder");
        }
      } else if (!part.isEmpty() && !part.equals(".")) {
        depth++;
      }
    }
  }

  /** Refuses a path whose real location (links followed) is outside the session's folder. */
  private static void staysInside(Path path) throws IOException {
    if (!(path.getFileSystem() instanceof RootedFileSystem rooted)) {
      throw new AccessDeniedException(path.toString(), null, "not inside a factory folder");
    }
    Path root = rooted.getRoot().toRealPath();
    Path real = real(path);
    // Walk up to the deepest part that exists, and check where it really is.
    Path existing = real;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || !existing.toRealPath().startsWith(root)) {
      throw new AccessDeniedException(path.toString(), null, "outside the factory's folder");
    }
    if (Files.isSymbolicLink(real)) {
      throw new AccessDeniedException(path.toString(), null, "links are not followed");
    }
  }

  private static void inIncoming(Path path, String action) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.getNameCount() != 2
        || !absolute.getName(0).toString().equals(DataFolder.INCOMING)) {
      throw new AccessDeniedException(
          path.toString(),
          null,
          "cannot "
              + action
              + " here: files are only written, renamed and removed in /"
              + DataFolder.INCOMING
              + "; the other folders are kept by the receiving side");
    }
  }

  /** The path on the server's disk. */
  private static Path real(Path path) {
    if (path.getFileSystem() instanceof RootedFileSystem rooted) {
      Path absolute = path.toAbsolutePath().normalize();
      Path real = rooted.getRoot();
      for (Path part : absolute) {
        real = real.resolve(part.toString());
      }
      return real.toAbsolutePath().normalize();
    }
    return path.toAbsolutePath().normalize();
  }

  private static boolean sameContent(Path a, Path b) throws IOException {
    if (Files.size(a) != Files.size(b)) {
      return false;
    }
    try (InputStream ina = Files.newInputStream(a);
        InputStream inb = Files.newInputStream(b)) {
      return ContentHash.of(ina).equals(ContentHash.of(inb));
    }
  }
}
