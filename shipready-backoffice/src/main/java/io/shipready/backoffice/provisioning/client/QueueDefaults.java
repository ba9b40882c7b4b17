package io.shipready.backoffice.provisioning.client;

/**
 * What a run does to a unit whose row leaves a column empty (or has no such column): the command
 * line's {@code --product}, {@code --name-from serial}, {@code --claim} and {@code
 * --activate-sims}. A row's own value always wins.
 *
 * @param product the default product, or null when none was given
 */
public record QueueDefaults(
    String product, boolean nameFromSerial, boolean claim, boolean activateSims) {}
