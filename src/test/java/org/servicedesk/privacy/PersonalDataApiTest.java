package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicedesk.LoggedIn;
import org.servicedesk.TicketScenario;
import org.servicedesk.ticket.TicketLifecycle;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Personal data over the API: stored encrypted, masked for everyone, unmasked only for supervisors
 * on request and then in the audit log; found by phone and e-mail through the blind index; erased
 * by an administrator.
 */
@SpringBootTest
@ActiveProfiles("test")
class PersonalDataApiTest {

    @Autowired WebApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditLog audit;
    @Autowired ErasureRecords erasures;
    @Autowired TicketRepository tickets;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    String phone;
    String email;
    String name;
    String orderNumber;

    @BeforeEach
    void uniqueCustomer() {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        phone = "139" + n;
        email = "li.privacy." + n + "@example.cn";
        name = "李隐私" + n;
        orderNumber = "SO-PRIV-" + n;
    }

    MockMvc as(String user) {
        return LoggedIn.mvc(context, user);
    }

    String create() throws Exception {
        String body = json.writeValueAsString(Map.of("customerName", name, "phone", phone, "email", email,
                "channel", "PHONE", "category", "REPAIR", "priority", "P1", "subject", "Oven does not heat",
                "description", "Please call back on " + phone + " about order " + orderNumber + ", thanks.",
                "orderNumber", orderNumber));
        String response = as("sam").perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("number").asText();
    }

