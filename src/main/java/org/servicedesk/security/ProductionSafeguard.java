package org.servicedesk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Whatever the profile is called, the desk starts safe: unless demo mode is switched on explicitly
 * ({@code servicedesk.demo-mode}, {@code SERVICEDESK_DEMO_MODE=true}, or the {@code demo} profile that
 * {@code ./mvnw spring-boot:run} uses), it refuses to start with demo users or tickets, the public
 * development keys of {@code application-demo.yml}, a default password for the database or the first
 * administrator, or any account that still has the demo password. The accounts are checked before the
 * web server opens its port.
 */
@Component
class ProductionSafeguard implements SmartInitializingSingleton {

    static final String DEMO_MODE = "servicedesk.demo-mode";

    static final String DEMO_PASSWORD = "demo";

    /** Passwords that ship in our files or are the first ones anybody tries. */
    static final Set<String> DEFAULT_PASSWORDS = Set.of("", "change-me", DEMO_PASSWORD, "postgres", "password",
            "admin", "servicedesk", "sa");

    private final Environment environment;

    private final IdentityService identityService;

    ProductionSafeguard(Environment environment, IdentityService identityService) {
        this.environment = environment;
        this.identityService = identityService;
        refuse(problems(environment));
    }

    static boolean demoMode(Environment environment) {
        return environment.getProperty(DEMO_MODE, Boolean.class, false);
    }

    /** What is unsafe in these settings outside demo mode (nothing in demo mode). */
    static List<String> problems(Environment environment) {
        if (demoMode(environment)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("servicedesk.demo.users", Boolean.class, false)) {
            problems.add("demo users are switched on (servicedesk.demo.users / SERVICEDESK_DEMO_USERS)");
        }
        if (environment.getProperty("servicedesk.demo.enabled", Boolean.class, false)) {
            problems.add("demo tickets are switched on (servicedesk.demo.enabled / SERVICEDESK_DEMO_ENABLED)");
        }
        Properties demo = demoProfile();
        if (sameKey(environment, demo, "servicedesk.encryption.key")
                || sameKey(environment, demo, "servicedesk.encryption.blind-index-key")) {
            problems.add("the public development encryption keys are configured (SERVICEDESK_ENCRYPTION_KEY,"
                    + " SERVICEDESK_BLIND_INDEX_KEY)");
        }
        // an embedded database cannot be reached from outside; any other needs a real password
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")
                && DEFAULT_PASSWORDS.contains(environment.getProperty("spring.datasource.password", ""))) {
            problems.add("the database password is empty or a default one (SERVICEDESK_DB_PASSWORD)");
        }
        String adminPassword = environment.getProperty("servicedesk.security.admin-password", "");
        if (!environment.getProperty("servicedesk.security.admin-user", "").isBlank()
                && DEFAULT_PASSWORDS.contains(adminPassword)) {
            problems.add("the first administrator's password is empty or a default one (SERVICEDESK_ADMIN_PASSWORD)");
        }
        return problems;
    }

    /** Accounts left from a demonstration, or given the demo password later, stop the start too. */
    @Override
    public void afterSingletonsInstantiated() {
        if (demoMode(environment)) {
            return;
        }
        // an account without a password (getPassword is its stored hash) cannot log in at all
        List<String> accounts = identityService.createUserQuery().list().stream()
                .filter(user -> user.getPassword() != null).map(User::getId)
                .filter(id -> identityService.checkPassword(id, DEMO_PASSWORD)).sorted().toList();
        if (!accounts.isEmpty()) {
            refuse(List.of("these accounts still have the demo password: " + String.join(", ", accounts)
                    + " (give them another password in Admin while in demo mode, or delete them)"));
        }
    }

    private static void refuse(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside demo mode: " + String.join("; ", problems)
                    + ". Fix the settings, or set " + DEMO_MODE + "=true (SERVICEDESK_DEMO_MODE) for a demonstration.");
        }
    }

    private static boolean sameKey(Environment environment, Properties demo, String name) {
        String configured = environment.getProperty(name);
        return configured != null && !configured.isBlank()
                && Objects.equals(configured.strip(), developmentKey(demo.getProperty(name)));
    }

    /** {@code ${SERVICEDESK_ENCRYPTION_KEY:base64}} in application-demo.yml: the part after the colon. */
    private static String developmentKey(String value) {
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        String key = value.startsWith("${") && value.endsWith("}") && colon > 0
                ? value.substring(colon + 1, value.length() - 1) : value;
        return key.strip();
    }

    private static Properties demoProfile() {
        ClassPathResource resource = new ClassPathResource("application-demo.yml");
        if (!resource.exists()) {
            throw new UncheckedIOException(new IOException("application-demo.yml is missing from the classpath"));
        }
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(resource);
        return Objects.requireNonNull(yaml.getObject());
    }
}
