package org.servicedesk.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicedesk.system.AsSystem;
import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer on request (right to erasure), in one transaction:
 * <ol>
 * <li>their tickets: those linked to the customer, and unlinked ones with their phone or e-mail
 * (found by blind index);</li>
 * <li>in the engine, every process instance whose business key is one of those ticket numbers
 * (ticket lifecycle, satisfaction survey, knowledge review): running ones are ended, then their
 * whole history is deleted: variables and their details, tasks, activities, identity links,
 * comments, attachments, incidents, job logs, byte arrays, decisions evaluated in them, and user
 * operation log entries; in the weekly quality inspections, the tickets' inspection tasks and their
 * history (a {@link TicketsErasing} event each module with such data listens to);</li>
 * <li>our rows, each module its own ({@link TicketRowsErasing}, then {@link CustomerRowsErasing}):
 * notifications (and who read them), surveys and follow-ups, SLA clocks, the timeline, the tickets
 * and the customer. A knowledge article drafted from one of the tickets stays (its texts were masked
 * when it was drafted) but no longer names the ticket. Rows of any other table with a foreign key to
 * a ticket or the customer go too;</li>
 * <li>an {@link ErasureRecord}: customer id, when, by whom, counts. The audit log keeps its lines
 * (ids only).</li>
 * </ol>
 * The engine calls run without an engine user, so that the erasure itself leaves no user operation
 * log entry naming the deleted instances.
 */
@Service
public class CustomerErasure {

    private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);

    static final String DELETE_REASON = "customer data erased";

    private final NamedParameterJdbcTemplate jdbc;

    private final RuntimeService runtimeService;

    private final HistoryService historyService;

    private final AsSystem asSystem;

    private final ErasureRecords records;

    private final TimeSource time;

    private final ApplicationEventPublisher events;

    private final UnclaimedRows unclaimed;

    CustomerErasure(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, HistoryService historyService,
            AsSystem asSystem, ErasureRecords records, TimeSource time,
            ApplicationEventPublisher events, UnclaimedRows unclaimed) {
        this.events = events;
        this.unclaimed = unclaimed;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.asSystem = asSystem;
        this.records = records;
        this.time = time;
    }

    /** @return the record of the erasure; empty when there is no such customer */
    @Transactional
    public Optional<ErasureRecord> erase(long customerId, String erasedBy) {
        List<Map<String, Object>> customer = jdbc.queryForList(
                "select phone_bidx, email_bidx from customer where id = :id", Map.of("id", customerId));
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", customerId);
        params.put("phone", customer.get(0).get("phone_bidx"));
        params.put("email", customer.get(0).get("email_bidx"));
        List<Map<String, Object>> tickets = jdbc.queryForList("""
                select id, number from ticket
                 where customer_id = :id
                    or (customer_id is null and (contact_phone_bidx = :phone or contact_email_bidx = :email))
                """, params);
        List<Long> ticketIds = tickets.stream().map(t -> ((Number) t.get("id")).longValue()).toList();
        List<String> numbers = tickets.stream().map(t -> (String) t.get("number")).toList();

        int instances = eraseFromEngine(numbers, ticketIds);

        Map<String, Integer> removed = new LinkedHashMap<>();
        if (!ticketIds.isEmpty()) {
            events.publishEvent(new TicketRowsErasing(ticketIds, removed));
            unclaimed.delete("ticket", ticketIds).forEach((t, n) -> removed.merge(t, n, Integer::sum));
        }
        events.publishEvent(new CustomerRowsErasing(customerId, ticketIds, removed));

        String summary = removed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        ErasureRecord record = records.save(
                new ErasureRecord(customerId, time.now(), erasedBy, ticketIds.size(), instances, summary));
        log.info("customer #{} erased by {}: {} tickets, {} process instances ({})", customerId, erasedBy,
                ticketIds.size(), instances, summary);
        return Optional.of(record);
    }

    /** Ends and deletes every process instance of these tickets, with all of its history. */
    private int eraseFromEngine(List<String> ticketNumbers, List<Long> ticketIds) {
        if (ticketNumbers.isEmpty()) {
            return 0;
        }
        return asSystem.call(() -> {
            events.publishEvent(new TicketsErasing(ticketIds));
            List<String> instanceIds = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKeyIn(ticketNumbers.toArray(String[]::new)).list().stream()
                    .map(HistoricProcessInstance::getId).toList();
            if (instanceIds.isEmpty()) {
                return 0;
            }
            List<String> running = runtimeService.createProcessInstanceQuery()
                    .processInstanceIds(new HashSet<>(instanceIds)).list().stream()
                    .map(ProcessInstance::getId).toList();
            if (!running.isEmpty()) {
                runtimeService.deleteProcessInstancesIfExists(running, DELETE_REASON, true, true, false);
            }
            List<String> decisions = new ArrayList<>();
            for (String instanceId : instanceIds) {
                historyService.createHistoricDecisionInstanceQuery().processInstanceId(instanceId).list().stream()
                        .map(HistoricDecisionInstance::getId).forEach(decisions::add);
                historyService.createUserOperationLogQuery().processInstanceId(instanceId).list().stream()
                        .map(UserOperationLogEntry::getId).distinct()
                        .forEach(historyService::deleteUserOperationLogEntry);
            }
            if (!decisions.isEmpty()) {
                historyService.deleteHistoricDecisionInstancesBulk(decisions);
            }
            historyService.deleteHistoricProcessInstancesIfExists(instanceIds);
            return instanceIds.size();
        });
    }
}
