package org.servicedesk.sla;

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

/** {@code Task_EscalateToManagers}: a resolution still open long after its breach goes to the managers. */
@Component("slaEscalationDelegate")
class SlaEscalationDelegate implements JavaDelegate {

    static final String MANAGERS = "managers";

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final Notifier notifier;

    private final Timeline timeline;

    SlaEscalationDelegate(TicketLookup tickets, SlaClocks clocks, Notifier notifier, Timeline timeline) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.notifier = notifier;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        SlaClock clock = clocks.latest(ticket.getId(), ClockKind.RESOLUTION).orElseThrow();
        clocks.escalated(ticket.getId(), ClockKind.RESOLUTION);
        if (notifier.toGroup(ticket, "sla-escalation-RESOLUTION", MANAGERS, NotificationTemplate.SLA_ESCALATION,
                Map.of("due", timeline.format(clock.getDueAt())))) {
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.ESCALATED_TO_MANAGERS,
                    "Resolution was due " + timeline.format(clock.getDueAt()));
        }
    }
}
