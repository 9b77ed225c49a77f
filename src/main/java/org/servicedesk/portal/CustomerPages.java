package org.servicedesk.portal;

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
import org.springframework.http.HttpHeaders;
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
 * services as the API. Every text on a page is escaped ({@link Page}).
 */
@RestController
@RequestMapping(path = "/customer", produces = MediaType.TEXT_HTML_VALUE)
class CustomerPages {

    private static final Logger log = LoggerFactory.getLogger(CustomerPages.class);

    private static final String TOKEN = "[A-Za-z0-9_-]{20,64}";

    private static final String[][] QUESTIONS = {
            { "responseSpeed", "How fast did we respond?" },
            { "resolutionEfficiency", "How efficiently was it resolved?" },
            { "attitude", "How was our staff's attitude?" },
            { "effectiveness", "How well did the solution work?" },
            { "overall", "Overall, how satisfied are you?" } };

    private final CustomerLinks links;

    private final SurveyAnswers surveys;

    CustomerPages(CustomerLinks links, SurveyAnswers surveys) {
        this.links = links;
        this.surveys = surveys;
    }

    @GetMapping("/confirmations/{token}")
    ResponseEntity<String> confirmationPage(@PathVariable String token,
            @RequestParam(defaultValue = "true") String accepted) {
        Ticket ticket = links.open(token, CustomerLinkPurpose.CONFIRMATION);
        boolean yes = !"false".equals(accepted);
        String title = "Request " + ticket.getNumber();
        String question = yes ? "Did our solution solve your problem?" : "Our solution did not help?";
        return ok(new Page(title).heading(title).paragraph(question)
                .markup(form("/customer/confirmations/" + token,
                        "<input type=\"hidden\" name=\"accepted\" value=\"" + yes + "\">"
                                + "<label for=\"comment\">" + (yes ? "Anything to add? (optional)"
                                        : "What is still wrong? (optional)") + "</label>"
                                + "<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea>",
                        yes ? "Yes, it is solved" : "No, it is not solved")));
    }

    @PostMapping(path = "/confirmations/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token, @RequestParam(defaultValue = "") String accepted,
            @RequestParam(required = false) String comment) {
        if (!accepted.equals("true") && !accepted.equals("false")) {
            return page(HttpStatus.BAD_REQUEST, "Service desk", "Please use one of the buttons of the page.");
        }
        if (comment != null && !CleanText.Validator.isClean(comment, true)) {
            return page(HttpStatus.BAD_REQUEST, "Service desk", "Your comment contains characters we cannot take.");
        }
        boolean yes = Boolean.parseBoolean(accepted);
        Ticket ticket = links.confirm(token, new Confirmation(yes, limit(comment, 2000)));
        return page(HttpStatus.OK, "Request " + ticket.getNumber(), yes ? "Thank you: your request is closed."
                : "Thank you: we have reopened your request and will come back to you.");
    }

    @GetMapping("/replies/{token}")
    ResponseEntity<String> replyPage(@PathVariable String token) {
        Ticket ticket = links.open(token, CustomerLinkPurpose.REPLY);
        String title = "Request " + ticket.getNumber();
        return ok(new Page(title).heading(title)
                .paragraph("Please answer the question we sent you.")
                .markup(form("/customer/replies/" + token,
                        "<label for=\"message\">Your answer</label>"
                                + "<textarea id=\"message\" name=\"message\" required maxlength=\"4000\"></textarea>",
                        "Send")));
    }

    @PostMapping(path = "/replies/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> reply(@PathVariable String token, @RequestParam(defaultValue = "") String message) {
        if (message.isBlank() || message.length() > 4000 || !CleanText.Validator.isClean(message, true)) {
            return page(HttpStatus.BAD_REQUEST, "Service desk",
                    "Please write an answer (at most 4000 characters, no control characters).");
        }
        Ticket ticket = links.reply(token, message);
        return page(HttpStatus.OK, "Request " + ticket.getNumber(), "Thank you: your answer is with our team.");
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
            return page(HttpStatus.GONE, "Satisfaction survey", "This survey is closed. Thank you.");
        }
        StringBuilder fields = new StringBuilder();
        for (String[] question : QUESTIONS) {
            fields.append("<fieldset><legend>").append(Page.escape(question[1])).append("</legend>");
            for (int score = 1; score <= 5; score++) {
                fields.append("<label><input type=\"radio\" name=\"").append(question[0]).append("\" value=\"")
                        .append(score).append("\" required> ").append(score).append("</label>");
            }
            fields.append("</fieldset>");
        }
        fields.append("<label for=\"comment\">Suggestions (optional)</label>"
                + "<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea>");
        return ok(new Page("Satisfaction survey").heading("How did we do?")
                .paragraph("1 = very dissatisfied, 5 = very satisfied.")
                .markup(form("/customer/surveys/" + token, fields.toString(), "Send")));
    }

    @PostMapping(path = "/surveys/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> answerSurvey(@PathVariable String token, @RequestParam Map<String, String> form) {
        requireToken(token);
        Integer[] scores = new Integer[QUESTIONS.length];
        for (int i = 0; i < QUESTIONS.length; i++) {
            scores[i] = score(form.get(QUESTIONS[i][0]));
            if (scores[i] == null) {
                return page(HttpStatus.BAD_REQUEST, "Satisfaction survey", "Please choose a score from 1 to 5 for: "
                        + QUESTIONS[i][1]);
            }
        }
        String comment = form.get("comment");
        if (comment != null && !CleanText.Validator.isClean(comment, true)) {
            return page(HttpStatus.BAD_REQUEST, "Satisfaction survey",
                    "Your suggestion contains characters we cannot take.");
        }
        SurveyAnswer answer = new SurveyAnswer(scores[0], scores[1], scores[2], scores[3], scores[4],
                limit(comment, 2000));
        surveys.answer(token, answer); // a refusal (already answered, expired, ...) is rendered by refused()
        return page(HttpStatus.OK, "Satisfaction survey", "Thank you for your answer.");
    }

    private static String form(String action, String fields, String button) {
        return "<form method=\"post\" action=\"" + Page.escape(action) + "\">" + fields + "<button type=\"submit\">"
                + Page.escape(button) + "</button></form>";
    }

    private static ResponseEntity<String> ok(Page page) {
        return page(HttpStatus.OK, page);
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        return page(status, new Page(title).heading(title).paragraph(text));
    }

    /**
     * The token is in the address: nothing cached (and the site-wide Referrer-Policy same-origin keeps
     * it from other sites; the pages load nothing from elsewhere).
     */
    private static ResponseEntity<String> page(HttpStatus status, Page page) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(page.html());
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
        return page(HttpStatus.NOT_FOUND, "Service desk",
                "This link is not valid. If you still need help, please contact us.");
    }

    /** Refusals of the services (link used or expired, survey answered, ...) with the API's message. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<String> refused(ErrorResponseException e) {
        String detail = e.getBody().getDetail();
        return page(HttpStatus.valueOf(e.getStatusCode().value()), "Service desk",
                detail != null ? detail : "This link cannot be used now.");
    }

    /** A form that did not come from our page (missing or mistyped fields). */
    @ExceptionHandler({ ServletRequestBindingException.class, TypeMismatchException.class,
            HttpMessageNotReadableException.class, RequestRejectedException.class })
    ResponseEntity<String> badForm() {
        return page(HttpStatus.BAD_REQUEST, "Service desk", "Please use the form of the page.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("customer page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Service desk",
                "Sorry, something went wrong on our side. Please try again later.");
    }
}
