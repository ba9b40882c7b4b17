package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BundledTemplatesTest {

  @ParameterizedTest
  @EnumSource(Bundled.class)
  void shippedCopyIsTheTestedOne(Bundled bundled) throws IOException {
    assertThat(bundled.shipped()).exists();
    assertThat(Files.readString(bundled.shipped())).isEqualTo(Files.readString(bundled.path()));
  }

  @ParameterizedTest
  @EnumSource(Bundled.class)
  void previewQrCodeReadsBackAsThePayload(Bundled bundled) {
    for (int dpi : new int[] {203, 300, 600}) {
      RenderedLabel label = Labels.render(bundled.path(), bundled.fields, dpi);

      Result read = QrReading.decode(label.png());

      assertThat(read.getText()).as("%s at %d dpi", bundled.file, dpi).isEqualTo(bundled.payload);
      assertThat(read.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL))
          .isEqualTo("Q");
    }
  }

  @ParameterizedTest
  @EnumSource(Bundled.class)
  void previewIsOnePixelPerDot(Bundled bundled) {
    RenderedLabel label = Labels.render(bundled.path(), bundled.fields, 300);

    BufferedImage image = QrReading.image(label.png());

    assertThat(image.getWidth()).isEqualTo(label.layout().widthDots());
    assertThat(image.getHeight()).isEqualTo(label.layout().heightDots());
  }

  @ParameterizedTest
  @EnumSource(
      value = Bundled.class,
      names = {"MODULE", "PRODUCT"})
  void aferoCodesAreVersion3(Bundled bundled) {
    LabelLayout layout = Labels.render(bundled.path(), bundled.fields, 300).layout();

    assertThat(layout.qr()).hasValueSatisfying(qr -> assertThat(qr.modules()).isEqualTo(29));
  }

  @ParameterizedTest
  @EnumSource(Bundled.class)
  void zplAt300DpiMatchesGoldenFile(Bundled bundled) throws IOException {
    String zpl = Labels.render(bundled.path(), bundled.fields, 300).zpl();

    GoldenFiles.assertMatches(bundled.baseName() + "-300.zpl", zpl);
  }

  @ParameterizedTest
  @EnumSource(Bundled.class)
  void zplIsOneFormatWithThePayload(Bundled bundled) {
    String zpl = Labels.render(bundled.path(), bundled.fields, 300).zpl();

    assertThat(zpl).startsWith("^XA\n").endsWith("^XZ\n");
    assertThat(zpl).contains("^FDQA," + bundled.payload + "^FS");
  }
}
