package org.servicedesk.survey;

import static org.servicedesk.survey.SatisfactionSurvey.DISSATISFIED_AT_OR_BELOW;
import static org.servicedesk.survey.SatisfactionSurvey.MSG_SURVEY_ANSWERED;
import static org.servicedesk.survey.SatisfactionSurvey.VAR_DISSATISFIED;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.SurveyResults;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.TicketRepository;
import org.servicedesk.ticket.Timeline;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** Takes a customer's survey answer, once, and tells the survey process whether they were dissatisfied. */
@Service
public class SurveyAnswers implements SurveyResults {

    private final SurveyRepository surveys;

    private final TicketRepository tickets;

    private final Timeline timeline;

    private final RuntimeService runtimeService;

    private final TimeSource time;

    SurveyAnswers(SurveyRepository surveys, TicketRepository tickets, Timeline timeline, RuntimeService runtimeService,
            TimeSource time) {
        this.surveys = surveys;
        this.tickets = tickets;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public Survey open(String token) {
        return surveys.findByToken(token).orElseThrow(SurveyAnswers::notFound);
    }

    @Transactional
    public Survey answer(String token, SurveyAnswer answer) {
        Survey survey = open(token);
        switch (survey.getStatus()) {
            case ANSWERED -> throw problem(HttpStatus.CONFLICT, "Survey already answered",
                    "This survey was answered already; thank you.");
            case EXPIRED -> throw problem(HttpStatus.GONE, "Survey expired", "This survey is no longer open.");
            case SENT -> { }
        }
        survey.answer(answer, time.now());
        boolean dissatisfied = survey.lowestScore() <= DISSATISFIED_AT_OR_BELOW;
        Ticket ticket = tickets.findById(survey.getTicketId()).orElseThrow();
        try {
            runtimeService.createMessageCorrelation(MSG_SURVEY_ANSWERED)
                    .processInstanceBusinessKey(ticket.getNumber())
                    .setVariable(VAR_DISSATISFIED, dissatisfied)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw problem(HttpStatus.CONFLICT, "Survey not open", "This survey does not take answers now.");
        }
        timeline.record(ticket.getId(), Timeline.CUSTOMER, TicketAction.SURVEY_ANSWERED,
                "Overall " + answer.overall() + "/5, lowest " + survey.lowestScore() + "/5");
        return survey;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> overallScores(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> scores = new HashMap<>();
        for (Object[] row : surveys.overallScores(ticketIds)) {
            scores.put((Long) row[0], (Integer) row[1]);
        }
        return scores;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Result> of(Long ticketId) {
        return surveys.findByTicketId(ticketId).map(s -> new Result(s.getStatus().name(), s.getSentAt(),
                s.getAnsweredAt(), s.getResponseSpeed(), s.getResolutionEfficiency(), s.getAttitude(),
                s.getEffectiveness(), s.getOverall(), s.getComment()));
    }

    static ErrorResponseException notFound() {
        return problem(HttpStatus.NOT_FOUND, "Survey not found", "There is no survey for this link.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ErrorResponseException e = new ErrorResponseException(status);
        e.getBody().setTitle(title);
        e.getBody().setDetail(detail);
        return e;
    }
}
