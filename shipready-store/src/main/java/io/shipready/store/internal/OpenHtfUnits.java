package io.shipready.store.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Units as OpenHTF writes them: an object of the unit's name, its UN/ECE Recommendation 20 code and
 * the suffix people write. A recipe names units by suffix ({@code V}, {@code mA}); a suffix OpenHTF
 * does not know keeps the suffix as its name and has no code, as a custom OpenHTF unit would.
 */
final class OpenHtfUnits {
  /** One unit: {@code {"name": "volt", "code": "VLT", "suffix": "V"}}. */
  record Unit(String name, String code, String suffix) {}

  private static final Map<String, Unit> BY_SUFFIX = new HashMap<>();

  static {
    known("volt", "VLT", "V");
    known("millivolt", "2Z", "mV");
    known("microvolt", "D82", "µV");
    known("ampere", "AMP", "A");
    known("milliampere", "4K", "mA");
    known("microampere", "B84", "µA");
    known("watt", "WTT", "W");
    known("milliwatt", "C31", "mW");
    known("ohm", "OHM", "Ω");
    known("kilohm", "B49", "kΩ");
    known("hertz", "HTZ", "Hz");
    known("kilohertz", "KHZ", "kHz");
    known("megahertz", "MHZ", "MHz");
    known("gigahertz", "A86", "GHz");
    known("decibel", "2N", "dB");
    known("decibel-milliwatts", "DBM", "dBm");
    known("second [unit of time]", "SEC", "s");
    known("millisecond", "C26", "ms");
    known("microsecond", "B98", "µs");
    known("minute [unit of time]", "MIN", "min");
    known("degree Celsius", "CEL", "°C");
    known("percent", "P1", "%");
    known("byte", "AD", "byte");
    known("kilobyte", "2P", "kbyte");
    known("megabyte", "4L", "Mbyte");
    known("metre", "MTR", "m");
    known("millimetre", "MMT", "mm");
    known("gram", "GRM", "g");
    known("kilogram", "KGM", "kg");
    alias("B", "byte");
    alias("KB", "kbyte");
    alias("MB", "Mbyte");
    alias("C", "°C");
    alias("degC", "°C");
    alias("sec", "s");
    alias("ohm", "Ω");
    alias("uA", "µA");
    alias("uV", "µV");
    alias("us", "µs");
  }

  private OpenHtfUnits() {}

  private static void known(String name, String code, String suffix) {
    BY_SUFFIX.put(suffix, new Unit(name, code, suffix));
  }

  private static void alias(String written, String suffix) {
    BY_SUFFIX.put(written, BY_SUFFIX.get(suffix));
  }

  /** The unit a recipe wrote, or null when it wrote none. */
  static Unit of(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    String units = written.strip();
    Unit known = BY_SUFFIX.get(units);
    if (known == null) {
      known = BY_SUFFIX.get(units.toLowerCase(Locale.ROOT));
    }
    return known != null ? known : new Unit(units, null, units);
  }
}
