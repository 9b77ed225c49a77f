package org.servicedesk.quality;

import static org.servicedesk.quality.QualityInspection.FAIL;
import static org.servicedesk.quality.QualityInspection.FIELD_ATTITUDE_SCORE;
import static org.servicedesk.quality.QualityInspection.FIELD_INSPECTION_NOTES;
import static org.servicedesk.quality.QualityInspection.FIELD_PROCESS_COMPLIANCE;
import static org.servicedesk.quality.QualityInspection.FIELD_REQUEST_UNDERSTOOD;
import static org.servicedesk.quality.QualityInspection.FIELD_SOLUTION_EFFECTIVE;
import static org.servicedesk.quality.QualityInspection.PASS;
import static org.servicedesk.quality.QualityInspection.VAR_INSPECTION_ID;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.servicedesk.system.TimeSource;
import org.servicedesk.ticket.TaskFields;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_InspectTicket}: checks the scores (each criterion PASS or FAIL,
 * attitude 1 to 5, notes not blank) and saves them with the inspector to the inspection's row. A
 * completion without them is refused. The scores stay out of the process: task-local, and removed
 * should a client have set them on the process (e.g. the engine's REST complete).
 */
@Component("inspectionResultListener")
class InspectionResultListener implements TaskListener {

    static final int MAX_NOTES = 4000;

    private final QualityInspections inspections;

    private final TimeSource time;

    InspectionResultListener(QualityInspections inspections, TimeSource time) {
        this.inspections = inspections;
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean understood = passOrFail(task, FIELD_REQUEST_UNDERSTOOD);
        boolean effective = passOrFail(task, FIELD_SOLUTION_EFFECTIVE);
        int attitude = attitude(task);
        boolean compliant = passOrFail(task, FIELD_PROCESS_COMPLIANCE);
        String notes = required(task, FIELD_INSPECTION_NOTES).trim();
        if (notes.length() > MAX_NOTES) {
            throw TaskFields.invalid(FIELD_INSPECTION_NOTES, FIELD_INSPECTION_NOTES + " must be at most " + MAX_NOTES + " characters");
        }
        inspections.of(task.getVariable(VAR_INSPECTION_ID))
                .record(understood, effective, attitude, compliant, notes, task.getAssignee(), time.now());
        InspectionTaskContext.FIELDS.forEach(field -> task.getExecution().removeVariable(field));
    }

    /**
     * The field's value: on the task (Tasklist's form, prefilled empty by {@link InspectionTaskContext}),
     * else on the process (a client completing with variables); blank or missing refuses the completion.
     */
    private static String required(DelegateTask task, String field) {
        Object value = task.getVariableLocal(field);
        if (value == null) {
            value = task.getExecution().getVariable(field);
        }
        if (value == null || value.toString().isBlank()) {
            throw TaskFields.invalid(field, field + " is required to complete " + task.getTaskDefinitionKey());
        }
        return value.toString();
    }

    private static boolean passOrFail(DelegateTask task, String field) {
        String value = required(task, field).trim();
        if (PASS.equalsIgnoreCase(value)) {
            return true;
        }
        if (FAIL.equalsIgnoreCase(value)) {
            return false;
        }
        throw TaskFields.invalid(field, field + " must be PASS or FAIL to complete " + task.getTaskDefinitionKey());
    }

    private static int attitude(DelegateTask task) {
        String value = required(task, FIELD_ATTITUDE_SCORE).trim();
        try {
            BigDecimal score = new BigDecimal(value);
            if (score.stripTrailingZeros().scale() <= 0 && score.compareTo(BigDecimal.ONE) >= 0
                    && score.compareTo(BigDecimal.valueOf(5)) <= 0) {
                return score.intValue();
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw TaskFields.invalid(FIELD_ATTITUDE_SCORE, FIELD_ATTITUDE_SCORE + " must be a whole number from 1 to 5 to complete "
                + task.getTaskDefinitionKey());
    }
}
