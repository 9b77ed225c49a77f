package org.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.servicedesk.ticket.TicketRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each kind of bad input to our API answers 4xx problem+json that says what is wrong (naming the
 * field), and a refused ticket writes nothing. The random counterpart is {@link InputFuzzTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InputValidationTest {

    @Autowired MockMvc mvc;
    @Autowired TicketRepository tickets;
    @Autowired RuntimeService runtimeService;

    @Test
    void wrongTypesUnknownFieldsAndBrokenStructureAreNamed() throws Exception {
        intake(TicketApiTest.VALID.replace("\"PHONE\"", "0"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("channel"))
                .andExpect(jsonPath("$.detail").value(containsString("PHONE, WEB, EMAIL, APP, SOCIAL, STORE")));
        intake(TicketApiTest.VALID.replace("\"张三\"", "42"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("customerName"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a text"));
        intake(TicketApiTest.VALID.replace("{", "{\"customerId\": \"12\","), 400)
                .andExpect(jsonPath("$.errors[0].field").value("customerId"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
        intake(TicketApiTest.VALID.replace("{", "{\"customerId\": 1.5,"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        intake(TicketApiTest.VALID.replace("{", "{\"customerId\": -3,"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        intake(TicketApiTest.VALID.replace("{", "{\"isAdmin\": true,"), 400)
                .andExpect(jsonPath("$.detail").value("Unknown field isAdmin."))
                .andExpect(jsonPath("$.errors[0].field").value("isAdmin"));
        intake(TicketApiTest.VALID.replace("{", "{\"subject\": \"first\","), 400)
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."));
        intake(TicketApiTest.VALID + " {}", 400);
        intake("[" + TicketApiTest.VALID + "]", 400)
                .andExpect(jsonPath("$.detail").value("The request body must be a JSON object."));
        intake("", 400).andExpect(jsonPath("$.detail").value("The request body is missing."));
        intake("null", 400).andExpect(jsonPath("$.detail").value("The request body is missing."));
        intake("[".repeat(5000), 400).andExpect(jsonPath("$.detail").value("The request body must be a JSON object."));
        intake("{\"subject\": " + "[".repeat(5000), 400).andExpect(jsonPath("$.errors[0].field").value("subject"));
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreRefusedInText() throws Exception {
        intake(TicketApiTest.VALID.replace("Oven does not heat", "Oven\\u0000 does not heat"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message").value("must not contain control characters"));
        intake(TicketApiTest.VALID.replace("Oven does not heat", "Oven \\ud800 heat"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        intake(TicketApiTest.VALID.replace("Oven does not heat", "Oven\\ndoes not heat"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        intake(TicketApiTest.VALID.replace("no heat since today.", "no heat\\u001b[31m since today."), 400)
                .andExpect(jsonPath("$.errors[0].field").value("description"));
        byte[] brokenUtf8 = TicketApiTest.VALID.replace("Oven", "Ov\u00ffen").getBytes(StandardCharsets.ISO_8859_1);
        long before = tickets.count();
        mvc.perform(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(brokenUtf8))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tickets.count()).isEqualTo(before);
        intake(TicketApiTest.VALID.replace("Oven does not heat", "\u3000\u3000"), 400)
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        intake(TicketApiTest.VALID.replace("\"PHONE\"", "\" PHONE\""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        byte[] overlong = TicketApiTest.VALID.getBytes(StandardCharsets.UTF_8);
        int slash = TicketApiTest.VALID.indexOf("O-7");
        byte[] withOverlong = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, withOverlong, 0, slash);
        withOverlong[slash] = (byte) 0xC0; // an over-long "/" (C0 AF), which Jackson alone would read as "/"
        withOverlong[slash + 1] = (byte) 0xAF;
        System.arraycopy(overlong, slash, withOverlong, slash + 2, overlong.length - slash - 1);
        mvc.perform(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(withOverlong))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not valid UTF-8."));
        // line breaks and emoji in a description are fine
        mvc.perform(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(TicketApiTest.VALID.replace("no heat since today.", "no heat\\nsince today 🔥")))
                .andExpect(status().isCreated());
    }

    @Test
    void wrongContentTypeMethodAndAcceptAreProblems() throws Exception {
        problem(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD)).contentType(MediaType.TEXT_PLAIN)
                .content(TicketApiTest.VALID), 415);
        problem(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD))
                .contentType("application/json;charset=no-such-charset").content(TicketApiTest.VALID), 415);
        problem(put("/api/surveys/" + "a".repeat(43)).contentType(MediaType.APPLICATION_JSON).content("{}"), 405);
        problem(get("/api/confirmations/" + "a".repeat(43)), 405);
        problem(post("/api/confirmations/" + "a".repeat(43)).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_HTML).content("{\"accepted\": true}"), 404);
        problem(get("/api/nothing-here").with(httpBasic("sam", LoggedIn.PASSWORD)), 403); // /api/** is closed
        problem(get("/api/surveys/a%2F..%2Fb"), 400) // the firewall's refusal is problem+json too
                .andExpect(jsonPath("$.title").value("Invalid request"));
        problem(request(HttpMethod.PUT, "/api/surveys/" + "a".repeat(43))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=%"), 405);
    }

    @Test
    void pathAndQueryParametersAreChecked() throws Exception {
        problem(get("/api/tickets/" + "9".repeat(5000)).with(httpBasic("sam", LoggedIn.PASSWORD)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        problem(get("/api/tickets/abc/notifications").with(httpBasic("sam", LoggedIn.PASSWORD)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        problem(get("/api/tickets/CG20990101999").with(httpBasic("sam", LoggedIn.PASSWORD)), 404);
        problem(get("/api/customers/abc/history").with(httpBasic("sam", LoggedIn.PASSWORD)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        problem(get("/api/knowledge").param("q", "printer").param("status", "SECRET")
                .with(httpBasic("sam", LoggedIn.PASSWORD)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.detail").value(containsString("PUBLISHED")));
        problem(get("/api/knowledge").param("q", "print\u0000er").with(httpBasic("sam", LoggedIn.PASSWORD)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        problem(get("/api/customers/lookup").param("phone", "138\u0000").with(httpBasic("sam", LoggedIn.PASSWORD)),
                400).andExpect(jsonPath("$.errors[0].field").value("phone"));
        problem(get("/api/reports/weekly").param("week", "2026-W99").with(httpBasic("sam", LoggedIn.PASSWORD)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("week"));
        problem(get("/api/reports/weekly").header("Accept", "garbage").with(httpBasic("sam", LoggedIn.PASSWORD)),
                400); // the report reads Accept itself (CSV or JSON)
        problem(post("/api/notifications/x/read").with(httpBasic("sam", LoggedIn.PASSWORD)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void anOversizeBodyIs413AndWritesNothing() throws Exception {
        String huge = TicketApiTest.VALID.replace("Model O-7", "x".repeat(70_000));
        intake(huge, 413).andExpect(jsonPath("$.title").value("Request too large"))
                .andExpect(jsonPath("$.detail").value("The request body is larger than 65536 bytes."));
        problem(post("/api/surveys/" + "a".repeat(43)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"" + "x".repeat(65_536) + "\"}"), 413);
        mvc.perform(post("/customer/replies/" + "a".repeat(43)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("message=" + "x".repeat(70_000)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        // just under the limit it is read, and refused for what it says
        intake(TicketApiTest.VALID.replace("Model O-7", "x".repeat(60_000)), 400)
                .andExpect(jsonPath("$.errors[0].field").value("description"));
    }

    private ResultActions intake(String body, int expected) throws Exception {
        long ticketsBefore = tickets.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();
        ResultActions result = problem(post("/api/tickets").with(httpBasic("alice", LoggedIn.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body), expected);
        assertThat(tickets.count()).isEqualTo(ticketsBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        return result;
    }

    private ResultActions problem(MockHttpServletRequestBuilder request, int expected) throws Exception {
        ResultActions result = mvc.perform(request).andExpect(status().is(expected));
        if (expected != 403) { // Spring Security's refusal has no body here (the error page renders it)
            result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        return result;
    }
}
