package org.servicedesk.ticket;

import static org.servicedesk.ticket.TicketLifecycle.VAR_CUSTOMER_ID;
import static org.servicedesk.ticket.TicketLifecycle.VAR_CUSTOMER_TIER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.crm.CrmDirectory;
import org.servicedesk.crm.Customer;
import org.springframework.stereotype.Component;

/**
 * {@code Task_LookUpCustomer}: links the ticket to its CRM customer and sets {@code customerTier}.
 * When the CRM fails, the job fails: it is retried (R3/PT1M in the BPMN), then it is an incident.
 */
@Component("lookUpCustomerDelegate")
class LookUpCustomerDelegate implements JavaDelegate {

    private final CrmDirectory crm;

    private final TicketLookup tickets;

    private final Timeline timeline;

    LookUpCustomerDelegate(CrmDirectory crm, TicketLookup tickets, Timeline timeline) {
        this.crm = crm;
        this.tickets = tickets;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the request that took the ticket and the job executor may both run this job: one waits here
        Ticket ticket = tickets.lockedOf(execution);
        Customer customer = crm.findOrCreate(new CrmDirectory.Contact(ticket.getCustomerId(),
                ticket.getContactName(), ticket.getContactPhone(), ticket.getContactEmail()));
        ticket.linkCustomer(customer.getId(), customer.getTier().name());
        execution.setVariable(VAR_CUSTOMER_ID, customer.getId());
        execution.setVariable(VAR_CUSTOMER_TIER, customer.getTier().name());
        timeline.record(ticket.getId(), Timeline.SYSTEM, TicketAction.CUSTOMER_IDENTIFIED,
                "Customer #" + customer.getId() + ", tier " + customer.getTier());
    }
}
