package org.servicedesk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** API calls as a demo user (password {@code demo}, HTTP Basic), through the real security filters. */
public final class LoggedIn {

    public static final String PASSWORD = "demo";

    private LoggedIn() {
    }

    public static MockMvc mvc(WebApplicationContext context, String user) {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(httpBasic(user, PASSWORD))).build();
    }
}
