package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelRenderingTest {

  private static String zpl(Bundled bundled, int dpi) {
    return Labels.render(bundled.path(), bundled.fields, dpi).zpl();
  }

  @Test
  void at600DpiEveryPositionAndSizeDoubles() {
    String zpl = zpl(Bundled.MODULE, 600);

    assertThat(zpl)
        .contains("^PW600\n", "^LL300\n")
        .contains("^FO34,34^BQN,2,8^FDQA,")
        .contains("^FO290,44^A0N,36,36^FDA1B2-C3D4-E5F6^FS")
        .contains("^FO290,90^A0N,36,36^FD0718-293A-4B5C^FS")
        .contains("^FO290,164^A0N,36,36^FD0123-4567^FS");
  }

  @Test
  void at203DpiPositionsScaleDownAndRound() {
    String zpl = zpl(Bundled.MODULE, 203);

    // 1.0 x 0.5 in at 203 dpi; 17 dots at 300 dpi are 11.5 at 203. Magnification 4 is 2.7 at
    // 203 dpi, rounded down so that the code does not grow into the text beside it.
    assertThat(zpl)
        .contains("^PW203\n", "^LL102\n")
        .contains("^FO12,12^BQN,2,2^FDQA,")
        .contains("^FO98,15^A0N,12,12^FDA1B2-C3D4-E5F6^FS");
  }

  @Test
  void templateAt203DpiScalesUpTo300() {
    LabelLayout layout =
        Labels.render(Bundled.TRACKER.path(), Bundled.TRACKER.fields, 300).layout();

    assertThat(layout.widthDots()).isEqualTo(600);
    assertThat(layout.qr().orElseThrow().x()).isEqualTo(30);
    assertThat(layout.qr().orElseThrow().magnification()).isEqualTo(7);
  }

  @Test
  void magnificationStopsAtZplsLimit() {
    LabelLayout layout =
        Labels.render(Bundled.PRODUCT.path(), Bundled.PRODUCT.fields, 600).layout();

    assertThat(layout.qr().orElseThrow().magnification()).isEqualTo(10);
  }

  @Test
  void printerSettingsBecomeZplCommands() {
    LabelTemplate template =
        Templates.parse(
            Bundled.MODULE,
            root ->
                Templates.at(root, "printer")
                    .put("print_darkness", 5)
                    .put("print_rate", 3)
                    .put("copies", 2));

    String zpl = ZplWriter.write(LabelLayout.of(template, Bundled.MODULE.fields, 300));

    assertThat(zpl).contains("~SD05\n", "^PR3\n", "^PQ2\n");
  }

  @Test
  void printerKeepsItsOwnDarknessAndRateWhenTheTemplateSaysNothing() {
    LabelTemplate template =
        Templates.parse(
            Bundled.MODULE,
            root -> Templates.at(root, "printer").remove(List.of("print_darkness", "print_rate")));

    String zpl = ZplWriter.write(LabelLayout.of(template, Bundled.MODULE.fields, 300));

    assertThat(zpl).doesNotContain("~SD", "^PR");
  }

  @Test
  void shiftRightAndUpUseLabelHomeAndLabelTop() {
    LabelTemplate template =
        Templates.parse(
            Bundled.MODULE,
            root -> Templates.at(root, "printer").put("h_align_dots", 10).put("v_align_dots", -20));

    String zpl = ZplWriter.write(LabelLayout.of(template, Bundled.MODULE.fields, 300));

    assertThat(zpl).contains("^LH10,0\n^LT-20\n^LS0\n");
  }

  @Test
  void shiftLeftAndDownUseLabelShiftAndLabelHome() {
    LabelTemplate template =
        Templates.parse(
            Bundled.MODULE,
            root -> Templates.at(root, "printer").put("h_align_dots", -15).put("v_align_dots", 30));

    String zpl = ZplWriter.write(LabelLayout.of(template, Bundled.MODULE.fields, 600));

    assertThat(zpl).contains("^LH0,60\n^LT0\n^LS30\n");
  }

  @Test
  void liftBeyondZplsRangeStopsAt120Dots() {
    LabelTemplate template =
        Templates.parse(
            Bundled.MODULE, root -> Templates.at(root, "printer").put("v_align_dots", -100));

    LabelLayout layout = LabelLayout.of(template, Bundled.MODULE.fields, 600);

    assertThat(layout.vShiftDots()).isEqualTo(-120);
  }

  @Test
  void previewShowsTheAlignmentShift() {
    LabelTemplate template =
        Templates.parse(
            Bundled.MODULE,
            root -> Templates.at(root, "printer").put("h_align_dots", 12).put("v_align_dots", 6));

    RenderedLabel shifted = Labels.render(template, Bundled.MODULE.fields, 300);

    var points = QrReading.decode(shifted.png()).getResultPoints();
    var plain =
        QrReading.decode(Labels.render(Bundled.MODULE.path(), Bundled.MODULE.fields, 300).png())
            .getResultPoints();
    assertThat(points[0].getX() - plain[0].getX()).isCloseTo(12f, offset(1f));
    assertThat(points[0].getY() - plain[0].getY()).isCloseTo(6f, offset(1f));
  }

  @Test
  void aferoIdsAreUpperCasedForTheQrCodeAndText() {
    Map<String, String> fields =
        Map.of("association_id", " a1b2c3d4e5f60718293a4b5c ", "device_id", "0123456789abcdef");

    RenderedLabel label = Labels.render(Bundled.MODULE.path(), fields, 300);

    assertThat(label.zpl())
        .contains("^FDQA,1:A1B2C3D4E5F60718293A4B5C:0123456789ABCDEF^FS")
        .contains("^FD89AB-CDEF^FS");
    assertThat(QrReading.decode(label.png()).getText())
        .isEqualTo("1:A1B2C3D4E5F60718293A4B5C:0123456789ABCDEF");
  }

  @Test
  void aferoAssociationIdOfWrongLengthIsRefused() {
    Map<String, String> fields = new HashMap<>(Bundled.MODULE.fields);
    fields.put("association_id", "A1B2C3D4E5F60718293A4B5");

    assertThatThrownBy(() -> Labels.render(Bundled.MODULE.path(), fields, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining("module-label.json")
        .hasMessageContaining("association_id 'A1B2C3D4E5F60718293A4B5'")
        .hasMessageContaining("24 hex digits")
        .hasMessageContaining("not 23 characters")
        .extracting(e -> ((LabelFieldException) e).field())
        .isEqualTo("association_id");
  }

  @Test
  void aferoDeviceIdThatIsNotHexIsRefused() {
    Map<String, String> fields = new HashMap<>(Bundled.MODULE.fields);
    fields.put("device_id", "0123456789ABCDEG");

    assertThatThrownBy(() -> Labels.render(Bundled.MODULE.path(), fields, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining("device_id '0123456789ABCDEG'")
        .hasMessageContaining("16 hex digits (0-9, A-F)");
  }

  @Test
  void fieldTheUnitLacksIsNamedWithWhereItIsUsed() {
    Map<String, String> fields = Map.of("device_id", "0123456789ABCDEF", "serial", "X1");

    assertThatThrownBy(() -> Labels.render(Bundled.MODULE.path(), fields, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessage(
            "module-label.json: the label needs the unit's association_id (for qr.payload, aId),"
                + " which it lacks; the unit has device_id, serial. Give the unit association_id"
                + " before printing its label")
        .extracting(e -> ((LabelFieldException) e).field())
        .isEqualTo("association_id");
  }

  @Test
  void everyMissingFieldIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                Labels.render(Bundled.PRODUCT.path(), Map.of("device_id", "0123456789ABCDEF"), 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining("association_id (for qr.payload, aId)")
        .hasMessageContaining("part_number (for pn)")
        .hasMessageContaining("fcc_id (for fcc)");
  }

  @Test
  void blankFieldCountsAsMissing() {
    Map<String, String> fields = new HashMap<>(Bundled.TRACKER.fields);
    fields.put("serial", "  ");

    assertThatThrownBy(() -> Labels.render(Bundled.TRACKER.path(), fields, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining("the unit's serial (for qr.payload, text.serial)");
  }

  @Test
  void caretInAFieldIsRefusedNotPrintedAsACommand() {
    Map<String, String> fields = new HashMap<>(Bundled.TRACKER.fields);
    fields.put("serial", "P045^XZ^XA^FO0,0");

    assertThatThrownBy(() -> Labels.render(Bundled.TRACKER.path(), fields, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining(
            "tracker-label.json: the unit's serial 'P045^XZ^XA^FO0,0' contains '^'")
        .hasMessageContaining("correct the unit's serial");
  }

  @Test
  void tildeAndLineBreaksInAFieldAreRefused() {
    Map<String, String> tilde = new HashMap<>(Bundled.TRACKER.fields);
    tilde.put("device_id", "e00f~JR");
    Map<String, String> newline = new HashMap<>(Bundled.TRACKER.fields);
    newline.put("device_id", "e00f\n^XZ");

    assertThatThrownBy(() -> Labels.render(Bundled.TRACKER.path(), tilde, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining("'~'");
    assertThatThrownBy(() -> Labels.render(Bundled.TRACKER.path(), newline, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining("control character (U+000A)");
  }

  @Test
  void nonAsciiTextPrintsAsUtf8ButNotInTheQrCode() {
    Map<String, String> fields = new HashMap<>(Bundled.TRACKER.fields);
    fields.put("device_id", "ÄÖÜ");

    assertThat(Labels.render(Bundled.TRACKER.path(), fields, 300).zpl())
        .contains("^CI28\n")
        .contains("^FDÄÖÜ^FS");

    fields.put("serial", "Gerät");
    assertThatThrownBy(() -> Labels.render(Bundled.TRACKER.path(), fields, 300))
        .isInstanceOf(LabelFieldException.class)
        .hasMessageContaining("printable ASCII");
  }

  @Test
  void unsupportedDpiIsRefused() {
    assertThatThrownBy(() -> Labels.render(Bundled.MODULE.path(), Bundled.MODULE.fields, 150))
        .isInstanceOf(LabelException.class)
        .hasMessage("dpi 150 is not supported; use 203, 300 or 600");
  }

  @Test
  void qrCodeThatRunsOffTheLabelIsRefused() {
    LabelTemplate template =
        Templates.parse(Bundled.MODULE, root -> Templates.at(root, "qr").put("magnification", 6));

    assertThatThrownBy(() -> LabelLayout.of(template, Bundled.MODULE.fields, 300))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessageContaining("module-label.json: qr does not fit on the label at 300 dpi")
        .hasMessageContaining("29 modules × 6 = 174 dots")
        .hasMessageContaining("lower qr.magnification");
  }

  @Test
  void textLinePastTheBottomEdgeIsRefused() {
    LabelTemplate template =
        Templates.parse(
            Bundled.MODULE, root -> Templates.at(root, "dId").put("groups_per_line", 1));

    assertThatThrownBy(() -> LabelLayout.of(template, Bundled.MODULE.fields, 300))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessageContaining("dId line 4 ('CDEF') would start at y 151");
  }

  @Test
  void chunkingGroupsFieldValuesButNotTheTextAroundThem() {
    LabelTemplate template =
        Templates.parse(
            Bundled.TRACKER,
            root ->
                Templates.at(root, "text.device_id")
                    .put("value", "ID {device_id}")
                    .remove("groups_per_line"));

    LabelLayout layout = LabelLayout.of(template, Bundled.TRACKER.fields, 203);

    assertThat(layout.texts())
        .extracting(TextElement::text)
        .contains("ID e00f-ce68-d1b2-c3a4-f5e6-d7c8");
  }
}
