package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_CLOSE_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.system.TimeSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code Task_CloseTicket}: closes the ticket, confirmed by the customer or by the timeout. */
@Component("closeTicketDelegate")
class CloseTicketDelegate implements JavaDelegate {

    private final TicketLookup tickets;

    private final Timeline timeline;

    private final TimeSource time;

    private final ApplicationEventPublisher events;

    CloseTicketDelegate(TicketLookup tickets, Timeline timeline, TimeSource time, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.time = time;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        Object reason = execution.getVariable(VAR_CLOSE_REASON);
        CloseReason closeReason = reason == null ? CloseReason.CONFIRMED : CloseReason.valueOf(reason.toString());
        if (closeReason == CloseReason.CONFIRMATION_TIMEOUT) {
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.CONFIRMATION_TIMED_OUT, null);
        }
        ticket.close(closeReason, time.now());
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.CLOSED, closeReason.name());
        events.publishEvent(new TicketMilestone(ticket.getId(), TicketMilestone.Kind.CLOSED));
    }
}
