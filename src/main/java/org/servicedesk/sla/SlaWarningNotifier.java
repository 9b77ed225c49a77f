package org.servicedesk.sla;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.notification.NotificationTemplate;
import org.servicedesk.notification.Notifier;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketLookup;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/** {@code Task_NotifySlaWarning} of the SLA clock: the supervisors and the agent on the ticket learn a clock is about to run out, once per clock. */
@Component("slaWarningNotifier")
class SlaWarningNotifier implements JavaDelegate {

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final Notifier notifier;

    private final Timeline timeline;

    SlaWarningNotifier(TicketLookup tickets, SlaClocks clocks, Notifier notifier, Timeline timeline) {
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
        clocks.warned(ticket.getId(), kind);
        String step = "sla-warning-" + kind + "-" + clock.getRound();
        Map<String, String> values = Map.of("clock", kind.label(), "due", timeline.format(clock.getDueAt()));
        boolean first = notifier.toGroup(ticket, step, SlaBreachNotifier.SUPERVISORS, NotificationTemplate.SLA_WARNING,
                values);
        // and whoever works on the ticket now
        execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processDefinitionKey(TicketLifecycle.PROCESS_ID).processInstanceBusinessKey(execution.getProcessBusinessKey())
                .taskAssigned().list()
                .forEach(task -> notifier.toUser(ticket, step, task.getAssignee(), NotificationTemplate.SLA_WARNING,
                        values));
        if (first) {
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.SLA_WARNED,
                    kind.label() + " due " + timeline.format(clock.getDueAt()));
        }
    }
}
