package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.spi.PrinterFactory;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station's printer value is resolved through the printer registry, by its scheme. */
class PrintersTest {
  @TempDir Path folder;

  @Test
  void everyRegisteredSchemeIsFound() {
    assertThat(ServiceLoader.load(PrinterFactory.class).stream().map(p -> p.type().getName()))
        .containsExactlyInAnyOrder(
            TcpPrinterFactory.class.getName(),
            LpPrinterFactory.class.getName(),
            FolderPrinterFactory.class.getName());
    assertThat(Printers.schemes()).containsExactly("tcp://", "lp:", "folder:");
    assertThat(Printers.find("tcp://10.0.4.21")).containsInstanceOf(TcpPrinterFactory.class);
    assertThat(Printers.find("lp:zebra")).containsInstanceOf(LpPrinterFactory.class);
    assertThat(Printers.find("folder:labels")).containsInstanceOf(FolderPrinterFactory.class);
  }

  @Test
  void eachSchemeOpensItsPrinter() {
    assertThat(PrinterAddress.open("tcp://10.0.4.21", folder, folder).name())
        .isEqualTo("printer 10.0.4.21:9100");
    assertThat(PrinterAddress.open("tcp://10.0.4.21:6101", folder, folder).name())
        .isEqualTo("printer 10.0.4.21:6101");
    assertThat(PrinterAddress.open("lp:zebra", folder, folder)).isInstanceOf(LpPrinter.class);
    assertThat(PrinterAddress.open("folder:out/labels", folder, folder).name())
        .isEqualTo("label folder " + folder.resolve("out/labels"));
    assertThat(PrinterAddress.open("", folder, folder.resolve("output")).name())
        .isEqualTo("label folder " + folder.resolve("output/labels"));
  }

  @Test
  void anUnknownSchemeIsRefusedWithTheKnownOnes() {
    assertThat(Printers.find("ftp://zebra")).isEmpty();
    assertThat(PrinterAddress.problem("ftp://zebra"))
        .isEqualTo("printer 'ftp://zebra' is not tcp://host[:port], lp:queue or folder:path");
    assertThatThrownBy(() -> PrinterAddress.open("ftp://zebra", folder, folder))
        .isInstanceOf(PrinterException.class)
        .hasMessageContaining("is not tcp://host[:port], lp:queue or folder:path");
    assertThat(Printers.hints())
        .isEqualTo(
            "tcp://<host>[:9100] for a networked printer, lp:<queue> for a print queue, or"
                + " folder:<path> for a folder");
  }

  @Test
  void eachSchemeChecksWhatFollowsIt() {
    assertThat(PrinterAddress.problem("tcp://")).isEqualTo("printer 'tcp://' names no host");
    assertThat(PrinterAddress.problem("tcp://zebra:0"))
        .isEqualTo("printer port 0 is not between 1 and 65535");
    assertThat(PrinterAddress.problem("tcp://zebra:raw"))
        .isEqualTo("printer port 'raw' is not a number");
    assertThat(PrinterAddress.problem("lp:")).isEqualTo("printer 'lp:' names no queue");
    assertThat(PrinterAddress.problem("folder: ")).isEqualTo("printer 'folder:' names no path");
    assertThat(PrinterAddress.problem("CHANGE_ME")).startsWith("printer is still ");
  }
}
