package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelCommandTest {
  private static final Path LINES = Path.of("..", "lines");

  private static String qrOf(Path png) throws Exception {
    var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
    return new QRCodeReader()
        .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        .getText();
  }

  @Test
  void rendersTheAferoModuleLabelFromGivenValues(@TempDir Path dir) throws Exception {
    Path zpl = dir.resolve("module.zpl");
    Path png = dir.resolve("module.png");

    CommandLineRun run =
        CommandLineRun.of(
            "label",
            "render",
            "--template",
            LINES.resolve("afero-asr/labels/module-label.json").toString(),
            "--set",
            "association_id=0123456789abcdef01234567",
            "--set",
            "device_id=0123456789ABCDEF",
            "--zpl",
            zpl.toString(),
            "--png",
            png.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(zpl)).startsWith("^XA").contains("^BQN,2,").endsWith("^XZ\n");
    assertThat(qrOf(png)).isEqualTo("1:0123456789ABCDEF01234567:0123456789ABCDEF");
  }

  @Test
  void rendersALabelForAUnitFoundInTheRecords(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("station.db");
    CommandLineRun batch =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINES.resolve("sample/recipe.yaml").toString(),
            "--simulate",
            "1",
            "--time-scale",
            "0.01",
            "--db",
            db.toString(),
            "--json");
    assertThat(batch.exitCode()).as(batch.err()).isZero();
    String serial =
        new ObjectMapper()
            .readTree(batch.out())
            .get("runs")
            .get(0)
            .get("identifiers")
            .get("serial")
            .asText();
    Path png = dir.resolve("tracker.png");

    CommandLineRun run =
        CommandLineRun.of(
            "label",
            "render",
            "--template",
            LINES.resolve("sample/labels/tracker-label.json").toString(),
            "--unit",
            serial,
            "--db",
            db.toString(),
            "--png",
            png.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(qrOf(png)).isEqualTo(serial);
  }

  @Test
  void aMissingValueIsNamed() {
    CommandLineRun run =
        CommandLineRun.of(
            "label", "render",
            "--template", LINES.resolve("afero-asr/labels/module-label.json").toString(),
            "--set", "device_id=0123456789ABCDEF");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("association_id");
  }

  @Test
  void rendersAtTheTemplatesOwnResolutionUnlessToldOtherwise() {
    String template = LINES.resolve("sample/labels/tracker-label.json").toString();
    String[] unit = {
      "--set", "serial=P046AA2797021", "--set", "device_id=e00fce68aaaabbbbccccdddd"
    };

    CommandLineRun own =
        CommandLineRun.of(concat(new String[] {"label", "render", "--template", template}, unit));
    CommandLineRun told =
        CommandLineRun.of(
            concat(new String[] {"label", "render", "--template", template, "--dpi", "300"}, unit));

    assertThat(own.exitCode()).as(own.err()).isZero();
    // 2.0 in wide: 406 dots at the template's 203 dpi, 600 at 300.
    assertThat(own.out()).contains("^PW406");
    assertThat(told.exitCode()).as(told.err()).isZero();
    assertThat(told.out()).contains("^PW600");
  }

  @Test
  void aTestPageGoesToThePrinterTheAddressNames(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("labels");
    Path png = dir.resolve("page.png");

    CommandLineRun run =
        CommandLineRun.of(
            "label", "test-page", "--printer", "folder:" + folder, "--png", png.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Test page sent to").contains("203 dpi");
    Path printed = folder.resolve("shipready-test-page.zpl");
    assertThat(Files.readString(printed))
        .startsWith("^XA")
        .contains("SHIPREADY TEST PAGE")
        .contains("^PW406")
        .endsWith("^XZ\n");
    assertThat(qrOf(png)).isEqualTo("folder:" + folder);
  }

  @Test
  void aTestPageForAnAddressOfNoKnownKindSaysHowToWriteOne() {
    CommandLineRun run = CommandLineRun.of("label", "test-page", "--printer", "zebra-3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("printer 'zebra-3'").contains("tcp://<host>[:9100]");
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
