package io.shipready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionProviderTest {
  @Test
  void aBuildOutsideGitSaysUnknownCommit() {
    assertThat(VersionProvider.describe("1.2.0", new Properties()))
        .isEqualTo("1.2.0, unknown commit");
  }

  @Test
  void aBuildInGitNamesItsCommitAndLocalChanges() {
    Properties build = new Properties();
    build.setProperty("git.commit.id.abbrev", "7dafea3");
    build.setProperty("git.commit.time", "2026-12-03");
    build.setProperty("git.dirty", "true");

    assertThat(VersionProvider.describe("1.2.0", build))
        .isEqualTo("1.2.0, commit 7dafea3 of 2026-12-03, with local changes");
  }
}