    @Test
    void personalDataIsStoredEncryptedAndFoundByBlindIndex() throws Exception {
        String number = create();
        Map<String, Object> ticket = jdbc.queryForMap("select contact_name, contact_phone, contact_email, order_number,"
                + " contact_phone_bidx, customer_id from ticket where number = ?", number);
        for (String column : List.of("contact_name", "contact_phone", "contact_email", "order_number")) {
            assertThat((String) ticket.get(column)).startsWith("test1:").doesNotContain(phone, email, name, orderNumber);
        }
        assertThat((String) ticket.get("contact_phone_bidx")).isNotBlank().doesNotContain(phone);
        Map<String, Object> customer = jdbc.queryForMap("select name, phone, email from customer where id = ?",
                ticket.get("customer_id"));
        assertThat(customer.values()).allSatisfy(v -> assertThat((String) v).startsWith("test1:"));
        new TicketScenario(runtimeService, taskService, managementService).executeDueJobs(); // the acknowledgement
        List<String> notifications = jdbc.queryForList("select recipient || ' ' || recipient_address || ' ' || subject"
                + " || ' ' || body from notification where recipient_kind = 'CUSTOMER'", String.class);
        assertThat(notifications).isNotEmpty().allSatisfy(n -> assertThat(n).doesNotContain(phone, email, name));

        // the ciphertexts differ every time, so the customer is found by the blind index, in any notation
        String formatted = phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7);
        as("alice").perform(get("/api/customers/lookup").param("phone", formatted))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.found").value(true))
                .andExpect(jsonPath("$.customerId").value(((Number) ticket.get("customer_id")).longValue()));
        as("alice").perform(get("/api/customers/lookup").param("email", email.toUpperCase()))
                .andExpect(jsonPath("$.found").value(true));
        // and a second ticket with that phone links to the same customer
        String second = create();
        assertThat(tickets.findByNumber(second).orElseThrow().getCustomerId())
                .isEqualTo(((Number) ticket.get("customer_id")).longValue());
    }

    /**
     * Someone with write access to the database (not the keys) moves ciphertext around: the first
     * ticket's encrypted phone into the second ticket's subject, which agents read unmasked, and into
     * the second ticket's phone, which supervisors unmask. Neither is read as the second ticket's.
     */
    @Test
    void aValueMovedToAnotherRowOrColumnIsRefusedNotShown() throws Exception {
        String first = create();
        String firstPhone = phone;
        uniqueCustomer();
        String second = create();
        String stolen = jdbc.queryForObject("select contact_phone from ticket where number = ?", String.class, first);
        String ownSubject = jdbc.queryForObject("select subject from ticket where number = ?", String.class, second);
        String ownPhone = jdbc.queryForObject("select contact_phone from ticket where number = ?", String.class, second);
        long secondId = jdbc.queryForObject("select id from ticket where number = ?", Long.class, second);

        jdbc.update("update ticket set subject = ? where number = ?", stolen, second);
        as("alice").perform(get("/api/tickets/" + second))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(not(containsString(firstPhone.substring(3)))))
                .andExpect(content().string(not(containsString("ticket."))));
        assertThatThrownBy(() -> tickets.findByNumber(second)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("ticket.subject of row").hasMessageContaining("integrity")
                .hasMessageNotContaining(firstPhone);

        jdbc.update("update ticket set subject = ?, contact_phone = ? where number = ?", ownSubject, stolen, second);
        assertThatThrownBy(() -> tickets.findByNumber(second)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("ticket.contact_phone of row " + secondId);
        jdbc.update("update ticket set contact_phone = ? where number = ?", ownPhone, second);
        assertThat(tickets.findByNumber(second).orElseThrow().getContactPhone()).isEqualTo(phone);
        // the first ticket, untouched, reads as ever
        as("carol").perform(get("/api/tickets/" + first)).andExpect(status().isOk());
    }

    /** Reading and saving an unchanged ticket writes nothing: the dirty check compares plaintext with plaintext. */
    @Test
    void anUnchangedTicketIsNotRewritten() throws Exception {
        String number = create();
        Map<String, Object> before = jdbc.queryForMap("select version, subject, contact_phone from ticket where number = ?",
                number);
        var ticket = tickets.findByNumber(number).orElseThrow();
        assertThat(ticket.getContactPhone()).isEqualTo(phone);
        tickets.save(ticket);
        tickets.save(tickets.findByNumber(number).orElseThrow());
        assertThat(jdbc.queryForMap("select version, subject, contact_phone from ticket where number = ?", number))
                .isEqualTo(before);
    }

    @Test
    void everyoneSeesItMaskedAndOnlySupervisorsUnmaskedAndAudited() throws Exception {
        String number = create();
        for (String user : List.of("alice", "carol", "sam", "mia", "quinn")) {
            as(user).perform(get("/api/tickets/" + number))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.customer.name").value(name.substring(0, 1) + "***"))
                    .andExpect(jsonPath("$.customer.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                    .andExpect(jsonPath("$.customer.email").value("l***@example.cn"))
                    .andExpect(jsonPath("$.orderNumber").value("****" + orderNumber.substring(orderNumber.length() - 4)))
                    .andExpect(jsonPath("$.description").value(containsString("****")))
                    .andExpect(content().string(not(containsString(phone))))
                    .andExpect(content().string(not(containsString(email))))
                    .andExpect(content().string(not(containsString(name))))
                    .andExpect(content().string(not(containsString(orderNumber))));
        }
        long before = audit.count();
        for (String user : List.of("alice", "carol", "mia", "quinn")) {
            as(user).perform(get("/api/tickets/" + number).param("unmasked", "true"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(not(containsString(phone))));
        }
        assertThat(audit.count()).isEqualTo(before);

        as("sam").perform(get("/api/tickets/" + number).param("unmasked", "true").param("reason", "call-back on complaint"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer.name").value(name))
                .andExpect(jsonPath("$.customer.phone").value(phone))
                .andExpect(jsonPath("$.customer.email").value(email))
                .andExpect(jsonPath("$.orderNumber").value(orderNumber))
                .andExpect(jsonPath("$.description").value(containsString(phone)));
        List<AuditEntry> entries = audit.findByTicketNumberOrderByIdAsc(number);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("sam");
            assertThat(e.getAction()).isEqualTo(AuditEntry.UNMASKED_READ);
            assertThat(e.getCustomerId()).isEqualTo(tickets.findByNumber(number).orElseThrow().getCustomerId());
            assertThat(e.getFields()).isEqualTo("name,phone,email,orderNumber,texts");
            assertThat(e.getEndpoint()).isEqualTo("GET /api/tickets/" + number + "?unmasked=true");
            assertThat(e.getReason()).isEqualTo("call-back on complaint");
            assertThat(e.getOccurredAt()).isNotNull();
        });

        long customerId = tickets.findByNumber(number).orElseThrow().getCustomerId();
        as("alice").perform(get("/api/customers/" + customerId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andExpect(content().string(not(containsString(email))));
        as("alice").perform(get("/api/customers/" + customerId).param("unmasked", "true"))
                .andExpect(status().isForbidden());
        as("sam").perform(get("/api/customers/" + customerId).param("unmasked", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.phone").value(phone))
                .andExpect(jsonPath("$.email").value(email));
        assertThat(audit.findByCustomerIdOrderByIdAsc(customerId)).hasSize(2).last().satisfies(e -> {
            assertThat(e.getTicketNumber()).isNull();
            assertThat(e.getFields()).isEqualTo("name,phone,email");
            assertThat(e.getEndpoint()).isEqualTo("GET /api/customers/" + customerId + "?unmasked=true");
            assertThat(e.getReason()).isNull();
        });
        // the audit log names ids, never values
        assertThat(jdbc.queryForList("select * from audit_log").toString()).doesNotContain(phone, email, name);
    }

    @Test
    void tasklistFormsAndTaskNamesStayMasked() throws Exception {
        String number = create();
        new TicketScenario(runtimeService, taskService, managementService).acknowledge(number);
        var task = taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(TicketLifecycle.TASK_HANDLE_TIER1).singleResult();
        Map<String, Object> local = taskService.getVariablesLocal(task.getId());
        assertThat(local.get("customerDisplay").toString()).contains(phone.substring(0, 3) + "****");
        assertThat(task.getName() + local).doesNotContain(phone, email, name, orderNumber);
        assertThat(local.get("description").toString()).contains("****");
    }

    @Test
    void onlyAnAdministratorErasesACustomer() throws Exception {
        String number = create();
        new TicketScenario(runtimeService, taskService, managementService).executeDueJobs(); // its SLA clocks start
        long customerId = tickets.findByNumber(number).orElseThrow().getCustomerId();
        for (String user : List.of("alice", "sam", "mia", "webchat")) {
            as(user).perform(delete("/api/customers/" + customerId)).andExpect(status().isForbidden());
        }
        as("admin").perform(delete("/api/customers/99999999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Customer not found"));

        // a table of a later feature that refers to tickets: its rows about the customer go too
        jdbc.execute("create table if not exists later_feature (id bigint generated by default as identity primary key,"
                + " ticket_id bigint not null references ticket (id))");
        jdbc.update("insert into later_feature (ticket_id) select id from ticket where number = ?", number);

        // the lifecycle and the ticket's SLA clock instances share the ticket number as business key
        long instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count();
        assertThat(instances).isGreaterThan(1);
        as("admin").perform(delete("/api/customers/" + customerId)).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("select count(*) from later_feature", Long.class)).isZero();
        jdbc.execute("drop table later_feature");

        assertThat(jdbc.queryForObject("select count(*) from customer where id = ?", Long.class, customerId)).isZero();
        assertThat(tickets.findByNumber(number)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count())
                .isZero();
        assertThat(erasures.findByCustomerId(customerId)).singleElement().satisfies(r -> {
            assertThat(r.getErasedBy()).isEqualTo("admin");
            assertThat(r.getTickets()).isEqualTo(1);
            assertThat(r.getProcessInstances()).isEqualTo(instances);
            assertThat(r.getDeletedRows()).contains("ticket=1", "customer=1", "later_feature=1");
        });
        as("sam").perform(get("/api/tickets/" + number)).andExpect(status().isNotFound());
        as("admin").perform(delete("/api/customers/" + customerId)).andExpect(status().isNotFound());
    }
}
