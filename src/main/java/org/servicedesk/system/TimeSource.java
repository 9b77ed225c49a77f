package org.servicedesk.system;

import java.time.Instant;

import org.servicedesk.engine.EngineClock;
import org.springframework.stereotype.Component;

/**
 * "Now" for our own records. It follows the engine's clock, so a test that moves the engine
 * clock moves ticket times, due dates and timers together.
 */
@Component
public class TimeSource {

    public Instant now() {
        return EngineClock.now();
    }
}
