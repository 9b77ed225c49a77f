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

    @Test
    void aValueComesBackAsItWasAndIsNotReadableStored() {
        for (String value : new String[] {"张三", "13812345678", "zhang.san@example.cn", "SO-20260201-7781", "",
                "a longer text with 𝄞 and émojis 🙂 " + "x".repeat(4000)}) {
            String stored = cipher.encrypt(value);
            assertThat(stored).startsWith("v1:").doesNotContain(value.isEmpty() ? "\u0000" : value);
            assertThat(cipher.decrypt(stored)).isEqualTo(value);
        }
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void theStoredFormIsTheKeyIdAndBase64OfIvCiphertextAndTag() {
        String stored = cipher.encrypt("13812345678");
        byte[] raw = Base64.getDecoder().decode(stored.substring("v1:".length()));
        // 12 bytes IV, 11 bytes of ciphertext, 16 bytes tag
        assertThat(raw).hasSize(12 + 11 + 16);
    }

    @Test
    void everyEncryptionHasItsOwnIv() {
        Set<String> stored = new HashSet<>();
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = cipher.encrypt("13812345678");
            stored.add(value);
            ivs.add(Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOf(Base64.getDecoder().decode(value.substring(3)), FieldCipher.IV_BYTES)));
        }
        assertThat(stored).hasSize(200);
        assertThat(ivs).hasSize(200);
    }

    @Test
    void aChangedCiphertextIsRefusedNotDecryptedWrongly() {
        String stored = cipher.encrypt("13812345678");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String changed = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(changed)).isInstanceOf(PersonalDataException.class)
                    .hasMessageContaining("integrity").hasMessageNotContaining("13812345678");
        }
        String truncated = "v1:" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 1));
        assertThatThrownBy(() -> cipher.decrypt(truncated)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void plaintextOrAnUnknownKeyIsRefused() {
        assertThatThrownBy(() -> cipher.decrypt("13812345678")).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("not encrypted").hasMessageNotContaining("13812345678");
        String other = new FieldCipher("v9", key(), Map.of()).encrypt("13812345678");
        assertThatThrownBy(() -> cipher.decrypt(other)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("'v9'");
        // the same id with another key: the tag does not match
        String sameIdOtherKey = new FieldCipher("v1", key(), Map.of()).encrypt("13812345678");
        assertThatThrownBy(() -> cipher.decrypt(sameIdOtherKey)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void theKeyIdIsAuthenticatedSoAValueCannotBeRelabelled() {
        FieldCipher both = new FieldCipher("v2", v1, Map.of("v1", v1));
        String stored = both.encrypt("13812345678");
        assertThat(stored).startsWith("v2:");
        assertThatThrownBy(() -> both.decrypt("v1:" + stored.substring(3))).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void afterARotationTheOldKeyDecryptsAndTheNewKeyEncrypts() {
        String before = cipher.encrypt("zhang.san@example.cn");
        byte[] v2 = key();
        FieldCipher rotated = new FieldCipher("v2", v2, Map.of("v1", v1));

        assertThat(rotated.decrypt(before)).isEqualTo("zhang.san@example.cn");
        String after = rotated.encrypt("zhang.san@example.cn");
        assertThat(after).startsWith("v2:");
        assertThat(rotated.isCurrent(after)).isTrue();
        assertThat(rotated.isCurrent(before)).isFalse();
        assertThat(rotated.isEncrypted(before)).isTrue();
        // once the old key is gone, what it encrypted can no longer be read, and the new values can
        assertThat(new FieldCipher("v2", v2, Map.of()).decrypt(after)).isEqualTo("zhang.san@example.cn");
        assertThatThrownBy(() -> new FieldCipher("v2", v2, Map.of()).decrypt(before))
                .isInstanceOf(PersonalDataException.class);
        // and the old cipher cannot read the new values
        assertThatThrownBy(() -> cipher.decrypt(after)).isInstanceOf(PersonalDataException.class);
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
