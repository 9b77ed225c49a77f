package org.servicedesk.security;

import static org.servicedesk.security.Roles.ADMIN;
import static org.servicedesk.security.Roles.ANALYSTS;
import static org.servicedesk.security.Roles.CHANNELS;
import static org.servicedesk.security.Roles.DESK;
import static org.servicedesk.security.Roles.MANAGERS;
import static org.servicedesk.security.Roles.QA;
import static org.servicedesk.security.Roles.SUPERVISORS;
import static org.servicedesk.security.Roles.TIER1;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.servicedesk.system.ProblemWriter;
import org.servicedesk.system.TimeSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;

/**
 * Who may open what. One login (our form at {@code /login}, or HTTP Basic for API clients) checked
 * against Camunda's identity service; the Camunda web applications take the logged-in user from
 * it, and engine REST calls run as that user with the engine's authorization checks.
 *
 * <p>Customer-facing addresses (confirmation, reply and survey links) carry their own token and
 * need no login.
 */
@Configuration
@EnableWebSecurity
class WebSecurity {

    static final String LOGIN = "/login";

    /** The Camunda web applications' own logout button. */
    static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

    /** Our pages' CSRF token: a cookie the page's script copies into a header (not Camunda's XSRF-TOKEN). */
    static final String CSRF_COOKIE = "SD-XSRF-TOKEN";
    static final String CSRF_HEADER = "X-SD-XSRF-TOKEN";

    static final String[] REPORT_READERS = {MANAGERS, SUPERVISORS, ADMIN};

    /** The generated API reference (springdoc), as JSON and YAML: for staff, like the API it describes. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    /** Everybody but the channel integrations. */
    static final String[] STAFF = Roles.ALL.stream().map(Roles.Role::id).filter(role -> !role.equals(CHANNELS))
            .toArray(String[]::new);

    /**
     * Our pages: scripts, styles and data from this server only, no inline script or style, no
     * framing. The Camunda web applications send their own policy (camunda.bpm.webapp.header-security).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain serviceDesk(HttpSecurity http, IdentityService identityService, TaskFormFields formFields,
            TimeSource time, ApiKeys apiKeys, ProblemWriter problems)
            throws Exception {
        ApiRefusals refusals = new ApiRefusals(problems);
        RequestMatcher api = new OrRequestMatcher(AntPathRequestMatcher.antMatcher("/api/**"),
                AntPathRequestMatcher.antMatcher("/engine-rest/**"), AntPathRequestMatcher.antMatcher("/actuator/**"),
                AntPathRequestMatcher.antMatcher("/v3/api-docs/**"),
                AntPathRequestMatcher.antMatcher("/v3/api-docs.yaml"));
        RequestMatcher customerLinks = new OrRequestMatcher(AntPathRequestMatcher.antMatcher("/customer/**"),
                AntPathRequestMatcher.antMatcher("/api/surveys/**"),
                AntPathRequestMatcher.antMatcher("/api/confirmations/**"),
                AntPathRequestMatcher.antMatcher("/api/replies/**"));
        RequestMatcher basicAuthenticated = request -> {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        RequestMatcher apiKeyAuthenticated = request -> request.getHeader(ApiKeyAuthentication.HEADER) != null;
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request, so the cookie is set
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict").secure(true));

        AuthenticationEntryPoint basic = refusals.notLoggedIn();
        http
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(LOGIN, "/error", "/favicon.ico", "/*.css", "/*.js", "/webjars/**").permitAll()
                        .requestMatchers(customerLinks).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/tickets").hasAnyRole(TIER1, SUPERVISORS, CHANNELS)
                        .requestMatchers(HttpMethod.POST, "/api/tickets/*/replies", "/api/tickets/*/confirmation",
                                "/api/tickets/*/customer-reply").hasAnyRole(DESK)
                        .requestMatchers(HttpMethod.GET, "/api/tickets/**").hasAnyRole(with(DESK, MANAGERS, QA))
                        .requestMatchers(HttpMethod.DELETE, "/api/customers/*").hasRole(ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        // moving running tickets to a newer lifecycle version (deployment.LifecycleMigration)
                        .requestMatchers("/api/process-migrations/**").hasAnyRole(ANALYSTS, ADMIN)
                        .requestMatchers("/api/customers/**", "/api/knowledge/**").hasAnyRole(with(DESK, QA))
                        .requestMatchers("/api/reports/**", "/reports", "/reports.html").hasAnyRole(REPORT_READERS)
                        .requestMatchers("/intake", "/intake.html").hasAnyRole(TIER1, SUPERVISORS)
                        // the web applications' own APIs, for their users only (the engine filters the data too)
                        .requestMatchers("/camunda/api/cockpit/**").hasAnyRole(with(Roles.COCKPIT_USERS, ADMIN))
                        .requestMatchers("/camunda/api/tasklist/**").hasAnyRole(with(Roles.TASKLIST_USERS, ADMIN))
                        .requestMatchers("/camunda/api/admin/plugin/**", "/camunda/api/admin/setup/**").hasRole(ADMIN)
                        // channel integrations create tickets and nothing else: no engine, no web applications
                        .requestMatchers("/api/notifications/**", "/camunda/**", "/engine-rest/**")
                                .hasAnyRole(STAFF)
                        .requestMatchers(API_DOCS).hasAnyRole(STAFF)
                        // the probes for load balancers and orchestrators; metrics for administrators
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/**").denyAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage(LOGIN).permitAll())
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(basic, api)
                        .defaultAccessDeniedHandlerFor(refusals.notAllowed(api), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                request -> true))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/logout"),
                                AntPathRequestMatcher.antMatcher(HttpMethod.POST, CAMUNDA_LOGOUT)))
                        .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK),
                                AntPathRequestMatcher.antMatcher(CAMUNDA_LOGOUT))
                        .defaultLogoutSuccessHandlerFor(loggedOut(), request -> true))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        // the web applications have their own CSRF filter; Basic and API-key clients send no
                        // cookies (and a browser sends neither header cross-site without asking);
                        // customer links are authorised by their token, not by a session
                        .ignoringRequestMatchers(AntPathRequestMatcher.antMatcher("/camunda/**"),
                                AntPathRequestMatcher.antMatcher("/engine-rest/**"))
                        .ignoringRequestMatchers(basicAuthenticated, apiKeyAuthenticated, customerLinks))
                .headers(headers -> headers
                        // also behind a proxy that ends TLS: browsers ignore the header on plain http
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .requestMatcher(AnyRequestMatcher.INSTANCE))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(AntPathRequestMatcher.antMatcher("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .addFilterBefore(new ApiKeyAuthentication(apiKeys, identityService, refusals), BasicAuthenticationFilter.class)
                .addFilterBefore(new SessionRightsRefresh(identityService, time), AuthorizationFilter.class)
                .addFilterAfter(new EngineRequestGuard(formFields, refusals, problems), AuthorizationFilter.class)
                .addFilterAfter(new EngineRestAuthentication(identityService), EngineRequestGuard.class)
                .addFilterAfter(new EngineRestQueryLimit(), EngineRestAuthentication.class);
        return http.build();
    }

    /** The Camunda web applications take the user Spring Security logged in. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappLogin() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(
                Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    private static SimpleUrlLogoutSuccessHandler loggedOut() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl(LOGIN + "?logout");
        return handler;
    }

    private static String[] with(String[] roles, String... more) {
        return Stream.concat(Stream.of(roles), Stream.of(more)).toArray(String[]::new);
    }

    private static String[] with(List<String> roles, String... more) {
        return with(roles.toArray(String[]::new), more);
    }
}
