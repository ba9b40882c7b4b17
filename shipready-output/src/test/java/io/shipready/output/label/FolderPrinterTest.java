package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPrinterTest {
  @TempDir Path folder;

  private Set<String> files() throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void writesTheLabelAsJobZpl() throws IOException {
    Path written = new FolderPrinter(folder).write("^XA^XZ\n", "P045AB1234567");

    assertThat(written).isEqualTo(folder.resolve("P045AB1234567.zpl")).hasContent("^XA^XZ");
    assertThat(files()).containsExactly("P045AB1234567.zpl");
  }

  @Test
  void neverOverwritesAnEarlierLabel() throws IOException {
    FolderPrinter printer = new FolderPrinter(folder);

    printer.print("first", "unit");
    printer.print("second", "unit");
    printer.print("third", "unit");

    assertThat(folder.resolve("unit.zpl")).hasContent("first");
    assertThat(folder.resolve("unit-1.zpl")).hasContent("second");
    assertThat(folder.resolve("unit-2.zpl")).hasContent("third");
    assertThat(files()).hasSize(3);
  }

  @Test
  void stationsPrintingAtOnceEachGetTheirOwnFile() throws Exception {
    FolderPrinter printer = new FolderPrinter(folder);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Path>> writes = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String zpl = "label " + i;
        writes.add(pool.submit(() -> printer.write(zpl, "same-job")));
      }
      Set<String> contents = new HashSet<>();
      for (Future<Path> write : writes) {
        contents.add(Files.readString(write.get()));
      }
      assertThat(contents).hasSize(16);
      assertThat(files())
          .hasSize(16)
          .allMatch(name -> name.startsWith("same-job") && name.endsWith(".zpl"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void jobNameCannotLeaveTheFolder() throws IOException {
    Path written = new FolderPrinter(folder).write("x", "../../escape");

    assertThat(written.getParent()).isEqualTo(folder);
    assertThat(files()).containsExactly("_._.._escape.zpl");
  }

  @Test
  void missingFolderIsAnErrorNotANewFolder() {
    Path missing = folder.resolve("typo");

    assertThatThrownBy(() -> new FolderPrinter(missing).print("x", "unit-9"))
        .isInstanceOf(PrinterException.class)
        .hasMessage(
            "label folder "
                + missing
                + " does not exist, so label 'unit-9' was not written; create the folder or correct"
                + " its path");
    assertThat(missing).doesNotExist();
  }
}
