package io.shipready.output.factoryfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.afero.AferoBleRssiKind;
import io.shipready.output.afero.AferoProgrammingKind;
import io.shipready.output.afero.AferoWifiRssiKind;
import io.shipready.output.particle.ProvisioningQueueKind;
import io.shipready.output.spi.FactoryFileKind;
import io.shipready.output.spi.FactoryFileReader;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Stations and the back office find factory-file kinds through the registry, by name. */
class FactoryFileKindsTest {
  @Test
  void theRegistrationFileListsEveryKind() {
    assertThat(ServiceLoader.load(FactoryFileKind.class).stream().map(p -> p.type().getName()))
        .containsExactlyInAnyOrder(
            AferoProgrammingKind.class.getName(),
            AferoWifiRssiKind.class.getName(),
            AferoBleRssiKind.class.getName(),
            ProvisioningQueueKind.class.getName(),
            LayoutFileKind.class.getName());
  }

  @Test
  void everyKindIsFoundByTheNameTheFactoryRowStepUses() {
    assertThat(FactoryFileKinds.names())
        .containsExactly(
            "afero_ble_rssi", "afero_programming", "afero_wifi_rssi", "provisioning_queue");
    assertThat(FactoryFileKinds.of("afero_programming")).isInstanceOf(AferoProgrammingKind.class);
    assertThat(FactoryFileKinds.of("afero_wifi_rssi")).isInstanceOf(AferoWifiRssiKind.class);
    assertThat(FactoryFileKinds.of("afero_ble_rssi")).isInstanceOf(AferoBleRssiKind.class);
    assertThat(FactoryFileKinds.of("provisioning_queue")).isInstanceOf(ProvisioningQueueKind.class);
    assertThat(FactoryFileKinds.of("lines/tracker/tracker-test.yaml"))
        .isInstanceOf(LayoutFileKind.class);
    assertThat(FactoryFileKinds.of("tracker-test.yml")).isInstanceOf(LayoutFileKind.class);
  }

  @Test
  void anUnknownNameIsRefusedWithTheKnownOnes() {
    assertThat(FactoryFileKinds.find("afero_cellular")).isEmpty();
    assertThatThrownBy(() -> FactoryFileKinds.of("afero_cellular"))
        .isInstanceOf(FactoryFileException.class)
        .hasMessage(
            "factory file 'afero_cellular' is not one this station writes; use afero_ble_rssi,"
                + " afero_programming, afero_wifi_rssi, provisioning_queue, or a layout file"
                + " (.yaml) of the line profile");
  }

  @Test
  void theBackOfficeReadsEachAferoFileWithItsOwnKindsReader() {
    assertThat(FactoryFileKinds.readers())
        .extracting(FactoryFileReader::type, FactoryFileReader::rows)
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple("01", FactoryFileReader.Rows.UNITS),
            org.assertj.core.api.Assertions.tuple("02", FactoryFileReader.Rows.MEASUREMENTS),
            org.assertj.core.api.Assertions.tuple("03", FactoryFileReader.Rows.MEASUREMENTS));
    FactoryFileReader programming = FactoryFileKinds.of("afero_programming").reader().orElseThrow();
    assertThat(programming.reads("01_LINE-PC-3_acme-plug_20250115+0800.afero")).isTrue();
    assertThat(programming.reads("02_LINE-PC-3_acme-plug_20250115+0800.afero")).isFalse();
    assertThatThrownBy(() -> programming.reads("notes.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an Afero factory file name");
    assertThat(FactoryFileKinds.of("provisioning_queue").reader()).isEmpty();
  }
}
