package io.shipready.device.sim;

/**
 * Where a simulated measurement sits: its mean, its spread across units (one standard deviation;
 * values are cut at three), and how many decimals the instrument shows.
 */
public record Nominal(double mean, double sigma, int decimals) {}
