package io.shipready.core.engine;

import io.shipready.core.spi.EventListener;
import io.shipready.core.spi.ImageLibrary;
import io.shipready.core.spi.KnownUnits;
import io.shipready.core.spi.Prompter;
import io.shipready.core.spi.RecordSink;
import io.shipready.core.spi.RouteCheck;
import io.shipready.core.spi.StationOutputs;
import io.shipready.core.step.StepLibrary;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** What every run on a station shares: the step library, the event stream, locks and timers. */
record StationServices(
    StepLibrary library,
    EventListener events,
    RecordSink records,
    ImageLibrary images,
    Prompter prompter,
    StationOutputs outputs,
    KnownUnits knownUnits,
    RouteCheck route,
    Clock clock,
    InstrumentLocks locks,
    Watchdog watchdog,
    ExecutorService parallelSteps,
    Duration abandonGrace,
    Duration durableTimeout) {}
