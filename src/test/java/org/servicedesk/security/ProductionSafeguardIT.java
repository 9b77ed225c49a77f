package org.servicedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.servicedesk.ServiceDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** The production profile refuses demo users, demo tickets and default passwords unless told otherwise. */
class ProductionSafeguardIT {

    @Test
    void theApplicationDoesNotStartInProductionWithDemoUsersOrADefaultPassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ServiceDeskApplication.class)
                .profiles("postgres", "it")
                // as arguments: they outrank application-it.yml, which allows the demo users
                .run("--server.port=0", "--" + ProductionSafeguard.ALLOW + "=false", "--servicedesk.demo.users=true")
                .close())
                .hasStackTraceContaining("Refusing to start in production")
                .hasStackTraceContaining("demo users are switched on")
                .hasStackTraceContaining("the database password is empty or a default one");
    }

    @Test
    void eachSettingIsNamedAndTheExplicitSwitchAllowsADemonstration() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.password", "s3cret-Db!")
                .withProperty("servicedesk.security.admin-user", "root")
                .withProperty("servicedesk.security.admin-password", "Long-Enough-1!");
        assertThat(ProductionSafeguard.problems(production)).isEmpty();

        production.setProperty("servicedesk.demo.enabled", "true");
        production.setProperty("servicedesk.security.admin-password", "demo");
        assertThat(ProductionSafeguard.problems(production)).containsExactly(
                "demo tickets are switched on (servicedesk.demo.enabled / SERVICEDESK_DEMO_ENABLED)",
                "the first administrator's password is empty or a default one (SERVICEDESK_ADMIN_PASSWORD)");

        production.setProperty(ProductionSafeguard.ALLOW, "true");
        assertThat(ProductionSafeguard.problems(production)).isEmpty();
    }
}
