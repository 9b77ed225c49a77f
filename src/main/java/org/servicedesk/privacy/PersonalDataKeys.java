package org.servicedesk.privacy;

import java.util.Base64;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.jpa.boot.internal.EntityManagerFactoryBuilderImpl;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cipher and the blind index from {@link EncryptionProperties}. A missing or malformed key
 * stops the start: the {@code postgres} profile takes the keys from the environment only, so it
 * does not start without them.
 */
@Configuration
@EnableConfigurationProperties(EncryptionProperties.class)
class PersonalDataKeys {

    @Bean
    FieldCipher fieldCipher(EncryptionProperties properties) {
        byte[] current = decode("servicedesk.encryption.key (SERVICEDESK_ENCRYPTION_KEY)", properties.key());
        Map<String, byte[]> old = new LinkedHashMap<>();
        if (properties.oldKeys() != null && !properties.oldKeys().isBlank()) {
            for (String entry : properties.oldKeys().split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("servicedesk.encryption.old-keys (SERVICEDESK_ENCRYPTION_OLD_KEYS) is"
                            + " a comma-separated list of keyId:base64Key");
                }
                String id = entry.substring(0, colon).strip();
                old.put(id, decode("old key " + id, entry.substring(colon + 1).strip()));
            }
        }
        try {
            return new FieldCipher(properties.keyId(), current, old);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("servicedesk.encryption: " + e.getMessage());
        }
    }

    /** Hibernate builds its session factory with {@link EncryptedColumns} in place. */
    @Bean
    HibernatePropertiesCustomizer encryptedColumns(FieldCipher cipher) {
        EncryptedColumns columns = new EncryptedColumns(cipher);
        return properties -> properties.put(EntityManagerFactoryBuilderImpl.INTEGRATOR_PROVIDER,
                (IntegratorProvider) () -> List.of(columns));
    }

    @Bean
    BlindIndex blindIndex(EncryptionProperties properties) {
        byte[] key = decode("servicedesk.encryption.blind-index-key (SERVICEDESK_BLIND_INDEX_KEY)",
                properties.blindIndexKey());
        if (Arrays.equals(key, decode("servicedesk.encryption.key (SERVICEDESK_ENCRYPTION_KEY)", properties.key()))) {
            throw new IllegalStateException(
                    "servicedesk.encryption.blind-index-key must be another key than servicedesk.encryption.key");
        }
        return new BlindIndex(key);
    }

    private static byte[] decode(String name, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(name + " is required: a base64-encoded 256-bit key, e.g. from"
                    + " 'openssl rand -base64 32' (see docs/security.md)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must be 256 bits (32 bytes), not " + key.length + " bytes");
        }
        return key;
    }
}
