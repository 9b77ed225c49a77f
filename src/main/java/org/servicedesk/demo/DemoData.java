package org.servicedesk.demo;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerRepository;
import org.servicedesk.crm.CustomerTier;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo customers and a handful of tickets at different stages, loaded once (on an empty CRM),
 * so Tasklist and Cockpit show something on first open. The tickets go through the same
 * intake and tasks as real ones.
 */
@Component
@ConditionalOnProperty(name = "servicedesk.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CustomerRepository customers;

    private final TicketIntake intake;

    private final TaskService taskService;

    private final TimeSource time;

    DemoData(CustomerRepository customers, TicketIntake intake, TaskService taskService, TimeSource time) {
        this.customers = customers;
        this.intake = intake;
        this.taskService = taskService;
        this.time = time;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (customers.count() > 0) {
            return;
        }
        Customer zhang = customer("张伟", "13812345678", "zhang.wei@example.cn", CustomerTier.VIP, "Manufacturing", "zh");
        Customer li = customer("李娜", "13987654321", null, CustomerTier.MEMBER, "Retail", "zh");
        Customer emma = customer("Emma Wilson", "+44 20 7946 0958", "emma.wilson@example.co.uk", CustomerTier.STANDARD,
                "Logistics", "en");
        Customer omar = customer("Omar Haddad", "+971 4 555 0199", "omar@example.ae", CustomerTier.VIP, "Energy", "en");

        // waiting at tier 1, nobody has claimed it
        ticket(zhang, Channel.PHONE, Category.TECHNICAL_FAULT, Priority.P0, "Production line controller will not start",
                "Model X200 controller, bought March 2025; since this morning it stops at boot with error E42.");
        // claimed by alice
        String claimed = ticket(li, Channel.APP, Category.INQUIRY, Priority.P2, "How to export last year's invoices",
                "Needs all invoices of 2025 as one PDF for the auditor.");
        claim(claimed, "alice");
        // escalated to tier 2
        String escalated = ticket(emma, Channel.EMAIL, Category.REPAIR, Priority.P1, "Scanner drops connection",
                "Handheld scanner HS-5 loses Wi-Fi every few minutes in the warehouse.");
        complete(escalated, "ben", Map.of(TicketLifecycle.VAR_TIER1_OUTCOME, "ESCALATE",
                TicketLifecycle.VAR_ESCALATION_REASON, "Firmware reset did not help; needs remote diagnosis."));
        // resolved at tier 2, waiting for the supervisor's review
        String inReview = ticket(omar, Channel.WEB, Category.COMPLAINT, Priority.P1, "Invoice charged twice",
                "The October invoice was charged twice to the company card.");
        complete(inReview, "alice", Map.of(TicketLifecycle.VAR_TIER1_OUTCOME, "ESCALATE",
                TicketLifecycle.VAR_ESCALATION_REASON, "Refund needs billing access."));
        complete(inReview, "carol", Map.of(TicketLifecycle.VAR_TIER2_OUTCOME, "RESOLVED",
                TicketLifecycle.VAR_RESOLUTION, "Second charge refunded; it reaches the card in 3-5 working days."));
        // solution sent, waiting for the customer
        String pending = ticket(li, Channel.STORE, Category.INQUIRY, Priority.P1, "Warranty of the kitchen display",
                "Asks whether the warranty covers a cracked screen.");
        complete(pending, "alice", Map.of(TicketLifecycle.VAR_TIER1_OUTCOME, "RESOLVED",
                TicketLifecycle.VAR_RESOLUTION, "Accidental damage is not covered; a discounted repair was offered."));
        // the agent asked the customer for details; the resolution clock is paused
        String awaiting = ticket(emma, Channel.WEB, Category.TECHNICAL_FAULT, Priority.P2, "Label printer prints blank",
                "LP-20 prints blank labels since yesterday.");
        complete(awaiting, "ben", Map.of(TicketLifecycle.VAR_TIER1_OUTCOME, "NEED_INFO",
                TicketLifecycle.VAR_CUSTOMER_QUESTION, "Which firmware version does the printer show at start-up?"));
        log.info("demo data loaded: 4 customers, 6 tickets");
    }

    private Customer customer(String name, String phone, String email, CustomerTier tier, String industry,
            String language) {
        return customers.save(new Customer(name, phone, email, tier, industry, language,
                email != null ? "EMAIL" : "SMS", time.now()));
    }

    private String ticket(Customer customer, Channel channel, Category category, Priority priority, String subject,
            String description) {
        String number = intake.create(new NewTicket(customer.getId(), customer.getName(), customer.getPhone(),
                customer.getEmail(), channel, category, priority, subject, description, null, null)).getNumber();
        intake.routeNow(number);
        return number;
    }

    private void claim(String number, String userId) {
        taskService.claim(openTask(number).getId(), userId);
    }

    private void complete(String number, String userId, Map<String, Object> variables) {
        Task task = openTask(number);
        taskService.claim(task.getId(), userId);
        taskService.complete(task.getId(), variables);
    }

    /** The ticket's one open task; waits a little should the job executor still be opening it. */
    private Task openTask(String number) {
        List<Task> tasks = List.of();
        for (int attempt = 0; attempt < 100 && tasks.isEmpty(); attempt++) {
            tasks = taskService.createTaskQuery().processInstanceBusinessKey(number).list();
            if (tasks.isEmpty()) {
                pause();
            }
        }
        if (tasks.size() != 1) {
            throw new IllegalStateException("demo ticket " + number + " has " + tasks.size() + " open tasks");
        }
        return tasks.get(0);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo data", e);
        }
    }
}
