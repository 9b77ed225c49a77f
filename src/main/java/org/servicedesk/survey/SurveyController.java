package org.servicedesk.survey;

import java.time.Instant;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's side of the survey: the link's token is the only credential. */
@RestController
@RequestMapping("/api/surveys")
class SurveyController {

    private static final String TOKEN = "[A-Za-z0-9_-]{20,64}";

    private final SurveyAnswers answers;

    SurveyController(SurveyAnswers answers) {
        this.answers = answers;
    }

    record SurveyState(SurveyStatus status, Instant sentAt, Instant answeredAt) {

        static SurveyState of(Survey survey) {
            return new SurveyState(survey.getStatus(), survey.getSentAt(), survey.getAnsweredAt());
        }
    }

    @GetMapping("/{token}")
    SurveyState get(@PathVariable String token) {
        requireWellFormed(token);
        return SurveyState.of(answers.open(token));
    }

    @PostMapping("/{token}")
    SurveyState answer(@PathVariable String token, @Valid @RequestBody SurveyAnswer answer) {
        requireWellFormed(token);
        return SurveyState.of(answers.answer(token, answer));
    }

    private static void requireWellFormed(String token) {
        if (!token.matches(TOKEN)) {
            throw SurveyAnswers.notFound();
        }
    }
}
