package org.servicedesk.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.servicedesk.system.RoutedPath;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The engine's REST API is reachable at two prefixes: {@code /engine-rest/...} (REST clients,
 * Camunda Modeler) and {@code /camunda/api/engine/engine/{name}/...} (the same resources as the
 * Camunda web applications call them). {@code /engine-rest/engine/{name}/...} names the engine
 * explicitly. Every rule about the engine API applies to the path inside the engine, whichever
 * prefix carried it, read from the routed (decoded) path.
 */
final class EngineApi {

    static final String REST = "/engine-rest";

    static final String WEBAPP = "/camunda/api/engine";

    private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(/.*)?$");

    private EngineApi() {
    }

    /** The path inside the engine API ({@code /task/123/complete}), or null when the request is not for it. */
    static String pathOf(HttpServletRequest request) {
        return pathOf(RoutedPath.of(request));
    }

    static String pathOf(String routed) {
        String inside;
        if (routed.equals(REST) || routed.startsWith(REST + "/")) {
            inside = routed.substring(REST.length());
            Matcher named = NAMED_ENGINE.matcher(inside);
            if (named.matches()) {
                inside = named.group(1) == null ? "/" : named.group(1);
            }
        } else if (routed.equals(WEBAPP) || routed.startsWith(WEBAPP + "/")) {
            inside = routed.substring(WEBAPP.length());
            Matcher named = NAMED_ENGINE.matcher(inside);
            // the web applications always name the engine; "/camunda/api/engine/engine" lists the engines
            inside = named.matches() ? (named.group(1) == null ? "/" : named.group(1)) : "/engine";
        } else {
            return null;
        }
        if (inside.isEmpty()) {
            return "/";
        }
        return inside.length() > 1 && inside.endsWith("/") ? inside.substring(0, inside.length() - 1) : inside;
    }

    static boolean isRest(HttpServletRequest request) {
        String routed = RoutedPath.of(request);
        return routed.equals(REST) || routed.startsWith(REST + "/");
    }
}
