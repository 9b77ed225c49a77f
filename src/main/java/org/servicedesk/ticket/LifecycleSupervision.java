package org.servicedesk.ticket;

import org.servicedesk.security.SupervisedProcess;
import org.springframework.stereotype.Component;

/** Supervisors see, reassign and work on every task of the ticket lifecycle. */
@Component
class LifecycleSupervision implements SupervisedProcess {

    @Override
    public String processDefinitionKey() {
        return TicketLifecycle.PROCESS_ID;
    }
}
