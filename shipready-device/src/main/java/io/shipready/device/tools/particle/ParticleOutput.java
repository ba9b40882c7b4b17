package io.shipready.device.tools.particle;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Particle CLI's printed lines as a parser reads them: colours and spinners taken out. */
final class ParticleOutput {
  /** ANSI colour and cursor sequences: the CLI colours its output when told to (FORCE_COLOR). */
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

  private ParticleOutput() {}

  /** Standard output's lines without colours, carriage-return redraws taken as their last state. */
  static List<String> lines(String stdout) {
    // Split on line feeds only: a lone carriage return is a redraw of the same line, not a new one.
    return Stream.of(ANSI.matcher(stdout).replaceAll("").split("\n"))
        .map(ParticleOutput::lastRedraw)
        .toList();
  }

  /** A progress bar redraws its line with carriage returns: what is left is the last drawing. */
  private static String lastRedraw(String line) {
    String[] drawings = line.split("\r");
    for (int i = drawings.length - 1; i >= 0; i--) {
      if (!drawings[i].isBlank()) {
        return drawings[i].strip();
      }
    }
    return "";
  }
}
