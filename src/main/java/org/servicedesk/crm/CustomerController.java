package org.servicedesk.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.servicedesk.privacy.Masking;
import org.servicedesk.privacy.UnmaskedReads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/customers/{id}}: a customer's record, masked; with {@code ?unmasked=true} (and an
 * optional {@code reason}) unmasked for supervisors and administrators, written to the audit log.
 */
@RestController
class CustomerController {

    private final CustomerLookup customers;

    private final UnmaskedReads reads;

    CustomerController(CustomerLookup customers, UnmaskedReads reads) {
        this.customers = customers;
        this.reads = reads;
    }

    record CustomerView(Long id, String name, String phone, String email, CustomerTier tier, String industry,
            String language, String preferredChannel, Instant createdAt) {
    }

    @GetMapping("/api/customers/{id}")
    CustomerView get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean unmasked,
            @RequestParam(required = false) String reason, Authentication caller) {
        if (unmasked) {
            reads.check(caller);
        }
        Customer c = customers.byId(id).orElseThrow(() -> notFound(id));
        if (!unmasked) {
            return new CustomerView(c.getId(), Masking.name(c.getName()), Masking.phone(c.getPhone()),
                    Masking.email(c.getEmail()), c.getTier(), c.getIndustry(), c.getLanguage(), c.getPreferredChannel(),
                    c.getCreatedAt());
        }
        List<String> fields = new ArrayList<>();
        fields.add("name");
        if (c.getPhone() != null) {
            fields.add("phone");
        }
        if (c.getEmail() != null) {
            fields.add("email");
        }
        reads.record(caller, c.getId(), null, fields, "GET /api/customers/" + id + "?unmasked=true", reason);
        return new CustomerView(c.getId(), c.getName(), c.getPhone(), c.getEmail(), c.getTier(), c.getIndustry(),
                c.getLanguage(), c.getPreferredChannel(), c.getCreatedAt());
    }

    static ErrorResponseException notFound(long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no customer " + id + ".");
        problem.setTitle("Customer not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
