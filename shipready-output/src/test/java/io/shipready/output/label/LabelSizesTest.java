package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Afero sizes in dots, as the vendor gives them. */
class LabelSizesTest {

  @Test
  void productLabelIs531By354DotsAt300Dpi() {
    LabelLayout layout =
        Labels.render(Bundled.PRODUCT.path(), Bundled.PRODUCT.fields, 300).layout();

    assertThat(layout.widthDots()).isEqualTo(531);
    assertThat(layout.heightDots()).isEqualTo(354);
  }

  @Test
  void productQrCodeIsTheVendors17_19mmSquare() {
    LabelLayout layout =
        Labels.render(Bundled.PRODUCT.path(), Bundled.PRODUCT.fields, 300).layout();

    // 29 modules of 7 dots at 300 dpi: 203 dots, 17.187 mm, which the vendor gives as 17.19.
    QrElement qr = layout.qr().orElseThrow();
    assertThat(qr.sizeDots()).isEqualTo(203);
    assertThat(String.format(Locale.ROOT, "%.2f", qr.sizeDots() / 300.0 * 25.4)).isEqualTo("17.19");
  }

  @Test
  void moduleLabelIs300By150DotsAt300Dpi() {
    LabelLayout layout = Labels.render(Bundled.MODULE.path(), Bundled.MODULE.fields, 300).layout();

    assertThat(layout.widthDots()).isEqualTo(300);
    assertThat(layout.heightDots()).isEqualTo(150);
  }

  @Test
  void twoHundredDpiIsEightDotsPerMillimetre() {
    LabelLayout layout = Labels.render(Bundled.MODULE.path(), Bundled.MODULE.fields, 200).layout();

    assertThat(layout.dpi()).isEqualTo(203);
    assertThat(layout.widthDots()).isEqualTo(203);
  }
}
