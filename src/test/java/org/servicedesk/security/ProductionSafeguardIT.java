package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.servicedesk.ServiceDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Outside demo mode the desk does not start unsafe, whatever its profile is called: no demo users,
 * tickets or development keys, no default password, no account that still has the demo password.
 */
class ProductionSafeguardIT {

    private static final String DEMO_KEY = "QprC/T+Vly3pq38eHFJADl0LIsG6kLhLXH1wqzjP9jk=";

    /** On PostgreSQL with the tests' keys; "it" switches demo mode on, the arguments outrank it. */
    private static SpringApplicationBuilder desk(String... profiles) {
        return new SpringApplicationBuilder(ServiceDeskApplication.class).profiles(profiles);
    }

    @Test
    void aProfileOfAnotherNameIsNoWayAroundIt() {
        assertThatThrownBy(() -> desk("production-eu", "it")
                .run("--server.port=0", "--servicedesk.demo-mode=false", "--servicedesk.demo.users=true").close())
                .hasStackTraceContaining("Refusing to start outside demo mode")
                .hasStackTraceContaining("demo users are switched on")
                .hasStackTraceContaining("the database password is empty or a default one");
    }

    @Test
    void anAccountThatStillHasTheDemoPasswordStopsTheStart() {
        // a demonstration on this database leaves its demo users behind
        desk("postgres", "it").run("--server.port=0").close();

        assertThatThrownBy(() -> desk("postgres", "it").run("--server.port=0", "--servicedesk.demo-mode=false",
                "--servicedesk.demo.users=false", "--spring.datasource.password=Not-A-Default-1!").close())
                .hasStackTraceContaining("Refusing to start outside demo mode")
                .hasStackTraceContaining("these accounts still have the demo password: admin, alice, ana, ben, carol,"
                        + " dave, mia, quinn, sam, webchat");
    }

    @Test
    void eachSettingIsNamedAndOnlyDemoModeAllowsThem() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/servicedesk")
                .withProperty("spring.datasource.password", "s3cret-Db!")
                .withProperty("servicedesk.security.admin-user", "root")
                .withProperty("servicedesk.security.admin-password", "Long-Enough-1!")
                .withProperty("servicedesk.encryption.key", "sf7Zcm3EqoALhkJnrd4YP9ORKWuBAdVqZlhAc0pJ6Sc=");
        assertThat(ProductionSafeguard.problems(production)).isEmpty();

        production.setProperty("servicedesk.demo.enabled", "true");
        production.setProperty("servicedesk.security.admin-password", "demo");
        production.setProperty("servicedesk.encryption.key", DEMO_KEY);
        production.setProperty("spring.datasource.password", "postgres");
        assertThat(ProductionSafeguard.problems(production)).containsExactly(
                "demo tickets are switched on (servicedesk.demo.enabled / SERVICEDESK_DEMO_ENABLED)",
                "the public development encryption keys are configured (SERVICEDESK_ENCRYPTION_KEY,"
                        + " SERVICEDESK_BLIND_INDEX_KEY)",
                "the database password is empty or a default one (SERVICEDESK_DB_PASSWORD)",
                "the first administrator's password is empty or a default one (SERVICEDESK_ADMIN_PASSWORD)");

        // the embedded H2 file database cannot be reached from outside: its password does not matter
        production.setProperty("spring.datasource.url", "jdbc:h2:file:./data/servicedesk");
        assertThat(ProductionSafeguard.problems(production)).hasSize(3);

        production.setProperty(ProductionSafeguard.DEMO_MODE, "true");
        assertThat(ProductionSafeguard.problems(production)).isEmpty();
    }
}
