package io.shipready.backoffice.provisioning.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * {@code --group auto}: a batch's group named {@code YYYYMMDD_xxxx}, the day the batch was first
 * run and the first four hex digits of the CSV's SHA-256 (lower case, as Particle's group names
 * must be). The name is kept in the journal, so running the batch again on another day joins the
 * same group.
 */
public final class GroupNames {
  public static final String AUTO = "auto";
  private static final String RECORD = "batch_group";

  private GroupNames() {}

  public static String resolve(
      String requested, String product, Path csv, Journal journal, LocalDate today) {
    if (requested == null || !requested.equals(AUTO)) {
      return requested;
    }
    for (String record : journal.records()) {
      String[] parts = record.split("\t", -1);
      if (parts.length == 4
          && parts[0].equals(product)
          && parts[1].equals(RECORD)
          && parts[2].equals(AUTO)) {
        return parts[3];
      }
    }
    String name =
        today.format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + sha256(csv).substring(0, 4);
    journal.record(product, RECORD, AUTO, name);
    return name;
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException failed) {
      throw new ProvisionInputException(file + ": cannot be read: " + failed.getMessage(), failed);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
