package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER3;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Shows the customer's earlier tickets in the tier forms (task-local {@code customerHistory}, Markdown). */
@Component
class CustomerHistoryTaskContext implements TaskContextContributor {

    static final String VAR_CUSTOMER_HISTORY = "customerHistory";

    private static final Set<String> TIER_TASKS = Set.of(TASK_HANDLE_TIER1, TASK_HANDLE_TIER2, TASK_HANDLE_TIER3);

    private final CustomerHistory history;

    CustomerHistoryTaskContext(CustomerHistory history) {
        this.history = history;
    }

    @Override
    public void contribute(DelegateTask task, Ticket ticket) {
        if (TIER_TASKS.contains(task.getTaskDefinitionKey())) {
            task.setVariableLocal(VAR_CUSTOMER_HISTORY, history.asMarkdown(ticket.getCustomerId(), ticket.getId()));
        }
    }
}
