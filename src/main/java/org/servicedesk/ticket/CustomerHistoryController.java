package org.servicedesk.ticket;

import java.util.List;

import org.servicedesk.crm.CrmDirectory;
import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerLookup;
import org.servicedesk.crm.CustomerTier;
import org.servicedesk.privacy.Masking;
import org.servicedesk.system.CleanText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/customers/{id}/history}: the customer's tickets for the agent, without contact details. */
@RestController
@RequestMapping("/api/customers")
class CustomerHistoryController {

    private final CustomerLookup customers;

    private final CustomerHistory history;

    CustomerHistoryController(CustomerLookup customers, CustomerHistory history) {
        this.customers = customers;
        this.history = history;
    }

    record History(Long customerId, CustomerTier tier, String industry, List<CustomerHistory.Entry> tickets) {
    }

    /** What the intake page shows about a caller: masked name, tier and their tickets; nothing when unknown. */
    record Found(boolean found, Long customerId, String name, CustomerTier tier, List<CustomerHistory.Entry> tickets) {
    }

    @GetMapping("/lookup")
    Found lookup(@RequestParam(required = false) @CleanText String phone,
            @RequestParam(required = false) @CleanText String email) {
        if (blank(phone) && blank(email) || length(phone) > 40 || length(email) > 200) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Give a phone (at most 40 characters) or an e-mail (at most 200).");
            problem.setTitle("Invalid lookup");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return customers.find(new CrmDirectory.Contact(null, null, blank(phone) ? null : phone.strip(),
                        blank(email) ? null : email.strip()))
                .map(c -> new Found(true, c.getId(), Masking.name(c.getName()), c.getTier(), history.of(c.getId(), null)))
                .orElse(new Found(false, null, null, null, List.of()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    @GetMapping("/{id}/history")
    History history(@PathVariable long id) {
        Customer customer = customers.byId(id).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no customer " + id + ".");
            problem.setTitle("Customer not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
        return new History(customer.getId(), customer.getTier(), customer.getIndustry(), history.of(id, null));
    }
}
