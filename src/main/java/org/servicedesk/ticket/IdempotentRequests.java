package org.servicedesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.servicedesk.system.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests a client may send again, after a time-out or a lost answer, without their effect
 * happening twice: the client names each request with an {@value #HEADER} header of its own choosing.
 * The key is recorded in the transaction of the request's effect (a new ticket, an agent's reply, a
 * recorded confirmation). The same key with the same request is answered as the first one was, for
 * the same ticket, and does nothing again; the same key with another request is refused (422). A key
 * belongs to its caller and is kept for {@code servicedesk.idempotency.keep-keys-for} (a day by
 * default); after that it may name a new request.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";

    /** Visible ASCII, as the IETF draft's examples (UUIDs, random strings); no room for a sentence. */
    private static final Pattern FORM = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    /** A request named by its caller's key; its fingerprint tells a retry from another request. */
    record Key(String caller, String value, String endpoint, String fingerprint) {
    }

    private record Earlier(String fingerprint, String ticketNumber) {
    }

    private final JdbcTemplate jdbc;

    private final ObjectMapper json;

    private final TimeSource time;

    private final Duration keepFor;

    private final TransactionTemplate transaction;

    IdempotentRequests(JdbcTemplate jdbc, ObjectMapper json, TimeSource time,
            @Value("${servicedesk.idempotency.keep-keys-for:P1D}") Duration keepFor,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
        this.keepFor = keepFor;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * The key of this request, or null when it has none (the request is then simply done). A malformed
     * key is a 400.
     */
    Key of(String header, Principal caller, String method, String path, Object body) {
        if (header == null) {
            return null;
        }
        if (!FORM.matcher(header).matches()) {
            throw refused(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.");
        }
        String endpoint = method + " " + path;
        return new Key(caller == null ? "anonymous" : caller.getName(), header, endpoint,
                fingerprint(endpoint, body));
    }

    /**
     * The ticket of the earlier request with this key, if there was one (and it has not expired); a
     * 422 if that request was another one.
     */
    Optional<String> earlier(Key key) {
        List<Earlier> found = jdbc.query("""
                select fingerprint, ticket_number from idempotency_key
                 where caller = ? and idem_key = ? and expires_at > ?
                """, (rs, row) -> new Earlier(rs.getString(1), rs.getString(2)), key.caller(), key.value(),
                Timestamp.from(time.now()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!found.get(0).fingerprint().equals(key.fingerprint())) {
            throw refused(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key already used",
                    "This Idempotency-Key was used for another request (another method, path or body) in the"
                            + " last " + keepFor + "; send a new key with a new request.");
        }
        return Optional.of(found.get(0).ticketNumber());
    }

    /**
     * Records the key for the ticket in the transaction of the request's effect, so that the two are
     * committed together or not at all. A concurrent request with the same key waits here for the
     * first one's commit and then fails on the unique key ({@link DuplicateKeyException}): its
     * transaction, with its effect, is rolled back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Key key, String ticketNumber) {
        Instant now = time.now();
        jdbc.update("delete from idempotency_key where caller = ? and idem_key = ? and expires_at <= ?",
                key.caller(), key.value(), Timestamp.from(now));
        jdbc.update("""
                insert into idempotency_key (caller, idem_key, endpoint, fingerprint, ticket_number, created_at,
                                             expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, key.caller(), key.value(), key.endpoint(), key.fingerprint(), ticketNumber,
                Timestamp.from(now), Timestamp.from(now.plus(keepFor)));
    }

    /**
     * Does the effect once for this key (always when there is no key): a retry of the same request
     * finds the key and does nothing; a retry that raced the first waits for it and then does nothing.
     */
    void once(Key key, String ticketNumber, Runnable effect) {
        if (key == null) {
            effect.run();
            return;
        }
        if (earlier(key).isPresent()) {
            return;
        }
        firstOrEarlier(key, () -> {
            transaction.executeWithoutResult(status -> {
                record(key, ticketNumber);
                effect.run();
            });
            return ticketNumber;
        }, Function.identity());
    }

    /**
     * Runs the first request under its key; if a concurrent one with the same key committed first, the
     * answer for that one's ticket instead (or a 422 if it was another request).
     */
    <T> T firstOrEarlier(Key key, Supplier<T> first, Function<String, T> answerFor) {
        try {
            return first.get();
        } catch (DuplicateKeyException e) {
            if (key == null) {
                throw e;
            }
            log.info("an Idempotency-Key of {} came with two requests at once: both answered for the first",
                    key.caller());
            return answerFor.apply(earlier(key).orElseThrow(() -> e));
        }
    }

    /** Expired keys go; their requests were answered long ago. */
    @Scheduled(fixedDelayString = "${servicedesk.idempotency.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void forgetExpired() {
        int removed = jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(time.now()));
        if (removed > 0) {
            log.debug("{} expired idempotency keys removed", removed);
        }
    }

    private String fingerprint(String endpoint, Object body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(endpoint.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static ErrorResponseException refused(HttpStatus status, String title, String detail) {
        ErrorResponseException refused = new ErrorResponseException(status);
        refused.getBody().setTitle(title);
        refused.getBody().setDetail(detail);
        return refused;
    }
}
