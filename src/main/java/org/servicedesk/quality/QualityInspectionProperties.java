package org.servicedesk.quality;

import java.math.BigDecimal;

import org.servicedesk.system.StartSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code servicedesk.quality-inspection.*}: when {@code QualityInspectionProcess} samples the
 * tickets closed in the last week, and how many. The cycle is a cron in the desk's zone; a wrong
 * cycle or a sample rate outside (0, 1] stops the start.
 */
@ConfigurationProperties("servicedesk.quality-inspection")
public record QualityInspectionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 9 * * MON") String cycle,
        @DefaultValue("0.10") BigDecimal sampleRate) implements StartSchedule {

    public QualityInspectionProperties {
        StartSchedule.requireCron("servicedesk.quality-inspection.cycle", cycle, "0 0 9 * * MON");
        if (sampleRate == null || sampleRate.signum() <= 0 || sampleRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    "servicedesk.quality-inspection.sample-rate must be a share above 0 and at most 1: " + sampleRate);
        }
    }

    @Override
    public String processDefinitionKey() {
        return QualityInspection.PROCESS_ID;
    }

    @Override
    public String startEventId() {
        return QualityInspection.START_EVERY_MONDAY;
    }
}
