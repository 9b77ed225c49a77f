package org.servicedesk.sla;

import static org.servicedesk.ticket.TicketLifecycle.VAR_SLA_CLOCK;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyResponseSlaBreach} and {@code Task_NotifyResolutionSlaBreach}: tell the
 * supervisors. The input parameter {@code slaClock} (RESPONSE or RESOLUTION) says which clock;
 * a breach is told once per ticket and clock, even when a reopened ticket passes the timer again.
 */
@Component("slaBreachNotifier")
class SlaBreachNotifier implements JavaDelegate {

    static final String SUPERVISORS = "supervisors";

    private final TicketLookup tickets;

    private final Notifier notifier;

    private final Timeline timeline;

    SlaBreachNotifier(TicketLookup tickets, Notifier notifier, Timeline timeline) {
        this.tickets = tickets;
        this.notifier = notifier;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String clock = (String) execution.getVariableLocal(VAR_SLA_CLOCK);
        Ticket ticket = tickets.of(execution);
        Instant due = "RESPONSE".equals(clock) ? ticket.getResponseDueAt() : ticket.getResolutionDueAt();
        String label = "RESPONSE".equals(clock) ? "first response" : "resolution";
        boolean firstTime = notifier.toGroup(ticket, "sla-" + clock, SUPERVISORS, NotificationTemplate.SLA_BREACH,
                Map.of("clock", label, "due", timeline.format(due)));
        if (firstTime) {
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.SLA_BREACHED, label + " was due " + timeline.format(due));
        }
    }
}
