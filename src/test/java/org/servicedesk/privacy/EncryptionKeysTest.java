package org.servicedesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The keys: the postgres profile takes them from the environment and does not start without them. */
class EncryptionKeysTest {

    static final String KEY = Base64.getEncoder().encodeToString(FieldCipherTest.key());

    static final String OTHER_KEY = Base64.getEncoder().encodeToString(FieldCipherTest.key());

    /** The postgres profile's settings over the given environment variables (and no others). */
    static ApplicationContextRunner postgresProfile(Map<String, Object> environment) throws IOException {
        List<PropertySource<?>> profile = new YamlPropertySourceLoader().load("application-postgres.yml",
                new ClassPathResource("application-postgres.yml"));
        return new ApplicationContextRunner().withInitializer(context -> {
            var sources = context.getEnvironment().getPropertySources();
            sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            sources.addLast(new MapPropertySource("environment", environment));
            profile.forEach(sources::addFirst);
        }).withUserConfiguration(PersonalDataKeys.class);
    }

    @Test
    void thePostgresProfileDoesNotStartWithoutAKeyFromTheEnvironment() throws IOException {
        postgresProfile(Map.of("SERVICEDESK_BLIND_INDEX_KEY", OTHER_KEY)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("SERVICEDESK_ENCRYPTION_KEY")
                    .hasMessageContaining("is required");
        });
        postgresProfile(Map.of("SERVICEDESK_ENCRYPTION_KEY", KEY)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("SERVICEDESK_BLIND_INDEX_KEY");
        });
    }

    @Test
    void withKeysFromTheEnvironmentItStartsAndOldKeysDecrypt() throws IOException {
        String old = Base64.getEncoder().encodeToString(FieldCipherTest.key());
        FieldCipher.Cell cell = new FieldCipher.Cell("customer", "phone", 7L);
        String written = new FieldCipher("v1", Base64.getDecoder().decode(old), Map.of()).encrypt("13812345678", cell);
        postgresProfile(Map.of("SERVICEDESK_ENCRYPTION_KEY", KEY, "SERVICEDESK_ENCRYPTION_KEY_ID", "v2",
                "SERVICEDESK_ENCRYPTION_OLD_KEYS", "v1:" + old, "SERVICEDESK_BLIND_INDEX_KEY", OTHER_KEY)).run(context -> {
                    assertThat(context).hasNotFailed();
                    FieldCipher cipher = context.getBean(FieldCipher.class);
                    assertThat(cipher.currentKeyId()).isEqualTo("v2");
                    assertThat(cipher.keyIds()).containsExactlyInAnyOrder("v1", "v2");
                    assertThat(cipher.decrypt(written, cell)).isEqualTo("13812345678");
                    assertThat(cipher.encrypt("x", cell)).startsWith("v2:");
                });
    }

    @Test
    void malformedKeysStopTheStart() throws IOException {
        postgresProfile(Map.of("SERVICEDESK_ENCRYPTION_KEY", "c2hvcnQ=", "SERVICEDESK_BLIND_INDEX_KEY", OTHER_KEY))
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("32 bytes"));
        postgresProfile(Map.of("SERVICEDESK_ENCRYPTION_KEY", KEY, "SERVICEDESK_BLIND_INDEX_KEY", KEY))
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("another key"));
        postgresProfile(Map.of("SERVICEDESK_ENCRYPTION_KEY", KEY, "SERVICEDESK_BLIND_INDEX_KEY", OTHER_KEY,
                "SERVICEDESK_ENCRYPTION_OLD_KEYS", "nocolon")).run(context -> assertThat(context.getStartupFailure())
                        .rootCause().hasMessageContaining("keyId:base64Key"));
    }
}
