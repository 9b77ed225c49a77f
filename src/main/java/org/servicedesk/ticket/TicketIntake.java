package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.PROCESS_ID;
import static org.servicedesk.ticket.TicketLifecycle.TASK_LOOK_UP_CUSTOMER;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CATEGORY;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CHANNEL;
import static org.servicedesk.ticket.TicketLifecycle.VAR_PRIORITY;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TICKET_ID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates tickets: the ticket row and its process instance are committed together or not at all. */
@Service
public class TicketIntake {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);

    private final TicketRepository tickets;

    private final TicketNumbers numbers;

    private final Timeline timeline;

    private final RuntimeService runtimeService;

    private final ManagementService managementService;

    private final TimeSource time;

    TicketIntake(TicketRepository tickets, TicketNumbers numbers, Timeline timeline, RuntimeService runtimeService,
            ManagementService managementService, TimeSource time) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.time = time;
    }

    @Transactional
    public Ticket create(NewTicket request) {
        Ticket ticket = tickets.save(new Ticket(numbers.next(), request, time.now()));
        timeline.record(ticket.getId(), Timeline.CUSTOMER, TicketAction.RECEIVED, "Channel " + request.channel());
        runtimeService.startProcessInstanceByKey(PROCESS_ID, ticket.getNumber(),
                Variables.createVariables()
                        .putValue(VAR_TICKET_ID, ticket.getId())
                        .putValue(VAR_CATEGORY, request.category().name())
                        .putValue(VAR_PRIORITY, request.priority().name())
                        .putValue(VAR_CHANNEL, request.channel().name()));
        return ticket;
    }

    /**
     * Runs the customer lookup (and so the routing) of a just committed ticket right away, so
     * the caller learns its due dates. If the CRM fails, the job stays with the job executor,
     * which retries it; the ticket is then answered as NEW, without due dates yet.
     */
    public void routeNow(String ticketNumber) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(ticketNumber)
                .singleResult();
        Job lookup = instance == null ? null : managementService.createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(TASK_LOOK_UP_CUSTOMER)
                .singleResult();
        if (lookup == null) {
            return; // the job executor was quicker
        }
        try {
            managementService.executeJob(lookup.getId());
        } catch (RuntimeException e) {
            log.info("ticket {}: customer lookup deferred to the job executor ({})", ticketNumber,
                    e.getClass().getSimpleName());
        }
    }
}
