package org.servicedesk.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the limit of their path, before anything else (login included)
 * looks at them: 413 at once when the declared length is larger, and 413 as soon as a body without a
 * declared length (chunked) grows larger ({@link BodyTooLarge}, answered by the API's error handler
 * and by the engine API's guard). The limits: {@code servicedesk.max-request-size} (64 KB) for our
 * API, the customer pages, the login and everything else; {@code servicedesk.engine-max-request-size}
 * (1 MB) for the engine's REST API and the Camunda applications' APIs; and
 * {@code servicedesk.deployment-max-request-size} (10 MB) for deployments. Paths are matched as the
 * container routed them ({@link RoutedPath}), so an encoded letter does not escape the limit.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long limit;

    private final long engineLimit;

    private final long deploymentLimit;

    private final ProblemWriter problems;

    RequestSizeLimit(@Value("${servicedesk.max-request-size:64KB}") DataSize limit,
            @Value("${servicedesk.engine-max-request-size:1MB}") DataSize engineLimit,
            @Value("${servicedesk.deployment-max-request-size:10MB}") DataSize deploymentLimit,
            ProblemWriter problems) {
        this.limit = limit.toBytes();
        this.engineLimit = engineLimit.toBytes();
        this.deploymentLimit = deploymentLimit.toBytes();
        this.problems = problems;
    }

    /** Thrown while reading a body that grows past the limit. */
    public static final class BodyTooLarge extends IOException {

        public final long limit;

        BodyTooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long pathLimit = limitOf(RoutedPath.of(request));
        if (request.getContentLengthLong() > pathLimit) {
            refuse(problems, request, response, pathLimit);
            return;
        }
        chain.doFilter(new Limited(request, pathLimit), response);
    }

    long limitOf(String path) {
        if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            return path.endsWith("/deployment/create") ? deploymentLimit : engineLimit;
        }
        return limit;
    }

    /** 413: a page on the customer pages, else problem+json. */
    public static void refuse(ProblemWriter problems, HttpServletRequest request, HttpServletResponse response,
            long limit) throws IOException {
        response.setHeader("Connection", "close"); // the rest of the body is not read
        if (RoutedPath.of(request).startsWith("/customer/")) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Service desk</title></head><body><h1>Service desk</h1>"
                    + "<p>Your answer is too long. Please shorten it and try again.</p></body></html>");
        } else {
            problems.write(response, problems.problem(DeskTexts.languageOf(request), HttpStatus.PAYLOAD_TOO_LARGE,
                    "request-too-large", "body-too-large", Map.of("limit", String.valueOf(limit))));
        }
    }

    /** The request, with a body that cannot be read past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;

        private final long limit;

        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLarge {
            count += n;
            if (count > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
