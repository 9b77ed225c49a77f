package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.PROCESS_ID;
import static org.servicedesk.ticket.TicketLifecycle.TASK_ACKNOWLEDGE_RECEIPT;
import static org.servicedesk.ticket.TicketLifecycle.TASK_LOOK_UP_CUSTOMER;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CATEGORY;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CHANNEL;
import static org.servicedesk.ticket.TicketLifecycle.VAR_PRIORITY;
import static org.servicedesk.ticket.TicketLifecycle.VAR_TICKET_ID;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.servicedesk.system.AsSystem;
import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates tickets: the ticket row and its process instance are committed together or not at all,
 * in one transaction holding one database connection. What the caller is answered (the number and
 * the due dates) is worked out right after, in the request; everything else (the acknowledgement,
 * the tier-1 task, the SLA timers, the messages) is left to jobs.
 */
@Service
public class TicketIntake {

    private static final Logger log = LoggerFactory.getLogger(TicketIntake.class);

    /**
     * The customer lookup of a ticket taken by a request is due this long after its intake: until
     * then the job executor leaves it to the request ({@link #receive}), so that the two do not run
     * it at once (should they, the lookup locks the ticket and one waits); if the request fails or
     * its node stops, the job executor takes it then.
     */
    static final Duration REQUEST_HANDLES_LOOKUP_FOR = Duration.ofSeconds(10);

    private final TicketRepository tickets;

    private final TicketNumbers numbers;

    private final Timeline timeline;

    private final RuntimeService runtimeService;

    private final ManagementService managementService;

    private final AsSystem asSystem;

    private final TransactionTemplate transaction;

    private final TimeSource time;

    private final IdempotentRequests requests;

    private final ServiceLevels serviceLevels;

    TicketIntake(TicketRepository tickets, TicketNumbers numbers, Timeline timeline, RuntimeService runtimeService,
            ManagementService managementService, AsSystem asSystem,
            PlatformTransactionManager transactionManager, TimeSource time, IdempotentRequests requests,
            ServiceLevels serviceLevels) {
        this.requests = requests;
        this.serviceLevels = serviceLevels;
        this.tickets = tickets;
        this.numbers = numbers;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.asSystem = asSystem;
        this.transaction = new TransactionTemplate(transactionManager);
        this.time = time;
    }

    /**
     * A ticket taken by a request, which is answered with its number and due dates: the ticket is
     * created, its customer lookup held back from the job executor for a moment and run right away
     * in this request (CRM, routing, SLA policy: what the answer needs). The acknowledgement to the
     * customer and the tier-1 task follow as a job of their own. Must be called outside a transaction.
     */
    public Ticket receive(NewTicket request) {
        return receive(request, null).ticket();
    }

    /** What a request is answered: the ticket and its due dates, as the SLA clocks have them. */
    record Received(Ticket ticket, ServiceLevels.DueDates due) {
    }

    /**
     * As {@link #receive(NewTicket)}, with the request's idempotency key (or null) recorded in the
     * ticket's transaction: a concurrent request with the same key fails on it, and nothing of it is kept.
     */
    Received receive(NewTicket request, IdempotentRequests.Key key) {
        String number = create(request, true, key).getNumber();
        instanceOf(number).ifPresent(instance -> run(number, job(instance, TASK_LOOK_UP_CUSTOMER), "customer lookup"));
        return answer(number);
    }

    /**
     * The ticket of an earlier request under the same idempotency key, answered as that request is: if
     * its customer lookup has not run yet (the first request is still at it, or its node stopped before),
     * it is run now; the lookup locks the ticket, so the two never do it twice. A lookup that has
     * already failed is left to the job executor's retries.
     */
    Received answerFor(String number) {
        instanceOf(number).ifPresent(instance -> {
            Job lookup = job(instance, TASK_LOOK_UP_CUSTOMER);
            if (lookup != null && lookup.getExceptionMessage() == null) {
                run(number, lookup, "customer lookup");
            }
        });
        return answer(number);
    }

    /** The ticket and its due dates, read together on one connection. */
    private Received answer(String number) {
        return transaction.execute(status -> {
            Ticket ticket = tickets.findByNumber(number).orElseThrow(() -> new TicketNotFoundException(number));
            return new Received(ticket, serviceLevels.dueDates(ticket.getId()));
        });
    }

    /**
     * A new ticket whose customer lookup is left to the job executor (or to {@link #routeNow}).
     * Must be called outside a transaction: the number is reserved before the intake's own.
     */
    public Ticket create(NewTicket request) {
        return create(request, false, null);
    }

    private Ticket create(NewTicket request, boolean holdLookupForRequest, IdempotentRequests.Key key) {
        String number = numbers.next();
        return transaction.execute(status -> {
            if (key != null) {
                requests.record(key, number); // first: a concurrent twin waits here, not after the engine's work
            }
            return create(number, request, holdLookupForRequest);
        });
    }

    private Ticket create(String number, NewTicket request, boolean holdLookupForRequest) {
        Ticket ticket = tickets.save(new Ticket(number, request, time.now()));
        timeline.record(ticket.getId(), Timeline.CUSTOMER, TicketAction.RECEIVED, "Channel " + request.channel());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_ID, ticket.getNumber(),
                Variables.createVariables()
                        .putValue(VAR_TICKET_ID, ticket.getId())
                        .putValue(VAR_CATEGORY, request.category().name())
                        .putValue(VAR_PRIORITY, request.priority().name())
                        .putValue(VAR_CHANNEL, request.channel().name()));
        Job lookup = holdLookupForRequest ? job(instance.getId(), TASK_LOOK_UP_CUSTOMER) : null;
        if (lookup != null) { // not the channel's operation: the desk's own
            asSystem.run(() -> managementService.setJobDuedate(lookup.getId(),
                    Date.from(time.now().plus(REQUEST_HANDLES_LOOKUP_FOR))));
        }
        return ticket;
    }

    /**
     * Takes a just committed ticket as far as its queue right away: the customer lookup (routing,
     * SLA policy) and then the acknowledgement, which opens the tier-1 task. For tickets created
     * outside a request, such as the demo's. A step that fails stays with the job executor, which
     * retries it.
     */
    public void routeNow(String ticketNumber) {
        instanceOf(ticketNumber).ifPresent(instance -> {
            if (run(ticketNumber, job(instance, TASK_LOOK_UP_CUSTOMER), "customer lookup")) {
                run(ticketNumber, job(instance, TASK_ACKNOWLEDGE_RECEIPT), "acknowledgement");
            }
        });
    }

    private Optional<String> instanceOf(String ticketNumber) {
        return Optional.ofNullable(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(ticketNumber)
                .singleResult()).map(ProcessInstance::getId);
    }

    /**
     * Runs the job now, in this thread. False if it failed (it stays with the job executor, which
     * retries it); true if it ran, or if another thread ran it first (the job executor, or a retry of
     * the same request under its idempotency key).
     */
    private boolean run(String ticketNumber, Job job, String what) {
        if (job == null) {
            return true;
        }
        try {
            managementService.executeJob(job.getId());
            return true;
        } catch (OptimisticLockingException e) {
            log.debug("ticket {}: {} done meanwhile by another request or the job executor", ticketNumber, what);
            return true;
        } catch (RuntimeException e) {
            log.info("ticket {}: {} deferred to the job executor ({})", ticketNumber, what,
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private Job job(String processInstanceId, String activityId) {
        return managementService.createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .singleResult();
    }
}
