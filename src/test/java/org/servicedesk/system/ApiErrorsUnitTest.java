package org.servicedesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;

/** What the API answers when the engine refuses a request or something fails inside, and a chunked oversize body. */
class ApiErrorsUnitTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler(problems());

    final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/tickets"));

    @Test
    void theEngineRefusingBadInputIs400AndNotWaitingIs409WithoutTheEngineMessage() {
        ResponseEntity<Object> bad = handler.engineRefused(new BadUserRequestException("variable x: secret detail"),
                request);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) bad.getBody()).getDetail()).doesNotContain("secret");

        ResponseEntity<Object> notWaiting = handler.engineRefused(
                new MismatchingMessageCorrelationException("CustomerConfirmed"), request);
        assertThat(notWaiting.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anythingElseIs500ProblemJsonThatTellsNothingAboutTheInside() {
        for (Exception e : new Exception[] { new ProcessEngineException("ENGINE-1234 table ACT_RU_X"),
                new IllegalStateException("no ticket with id 7"), new NullPointerException() }) {
            ResponseEntity<Object> answer = e instanceof ProcessEngineException engine
                    ? handler.engineRefused(engine, request) : handler.unexpected(e, request);
            assertThat(answer.getStatusCode().value()).isEqualTo(500);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            ProblemDetail problem = (ProblemDetail) answer.getBody();
            assertThat(problem.getDetail()).isEqualTo("Something went wrong on our side. Please try again later.");
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        RequestSizeLimit filter = new RequestSizeLimit(DataSize.ofKilobytes(64), DataSize.ofMegabytes(1),
                DataSize.ofMegabytes(10), problems());
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/tickets") {

            @Override
            public long getContentLengthLong() {
                return -1; // no Content-Length: Transfer-Encoding chunked
            }

            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream bytes = new ByteArrayInputStream(new byte[70_000]);
                return new ServletInputStream() {

                    @Override
                    public int read() {
                        return bytes.read();
                    }

                    @Override
                    public boolean isFinished() {
                        return bytes.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                    }
                };
            }
        };
        filter.doFilter(chunked, new MockHttpServletResponse(), (req, res) -> {
            byte[] buffer = new byte[8192];
            assertThatThrownBy(() -> {
                while (req.getInputStream().read(buffer, 0, buffer.length) >= 0) {
                    // read on, as a JSON parser would
                }
            }).isInstanceOf(RequestSizeLimit.BodyTooLarge.class);
        });

        MockHttpServletRequest declared = new MockHttpServletRequest("POST", "/api/surveys/x");
        declared.setContent(new byte[65_537]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(declared, response, (req, res) -> {
            throw new IOException("must not be reached");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    /** The writer with the texts of the messages files, as the application reads them. */
    static ProblemWriter problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ProblemWriter(new DeskTexts(messages));
    }
}
