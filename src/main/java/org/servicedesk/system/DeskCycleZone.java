package org.servicedesk.system;

import java.time.ZoneId;

import org.servicedesk.engine.CycleZone;
import org.springframework.stereotype.Component;

/** Gives the engine {@code servicedesk.zone} as the zone of its cron cycles (the weekly timer start events). */
@Component
class DeskCycleZone implements CycleZone {

    private final ServiceDeskProperties properties;

    DeskCycleZone(ServiceDeskProperties properties) {
        this.properties = properties;
    }

    @Override
    public ZoneId zone() {
        return properties.zone();
    }
}
