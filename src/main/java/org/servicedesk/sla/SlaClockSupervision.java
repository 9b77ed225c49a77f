package org.servicedesk.sla;

import org.servicedesk.security.SupervisedProcess;
import org.springframework.stereotype.Component;

/** Supervisors work on the breach tasks of the SLA clocks. */
@Component
class SlaClockSupervision implements SupervisedProcess {

    @Override
    public String processDefinitionKey() {
        return SlaClockProcess.PROCESS_ID;
    }
}
