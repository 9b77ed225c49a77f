package org.servicedesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketLookup;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code Task_AcknowledgeReceipt}: starts an {@code SlaClockProcess} instance for
 * each clock {@link SlaPolicyListener} started and that still runs. It runs in the acknowledgement's
 * job, after the intake has answered, so the caller does not wait for three process instances and
 * their timers. A clock stopped in between (an agent claimed or replied) gets no instance.
 */
@Component("slaClockStarter")
class SlaClockStarter implements ExecutionListener {

    private final TicketLookup tickets;

    private final SlaClocks clocks;

    private final SlaClockInstances instances;

    SlaClockStarter(TicketLookup tickets, SlaClocks clocks, SlaClockInstances instances) {
        this.tickets = tickets;
        this.clocks = clocks;
        this.instances = instances;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Ticket ticket = tickets.of(execution);
        for (SlaClock clock : clocks.of(ticket.getId())) {
            instances.start(clock, ticket.getNumber());
        }
    }
}
