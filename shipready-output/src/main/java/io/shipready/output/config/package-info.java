/**
 * A station's configuration: who the station is, where its files go, and the identity fields
 * (partNo, manufacturer, factory, station id, hw version) that every record carries.
 *
 * <p>{@link io.shipready.output.config.StationConfigReader} reads it from a YAML or JSON file. A
 * configuration that still holds {@code CHANGE_ME}, leaves a required field empty or has a key
 * nobody knows is refused as a whole, with one message that lists every such field with its file,
 * line and what to write there, so the person setting up the station fixes everything in one pass.
 * {@link io.shipready.output.config.StationConfigKeys} lists every key.
 */
package io.shipready.output.config;
