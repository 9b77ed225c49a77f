package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_RESPONDED;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.servicedesk.system.TimeSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** Records the first message a customer sees: it stops the first-response clock. */
@Service
public class FirstResponse {

    private final TimeSource time;

    private final ApplicationEventPublisher events;

    private final RuntimeService runtimeService;

    FirstResponse(TimeSource time, ApplicationEventPublisher events, @Lazy RuntimeService runtimeService) {
        this.time = time;
        this.events = events;
        this.runtimeService = runtimeService;
    }

    /** From a process step. */
    public void given(Ticket ticket, VariableScope scope) {
        if (ticket.respondedAt(time.now())) {
            scope.setVariable(VAR_RESPONDED, true);
            events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.FIRST_RESPONSE));
        }
    }

    /** From outside the process (an agent's reply through the API). */
    public void given(Ticket ticket, String processInstanceId) {
        if (ticket.respondedAt(time.now())) {
            if (processInstanceId != null) {
                runtimeService.setVariable(processInstanceId, VAR_RESPONDED, true);
            }
            events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.FIRST_RESPONSE));
        }
    }
}
