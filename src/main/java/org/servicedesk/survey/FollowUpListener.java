package org.servicedesk.survey;

import static org.servicedesk.ticket.TaskFields.required;
import static org.servicedesk.survey.SatisfactionSurvey.VAR_FOLLOW_UP_ACTIONS;
import static org.servicedesk.survey.SatisfactionSurvey.VAR_FOLLOW_UP_CAUSE;
import static org.servicedesk.survey.SatisfactionSurvey.VAR_FOLLOW_UP_RESULT;
import static org.servicedesk.survey.SatisfactionSurvey.VAR_SURVEY_ID;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicedesk.engine.EngineAuthentication;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.TicketAction;
import org.servicedesk.ticket.Timeline;
import org.servicedesk.ticket.TaskFields;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Complete listener of {@code Task_FollowUpDissatisfied}: files the follow-up (template C). */
@Component("followUpListener")
class FollowUpListener implements TaskListener {

    static final Set<String> RESULTS = Set.of("RESOLVED", "PARTLY", "UNRESOLVED", "UNREACHABLE");

    private final SurveyRepository surveys;

    private final FollowUpRepository followUps;

    private final Timeline timeline;

    private final TimeSource time;

    private final IdentityService identityService;

    FollowUpListener(SurveyRepository surveys, FollowUpRepository followUps, Timeline timeline, TimeSource time,
            @Lazy IdentityService identityService) {
        this.surveys = surveys;
        this.followUps = followUps;
        this.timeline = timeline;
        this.time = time;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String cause = required(task, VAR_FOLLOW_UP_CAUSE);
        String actions = required(task, VAR_FOLLOW_UP_ACTIONS);
        String result = required(task, VAR_FOLLOW_UP_RESULT);
        if (!RESULTS.contains(result)) {
            throw TaskFields.invalid(VAR_FOLLOW_UP_RESULT, VAR_FOLLOW_UP_RESULT + " must be one of " + RESULTS);
        }
        Survey survey = surveys.findById(((Number) task.getVariable(VAR_SURVEY_ID)).longValue()).orElseThrow();
        String current = EngineAuthentication.currentUserId(identityService);
        String owner = task.getAssignee() != null ? task.getAssignee() : current != null ? current : Timeline.SYSTEM;
        followUps.save(new FollowUp(survey, cause, actions, owner, result, time.now()));
        timeline.record(survey.getTicketId(), owner, TicketAction.FOLLOWED_UP, result + ": " + actions);
    }
}
