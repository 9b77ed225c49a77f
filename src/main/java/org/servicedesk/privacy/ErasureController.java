package org.servicedesk.privacy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/customers/{id}}: erases the customer and everything about them
 * ({@link CustomerErasure}); administrators only (WebSecurity). 204, or 404 for an unknown id.
 */
@RestController
class ErasureController {

    private final CustomerErasure erasure;

    ErasureController(CustomerErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/api/customers/{id}")
    ResponseEntity<Void> erase(@PathVariable long id, Authentication caller) {
        erasure.erase(id, caller.getName()).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "There is no customer " + id + ".");
            problem.setTitle("Customer not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
        return ResponseEntity.noContent().build();
    }
}
