package org.servicedesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.servicedesk.ticket.TicketLifecycle.TASK_HANDLE_TIER1;
import static org.servicedesk.ticket.TicketLifecycle.TASK_LOOK_UP_CUSTOMER;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.Category;
import org.servicedesk.ticket.Channel;
import org.servicedesk.ticket.NewTicket;
import org.servicedesk.ticket.Priority;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketIntake;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.ServiceLevels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lookup job against a real external CRM (an HTTP server started here, with its own field
 * names, tier values and API key): it answers lookups and creates unknown customers; when it is
 * down, the ticket waits as an incident and proceeds once it is back and the job is retried.
 */
@SpringBootTest
@ActiveProfiles("test")
class ExternalCrmTest {

    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    static final FakeExternalCrm CRM = new FakeExternalCrm();

    @DynamicPropertySource
    static void externalCrm(DynamicPropertyRegistry registry) throws IOException {
        CRM.start();
        registry.add("servicedesk.crm.type", () -> "http");
        registry.add("servicedesk.crm.http.base-url", CRM::baseUrl);
        registry.add("servicedesk.crm.http.api-key-header", () -> "X-API-Key");
        registry.add("servicedesk.crm.http.api-key", () -> FakeExternalCrm.API_KEY);
        registry.add("servicedesk.crm.http.read-timeout", () -> "PT1S");
        registry.add("servicedesk.crm.http.fields.id", () -> "customerId");
        registry.add("servicedesk.crm.http.fields.name", () -> "fullName");
        registry.add("servicedesk.crm.http.fields.phone", () -> "contact.mobile");
        registry.add("servicedesk.crm.http.fields.email", () -> "contact.mail");
        registry.add("servicedesk.crm.http.fields.tier", () -> "level");
        registry.add("servicedesk.crm.http.tier-mapping.GOLD", () -> "VIP");
        registry.add("servicedesk.crm.http.tier-mapping.SILVER", () -> "MEMBER");
        registry.add("servicedesk.crm.http.tier-mapping.BASIC", () -> "STANDARD");
    }

    @AfterAll
    static void stopCrm() {
        CRM.stop();
    }

    @Autowired ProcessEngine processEngine;
    @Autowired ServiceLevels serviceLevels;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired TicketIntake intake;
    @Autowired TicketRepository tickets;
    @Autowired CustomerRepository customers;
    @Autowired CrmDirectory crm;

