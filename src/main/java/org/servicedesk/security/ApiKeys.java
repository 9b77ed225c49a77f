package org.servicedesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, finds, rotates and revokes the API keys of channel integrations. A key is 32 random
 * bytes (so a plain SHA-256 is enough to store it: there is nothing to guess), is shown once, and
 * logs in as a user of the {@code channels} group, who has no password login.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "sdk_";

    private final ApiKeyRepository keys;

    private final IdentityService identityService;

    private final TimeSource time;

    private final SecureRandom random = new SecureRandom();

    ApiKeys(ApiKeyRepository keys, IdentityService identityService, TimeSource time) {
        this.keys = keys;
        this.identityService = identityService;
        this.time = time;
    }

    /** A new key, and the one moment its text is known. */
    record Issued(ApiKey key, String secret) {
    }

    @Transactional
    Issued issue(String userId, String label, String issuedBy) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Roles.CHANNELS).count() == 0) {
            throw new IllegalArgumentException("user " + userId + " is not a channel integration (group "
                    + Roles.CHANNELS + ")");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return save(userId, label, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), issuedBy);
    }

    /** A key of known text, for the demo's web chat only ({@link DemoApiKey}); not for production. */
    @Transactional
    void ensure(String userId, String label, String secret) {
        if (keys.findByKeyHash(hash(secret)).isEmpty()) {
            save(userId, label, secret, "demo");
        }
    }

    @Transactional
    Optional<Issued> rotate(long id, String rotatedBy) {
        return keys.findById(id).filter(ApiKey::isActive).map(old -> {
            old.revoke(time.now());
            return issue(old.getUserId(), old.getLabel(), rotatedBy);
        });
    }

    @Transactional
    boolean revoke(long id) {
        return keys.findById(id).map(key -> {
            key.revoke(time.now());
            return true;
        }).orElse(false);
    }

    @Transactional(readOnly = true)
    List<ApiKey> all() {
        return keys.findAllByOrderByIdAsc();
    }

    /** The user an active key logs in as. */
    @Transactional(readOnly = true)
    Optional<String> userOf(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) && !secret.startsWith("demo-")) {
            return Optional.empty();
        }
        return keys.findByKeyHash(hash(secret)).filter(ApiKey::isActive).map(ApiKey::getUserId);
    }

    private Issued save(String userId, String label, String secret, String by) {
        ApiKey key = keys.save(new ApiKey(userId, label, hash(secret), secret.substring(0, Math.min(8, secret.length())),
                time.now(), by));
        return new Issued(key, secret);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
