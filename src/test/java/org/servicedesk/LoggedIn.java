package org.servicedesk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * API calls as a demo user through the real security filters: people with password {@code demo}
 * (HTTP Basic), the web chat channel with its demo API key (channels have no password login).
 */
public final class LoggedIn {

    public static final String PASSWORD = "demo";

    public static final String CHANNEL = "webchat";

    public static final String API_KEY_HEADER = "X-Api-Key";

    public static final String CHANNEL_KEY = "demo-webchat-key";

    private LoggedIn() {
    }

    public static MockMvc mvc(WebApplicationContext context, String user) {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(as(user))).build();
    }

    /** For a MockMvc request: the user's login. */
    public static RequestPostProcessor as(String user) {
        if (CHANNEL.equals(user)) {
            return request -> {
                request.addHeader(API_KEY_HEADER, CHANNEL_KEY);
                return request;
            };
        }
        return httpBasic(user, PASSWORD);
    }

    /** For a java.net request: the user's login header. */
    public static HttpRequest.Builder as(HttpRequest.Builder request, String user) {
        if (CHANNEL.equals(user)) {
            return request.header(API_KEY_HEADER, CHANNEL_KEY);
        }
        return request.header("Authorization", basic(user, PASSWORD));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
