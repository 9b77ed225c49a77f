package org.servicedesk.crm;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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
