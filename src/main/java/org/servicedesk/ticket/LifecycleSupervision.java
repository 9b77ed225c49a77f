package org.servicedesk.ticket;

import org.servicedesk.security.SupervisedProcess;
import org.springframework.stereotype.Component;

/** Supervisors work on the tasks of the lifecycle: every ticket task. */
@Component
class LifecycleSupervision implements SupervisedProcess {

    @Override
    public String processDefinitionKey() {
        return TicketLifecycle.PROCESS_ID;
    }
}
