package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateValidationTest {

  private static Arguments bad(String problem, Consumer<ObjectNode> change) {
    return Arguments.of(problem, change);
  }

  private static ObjectNode printer(ObjectNode root) {
    return Templates.at(root, "printer");
  }

  private static ObjectNode qr(ObjectNode root) {
    return Templates.at(root, "qr");
  }

  private static ObjectNode aId(ObjectNode root) {
    return Templates.at(root, "aId");
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("printer.print_darkness is 45; use 0 to 30", r -> printer(r).put("print_darkness", 45)),
        bad("printer.print_darkness is -1; use 0 to 30", r -> printer(r).put("print_darkness", -1)),
        bad(
            "printer.printer_dpi is 250; use 200, 203, 300 or 600",
            r -> printer(r).put("printer_dpi", 250)),
        bad(
            "printer.v_align_dots is 121; use -120 to 120",
            r -> printer(r).put("v_align_dots", 121)),
        bad(
            "printer.h_align_dots is -121; use -120 to 120",
            r -> printer(r).put("h_align_dots", -121)),
        bad("printer.print_rate is 5; use 1 to 4", r -> printer(r).put("print_rate", 5)),
        bad("printer.print_rate is 0; use 1 to 4", r -> printer(r).put("print_rate", 0)),
        bad("printer.copies is 0; use 1 to 100", r -> printer(r).put("copies", 0)),
        bad(
            "printer.copies is \"two\"; use a whole number from 1 to 100",
            r -> printer(r).put("copies", "two")),
        bad(
            "printer.print_darkness is 15.5; use a whole number from 0 to 30",
            r -> printer(r).put("print_darkness", 15.5)),
        bad(
            "label.width_inches is 9; use 0.1 to 8.5",
            r -> Templates.at(r, "label").put("width_inches", 9)),
        bad(
            "label.height_inches is 0; use 0.1 to 20",
            r -> Templates.at(r, "label").put("height_inches", 0)),
        bad("qr.magnification is 11; use 1 to 10", r -> qr(r).put("magnification", 11)),
        bad("qr.magnification is 0; use 1 to 10", r -> qr(r).put("magnification", 0)),
        bad(
            "qr.x_coord is 400; use 0 to 299 (the label is 300 dots wide at 300 dpi)",
            r -> qr(r).put("x_coord", 400)),
        bad(
            "qr.y_coord is 150; use 0 to 149 (the label is 150 dots high at 300 dpi)",
            r -> qr(r).put("y_coord", 150)),
        bad(
            "qr.error_correction is \"X\"; use L, M, Q or H",
            r -> qr(r).put("error_correction", "X")),
        bad(
            "qr.error_correction is \"H\"; the afero profile's QR codes use Q; write \"Q\" or leave"
                + " the key out",
            r -> qr(r).put("error_correction", "H")),
        bad(
            "qr.payload is \"{device_id}\"; the afero profile's QR payload is always"
                + " \"1:{association_id}:{device_id}\"; write that or leave the key out",
            r -> qr(r).put("payload", "{device_id}")),
        bad("aId.font is 9; use 10 to 500", r -> aId(r).put("font", 9)),
        bad(
            "aId.x is 300; use 0 to 299 (the label is 300 dots wide at 300 dpi)",
            r -> aId(r).put("x", 300)),
        bad(
            "aId.chunking is 12; use true (groups of 4), false, or a group size from 2 to 8",
            r -> aId(r).put("chunking", 12)),
        bad(
            "aId.groups_per_line needs chunking; add \"chunking\": true or remove it",
            r -> aId(r).put("chunking", false)),
        bad("aId.groups_per_line is 17; use 1 to 16", r -> aId(r).put("groups_per_line", 17)),
        bad(
            "aId.value contains '^', which ZPL reads as the start of a command; remove it",
            r -> aId(r).put("value", "^XZ{association_id}")),
        bad(
            "aId.value \"aId {association_id\" has an unclosed '{' at character 5; write"
                + " {field_name}, or {{ for a literal brace",
            r -> aId(r).put("value", "aId {association_id")),
        bad(
            "pn.value still says CHANGE_ME; write the text this product's label carries",
            r -> r.putObject("pn").put("value", "PN CHANGE_ME").put("x", 1).put("y", 1)),
        bad(
            "pn.value is missing; write the text to print, e.g. \"PN {part_number}\"",
            r -> r.putObject("pn").put("x", 1).put("y", 1)),
        bad(
            "fcc.y is missing; write the distance from the label's top edge in dots, a whole number"
                + " from 0 to 149 (the label is 150 dots high at 300 dpi)",
            r -> r.putObject("fcc").put("value", "FCC ID: X").put("x", 1)),
        bad(
            "profile is \"afro\"; did you mean afero? use generic or afero",
            r -> r.put("profile", "afro")),
        bad(
            "printer.printer_dpi is missing; write the resolution the label is laid out for: 200,"
                + " 203, 300 or 600",
            r -> printer(r).remove("printer_dpi")),
        bad(
            "printer is missing; add \"printer\": {\"printer_dpi\": 300} at least",
            r -> r.remove("printer")),
        bad(
            "label mixes inches and millimetres; give width_inches and height_inches, or width_mm"
                + " and height_mm",
            r -> Templates.at(r, "label").put("width_mm", 25.4)),
        bad(
            "label.height_inches is missing; write the label's height in inches (height_inches) or"
                + " millimetres (height_mm)",
            r -> Templates.at(r, "label").remove("height_inches")),
        bad(
            "text.serial is \"SN\"; write an object, e.g. {\"value\": \"{serial}\", \"x\": 10,"
                + " \"y\": 10}",
            r -> r.putObject("text").put("serial", "SN")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValueIsRefusedNamingFileKeyAndRange(String problem, Consumer<ObjectNode> change) {
    assertThatThrownBy(() -> Templates.parse(Bundled.MODULE, change))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessage("module-label.json: " + problem);
  }

  static Stream<Arguments> unknownKeys() {
    return Stream.of(
        bad(
            "printer.print_darknes is not a known key; did you mean print_darkness? printer takes:"
                + " printer_dpi, v_align_dots, h_align_dots, print_darkness, print_rate, copies",
            r -> printer(r).put("print_darknes", 20)),
        bad(
            "qr.xcoord is not a known key; did you mean x_coord? qr takes: magnification, x_coord,"
                + " y_coord, payload, error_correction",
            r -> qr(r).put("xcoord", 20)),
        bad("qrr is not a known key; did you mean qr?", r -> r.putObject("qrr")),
        bad("aId.fnt is not a known key; did you mean font?", r -> aId(r).put("fnt", 20)),
        bad(
            "label.width_in is not a known key; did you mean width_inches?",
            r -> Templates.at(r, "label").put("width_in", 1)),
        bad(
            "printer.colour is not a known key; printer takes: printer_dpi, v_align_dots,"
                + " h_align_dots, print_darkness, print_rate, copies",
            r -> printer(r).put("colour", "black")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownKeys")
  void unknownKeyIsRefusedWithTheNearestKnownOne(String problem, Consumer<ObjectNode> change) {
    assertThatThrownBy(() -> Templates.parse(Bundled.MODULE, change))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessageStartingWith("module-label.json: " + problem);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                Templates.parse(
                    Bundled.MODULE,
                    r -> {
                      printer(r).put("print_darkness", 45).put("print_rate", 9);
                      qr(r).put("magnification", 20);
                    }))
        .isInstanceOfSatisfying(
            LabelTemplateException.class,
            e -> {
              assertThat(e.source()).isEqualTo("module-label.json");
              assertThat(e.problems())
                  .containsExactly(
                      "printer.print_darkness is 45; use 0 to 30",
                      "printer.print_rate is 9; use 1 to 4",
                      "qr.magnification is 20; use 1 to 10");
              assertThat(e.getMessage())
                  .startsWith("module-label.json: 3 problems\n")
                  .contains("\n  module-label.json: qr.magnification is 20; use 1 to 10");
            });
  }

  @Test
  void genericQrCodeNeedsAPayload() {
    assertThatThrownBy(() -> Templates.parse(Bundled.TRACKER, r -> qr(r).remove("payload")))
        .hasMessage(
            "tracker-label.json: qr.payload is missing; write what the QR code holds, e.g."
                + " \"{serial}\" (a unit field in braces)");
  }

  @Test
  void millimetresAreAccepted() {
    LabelTemplate template = LabelTemplate.read(Bundled.PRODUCT.path());

    assertThat(template.size().widthInches()).isCloseTo(45 / 25.4, offset(1e-9));
    assertThat(template.profile()).isEqualTo(LabelProfile.AFERO);
    assertThat(template.fields())
        .containsExactly("association_id", "device_id", "part_number", "fcc_id");
  }

  @Test
  void invalidJsonNamesLineAndColumn() {
    assertThatThrownBy(
            () -> LabelTemplate.parse("{\n  \"printer\": {\"printer_dpi\": 300,}\n}", "x.json"))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessageStartingWith("x.json: is not valid JSON at line 2, column ")
        .hasMessageEndingWith("; fix the JSON syntax");
  }

  @Test
  void duplicateKeyIsRefused() {
    assertThatThrownBy(
            () ->
                LabelTemplate.parse(
                    "{\"printer\": {\"printer_dpi\": 300, \"printer_dpi\": 600}}", "x.json"))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessageContaining("printer_dpi");
  }

  @Test
  void templateThatPrintsNothingIsRefused() {
    assertThatThrownBy(
            () ->
                LabelTemplate.parse(
                    "{\"printer\": {\"printer_dpi\": 300}, \"label\": {\"width_inches\": 1,"
                        + " \"height_inches\": 1}}",
                    "empty.json"))
        .hasMessage(
            "empty.json: prints nothing; add a qr block or a text block (aId, dId, pn, fcc or"
                + " text)");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path file = dir.resolve("nope.json");

    assertThatThrownBy(() -> LabelTemplate.read(file))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessageStartingWith("nope.json: does not exist (looked for " + file.toAbsolutePath());
  }

  @Test
  void fileErrorsNameTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("module-label.json");
    Files.writeString(
        file, Templates.edited(Bundled.MODULE, r -> printer(r).put("print_darkness", 45)));

    assertThatThrownBy(() -> Labels.render(file, Bundled.MODULE.fields, 300))
        .isInstanceOf(LabelTemplateException.class)
        .hasMessage("module-label.json: printer.print_darkness is 45; use 0 to 30");
  }
}
