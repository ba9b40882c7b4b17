/**
 * The slot map and the units in its slots: {@link io.shipready.device.slots.SlotMap} reads (and
 * writes) the file that names each slot's driver and how it reaches its unit, binding every slot
 * through the drivers in {@link io.shipready.device.slots.DeviceDrivers}; {@link
 * io.shipready.device.slots.SlotUnits} attaches the units. Nothing here names a vendor: drivers are
 * found with {@link java.util.ServiceLoader}.
 */
package io.shipready.device.slots;
