package org.servicedesk.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys of the personal-data encryption ({@code servicedesk.encryption.*}; see docs/security.md).
 *
 * @param keyId id of the current key, written in front of every value it encrypts
 *        ({@code SERVICEDESK_ENCRYPTION_KEY_ID}, default {@code v1})
 * @param key the current AES key, base64 of 32 bytes ({@code SERVICEDESK_ENCRYPTION_KEY})
 * @param oldKeys keys that only decrypt, after a rotation: {@code id:base64,id:base64}
 *        ({@code SERVICEDESK_ENCRYPTION_OLD_KEYS})
 * @param blindIndexKey the HMAC key of the phone and e-mail lookup indexes, base64 of 32 bytes
 *        ({@code SERVICEDESK_BLIND_INDEX_KEY}); another key than {@code key}
 * @param reencryptOnStart re-encrypt every stored value that is not under the current key, and
 *        recompute the lookup indexes, when the application starts ({@code SERVICEDESK_ENCRYPTION_REENCRYPT})
 */
@ConfigurationProperties("servicedesk.encryption")
public record EncryptionProperties(@DefaultValue("v1") String keyId, String key, String oldKeys, String blindIndexKey,
        boolean reencryptOnStart) {
}
