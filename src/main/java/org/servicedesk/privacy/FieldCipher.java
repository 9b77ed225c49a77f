package org.servicedesk.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts one column value with AES-256-GCM (JDK {@code javax.crypto}): a fresh random 96-bit IV
 * per value, a 128-bit authentication tag, and as additional authenticated data the key id and the
 * {@link Cell} the value is stored in (table, column and row id). The stored form is
 * {@code keyId:base64(iv | ciphertext+tag)}, e.g. {@code v1:3q2+7w…}; the key id says which key
 * decrypts it, so keys can rotate: the current key encrypts, the current and the old keys decrypt.
 * Because the cell is authenticated, a value copied to another row or column (someone with write
 * access to the database moving a phone number onto their own ticket, or swapping two customers'
 * e-mails) fails its integrity check instead of being read as theirs.
 */
public final class FieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    /** Key ids: short, and without the separator. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final String currentKeyId;

    private final Map<String, SecretKey> keys;

    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the id written in front of every new value
     * @param currentKey 32 bytes
     * @param oldKeys further keys by id (32 bytes each), for values written before a rotation
     */
    public FieldCipher(String currentKeyId, byte[] currentKey, Map<String, byte[]> oldKeys) {
        Map<String, SecretKey> all = new LinkedHashMap<>();
        all.put(checkedId(currentKeyId), aesKey(currentKeyId, currentKey));
        oldKeys.forEach((id, key) -> {
            if (all.containsKey(checkedId(id))) {
                throw new IllegalArgumentException("encryption key id " + id + " is given twice");
            }
            all.put(id, aesKey(id, key));
        });
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(all);
    }

    private static String checkedId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an encryption key id is 1-16 letters, digits, '-' or '_', not '" + id + "'");
        }
        return id;
    }

    private static SecretKey aesKey(String id, byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("encryption key " + id + " must be 256 bits (32 bytes), not "
                    + (key == null ? 0 : key.length) + " bytes");
        }
        return new SecretKeySpec(key, "AES");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * Where a value is stored: its table, column and primary key. Names are lower-case SQL names;
     * they never contain the separator of the associated data.
     */
    public record Cell(String table, String column, Object row) {

        public Cell {
            if (table == null || column == null || row == null) {
                throw new IllegalArgumentException("a personal-data value needs its table, column and row to be"
                        + " encrypted or decrypted (" + table + "." + column + " of row " + row + ")");
            }
        }

        byte[] associatedData(String keyId) {
            return (keyId + "|" + table + "|" + column + "|" + row).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return table + "." + column + " of row " + row;
        }
    }

    /** {@code null} stays {@code null}. */
    public String encrypt(String plaintext, Cell cell) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(cell.associatedData(currentKeyId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("encryption failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * {@code null} stays {@code null}; anything that is not a sound ciphertext of a known key for
     * exactly this cell fails. The message names the cell, never the value.
     */
    public String decrypt(String stored, Cell cell) {
        if (stored == null) {
            return null;
        }
        try {
            return open(stored, cell::associatedData);
        } catch (PersonalDataException e) {
            throw new PersonalDataException(cell + ": " + e.getMessage());
        }
    }

    /**
     * A value written before values were bound to their cell (until migration V12), whose
     * associated data is the key id alone. Only the migration that binds them reads this form.
     */
    String decryptUnbound(String stored) {
        return stored == null ? null : open(stored, keyId -> keyId.getBytes(StandardCharsets.US_ASCII));
    }

    private String open(String stored, Function<String, byte[]> associatedData) {
        int colon = stored.indexOf(':');
        String keyId = colon > 0 ? stored.substring(0, colon) : null;
        SecretKey key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new PersonalDataException(keyId == null || !KEY_ID.matcher(keyId).matches()
                    ? "a personal-data column holds a value that is not encrypted"
                    : "a personal-data value is encrypted with key '" + keyId + "', which is not configured"
                            + " (servicedesk.encryption.old-keys)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new PersonalDataException("a personal-data value is not valid base64");
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            throw new PersonalDataException("a personal-data value is too short to be a ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(associatedData.apply(keyId));
            return new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException("a personal-data value failed its integrity check (changed, moved from another row or"
                    + " column, or a wrong key '" + keyId + "')");
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("decryption failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** True if the value has the form of a ciphertext of one of the configured keys (not checked further). */
    public boolean isEncrypted(String stored) {
        return keyIdOf(stored) != null && keys.containsKey(keyIdOf(stored));
    }

    /** True if the value is encrypted with the current key. */
    public boolean isCurrent(String stored) {
        return currentKeyId.equals(keyIdOf(stored));
    }

    /** The key id in front of a stored value, or null when it has none. */
    static String keyIdOf(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String id = stored.substring(0, colon);
        return KEY_ID.matcher(id).matches() ? id : null;
    }
}
