package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A line profile's rules for what goes on its labels. The template's {@code profile} key chooses
 * one; without it the template is {@link #GENERIC}.
 */
public enum LabelProfile {
  /** Field values are printed as the unit has them. */
  GENERIC("generic") {
    @Override
    String prepare(String field, String value) {
      return value;
    }
  },

  /**
   * Afero: the QR code holds {@code 1:<association id>:<device id>} in upper-case hex, so that it
   * fits QR version 3 at error correction Q in alphanumeric mode; the association id is 24 hex
   * digits and the device id 16.
   */
  AFERO("afero") {
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

    @Override
    String prepare(String field, String value) {
      return switch (field) {
        case "association_id" -> hex(field, value, 24, "association id");
        case "device_id" -> hex(field, value, 16, "device id");
        default -> value;
      };
    }

    private String hex(String field, String value, int digits, String what) {
      String id = value.strip();
      if (id.length() != digits || !HEX.matcher(id).matches()) {
        throw new LabelFieldException(
            field,
            "the unit's "
                + field
                + " '"
                + value
                + "' is not an Afero "
                + what
                + ": it must be "
                + digits
                + " hex digits (0-9, A-F)"
                + (id.length() == digits ? "" : ", not " + id.length() + " characters")
                + "; scan the module's QR code again or correct the unit's "
                + field);
      }
      return id.toUpperCase(Locale.ROOT);
    }

    @Override
    Optional<ValueTemplate> defaultPayload() {
      return Optional.of(AFERO_PAYLOAD);
    }

    @Override
    Optional<QrErrorCorrection> requiredErrorCorrection() {
      return Optional.of(QrErrorCorrection.Q);
    }

    @Override
    OptionalInt qrVersion() {
      return OptionalInt.of(3);
    }
  };

  private static final ValueTemplate AFERO_PAYLOAD =
      ValueTemplate.parse("1:{association_id}:{device_id}");

  private final String key;

  LabelProfile(String key) {
    this.key = key;
  }

  /** The name a template writes in its profile key. */
  public String key() {
    return key;
  }

  /**
   * The printed form of one of the unit's field values, after the profile's checks.
   *
   * @throws LabelFieldException when the value breaks the profile's rules
   */
  abstract String prepare(String field, String value);

  /** The QR payload when the template does not give one; when present, the only one allowed. */
  Optional<ValueTemplate> defaultPayload() {
    return Optional.empty();
  }

  Optional<QrErrorCorrection> requiredErrorCorrection() {
    return Optional.empty();
  }

  /** The QR version the preview draws when the payload fits it; empty for the smallest. */
  OptionalInt qrVersion() {
    return OptionalInt.empty();
  }

  static Optional<LabelProfile> byKey(String key) {
    requireNonNull(key, "key");
    for (LabelProfile profile : values()) {
      if (profile.key.equals(key)) {
        return Optional.of(profile);
      }
    }
    return Optional.empty();
  }
}
