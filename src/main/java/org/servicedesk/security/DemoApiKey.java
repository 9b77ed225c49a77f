package org.servicedesk.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo web chat's API key, {@value #KEY}: with the demo users only, never in production. */
@Component
@ConditionalOnProperty(name = "servicedesk.demo.users", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class DemoApiKey implements ApplicationRunner {

    static final String KEY = "demo-webchat-key";

    static final String USER = "webchat";

    private final ApiKeys keys;

    DemoApiKey(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.ensure(USER, "Demo web chat", KEY);
    }
}
