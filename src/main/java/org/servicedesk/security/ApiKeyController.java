package org.servicedesk.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/api-keys}, administrators only (WebSecurity): issue a key for a channel user
 * (the answer is the only time the key is shown), list keys (prefix and state, never the key),
 * rotate one (a new key, the old one revoked) and revoke one.
 */
@RestController
@RequestMapping("/api/admin/api-keys")
class ApiKeyController {

    record IssueRequest(String user, String label) {
    }

    record KeyView(long id, String user, String label, String prefix, Instant createdAt, Instant revokedAt) {

        static KeyView of(ApiKey key) {
            return new KeyView(key.getId(), key.getUserId(), key.getLabel(), key.getKeyPrefix(), key.getCreatedAt(),
                    key.getRevokedAt());
        }
    }

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    List<KeyView> list() {
        return keys.all().stream().map(KeyView::of).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> issue(@RequestBody IssueRequest request, Authentication caller) {
        if (request == null || blank(request.user()) || blank(request.label()) || request.label().length() > 100) {
            throw refused(HttpStatus.BAD_REQUEST, "Give the channel user (user) and a label of up to 100 characters.");
        }
        ApiKeys.Issued issued;
        try {
            issued = keys.issue(request.user(), request.label(), caller.getName());
        } catch (IllegalArgumentException e) {
            throw refused(HttpStatus.BAD_REQUEST, "User " + request.user() + " is not a channel integration.");
        }
        return created(issued);
    }

    @PostMapping("/{id}/rotate")
    ResponseEntity<Map<String, Object>> rotate(@PathVariable long id, Authentication caller) {
        return created(keys.rotate(id, caller.getName())
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "There is no active API key " + id + ".")));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!keys.revoke(id)) {
            throw refused(HttpStatus.NOT_FOUND, "There is no API key " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Map<String, Object>> created(ApiKeys.Issued issued) {
        return ResponseEntity.created(URI.create("/api/admin/api-keys/" + issued.key().getId()))
                .body(Map.of("key", issued.secret(), "apiKey", KeyView.of(issued.key())));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ErrorResponseException refused(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return new ErrorResponseException(status, problem, null);
    }
}
