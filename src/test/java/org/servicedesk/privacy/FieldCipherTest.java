package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The personal-data cipher: AES-GCM with a random IV, the key id in front, integrity checked, keys rotating. */
class FieldCipherTest {

    static final SecureRandom RANDOM = new SecureRandom();

    static byte[] key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    final byte[] v1 = key();

    final FieldCipher cipher = new FieldCipher("v1", v1, Map.of());

    static final FieldCipher.Cell CELL = new FieldCipher.Cell("customer", "phone", 7L);

    @Test
    void aValueComesBackAsItWasAndIsNotReadableStored() {
        for (String value : new String[] {"张三", "13812345678", "zhang.san@example.cn", "SO-20260201-7781", "",
                "a longer text with 𝄞 and émojis 🙂 " + "x".repeat(4000)}) {
            String stored = cipher.encrypt(value, CELL);
            assertThat(stored).startsWith("v1:").doesNotContain(value.isEmpty() ? "\u0000" : value);
            assertThat(cipher.decrypt(stored, CELL)).isEqualTo(value);
        }
        assertThat(cipher.encrypt(null, CELL)).isNull();
        assertThat(cipher.decrypt(null, CELL)).isNull();
    }

    @Test
    void theStoredFormIsTheKeyIdAndBase64OfIvCiphertextAndTag() {
        String stored = cipher.encrypt("13812345678", CELL);
        byte[] raw = Base64.getDecoder().decode(stored.substring("v1:".length()));
        // 12 bytes IV, 11 bytes of ciphertext, 16 bytes tag
        assertThat(raw).hasSize(12 + 11 + 16);
    }

    @Test
    void everyEncryptionHasItsOwnIv() {
        Set<String> stored = new HashSet<>();
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = cipher.encrypt("13812345678", CELL);
            stored.add(value);
            ivs.add(Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOf(Base64.getDecoder().decode(value.substring(3)), FieldCipher.IV_BYTES)));
        }
        assertThat(stored).hasSize(200);
        assertThat(ivs).hasSize(200);
    }

    @Test
    void aChangedCiphertextIsRefusedNotDecryptedWrongly() {
        String stored = cipher.encrypt("13812345678", CELL);
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String changed = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(changed, CELL)).isInstanceOf(PersonalDataException.class)
                    .hasMessageContaining("integrity").hasMessageNotContaining("13812345678");
        }
        String truncated = "v1:" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 1));
        assertThatThrownBy(() -> cipher.decrypt(truncated, CELL)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void plaintextOrAnUnknownKeyIsRefused() {
        assertThatThrownBy(() -> cipher.decrypt("13812345678", CELL)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("not encrypted").hasMessageNotContaining("13812345678");
        String other = new FieldCipher("v9", key(), Map.of()).encrypt("13812345678", CELL);
        assertThatThrownBy(() -> cipher.decrypt(other, CELL)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("'v9'");
        // the same id with another key: the tag does not match
        String sameIdOtherKey = new FieldCipher("v1", key(), Map.of()).encrypt("13812345678", CELL);
        assertThatThrownBy(() -> cipher.decrypt(sameIdOtherKey, CELL)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void theKeyIdIsAuthenticatedSoAValueCannotBeRelabelled() {
        FieldCipher both = new FieldCipher("v2", v1, Map.of("v1", v1));
        String stored = both.encrypt("13812345678", CELL);
        assertThat(stored).startsWith("v2:");
        assertThatThrownBy(() -> both.decrypt("v1:" + stored.substring(3), CELL)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void afterARotationTheOldKeyDecryptsAndTheNewKeyEncrypts() {
        String before = cipher.encrypt("zhang.san@example.cn", CELL);
        byte[] v2 = key();
        FieldCipher rotated = new FieldCipher("v2", v2, Map.of("v1", v1));

        assertThat(rotated.decrypt(before, CELL)).isEqualTo("zhang.san@example.cn");
        String after = rotated.encrypt("zhang.san@example.cn", CELL);
        assertThat(after).startsWith("v2:");
        assertThat(rotated.isCurrent(after)).isTrue();
        assertThat(rotated.isCurrent(before)).isFalse();
        assertThat(rotated.isEncrypted(before)).isTrue();
        // once the old key is gone, what it encrypted can no longer be read, and the new values can
        assertThat(new FieldCipher("v2", v2, Map.of()).decrypt(after, CELL)).isEqualTo("zhang.san@example.cn");
        assertThatThrownBy(() -> new FieldCipher("v2", v2, Map.of()).decrypt(before, CELL))
                .isInstanceOf(PersonalDataException.class);
        // and the old cipher cannot read the new values
        assertThatThrownBy(() -> cipher.decrypt(after, CELL)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void aValueIsBoundToItsTableColumnAndRow() {
        String stored = cipher.encrypt("13812345678", CELL);
        for (FieldCipher.Cell elsewhere : new FieldCipher.Cell[] {new FieldCipher.Cell("customer", "phone", 8L),
                new FieldCipher.Cell("customer", "email", 7L), new FieldCipher.Cell("ticket", "phone", 7L),
                new FieldCipher.Cell("ticket", "contact_phone", 7L)}) {
            assertThatThrownBy(() -> cipher.decrypt(stored, elsewhere)).isInstanceOf(PersonalDataException.class)
                    .hasMessageContaining(elsewhere.table() + "." + elsewhere.column() + " of row " + elsewhere.row())
                    .hasMessageContaining("integrity").hasMessageNotContaining("13812345678");
        }
        // the form written before V12 (associated data: the key id alone) is no longer read as bound
        String unbound = legacy(v1, "v1", "13812345678");
        assertThatThrownBy(() -> cipher.decrypt(unbound, CELL)).isInstanceOf(PersonalDataException.class);
        assertThat(cipher.decryptUnbound(unbound)).isEqualTo("13812345678");
        assertThatThrownBy(() -> cipher.decryptUnbound(stored)).isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> new FieldCipher.Cell("customer", "phone", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A value as FieldCipher wrote it before values were bound to their cell (V12). */
    static String legacy(byte[] key, String keyId, String plaintext) {
        try {
            byte[] iv = new byte[FieldCipher.IV_BYTES];
            RANDOM.nextBytes(iv);
            javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, iv));
            aes.updateAAD(keyId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] sealed = aes.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] all = java.util.Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, all, iv.length, sealed.length);
            return keyId + ":" + Base64.getEncoder().encodeToString(all);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keysMustBe256BitsAndIdsPlain() {
        assertThatThrownBy(() -> new FieldCipher("v1", new byte[16], Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new FieldCipher("v:1", v1, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldCipher("v1", v1, Map.of("v1", key())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void theBlindIndexIsDeterministicOverTheNormalisedValueAndKeyed() {
        BlindIndex index = new BlindIndex(key());
        assertThat(index.phone("13812345678")).isEqualTo(index.phone("138-1234 5678"))
                .isNotEqualTo(index.phone("13812345679")).doesNotContain("13812345678");
        assertThat(index.email("Zhang.San@Example.cn ")).isEqualTo(index.email("zhang.san@example.cn"));
        assertThat(index.phone("13812345678")).isNotEqualTo(new BlindIndex(key()).phone("13812345678"));
        // a phone and an e-mail with the same text are different indexes
        assertThat(index.phone("123456789")).isNotEqualTo(index.email("123456789"));
        assertThat(index.phone(null)).isNull();
        assertThat(index.phone("no digits")).isNull();
        assertThat(index.email(" ")).isNull();
    }
}
