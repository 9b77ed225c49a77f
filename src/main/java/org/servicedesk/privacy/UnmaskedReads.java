package org.servicedesk.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.servicedesk.security.Roles;
import org.servicedesk.system.TimeSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Who may read personal data unmasked, and the audit log of every such read. Every API answer is
 * masked; a member of {@link #ROLES} gets the data unmasked on explicit request
 * ({@code ?unmasked=true}), and that read is written to {@code audit_log} before the answer goes out.
 * Forms in Tasklist are always masked.
 */
@Service
public class UnmaskedReads {

    /** Supervisors (they call customers back, handle complaints) and administrators. */
    public static final Set<String> ROLES = Set.of(Roles.SUPERVISORS, Roles.ADMIN);

    private static final int REASON_LENGTH = 200;

    private final AuditLog audit;

    private final TimeSource time;

    UnmaskedReads(AuditLog audit, TimeSource time) {
        this.audit = audit;
        this.time = time;
    }

    public static boolean mayUnmask(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role -> ROLES.stream().anyMatch(allowed -> role.equals("ROLE_" + allowed)));
    }

    /** Stops the request with 403 problem+json unless the caller may read unmasked data. */
    public void check(Authentication caller) {
        if (!mayUnmask(caller)) {
            ErrorResponseException refused = new ErrorResponseException(HttpStatus.FORBIDDEN);
            refused.getBody().setTitle("Unmasked data not allowed");
            refused.getBody().setDetail("Only " + String.join(" and ", ROLES.stream().sorted().toList())
                    + " may read personal data unmasked.");
            throw refused;
        }
    }

    /**
     * Writes the audit line of an unmasked read, committed on its own: the line stays even if the
     * answer fails afterwards.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Authentication caller, Long customerId, String ticketNumber, Collection<String> fields,
            String endpoint, String reason) {
        audit.save(new AuditEntry(time.now(), caller.getName(), AuditEntry.UNMASKED_READ, customerId, ticketNumber,
                String.join(",", fields.isEmpty() ? List.of("none") : fields), truncate(endpoint, 300),
                reason == null || reason.isBlank() ? null : truncate(Masking.text(reason.strip()), REASON_LENGTH)));
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
