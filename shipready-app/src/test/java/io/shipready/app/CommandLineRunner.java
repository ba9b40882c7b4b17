package io.shipready.app;

/** The real command line run in-process, for tests in other packages. */
public final class CommandLineRunner {
  private CommandLineRunner() {}

  /** What a command printed and its exit code. */
  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    CommandLineRun run = CommandLineRun.of(args);
    return new Result(run.exitCode(), run.out(), run.err());
  }
}
