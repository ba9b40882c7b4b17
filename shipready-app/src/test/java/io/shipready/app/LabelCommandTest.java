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
}
