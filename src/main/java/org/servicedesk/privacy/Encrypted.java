package org.servicedesk.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a String field of an entity: the column is stored AES-GCM encrypted ({@link FieldCipher}) and
 * bound to its table, column and row, so a value moved to another row or column does not decrypt.
 * The field itself always holds the plaintext; {@link EncryptedColumns} encrypts what Hibernate
 * writes and decrypts what it reads. The entity's id must come from a sequence (the row must be
 * known before the insert). A column with it cannot be searched or compared in SQL; lookups go
 * through a {@link BlindIndex} column.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Encrypted {
}
