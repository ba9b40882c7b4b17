package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Secrets;
import io.shipready.store.ExportFormat;
import io.shipready.store.ProvisioningOperation;
import io.shipready.store.StoreException;
import io.shipready.store.UnitTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes finished runs in one of the export formats, oldest end first, a page of runs at a time so
 * an export of years of records runs in little memory.
 */
public final class Exporter {
  private static final int PAGE = 500;

  private final Jdbi jdbi;

  public Exporter(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  public void export(Instant since, ExportFormat format, Writer out) {
    requireNonNull(format, "format");
    requireNonNull(out, "out");
    long sinceMicros = since == null ? Long.MIN_VALUE : Micros.of(since);
    try {
      switch (format) {
        case CSV -> csv(sinceMicros, out);
        case JSON -> json(sinceMicros, out);
        case OPENHTF_JSONL -> openHtfLines(sinceMicros, out);
        case OPENHTF ->
            throw new StoreException(
                "OpenHTF records are written one file per record: export them to a folder");
      }
      out.flush();
    } catch (IOException cannotWrite) {
      throw new StoreException(
          "Cannot write the " + format + " export: " + cannotWrite.getMessage(), cannotWrite);
    } catch (UncheckedIOException cannotWrite) {
      throw new StoreException(
          "Cannot write the " + format + " export: " + cannotWrite.getCause().getMessage(),
          cannotWrite);
    }
  }

  /** Calls the page consumer for every page of finished runs ended at or after since. */
  private void pages(long sinceMicros, PageConsumer consumer) throws IOException {
    long lastEnded = Long.MIN_VALUE;
    long lastKey = Long.MIN_VALUE;
    while (true) {
      long afterEnded = lastEnded;
      long afterKey = lastKey;
      List<ExportRun> page = jdbi.withHandle(h -> page(h, sinceMicros, afterEnded, afterKey));
      if (page.isEmpty()) {
        return;
      }
      consumer.accept(page);
      ExportRun last = page.get(page.size() - 1);
      lastEnded = last.endedMicros();
      lastKey = last.key();
    }
  }

  @FunctionalInterface
  private interface PageConsumer {
    void accept(List<ExportRun> page) throws IOException;
  }

  private static List<ExportRun> page(
      Handle handle, long sinceMicros, long afterEnded, long afterKey) {
    record Header(long key, Long unitId, long ended, UnitTrace.Run run) {}
    List<Header> headers =
        handle
            .createQuery(
                "SELECT r.*, s.computer_name, "
                    + TraceQueries.PACKAGE_COLUMNS
                    + " FROM runs r"
                    + " JOIN stations s ON s.station_id = r.station_id"
                    + TraceQueries.PACKAGE_JOIN
                    + " WHERE r.outcome IS NOT NULL AND r.ended_at >= :since"
                    + " AND (r.ended_at > :ended OR (r.ended_at = :ended AND r.id > :key))"
                    + " ORDER BY r.ended_at, r.id LIMIT "
                    + PAGE)
            .bind("since", sinceMicros)
            .bind("ended", afterEnded)
            .bind("key", afterKey)
            .map(
                (rs, ctx) ->
                    new Header(
                        rs.getLong("id"),
                        Rows.nullableLong(rs, "unit_id"),
                        rs.getLong("ended_at"),
                        TraceQueries.runHeader(rs)))
            .list();
    if (headers.isEmpty()) {
      return List.of();
    }
    Map<Long, String> runIds = new LinkedHashMap<>();
    headers.forEach(h -> runIds.put(h.key(), h.run().runId()));
    RunDetails details = RunDetails.load(handle, runIds.keySet(), runIds, false);
    List<Long> units =
        headers.stream().map(Header::unitId).filter(u -> u != null).distinct().toList();
    Map<Long, List<Identifier>> identifiers = new HashMap<>();
    if (!units.isEmpty()) {
      record UnitId(long unitId, Identifier id) {}
      handle
          .createQuery(
              "SELECT unit_id, kind, value FROM unit_identifiers WHERE unit_id IN (<units>)"
                  + " ORDER BY unit_id, first_seen, kind, value")
          .bindList("units", units)
          .map(
              (rs, ctx) ->
                  new UnitId(
                      rs.getLong("unit_id"),
                      Secrets.shown(new Identifier(rs.getString("kind"), rs.getString("value")))))
          .list()
          .forEach(
              row ->
                  identifiers.computeIfAbsent(row.unitId(), u -> new ArrayList<>()).add(row.id()));
    }
    Map<Long, List<ProvisioningOperation>> provisioning = new HashMap<>();
    for (TraceQueries.KeyedOperation op :
        TraceQueries.provisioningOf(handle, "p.run_key", List.copyOf(runIds.keySet()))) {
      provisioning.computeIfAbsent(op.runKey(), k -> new ArrayList<>()).add(op.operation());
    }
    List<ExportRun> runs = new ArrayList<>();
    for (Header h : headers) {
      runs.add(
          new ExportRun(
              h.key(),
              h.unitId(),
              h.unitId() == null ? List.of() : identifiers.getOrDefault(h.unitId(), List.of()),
              h.ended(),
              TraceQueries.withDetails(h.run(), details, h.key()),
              provisioning.getOrDefault(h.key(), List.of())));
    }
    return runs;
  }

  // CSV

  private static final List<String> CSV_COLUMNS =
      List.of(
          "run_id",
          "unit_ids",
          "station_id",
          "slot",
          "recipe",
          "recipe_version",
          "run_started",
          "run_ended",
          "run_outcome",
          "step_id",
          "step_kind",
          "attempt",
          "step_outcome",
          "measurement",
          "value",
          "units",
          "limits",
          "passed");

  private void csv(long sinceMicros, Writer out) throws IOException {
    csvRow(out, CSV_COLUMNS);
    pages(
        sinceMicros,
        page -> {
          for (ExportRun export : page) {
            UnitTrace.Run run = export.run();
            String ids =
                export.identifiers().stream()
                    .map(Identifier::toString)
                    .collect(Collectors.joining(";"));
            List<String> runColumns =
                List.of(
                    run.runId(),
                    ids,
                    run.stationId(),
                    run.slot(),
                    run.recipe(),
                    run.recipeVersion(),
                    text(run.started()),
                    text(run.ended()),
                    run.outcome() == null ? "" : run.outcome().name());
            for (UnitTrace.StepAttempt step : run.steps()) {
              List<String> stepColumns =
                  List.of(
                      step.stepId(),
                      step.kind(),
                      Integer.toString(step.attempt()),
                      step.outcome() == null ? "" : step.outcome().name());
              if (step.measurements().isEmpty()) {
                List<String> row = new ArrayList<>(runColumns);
                row.addAll(stepColumns);
                row.addAll(List.of("", "", "", "", ""));
                csvRow(out, row);
              }
              for (UnitTrace.MeasurementValue m : step.measurements()) {
                List<String> row = new ArrayList<>(runColumns);
                row.addAll(stepColumns);
                row.addAll(
                    List.of(
                        m.name(),
                        m.value() == null ? "" : m.value(),
                        m.units(),
                        String.join("; ", m.limits()),
                        Boolean.toString(m.passed())));
                csvRow(out, row);
              }
            }
          }
        });
  }

  private static void csvRow(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(csvCell(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String csvCell(String value) {
    if (value == null) {
      return "";
    }
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  private static String text(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  // OpenHTF

  /** OpenHTF test records, one JSON object a line, for tools that read a stream of them. */
  private void openHtfLines(long sinceMicros, Writer out) throws IOException {
    pages(
        sinceMicros,
        page -> {
          for (ExportRun run : page) {
            try (JsonGenerator json = compactGenerator(out)) {
              OpenHtfRecord.write(json, run);
            }
            out.write('\n');
          }
          out.flush();
        });
  }

  /**
   * OpenHTF test records, one file per record in {@code directory}, named as OpenHTF's examples
   * name them: {@code <dut_id>.<start_time_millis>.json}. Each file appears whole or not at all;
   * exporting again replaces a record's file with the same record.
   *
   * @return how many records were written
   */
  public int exportFiles(Instant since, ExportFormat format, Path directory) {
    requireNonNull(format, "format");
    requireNonNull(directory, "directory");
    if (!format.oneFilePerRecord()) {
      throw new StoreException(
          "The " + format + " export is one stream, not a file per record: export it to a file");
    }
    long sinceMicros = since == null ? Long.MIN_VALUE : Micros.of(since);
    Set<String> names = new HashSet<>();
    int[] written = {0};
    try {
      Files.createDirectories(directory);
      pages(
          sinceMicros,
          page -> {
            for (ExportRun run : page) {
              String name = OpenHtfFileName.of(run, names);
              Path partial = directory.resolve(name + ".partial");
              try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                  JsonGenerator json = compactGenerator(out)) {
                OpenHtfRecord.write(json, run);
              }
              Files.move(
                  partial,
                  directory.resolve(name),
                  StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.ATOMIC_MOVE);
              written[0]++;
            }
          });
    } catch (IOException cannotWrite) {
      throw new StoreException(
          "Cannot write OpenHTF records to " + directory + ": " + cannotWrite.getMessage(),
          cannotWrite);
    }
    return written[0];
  }

  private static JsonGenerator compactGenerator(Writer out) throws IOException {
    return Json.MAPPER
        .getFactory()
        .createGenerator(out)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  // JSON

  private void json(long sinceMicros, Writer out) throws IOException {
    JsonGenerator json =
        Json.MAPPER
            .getFactory()
            .createGenerator(out)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.useDefaultPrettyPrinter();
    json.writeStartArray();
    pages(
        sinceMicros,
        page -> {
          for (ExportRun run : page) {
            jsonRun(json, run);
          }
          json.flush();
        });
    json.writeEndArray();
    json.flush();
  }

  private static void jsonRun(JsonGenerator json, ExportRun export) throws IOException {
    UnitTrace.Run run = export.run();
    json.writeStartObject();
    json.writeStringField("run_id", run.runId());
    if (export.unitId() == null) {
      json.writeNullField("unit_id");
    } else {
      json.writeNumberField("unit_id", export.unitId());
    }
    json.writeStringField("unit", export.dutId());
    json.writeArrayFieldStart("identifiers");
    for (Identifier id : export.identifiers()) {
      json.writeStartObject();
      json.writeStringField("kind", id.kind());
      json.writeStringField("value", id.value());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeStringField("station_id", run.stationId());
    json.writeStringField("computer_name", run.computerName());
    json.writeStringField("slot", run.slot());
    json.writeNumberField("unit_number", run.unitNumber());
    json.writeObjectFieldStart("recipe");
    json.writeStringField("name", run.recipe());
    json.writeStringField("version", run.recipeVersion());
    json.writeStringField("sha256", run.recipeSha256());
    json.writeEndObject();
    if (run.stationPackage() != null) {
      json.writeObjectFieldStart("package");
      json.writeStringField("name", run.stationPackage().name());
      json.writeStringField("version", run.stationPackage().version());
      json.writeStringField("manifest_sha256", run.stationPackage().manifestSha256());
      json.writeStringField("signer", run.stationPackage().signer());
      json.writeEndObject();
    }
    json.writeStringField("variant", run.variant());
    json.writeStringField("operator", run.operator());
    json.writeNumberField("retest", run.retest());
    json.writeStringField("started", text(run.started()));
    json.writeStringField("ended", text(run.ended()));
    json.writeStringField("outcome", run.outcome().name());
    json.writeStringField("failed_step", run.failedStep());
    json.writeStringField("message", run.message());
    json.writeArrayFieldStart("steps");
    for (UnitTrace.StepAttempt step : run.steps()) {
      json.writeStartObject();
      json.writeStringField("step_id", step.stepId());
      json.writeStringField("kind", step.kind());
      json.writeNumberField("attempt", step.attempt());
      json.writeStringField("outcome", step.outcome() == null ? null : step.outcome().name());
      json.writeStringField("message", step.message());
      json.writeStringField("started", text(step.started()));
      json.writeStringField("ended", text(step.ended()));
      if (step.duration() == null) {
        json.writeNullField("duration_ms");
      } else {
        json.writeNumberField("duration_ms", step.duration().toNanos() / 1e6);
      }
      json.writeArrayFieldStart("measurements");
      for (UnitTrace.MeasurementValue m : step.measurements()) {
        json.writeStartObject();
        json.writeStringField("name", m.name());
        writeValue(json, "value", m);
        json.writeStringField("units", m.units());
        json.writeArrayFieldStart("limits");
        for (String limit : m.limits()) {
          json.writeString(limit);
        }
        json.writeEndArray();
        json.writeBooleanField("passed", m.passed());
        json.writeStringField("message", m.message());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    writeProvisioning(json, export.provisioning());
    json.writeEndObject();
  }

  /**
   * The cloud provisioning operations done for the unit the run queued, as {@code provisioning}: a
   * list of objects with snake_case keys (both the JSON export and OpenHTF's metadata carry it).
   */
  static void writeProvisioning(JsonGenerator json, List<ProvisioningOperation> operations)
      throws IOException {
    json.writeArrayFieldStart("provisioning");
    for (ProvisioningOperation op : operations) {
      json.writeStartObject();
      json.writeStringField("at", text(op.at()));
      json.writeStringField("operation", op.operation());
      json.writeStringField("product", op.product());
      json.writeStringField("target", op.target());
      json.writeStringField("result", op.result());
      json.writeNumberField("http_status", op.httpStatus());
      json.writeStringField("message", op.message());
      json.writeStringField("api", op.api());
      json.writeStringField("queue_file", op.queueFile());
      json.writeNumberField("queue_line", op.queueLine());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static void writeValue(JsonGenerator json, String field, UnitTrace.MeasurementValue m)
      throws IOException {
    if (m.numericValue() != null && !m.numericValue().isInfinite()) {
      json.writeNumberField(field, m.numericValue());
    } else {
      json.writeStringField(field, m.value());
    }
  }
}
