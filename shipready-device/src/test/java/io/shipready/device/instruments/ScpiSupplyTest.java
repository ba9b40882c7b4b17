package io.shipready.device.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.spi.FixturePower;
import io.shipready.core.spi.Sensors;
import io.shipready.device.gdb.Endpoint;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A programmable supply feeding the unit, over SCPI against the stand-in supply on a loopback port:
 * settings, output, measurements, the error queue checked after every command.
 */
class ScpiSupplyTest {
  private static final Duration WAIT = Duration.ofSeconds(2);

  @Test
  void setsVoltageAndLimitThenSwitchesOnAndMeasuresWhatItSet() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), WAIT)) {
      psu.outputOn = false;
      ScpiInstrument supply = new ScpiInstrument("2", connection, Duration.ZERO, Map.of());

      supply.require(FixturePower.class).on(OptionalDouble.of(3.0), OptionalDouble.of(0.25));

      assertThat(psu.received)
          .containsExactly(
              "*IDN?", "VOLT 3.0000", "CURR 0.2500", "SYST:ERR?", "OUTP ON", "SYST:ERR?", "*OPC?");
      assertThat(psu.outputOn).isTrue();
      Sensors sensors = supply.require(Sensors.class);
      assertThat(sensors.read("supply_voltage")).isEqualTo(3.0);
      assertThat(sensors.read("current_ma"))
          .isCloseTo(45.2, org.assertj.core.data.Offset.offset(1e-9));

      supply.off();
      assertThat(psu.outputOn).isFalse();
      assertThat(sensors.read("supply_voltage")).isZero();
      assertThat(sensors.read("current")).isZero();
    }
  }

  @Test
  void aSettingTheSupplyRefusesNeverReachesTheUnit() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), WAIT)) {
      psu.outputOn = false;
      ScpiInstrument supply = new ScpiInstrument("2", connection, Duration.ZERO, Map.of());

      assertThatThrownBy(() -> supply.on(OptionalDouble.of(12), OptionalDouble.empty()))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("refused VOLT 12.0000")
          .hasMessageContaining("-222,\"Data out of range\"")
          .hasMessageContaining(psu.endpoint().toString());
      assertThat(psu.outputOn).as("the output stays off").isFalse();
      assertThat(psu.received).doesNotContain("OUTP ON");
    }
  }

  @Test
  void aQueryTheInstrumentDoesNotKnowIsReportedWithItsQueuedError() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), Duration.ofMillis(300))) {
      ScpiInstrument meter =
          new ScpiInstrument(
              "2",
              connection,
              Duration.ZERO,
              Map.of("frequency", ScpiInstrument.Reading.of("MEAS:FREQ?")));

      assertThatThrownBy(() -> meter.read("frequency"))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("did not answer MEAS:FREQ?")
          .hasMessageContaining("-113,\"Undefined header\"");
    }
  }

  @Test
  void anInstrumentThatAnswersNothingIsUnreachable() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), Duration.ofMillis(300))) {
      ScpiInstrument supply = new ScpiInstrument("2", connection, Duration.ZERO, Map.of());
      assertThat(supply.read("voltage")).isEqualTo(3.3);
      psu.silent = true;

      assertThatThrownBy(supply::off).isInstanceOf(DeviceUnreachableException.class);
      assertThatThrownBy(() -> supply.read("voltage"))
          .isInstanceOf(DeviceUnreachableException.class)
          .hasMessageContaining("did not answer");
    }
  }

  @Test
  void aMeterThatSendsItsUnitIsReadInTheUnitsTheSlotMapGives() throws Exception {
    try (FakeScpiServer meter = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(meter.endpoint(), WAIT)) {
      ScpiInstrument instrument =
          new ScpiInstrument(
              "2",
              connection,
              Duration.ZERO,
              Map.of(
                  "load_a", new ScpiInstrument.Reading("READ?", "A", 1),
                  "load_ma", new ScpiInstrument.Reading("READ?", "mA", 1),
                  "load_v", new ScpiInstrument.Reading("READ?", "V", 1)));

      assertThat(instrument.read("load_a"))
          .isCloseTo(0.0452, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(instrument.read("load_ma")).isEqualTo(45.2);
      assertThatThrownBy(() -> instrument.read("load_v"))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("in mA, not in V");
    }
  }

  @Test
  void addressesAreHostPortOrLanVisaResources() {
    assertThat(ScpiAddress.parse("10.0.4.30")).isEqualTo(new Endpoint("10.0.4.30", 5025));
    assertThat(ScpiAddress.parse("10.0.4.30:5026")).isEqualTo(new Endpoint("10.0.4.30", 5026));
    assertThat(ScpiAddress.parse("TCPIP0::10.0.4.30::5025::SOCKET"))
        .isEqualTo(new Endpoint("10.0.4.30", 5025));
    assertThat(ScpiAddress.parse("TCPIP::psu-3.lab::INSTR"))
        .isEqualTo(new Endpoint("psu-3.lab", 5025));
    assertThat(ScpiAddress.parse("TCPIP0::10.0.4.31::inst0::INSTR"))
        .isEqualTo(new Endpoint("10.0.4.31", 5025));
    assertThatThrownBy(() -> ScpiAddress.parse("USB0::0x2A8D::0x1202::MY5900::INSTR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USB0 VISA resource")
        .hasMessageContaining("TCPIP0::<host>::5025::SOCKET");
  }
}
