package io.shipready.store;

/**
 * Runs the store benchmarks from a shell: {@code StoreBenchMain <store-url> durable <runs> <steps>}
 * or {@code StoreBenchMain <store-url> trace <units> <lookups>}. Not a test: the command-line
 * {@code shipready bench} is the usual way in.
 */
public final class StoreBenchMain {
  private StoreBenchMain() {}

  public static void main(String[] args) throws Exception {
    try (Store store = Store.open(args[0])) {
      int a = Integer.parseInt(args[2]);
      int b = Integer.parseInt(args[3]);
      if (args[1].equals("durable")) {
        int producers = args.length > 4 ? Integer.parseInt(args[4]) : StoreBenchmark.PRODUCERS;
        double rate = StoreBenchmark.durableStepResultsPerSecond(store, a, b, producers);
        System.out.printf(
            "%s: %.0f durable step results/s (%d runs x %d steps, %d producers)%n",
            store.describe(), rate, a, b, producers);
      } else {
        System.out.println(store.describe() + ": " + StoreBenchmark.traceLatency(store, a, b));
      }
    }
  }
}
