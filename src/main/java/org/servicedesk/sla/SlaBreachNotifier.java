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

/**
 * {@code Task_NotifySlaBreach} of the SLA clock: record the breach on the clock and tell the
 * supervisors, once per clock (a reopened ticket passing the timer again tells nobody; the
 * process learns it from {@code newBreach}).
 */
@Component("slaBreachNotifier")
class SlaBreachNotifier implements JavaDelegate {

    static final String SUPERVISORS = "supervisors";

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final Notifier notifier;

    private final Timeline timeline;

    SlaBreachNotifier(TicketLookup tickets, SlaClocks clocks, Notifier notifier, Timeline timeline) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.notifier = notifier;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClockKind kind = ClockKind.valueOf((String) execution.getVariable(SlaClockProcess.VAR_SLA_CLOCK));
        Ticket ticket = tickets.of(execution);
        SlaClock clock = clocks.latest(ticket.getId(), kind).orElseThrow();
        boolean first = clocks.breached(ticket.getId(), kind);
        execution.setVariable(SlaClockProcess.VAR_NEW_BREACH, first);
        if (first) {
            notifier.toGroup(ticket, "sla-breach-" + kind + "-" + clock.getRound(), SUPERVISORS,
                    NotificationTemplate.SLA_BREACH,
                    Map.of("clock", kind.label(), "due", timeline.format(clock.getDueAt())));
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.SLA_BREACHED,
                    kind.label() + " was due " + timeline.format(clock.getDueAt()));
        }
    }
}
