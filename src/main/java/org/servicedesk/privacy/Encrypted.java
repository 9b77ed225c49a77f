package org.servicedesk.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * {@code @Convert(converter = Encrypted.class)} on a String field: stored AES-GCM encrypted
 * ({@link FieldCipher}), read back decrypted. Hibernate gets it from Spring (Spring Boot configures
 * Hibernate's bean container), so it has the configured keys. A column with it cannot be searched
 * or compared in SQL; lookups go through a {@link BlindIndex} column.
 */
@Converter
public class Encrypted implements AttributeConverter<String, String> {

    private final FieldCipher cipher;

    public Encrypted(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