    TicketScenario scenario;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        scenario = new TicketScenario(runtimeService, taskService, managementService);
        TicketScenario.setClock(MONDAY_9AM);
        CRM.mode = FakeExternalCrm.Mode.NORMAL;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        CRM.mode = FakeExternalCrm.Mode.NORMAL;
    }

    @Test
    void theExternalCrmAnswersLookupsByPhoneAndByIdWithItsFieldNamesAndTiers() {
        String externalId = CRM.add("李四", "13900000001", "li.si@example.cn", "GOLD", "Retail");

        String number = create(null, "李四", "13900000001", null);
        assertThat(scenario.lifecycle(number)).isWaitingAt(TASK_HANDLE_TIER1);

        Ticket ticket = tickets.findByNumber(number).orElseThrow();
        Customer customer = customers.findById(ticket.getCustomerId()).orElseThrow();
        assertThat(customer.getExternalId()).isEqualTo(externalId);
        assertThat(customer.getTier()).isEqualTo(CustomerTier.VIP);
        assertThat(ticket.getCustomerTier()).isEqualTo("VIP");
        assertThat(customer.getName()).isEqualTo("李四");
        assertThat(customer.getEmail()).isEqualTo("li.si@example.cn");
        assertThat(customer.getIndustry()).isEqualTo("Retail");
        assertThat(customer.getLanguage()).isEqualTo("zh");
        assertThat(CRM.requests).anyMatch(r -> r.startsWith("GET /v1/customers?phone="));

        // the CRM changed the tier; the next ticket of our customer id asks for the external id and takes it over
        CRM.record(externalId).put("level", "SILVER");
        String next = create(customer.getId(), "李四", null, null);
        assertThat(CRM.requests).contains("GET /v1/customers/" + externalId);
        Ticket nextTicket = tickets.findByNumber(next).orElseThrow();
        assertThat(nextTicket.getCustomerId()).isEqualTo(customer.getId());
        assertThat(nextTicket.getCustomerTier()).isEqualTo("MEMBER");
        assertThat(customers.findByExternalId(externalId)).get().extracting(Customer::getTier)
                .isEqualTo(CustomerTier.MEMBER);
    }

    @Test
    void anUnknownCustomerIsCreatedInTheExternalCrmAsStandard() {
        String number = create(null, "Wang Wu", "13700000077", "wang.wu@example.com");
        assertThat(scenario.lifecycle(number)).isWaitingAt(TASK_HANDLE_TIER1);

        assertThat(CRM.requests).contains("GET /v1/customers?phone=13700000077",
                "GET /v1/customers?email=wang.wu%40example.com", "POST /v1/customers");
        Customer customer = customers.findById(tickets.findByNumber(number).orElseThrow().getCustomerId()).orElseThrow();
        assertThat(customer.getTier()).isEqualTo(CustomerTier.STANDARD);
        assertThat(customer.getLanguage()).isEqualTo("en");
        // created with the external CRM's field names and its value for STANDARD
        var created = CRM.record(customer.getExternalId());
        assertThat(created.path("fullName").asText()).isEqualTo("Wang Wu");
        assertThat(created.path("contact").path("mobile").asText()).isEqualTo("13700000077");
        assertThat(created.path("contact").path("mail").asText()).isEqualTo("wang.wu@example.com");
        assertThat(created.path("level").asText()).isEqualTo("BASIC");

        // the same person again: found by phone, no second customer
        String again = create(null, "Wang Wu", "13700000077", null);
        assertThat(tickets.findByNumber(again).orElseThrow().getCustomerId()).isEqualTo(customer.getId());
    }

    @Test
    void whenTheCrmIsDownTheTicketWaitsAsAnIncidentAndProceedsAfterAnOperatorRetries() throws IOException {
        // the CRM answers the first ticket
        String first = create(null, "赵六", "13600000066", null);
        assertThat(scenario.lifecycle(first)).isWaitingAt(TASK_HANDLE_TIER1);

        CRM.stop();
        try {
            String number = intake.create(ticket(null, "钱七", "13500000055", "qian.qi@example.cn")).getNumber();
            ProcessInstance instance = scenario.lifecycle(number);
            // the API runs the job at once: first failure, retries 3 -> 2, due again in a minute
            intake.routeNow(number);
            Job job = lookupJob(instance);
            assertThat(job.getRetries()).isEqualTo(2);
            assertThat(job.getExceptionMessage()).isEqualTo("CRM lookup failed: no connection (ConnectException) from crm");
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

            // the job executor's two retries, a minute apart, fail too
            for (int retries = 1; retries >= 0; retries--) {
                TicketScenario.advance(Duration.ofMinutes(1).plusSeconds(1));
                assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isOne();
                String jobId = job.getId();
                assertThatThrownBy(() -> managementService.executeJob(jobId)).isInstanceOf(CrmUnavailableException.class);
                assertThat(lookupJob(instance).getRetries()).isEqualTo(retries);
            }

            // no retries left: an incident, which Cockpit shows; the ticket waits
            Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo(TASK_LOOK_UP_CUSTOMER);
            assertThat(incident.getIncidentMessage()).isEqualTo(
                    "CRM lookup failed: no connection (ConnectException) from crm");
            String stacktrace = managementService.getJobExceptionStacktrace(job.getId());
            assertThat(stacktrace).doesNotContain("13500000055", "qian.qi", "钱七", "/v1/customers");
            // the job executor leaves it alone: no retries left
            TicketScenario.advance(Duration.ofMinutes(10));
            scenario.executeDueJobs();
            assertThat(lookupJob(instance).getRetries()).isZero();
            assertThat(instance).isWaitingAt(TASK_LOOK_UP_CUSTOMER);
            assertThat(tickets.findByNumber(number).orElseThrow().getCustomerId()).isNull();

            // the CRM is back; the operator retries in Cockpit (sets the job's retries to 1)
            CRM.start();
            managementService.setJobRetries(job.getId(), 1);
            managementService.executeJob(job.getId());
            scenario.executeDueJobs();

            assertThat(instance).isWaitingAt(TASK_HANDLE_TIER1);
            assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
            Ticket ticket = tickets.findByNumber(number).orElseThrow();
            assertThat(ticket.getCustomerId()).isNotNull();
            assertThat(ticket.getCustomerTier()).isEqualTo("STANDARD");
            assertThat(serviceLevels.dueDates(ticket.getId()).response()).isNotNull();
        } finally {
            CRM.startIfStopped();
        }
    }

    @Test
    void aFailingOrSlowCrmFailsWithAMessageWithoutPersonalData() {
        CrmDirectory.Contact contact = new CrmDirectory.Contact(null, "孙八", "13400000044", "sun.ba@example.cn");

        CRM.mode = FakeExternalCrm.Mode.FAIL_503;
        assertThatThrownBy(() -> crm.findOrCreate(contact)).isInstanceOf(CrmUnavailableException.class)
                .hasMessage("CRM lookup failed: HTTP 503 from crm").hasNoCause();

        CRM.mode = FakeExternalCrm.Mode.SLOW;
        assertThatThrownBy(() -> crm.findOrCreate(contact)).isInstanceOf(CrmUnavailableException.class)
                .hasMessage("CRM lookup failed: timeout from crm").hasNoCause();
    }

    private String create(Long customerId, String name, String phone, String email) {
        String number = intake.create(ticket(customerId, name, phone, email)).getNumber();
        intake.routeNow(number);
        scenario.executeDueJobs();
        return number;
    }

    private static NewTicket ticket(Long customerId, String name, String phone, String email) {
        return new NewTicket(customerId, name, phone, email, Channel.WEB, Category.INQUIRY, Priority.P2,
                "Printer does not print", "Paper jams on every page.", "P100", null);
    }

    private Job lookupJob(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(TASK_LOOK_UP_CUSTOMER)
                .singleResult();
    }
}
