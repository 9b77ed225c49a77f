package org.servicedesk.portal;

import java.util.List;
import java.util.Map;

import org.servicedesk.survey.SurveyAnswer;
import org.servicedesk.survey.SurveyAnswers;
import org.servicedesk.survey.SurveyStatus;
import org.servicedesk.system.CleanText;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.CustomerLinkPurpose;
import org.servicedesk.ticket.CustomerLinks;
import org.servicedesk.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages behind the links in customers' messages: confirm or reject a solution, answer the
 * desk's question, answer the satisfaction survey. Each link carries its own single-purpose token
 * ({@link CustomerLinks}, the survey's token); a ticket number opens nothing. A link opens a page
 * (GET changes nothing); the customer's button posts the answer, which goes through the same
 * services as the API. The pages are Thymeleaf templates ({@link Pages}), every text on them escaped.
 */
@RestController
@RequestMapping(path = "/customer", produces = MediaType.TEXT_HTML_VALUE)
class CustomerPages {

    private static final Logger log = LoggerFactory.getLogger(CustomerPages.class);

    private static final String TOKEN = "[A-Za-z0-9_-]{20,64}";

    /** The survey's questions: form field names, texts customer.survey.question.<name>. */
    private static final List<String> QUESTIONS = List.of("responseSpeed", "resolutionEfficiency", "attitude",
            "effectiveness", "overall");

    private final CustomerLinks links;

    private final SurveyAnswers surveys;

    private final Pages pages;

    CustomerPages(CustomerLinks links, SurveyAnswers surveys, Pages pages) {
        this.links = links;
        this.surveys = surveys;
        this.pages = pages;
    }

    @GetMapping("/confirmations/{token}")
    ResponseEntity<String> confirmationPage(@PathVariable String token,
            @RequestParam(defaultValue = "true") String accepted) {
        Ticket ticket = links.open(token, CustomerLinkPurpose.CONFIRMATION);
        boolean yes = !"false".equals(accepted);
        String title = title(ticket);
        return pages.answer(HttpStatus.OK, pages.page(title, title,
                pages.text(yes ? "customer.confirmation.question.yes" : "customer.confirmation.question.no"))
                .form("confirmation", "/customer/confirmations/" + token, Map.of("accepted", yes)));
    }

    @PostMapping(path = "/confirmations/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token, @RequestParam(defaultValue = "") String accepted,
            @RequestParam(required = false) String comment) {
        if (!accepted.equals("true") && !accepted.equals("false")) {
            return page(HttpStatus.BAD_REQUEST, pages.text("customer.service-desk"),
                    pages.text("customer.confirmation.use-buttons"));
        }
        if (comment != null && !CleanText.Validator.isClean(comment, true)) {
            return page(HttpStatus.BAD_REQUEST, pages.text("customer.service-desk"),
                    pages.text("customer.confirmation.bad-comment"));
        }
        boolean yes = Boolean.parseBoolean(accepted);
        Ticket ticket = links.confirm(token, new Confirmation(yes, limit(comment, 2000)));
        return page(HttpStatus.OK, title(ticket),
                pages.text(yes ? "customer.confirmation.closed" : "customer.confirmation.reopened"));
    }

    @GetMapping("/replies/{token}")
    ResponseEntity<String> replyPage(@PathVariable String token) {
        Ticket ticket = links.open(token, CustomerLinkPurpose.REPLY);
        String title = title(ticket);
        return pages.answer(HttpStatus.OK, pages.page(title, title, pages.text("customer.reply.question"))
                .form("reply", "/customer/replies/" + token, Map.of()));
    }

    @PostMapping(path = "/replies/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> reply(@PathVariable String token, @RequestParam(defaultValue = "") String message) {
        if (message.isBlank() || message.length() > 4000 || !CleanText.Validator.isClean(message, true)) {
            return page(HttpStatus.BAD_REQUEST, pages.text("customer.service-desk"),
                    pages.text("customer.reply.invalid"));
        }
        Ticket ticket = links.reply(token, message);
        return page(HttpStatus.OK, title(ticket), pages.text("customer.reply.thanks"));
    }

    /** Any other address under /customer, among them the links by ticket number of earlier versions. */
    @RequestMapping("/**")
    ResponseEntity<String> unknownLink() {
        throw new InvalidLink();
    }

    @GetMapping("/surveys/{token}")
    ResponseEntity<String> surveyPage(@PathVariable String token) {
        requireToken(token);
        if (surveys.open(token).getStatus() != SurveyStatus.SENT) {
            return page(HttpStatus.GONE, pages.text("customer.survey.title"), pages.text("customer.survey.closed"));
        }
        return pages.answer(HttpStatus.OK, pages.page(pages.text("customer.survey.title"),
                pages.text("customer.survey.heading"), pages.text("customer.survey.scale"))
                .form("survey", "/customer/surveys/" + token, Map.of("questions", QUESTIONS)));
    }

    @PostMapping(path = "/surveys/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> answerSurvey(@PathVariable String token, @RequestParam Map<String, String> form) {
        requireToken(token);
        Integer[] scores = new Integer[QUESTIONS.size()];
        for (int i = 0; i < QUESTIONS.size(); i++) {
            scores[i] = score(form.get(QUESTIONS.get(i)));
            if (scores[i] == null) {
                return page(HttpStatus.BAD_REQUEST, pages.text("customer.survey.title"), pages.text(
                        "customer.survey.choose",
                        Map.of("question", pages.text("customer.survey.question." + QUESTIONS.get(i)))));
            }
        }
        String comment = form.get("comment");
        if (comment != null && !CleanText.Validator.isClean(comment, true)) {
            return page(HttpStatus.BAD_REQUEST, pages.text("customer.survey.title"),
                    pages.text("customer.survey.bad-comment"));
        }
        SurveyAnswer answer = new SurveyAnswer(scores[0], scores[1], scores[2], scores[3], scores[4],
                limit(comment, 2000));
        surveys.answer(token, answer); // a refusal (already answered, expired, ...) is rendered by refused()
        return page(HttpStatus.OK, pages.text("customer.survey.title"), pages.text("customer.survey.thanks"));
    }

    private String title(Ticket ticket) {
        return pages.text("customer.request", Map.of("number", ticket.getNumber()));
    }

    /** A page with a title, the same heading and one paragraph. */
    private ResponseEntity<String> page(HttpStatus status, String title, String text) {
        return pages.answer(status, pages.page(title, title, text));
    }

    private static Integer score(String value) {
        return value != null && value.matches("[1-5]") ? Integer.valueOf(value) : null;
    }

    private static String limit(String text, int max) {
        return text == null || text.isBlank() ? null : text.length() <= max ? text : text.substring(0, max);
    }

    private static void requireToken(String token) {
        if (!token.matches(TOKEN)) {
            throw new InvalidLink();
        }
    }

    /** A link that names no survey or request of ours. */
    static final class InvalidLink extends RuntimeException {

        InvalidLink() {
            super("invalid link", null, false, false);
        }
    }

    @ExceptionHandler(InvalidLink.class)
    ResponseEntity<String> invalidLink() {
        return page(HttpStatus.NOT_FOUND, pages.text("customer.service-desk"), pages.text("customer.invalid-link"));
    }

    /** Refusals of the services (link used or expired, survey answered, ...) with the API's message. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<String> refused(ErrorResponseException e) {
        String detail = e.getBody().getDetail();
        return page(HttpStatus.valueOf(e.getStatusCode().value()), pages.text("customer.service-desk"),
                detail != null ? detail : pages.text("customer.cannot-use"));
    }

    /** A form that did not come from our page (missing or mistyped fields). */
    @ExceptionHandler({ ServletRequestBindingException.class, TypeMismatchException.class,
            HttpMessageNotReadableException.class, RequestRejectedException.class })
    ResponseEntity<String> badForm() {
        return page(HttpStatus.BAD_REQUEST, pages.text("customer.service-desk"), pages.text("customer.bad-form"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("customer page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, pages.text("customer.service-desk"),
                pages.text("customer.failed"));
    }
}
