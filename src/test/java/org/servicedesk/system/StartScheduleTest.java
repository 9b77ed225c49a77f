package org.servicedesk.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StartScheduleTest {

    @Test
    void aCycleThatIsNoCronStopsTheStartAndNamesTheProperty() {
        assertThatThrownBy(() -> StartSchedule.requireCron("servicedesk.weekly-report.cycle", "every Monday",
                "0 0 8 * * MON")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("servicedesk.weekly-report.cycle").hasMessageContaining("0 0 8 * * MON")
                .hasMessageEndingWith("every Monday");
        assertThatThrownBy(() -> StartSchedule.requireCron("servicedesk.weekly-report.cycle", null, "0 0 8 * * MON"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSixFieldCronIsTaken() {
        assertThatCode(() -> StartSchedule.requireCron("servicedesk.quality-inspection.cycle", "0 30 7 * * FRI",
                "0 0 9 * * MON")).doesNotThrowAnyException();
    }
}
