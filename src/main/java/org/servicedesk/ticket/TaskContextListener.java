package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER2;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER3;
import static org.servicedesk.ticket.TicketLifecycle.TASK_REVIEW_RESOLUTION;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerLookup;
import org.servicedesk.privacy.Masking;
import org.springframework.stereotype.Component;

/**
 * Create listener of every user task: gives the task's form its read-only ticket context as
 * task-local variables (masked customer, no contact details) and moves the ticket's status.
 * Task-local variables go away with the task, but the engine's history keeps them: so every text
 * here is masked ({@link PersonalText}); the process itself keeps ids and outcomes only.
 */
@Component("taskContextListener")
class TaskContextListener implements TaskListener {

    /** Tier of each handling task. */
    private static final Map<String, Integer> TIERS = Map.of(TASK_HANDLE_TIER1, 1, TASK_HANDLE_TIER2, 2,
            TASK_HANDLE_TIER3, 3);

    private final TicketLookup tickets;

    private final CustomerLookup crm;

    private final Timeline timeline;

    private final List<TaskContextContributor> contributors;

    TaskContextListener(TicketLookup tickets, CustomerLookup crm, Timeline timeline,
            List<TaskContextContributor> contributors) {
        this.tickets = tickets;
        this.crm = crm;
        this.timeline = timeline;
        this.contributors = contributors;
    }

    @Override
    public void notify(DelegateTask task) {
        Ticket ticket = tickets.of(task);
        Integer tier = TIERS.get(task.getTaskDefinitionKey());
        if (tier != null) {
            ticket.waitInQueue(tier);
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.QUEUED, "Tier " + tier);
        } else if (TASK_REVIEW_RESOLUTION.equals(task.getTaskDefinitionKey())) {
            ticket.startReview();
            timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.QUEUED, "Supervisor review");
        }
        task.setName(taskName(ticket, task.getName()));
        task.setVariableLocal("ticketNumber", ticket.getNumber());
        task.setVariableLocal("subject", PersonalText.mask(ticket.getSubject(), ticket));
        task.setVariableLocal("description", PersonalText.mask(ticket.getDescription(), ticket));
        task.setVariableLocal("product", ticket.getProduct() == null ? "" : ticket.getProduct());
        task.setVariableLocal("customerDisplay", customerDisplay(ticket));
        task.setVariableLocal("ticketHistory", PersonalText.mask(timeline.asMarkdown(ticket.getId()), ticket));
        contributors.forEach(contributor -> contributor.contribute(task, ticket));
    }

    /**
     * "CG20261123001 · Printer does not print — Handle at tier 1": Tasklist lists tickets, not
     * anonymous steps. The subject is the ticket's, with any contact detail in it masked; the
     * name fits the engine's 255 characters.
     */
    static String taskName(Ticket ticket, String step) {
        String suffix = " — " + step;
        int room = 255 - ticket.getNumber().length() - 3 - suffix.length();
        String masked = PersonalText.mask(ticket.getSubject(), ticket);
        String subject = masked.length() <= room ? masked : masked.substring(0, Math.max(0, room - 1)) + "…";
        return ticket.getNumber() + " · " + subject + suffix;
    }

    private String customerDisplay(Ticket ticket) {
        Customer customer = crm.byId(ticket.getCustomerId()).orElse(null);
        String name = customer != null ? customer.getName() : ticket.getContactName();
        String phone = customer != null && customer.getPhone() != null ? customer.getPhone() : ticket.getContactPhone();
        String email = customer != null && customer.getEmail() != null ? customer.getEmail() : ticket.getContactEmail();
        StringBuilder display = new StringBuilder(Masking.name(name));
        if (phone != null) {
            display.append(" · ").append(Masking.phone(phone));
        } else if (email != null) {
            display.append(" · ").append(Masking.email(email));
        }
        if (ticket.getCustomerTier() != null) {
            display.append(" · ").append(ticket.getCustomerTier());
        }
        return display.toString();
    }
}
