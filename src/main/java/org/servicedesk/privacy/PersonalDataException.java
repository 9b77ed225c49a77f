package org.servicedesk.privacy;

/**
 * A personal-data value could not be encrypted or decrypted: an unknown key id, a value that is
 * not ciphertext, or a ciphertext that fails its integrity check (tampered, or a wrong key). The
 * message never carries the value, neither plaintext nor ciphertext.
 */
public class PersonalDataException extends RuntimeException {

    PersonalDataException(String message) {
        super(message);
    }

    PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
