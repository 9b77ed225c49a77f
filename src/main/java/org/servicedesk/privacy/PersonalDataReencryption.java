package org.servicedesk.privacy;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step two of a key rotation (docs/security.md): with {@code servicedesk.encryption.reencrypt-on-start=true}
 * the application re-encrypts, at start and in one transaction, every stored value that another
 * key encrypted, with the current key, and recomputes every blind index. Afterwards the old key can
 * be removed. A value that no configured key decrypts stops it (and nothing is changed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "servicedesk.encryption.reencrypt-on-start", havingValue = "true")
class PersonalDataReencryption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataReencryption.class);

    private final PersonalDataRewriter rewriter;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final FieldCipher cipher;

    PersonalDataReencryption(FieldCipher cipher, BlindIndex index, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.rewriter = new PersonalDataRewriter(cipher, index);
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        Map<String, Integer> changed = transaction
                .execute(status -> rewriter.rewrite(jdbc, PersonalDataRewriter.Mode.REENCRYPT));
        log.info("personal data re-encrypted with key {} and blind indexes recomputed: rows changed per table {}",
                cipher.currentKeyId(), changed);
    }
}
