package org.servicedesk.portal;

import java.util.Map;

import org.servicedesk.survey.SurveyAnswer;
import org.servicedesk.survey.SurveyAnswers;
import org.servicedesk.survey.SurveyStatus;
import org.servicedesk.ticket.Confirmation;
import org.servicedesk.ticket.Conversations;
import org.servicedesk.ticket.CustomerConfirmations;
import org.servicedesk.ticket.Message;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages behind the links in customers' messages: confirm or reject a solution, answer the
 * desk's question, answer the satisfaction survey. A link opens a page (GET changes nothing);
 * the customer's button posts the answer, which goes through the same services as the API.
 */
@RestController
@RequestMapping(path = "/customer", produces = MediaType.TEXT_HTML_VALUE)
class CustomerPages {

    private static final String TICKET = "CG\\d{8}\\d{3,6}";

    private static final String TOKEN = "[A-Za-z0-9_-]{20,64}";

    private static final String[][] QUESTIONS = {
            { "responseSpeed", "How fast did we respond?" },
            { "resolutionEfficiency", "How efficiently was it resolved?" },
            { "attitude", "How was our staff's attitude?" },
            { "effectiveness", "How well did the solution work?" },
            { "overall", "Overall, how satisfied are you?" } };

    private final CustomerConfirmations confirmations;

    private final Conversations conversations;

    private final SurveyAnswers surveys;

    CustomerPages(CustomerConfirmations confirmations, Conversations conversations, SurveyAnswers surveys) {
        this.confirmations = confirmations;
        this.conversations = conversations;
        this.surveys = surveys;
    }

    @GetMapping("/tickets/{number}/confirmation")
    ResponseEntity<String> confirmationPage(@PathVariable String number,
            @RequestParam(defaultValue = "true") boolean accepted) {
        requireTicket(number);
        String question = accepted ? "Did our solution solve your problem?" : "Our solution did not help?";
        return ok(new Page("Request " + number).heading("Request " + number).paragraph(question)
                .markup(form("/customer/tickets/" + number + "/confirmation",
                        "<input type=\"hidden\" name=\"accepted\" value=\"" + accepted + "\">"
                                + "<label for=\"comment\">" + (accepted ? "Anything to add? (optional)"
                                        : "What is still wrong? (optional)") + "</label>"
                                + "<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea>",
                        accepted ? "Yes, it is solved" : "No, it is not solved")));
    }

    @PostMapping(path = "/tickets/{number}/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> confirm(@PathVariable String number, @RequestParam boolean accepted,
            @RequestParam(required = false) String comment) {
        requireTicket(number);
        return answered("Request " + number, () -> confirmations.answer(number, new Confirmation(accepted,
                limit(comment, 2000))), accepted ? "Thank you: your request is closed."
                        : "Thank you: we have reopened your request and will come back to you.");
    }

    @GetMapping("/tickets/{number}/reply")
    ResponseEntity<String> replyPage(@PathVariable String number) {
        requireTicket(number);
        return ok(new Page("Request " + number).heading("Request " + number)
                .paragraph("Please answer the question we sent you.")
                .markup(form("/customer/tickets/" + number + "/reply",
                        "<label for=\"message\">Your answer</label>"
                                + "<textarea id=\"message\" name=\"message\" required maxlength=\"4000\"></textarea>",
                        "Send")));
    }

    @PostMapping(path = "/tickets/{number}/reply", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> reply(@PathVariable String number, @RequestParam(defaultValue = "") String message) {
        requireTicket(number);
        if (message.isBlank() || message.length() > 4000) {
            return page(HttpStatus.BAD_REQUEST, "Request " + number, "Please write an answer (at most 4000 characters).");
        }
        return answered("Request " + number, () -> conversations.customerReply(number, new Message(message, null)),
                "Thank you: your answer is with our team.");
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
        SurveyAnswer answer = new SurveyAnswer(scores[0], scores[1], scores[2], scores[3], scores[4],
                limit(form.get("comment"), 2000));
        return answered("Satisfaction survey", () -> surveys.answer(token, answer), "Thank you for your answer.");
    }

    private ResponseEntity<String> answered(String title, Runnable action, String thanks) {
        action.run(); // a refusal (unknown ticket, already answered, ...) is rendered by refused()
        return page(HttpStatus.OK, title, thanks);
    }

    private static String form(String action, String fields, String button) {
        return "<form method=\"post\" action=\"" + Page.escape(action) + "\">" + fields + "<button type=\"submit\">"
                + Page.escape(button) + "</button></form>";
    }

    private static ResponseEntity<String> ok(Page page) {
        return ResponseEntity.ok(page.html());
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(new Page(title).heading(title).paragraph(text).html());
    }

    private static Integer score(String value) {
        return value != null && value.matches("[1-5]") ? Integer.valueOf(value) : null;
    }

    private static String limit(String text, int max) {
        return text == null || text.isBlank() ? null : text.length() <= max ? text : text.substring(0, max);
    }

    private static void requireTicket(String number) {
        if (!number.matches(TICKET)) {
            throw new InvalidLink();
        }
    }

    private static void requireToken(String token) {
        if (!token.matches(TOKEN)) {
            throw new InvalidLink();
        }
    }

    /** A link that names no ticket or survey of ours. */
    static final class InvalidLink extends RuntimeException {

        InvalidLink() {
            super("invalid link", null, false, false);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(InvalidLink.class)
    ResponseEntity<String> invalidLink() {
        return page(HttpStatus.NOT_FOUND, "Service desk", "This link is not valid.");
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<String> refused(ErrorResponseException e) {
        String detail = e.getBody().getDetail();
        return page(HttpStatus.valueOf(e.getStatusCode().value()), "Service desk",
                detail != null ? detail : "This link cannot be used now.");
    }
}
