package org.servicedesk.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic lookup keys for encrypted phone numbers and e-mail addresses: HMAC-SHA256 with a
 * key of its own (not the encryption key) over the normalised value. Equal contacts give equal
 * indexes, so a customer is found by phone or e-mail although every ciphertext differs; the
 * index does not reveal the value to anyone without the key.
 * <p>
 * Normalised: a phone number to its digits ({@code +86 138-1234-5678} and {@code 8613812345678}
 * are the same, {@code 13812345678} is another); an e-mail address stripped and in lower case.
 */
public final class BlindIndex {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public BlindIndex(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the blind-index key must be 256 bits (32 bytes)");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The index of a phone number; null without digits. */
    public String phone(String phone) {
        String digits = normalisePhone(phone);
        return digits == null ? null : mac("phone:" + digits);
    }

    /** The index of an e-mail address; null when blank. */
    public String email(String email) {
        String normal = normaliseEmail(email);
        return normal == null ? null : mac("email:" + normal);
    }

    static String normalisePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("blind index failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
