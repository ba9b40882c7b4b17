/**
 * Drivers for the vendors' command-line tools, for stations that have them installed: azsphere
 * (Azure Sphere), the Particle CLI, nrfjprog and nRF Util (Nordic), SEGGER J-Link Commander,
 * OpenOCD and esptool (Espressif).
 *
 * <p>Each driver runs its tool through {@link io.shipready.device.tools.ToolRunner}: the executable
 * found by {@link io.shipready.device.tools.ToolLocator} (a configured path, else the PATH),
 * arguments as a list, a time limit after which the tool and everything it started are stopped, and
 * output kept up to a cap. Drivers read the tool's documented output and implement the core's
 * device capabilities, turning the tool's complaints into the core's device exceptions:
 *
 * <ul>
 *   <li>the unit is at fault (the step FAILs): {@link
 *       io.shipready.core.device.FlashFailedException} for a write or verify that failed, {@link
 *       io.shipready.core.device.ImageRejectedException} for "Image not trusted by device" (reason
 *       NOT_TRUSTED, so the keystore can be updated and the load retried), {@link
 *       io.shipready.core.device.OperationRefusedException} for what the device's state forbids;
 *   <li>the link is at fault (the step is an ERROR): {@link
 *       io.shipready.core.device.DeviceUnreachableException} for a probe, port or chip that does
 *       not answer, and {@link io.shipready.device.tools.ToolTimeoutException} for a tool that
 *       hung;
 *   <li>the station is at fault (an ERROR): {@link io.shipready.device.tools.ToolMissingException}
 *       naming the tool, the PATH searched and the setting to fill in, and {@link
 *       io.shipready.device.tools.ToolOutputException} for output the driver does not understand,
 *       naming the tool, the command and what was expected.
 * </ul>
 *
 * <p>Programmers count a write only when the tool itself verified the flash against the image
 * (nrfjprog {@code --verify}, nRF Util {@code verify=VERIFY_READ}, J-Link {@code verifybin},
 * OpenOCD {@code program ... verify}, esptool {@code verify_flash}); their read-back hash is the
 * hash of the image so verified. Each tool has a {@link io.shipready.core.spi.DeviceDriver} in its
 * package, named as the slot map's {@code driver} ({@link io.shipready.device.slots.SlotMap} lists
 * every key).
 */
package io.shipready.device.tools;
