package org.servicedesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Problem details of our API in the request's language, and the one writer of them for the
 * filters, which answer before Spring MVC could: {@code application/problem+json}, UTF-8, written
 * by Jackson (a title or detail may quote the request: a field name, a path). Titles are
 * {@code problem.title.<name>}, details {@code problem.detail.<name>} in the messages files.
 */
@Component
public class ProblemWriter {

    // Spring's builder: ProblemDetail with its mix-in (its properties at the top level, nothing empty)
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private final DeskTexts texts;

    public ProblemWriter(DeskTexts texts) {
        this.texts = texts;
    }

    /** A problem with the title and detail of these names, the detail's {placeholders} filled. */
    public ProblemDetail problem(Locale language, HttpStatus status, String title, String detail,
            Map<String, String> values) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                texts.text("problem.detail." + detail, language, values));
        problem.setTitle(title(language, title));
        return problem;
    }

    /** A title in a language, for a detail that is not one of ours. */
    public String title(Locale language, String title) {
        return texts.text("problem.title." + title, language, Map.of());
    }

    /** Answers the problem, unless the answer has gone out already; what the response held is dropped. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
