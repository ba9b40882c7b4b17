package io.shipready.core.testing;

import java.util.HashSet;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints, once per reason, why tests were skipped (a tier whose server or tools are missing says so
 * through an assumption), so the build's console shows it beside the skipped count. Registered for
 * every module's tests through this test jar's service file.
 */
public final class SkipReasons implements TestExecutionListener {
  private final Set<String> told = new HashSet<>();

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    tell(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == Status.ABORTED) {
      tell(test, result.getThrowable().map(Throwable::getMessage).orElse("no reason given"));
    }
  }

  /** The test class, which the build's own lines name too; else the test's name. */
  private static String where(TestIdentifier test) {
    return test.getSource()
        .map(
            source ->
                source instanceof MethodSource
                    ? ((MethodSource) source).getClassName()
                    : source instanceof ClassSource
                        ? ((ClassSource) source).getClassName()
                        : test.getDisplayName())
        .map(name -> name.substring(name.lastIndexOf('.') + 1))
        .orElse(test.getDisplayName());
  }

  private void tell(TestIdentifier test, String reason) {
    String said = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    // Assumptions prefix their message with this; the reason reads better without it.
    said = said.replaceFirst("^Assumption failed: ", "");
    if (told.add(said)) {
      System.out.println("[SKIPPED] " + where(test) + ": " + said);
    }
  }
}
