package org.servicedesk.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: the time its timers and due dates are computed from. Tests move it; in
 * production it is the system clock.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static Date currentTime() {
        return ClockUtil.getCurrentTime();
    }
}
