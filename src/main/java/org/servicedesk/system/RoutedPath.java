package org.servicedesk.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request as the container routed it: decoded and normalised, without the context
 * path ({@code /%61pi/tickets} is {@code /api/tickets}). Every filter that decides by path uses this,
 * never {@link HttpServletRequest#getRequestURI()}, which is the raw, still encoded address: a check
 * on the raw address can be passed by encoding a letter while the request still reaches its target.
 */
public final class RoutedPath {

    private RoutedPath() {
    }

    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
