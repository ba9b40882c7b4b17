package io.shipready.app.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The commands of a Markdown document: every line of its shell blocks, in order.
 *
 * <p>The convention the docs follow:
 *
 * <ul>
 *   <li>A fenced block with no language, or {@code sh}, {@code shell}, {@code bash} or {@code
 *       console}, is a shell block; every other language ({@code yaml}, {@code java}, {@code text}
 *       for output, {@code csv}...) is not run.
 *   <li>A shell block right after a line {@code <!-- not run: REASON -->} is not run (the reason
 *       says why, e.g. it needs a vendor account).
 *   <li>In a shell block every line is a command, a trailing {@code \} continues it on the next
 *       line and {@code #} starts a comment; lines that only build or install ({@code mvn}, {@code
 *       apt-get}, {@code sudo}) are listed as not run: this test runs inside the build.
 * </ul>
 */
final class DocCommands {
  static final Pattern NOT_RUN = Pattern.compile("<!--\\s*not run:.*-->");
  private static final Set<String> SHELL = Set.of("", "sh", "shell", "bash", "console");
  private static final Pattern BUILD_OR_INSTALL = Pattern.compile("^(mvn|apt-get|sudo)( .*)?$");

  /** What a document holds: the commands to run and the lines it does not run. */
  record Found(List<DocCommand> commands, List<DocCommand> notRun) {}

  private DocCommands() {}

  static Found of(Path root, String document) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve(document));
    List<DocCommand> commands = new ArrayList<>();
    List<DocCommand> notRun = new ArrayList<>();
    int block = -1;
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      String language = fence.substring(3).strip();
      boolean marked = i > 0 && NOT_RUN.matcher(lines.get(i - 1).strip()).matches();
      boolean run = SHELL.contains(language) && !marked;
      block++;
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).strip().startsWith("```")) {
        int start = j;
        StringBuilder command = new StringBuilder(lines.get(j).strip());
        while (command.toString().endsWith("\\") && j + 1 < lines.size()) {
          command.setLength(command.length() - 1);
          command.append(' ').append(lines.get(++j).strip());
        }
        j++;
        String text = withoutComment(command.toString()).strip();
        if (text.isEmpty() || !SHELL.contains(language)) {
          continue;
        }
        DocCommand found = new DocCommand(document, start + 1, block, text);
        if (run && !BUILD_OR_INSTALL.matcher(text).matches()) {
          commands.add(found);
        } else {
          notRun.add(found);
        }
      }
      i = j;
    }
    return new Found(commands, notRun);
  }

  /** The line without a trailing {@code # comment} (a {@code #} outside quotes, after a blank). */
  static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
