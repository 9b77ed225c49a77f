package org.servicedesk.quality;

import static org.servicedesk.quality.QualityInspection.FIELD_ATTITUDE_SCORE;
import static org.servicedesk.quality.QualityInspection.FIELD_INSPECTION_NOTES;
import static org.servicedesk.quality.QualityInspection.FIELD_PROCESS_COMPLIANCE;
import static org.servicedesk.quality.QualityInspection.FIELD_REQUEST_UNDERSTOOD;
import static org.servicedesk.quality.QualityInspection.FIELD_SOLUTION_EFFECTIVE;
import static org.servicedesk.quality.QualityInspection.TASK_INSPECT_TICKET;
import static org.servicedesk.quality.QualityInspection.VAR_INSPECTION_ID;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.servicedesk.ticket.ServiceLevels;
import org.servicedesk.ticket.SurveyResults;
import org.servicedesk.ticket.TaskContextContributor;
import org.servicedesk.ticket.PersonalText;
import org.servicedesk.ticket.Ticket;
import org.servicedesk.ticket.Timeline;
import org.springframework.stereotype.Component;

/**
 * The inspection form's read-only context (task-local, set when {@code Task_InspectTicket} is
 * created, after {@code taskContextListener}'s ticket number, subject, description, masked
 * customer and history): why the ticket was sampled, its classification, resolution, closure,
 * SLA clocks and survey answer. The score fields are created empty on the task, so what the
 * inspector submits stays on the task and never reaches the process.
 */
@Component
class InspectionTaskContext implements TaskContextContributor {

    static final List<String> FIELDS = List.of(FIELD_REQUEST_UNDERSTOOD, FIELD_SOLUTION_EFFECTIVE,
            FIELD_ATTITUDE_SCORE, FIELD_PROCESS_COMPLIANCE, FIELD_INSPECTION_NOTES);

    private final QualityInspections inspections;

    private final ServiceLevels serviceLevels;

    private final SurveyResults surveys;

    private final Timeline timeline;

    InspectionTaskContext(QualityInspections inspections, ServiceLevels serviceLevels, SurveyResults surveys,
            Timeline timeline) {
        this.inspections = inspections;
        this.serviceLevels = serviceLevels;
        this.surveys = surveys;
        this.timeline = timeline;
    }

    @Override
    public void contribute(DelegateTask task, Ticket ticket) {
        if (!TASK_INSPECT_TICKET.equals(task.getTaskDefinitionKey())) {
            return;
        }
        Inspection inspection = inspections.of(task.getVariable(VAR_INSPECTION_ID));
        task.setVariableLocal("sampleWeek", inspection.getSampleWeek());
        task.setVariableLocal("sampleReason", inspection.getReason() == SampleReason.DISSATISFIED
                ? "Dissatisfied survey answer (a score of 2 or less)" : "Random sample");
        task.setVariableLocal("category", ticket.getCategory().name());
        task.setVariableLocal("priority", ticket.getPriority().name());
        task.setVariableLocal("channel", ticket.getChannel().name());
        task.setVariableLocal("queue", ticket.getQueue() == null ? "" : ticket.getQueue());
        task.setVariableLocal("createdAt", timeline.format(ticket.getCreatedAt()));
        task.setVariableLocal("firstRespondedAt", timeline.format(ticket.getFirstRespondedAt()));
        task.setVariableLocal("closedAt", timeline.format(ticket.getClosedAt()));
        task.setVariableLocal("closeReason", ticket.getCloseReason() == null ? "" : ticket.getCloseReason().name());
        task.setVariableLocal("resolvedTier", ticket.getResolvedTier() == null ? "" : "Tier " + ticket.getResolvedTier());
        task.setVariableLocal("resolution", java.util.Objects.toString(PersonalText.mask(ticket.getResolution(), ticket), ""));
        task.setVariableLocal("slaClocks", slaClocks(ticket));
        SurveyResults.Result survey = surveys.of(ticket.getId()).orElse(null);
        task.setVariableLocal("surveyScores", survey == null || survey.answeredAt() == null ? "No survey answer"
                : "Response speed " + survey.responseSpeed() + " · resolution efficiency "
                        + survey.resolutionEfficiency() + " · attitude " + survey.attitude() + " · effectiveness "
                        + survey.effectiveness() + " · overall " + survey.overall() + " (of 5)");
        task.setVariableLocal("surveyComment",
                survey == null || survey.comment() == null ? "" : PersonalText.mask(survey.comment(), ticket));
        FIELDS.forEach(field -> task.setVariableLocal(field, null));
    }

    private String slaClocks(Ticket ticket) {
        List<ServiceLevels.Clock> clocks = serviceLevels.of(ticket.getId());
        if (clocks.isEmpty()) {
            return "No SLA clocks";
        }
        return clocks.stream()
                .map(c -> "- **" + c.clock() + "** (" + c.target() + "): due " + timeline.format(c.dueAt()) + " · "
                        + (c.outcome() != null ? c.outcome().toLowerCase() : c.breachedAt() != null ? "breached" : "open"))
                .collect(Collectors.joining("\n"));
    }
}
