package org.servicedesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production (profile {@code postgres}) the desk refuses to start with the demo users or
 * tickets, or with a default or empty password, unless explicitly told with
 * {@code servicedesk.security.allow-demo-in-production=true} (for a demo on PostgreSQL).
 */
@Component
@Profile("postgres")
class ProductionSafeguard {

    static final String ALLOW = "servicedesk.security.allow-demo-in-production";

    /** Passwords that ship in our files or are the first ones anybody tries. */
    static final Set<String> DEFAULT_PASSWORDS = Set.of("", "change-me", "demo", "postgres", "password", "admin",
            "servicedesk");

    ProductionSafeguard(Environment environment) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems)
                    + ". Fix the settings, or set " + ALLOW + "=true for a demonstration.");
        }
    }

    static List<String> problems(Environment environment) {
        if (environment.getProperty(ALLOW, Boolean.class, false)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("servicedesk.demo.users", Boolean.class, false)) {
            problems.add("demo users are switched on (servicedesk.demo.users / SERVICEDESK_DEMO_USERS)");
        }
        if (environment.getProperty("servicedesk.demo.enabled", Boolean.class, false)) {
            problems.add("demo tickets are switched on (servicedesk.demo.enabled / SERVICEDESK_DEMO_ENABLED)");
        }
        if (DEFAULT_PASSWORDS.contains(environment.getProperty("spring.datasource.password", ""))) {
            problems.add("the database password is empty or a default one (SERVICEDESK_DB_PASSWORD)");
        }
        String adminPassword = environment.getProperty("servicedesk.security.admin-password", "");
        if (!environment.getProperty("servicedesk.security.admin-user", "").isBlank()
                && DEFAULT_PASSWORDS.contains(adminPassword)) {
            problems.add("the first administrator's password is empty or a default one (SERVICEDESK_ADMIN_PASSWORD)");
        }
        return problems;
    }
}
