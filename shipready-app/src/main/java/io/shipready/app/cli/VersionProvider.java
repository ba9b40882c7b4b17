package io.shipready.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version (from the jar's manifest) and the commit shipready was built from (recorded by the
 * build in {@code build.properties}, which a build outside a git checkout does not write).
 */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Properties build = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return new String[] {
      "shipready " + describe(VersionProvider.class.getPackage().getImplementationVersion(), build)
    };
  }

  static String describe(String version, Properties build) {
    String shown = version == null ? "development build" : version;
    String commit = build.getProperty("git.commit.id.abbrev");
    if (commit == null || commit.isBlank()) {
      return shown + ", unknown commit";
    }
    String dirty =
        Boolean.parseBoolean(build.getProperty("git.dirty")) ? ", with local changes" : "";
    return shown
        + ", commit "
        + commit
        + " of "
        + build.getProperty("git.commit.time", "?")
        + dirty;
  }
}
