package io.shipready.device.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.device.gdb.Endpoint;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A power supply at a slot over SCPI, against a fake instrument on a loopback port. */
class ScpiInstrumentTest {
  private static final Duration WAIT = Duration.ofSeconds(2);

  @Test
  void measuresTheSupplyInTheUnitsRecipesUse() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), WAIT)) {
      ScpiInstrument instrument =
          new ScpiInstrument(
              "4",
              connection,
              Duration.ZERO,
              Map.of("temperature_c", ScpiInstrument.Reading.of("MEAS:TEMP?")));

      Sensors sensors = instrument.require(Sensors.class);

      assertThat(sensors.read("supply_voltage")).isEqualTo(3.3);
      assertThat(sensors.read("current_ma"))
          .isCloseTo(45.2, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(sensors.read("current_a")).isEqualTo(0.0452);
      assertThat(sensors.read("temperature_c")).isEqualTo(25.1);
      assertThat(connection.identity()).isEqualTo("Fake Instruments,PSU-1,SN42,1.0");
      assertThat(psu.received).startsWith("*IDN?", "MEAS:VOLT?", "MEAS:CURR?");
    }
  }

  @Test
  void anRssiQueryMakesItTheSlotsRfTester() throws Exception {
    try (FakeScpiServer tester = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(tester.endpoint(), WAIT)) {
      ScpiInstrument plain = new ScpiInstrument("4", connection, Duration.ZERO, Map.of());
      ScpiInstrument rf =
          new ScpiInstrument(
              "4",
              connection,
              Duration.ZERO,
              Map.of("rssi:cellular", ScpiInstrument.Reading.of("MEAS:TEMP?")));

      assertThat(plain.capability(Radio.class)).isEmpty();
      assertThat(rf.require(Radio.class).rssiDbm(Radio.Band.CELLULAR)).isEqualTo(25.1);
      assertThatThrownBy(() -> rf.rssiDbm(Radio.Band.BLE))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("not 'rssi:ble'");
      assertThat(ScpiInstrument.measuresRssi(Map.of("rssi:cellular", "MEAS:TEMP?"))).isTrue();
      assertThat(
              ScpiInstrument.measuresRssi(
                  Map.of("temperature_c", ScpiInstrument.Reading.of("MEAS:TEMP?"))))
          .isFalse();
    }
  }

  @Test
  void aRestartSwitchesTheOutputOffAndOnAgain() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), WAIT)) {
      ScpiInstrument instrument = new ScpiInstrument("4", connection, Duration.ZERO, Map.of());

      instrument.require(Power.class).reboot();

      assertThat(psu.received)
          .containsExactly(
              "*IDN?", "OUTP OFF", "SYST:ERR?", "*OPC?", "OUTP ON", "SYST:ERR?", "*OPC?");
      assertThat(psu.outputOn).isTrue();
    }
  }

  @Test
  void aQuantityItDoesNotMeasureIsNamedWithTheOnesItDoes() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), WAIT)) {
      ScpiInstrument instrument = new ScpiInstrument("4", connection, Duration.ZERO, Map.of());

      assertThatThrownBy(() -> instrument.read("battery_voltage"))
          .isInstanceOf(DeviceException.class)
          .hasMessageContaining("slot 4")
          .hasMessageContaining("not 'battery_voltage'")
          .hasMessageContaining("current_ma")
          .hasMessageContaining("queries");
    }
  }

  @Test
  void aQueryWithoutAnswerIsAnErrorAndTheNextQueryStillWorks() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), Duration.ofMillis(300))) {
      assertThatThrownBy(() -> connection.number("MEAS:FREQ?"))
          .isInstanceOf(DeviceUnreachableException.class)
          .hasMessageContaining("did not answer MEAS:FREQ? within 300 ms");

      assertThat(connection.number("MEAS:VOLT?")).isEqualTo(3.3);
    }
  }

  @Test
  void anInstrumentThatDroppedTheConnectionIsReachedAgain() throws Exception {
    try (FakeScpiServer psu = new FakeScpiServer();
        ScpiConnection connection = new ScpiConnection(psu.endpoint(), WAIT)) {
      assertThat(connection.number("MEAS:VOLT?")).isEqualTo(3.3);
      psu.dropConnection();

      assertThatThrownBy(() -> connection.number("MEAS:VOLT?"))
          .isInstanceOf(DeviceUnreachableException.class);
      assertThat(connection.number("MEAS:VOLT?")).isEqualTo(3.3);
    }
  }

  @Test
  void anInstrumentThatIsNotThereIsNamedByItsAddress() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (ScpiConnection connection = new ScpiConnection(new Endpoint("127.0.0.1", closed), WAIT)) {
      assertThatThrownBy(() -> connection.number("MEAS:VOLT?"))
          .isInstanceOf(DeviceUnreachableException.class)
          .hasMessageContaining("cannot connect to the instrument at 127.0.0.1:" + closed)
          .hasMessageContaining("5025");
    }
  }
}
