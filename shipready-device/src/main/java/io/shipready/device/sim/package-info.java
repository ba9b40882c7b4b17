/**
 * Simulated units of three device families, for dry runs, operator training and recipe CI.
 *
 * <p>Simulated units keep the real rules, so a recipe that breaks one fails here as it would on the
 * line: a DeviceComplete unit refuses sideloads, an e-fuse bit cannot be cleared, an image signed
 * with a key the unit does not trust is "not trusted by device". And they can be made to fail on
 * purpose with {@link io.shipready.device.sim.Fault}s.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * SimulationSettings settings = SimulationSettings.fromMap(recipe.simulation());
 * SimulatedFleet fleet = new SimulatedFleet(settings);
 * SimulatedDevice unit = fleet.unit(17, "slot-3", "azure-sphere");
 * unit.inject(new Fault.Unplugged("install:functional-test").times(1));
 * }</pre>
 *
 * <h2>Families and their capabilities</h2>
 *
 * <p>Each family lives in its own package ({@code aferoasr}, {@code azuresphere}, {@code particle})
 * and is found through {@link io.shipready.device.spi.SimulatedFamily}, registered in {@code
 * META-INF/services} ({@link io.shipready.device.sim.SimulatedFamilies} lists them). A family
 * builds its model ({@link io.shipready.device.sim.FamilyModel}) from the public parts of this
 * package: {@link io.shipready.device.sim.SimUnit} (number, slot, settings, faults, time), flash
 * regions, identity, radio, sensors, console, power and settings capabilities, and {@link
 * io.shipready.device.sim.FaultChecks} to refuse faults that cannot act on it. Adding a family
 * touches its own package and the registration file, nothing here.
 *
 * <ul>
 *   <li>{@code azure-sphere}: ConnectionInfo, Identity, ManufacturingStates, Fuses, ImageStore,
 *       Recovery, Wifi, Ethernet, Power, Radio (WIFI), Sensors, Console.
 *   <li>{@code particle}: Markings, Identity, Programmer (bootloader, softdevice, system, user,
 *       ncp), Settings, Sensors, Radio (CELLULAR, BLE), Console, Power.
 *   <li>{@code afero-asr}: Identity, Programmer (bootloader, profile, app, and wifi on Wi-Fi
 *       modules), Radio (BLE, and WIFI on Wi-Fi modules in factory test mode), Sensors, Console,
 *       Power.
 * </ul>
 *
 * <h2>Nominal measurements</h2>
 *
 * <p>Each value is fixed per (seed, unit number, family, quantity): mean plus a normal spread of
 * one standard deviation {@code sd}, cut at three, so without faults every unit sits well inside
 * the usual limits.
 *
 * <table>
 *   <caption>Sensors</caption>
 *   <tr><th>quantity</th><th>afero-asr</th><th>azure-sphere</th><th>particle</th></tr>
 *   <tr><td>supply_voltage (V)</td><td>3.30 sd 0.02</td><td>3.30 sd 0.02</td><td>3.30 sd
 *       0.02</td></tr>
 *   <tr><td>current_ma (mA)</td><td>12 sd 0.8</td><td>180 sd 8</td><td>45 sd 3</td></tr>
 *   <tr><td>temperature_c (C)</td><td>25 sd 1</td><td>25 sd 1</td><td>25 sd 1</td></tr>
 *   <tr><td>battery_voltage (V)</td><td>-</td><td>-</td><td>3.90 sd 0.03</td></tr>
 * </table>
 *
 * <table>
 *   <caption>RSSI (whole dBm)</caption>
 *   <tr><th>band</th><th>afero-asr</th><th>azure-sphere</th><th>particle</th></tr>
 *   <tr><td>BLE</td><td>-55 sd 2.5</td><td>-</td><td>-55 sd 2.5</td></tr>
 *   <tr><td>WIFI</td><td>-50 sd 2.5</td><td>-50 sd 2.5</td><td>-</td></tr>
 *   <tr><td>CELLULAR</td><td>-</td><td>-</td><td>-75 sd 3</td></tr>
 * </table>
 *
 * <h2>Time</h2>
 *
 * <p>Every operation costs the command latency; flashing, sideloading and recovery also take {@code
 * size / link_bytes_per_second}; reboots take 1 s (afero-asr), 2 s (particle) or 3 s
 * (azure-sphere). All of it is simulated time, multiplied by the time scale before it is waited
 * for; {@link io.shipready.device.sim.SimulatedDevice#busyTime()} adds it up.
 */
package io.shipready.device.sim;
