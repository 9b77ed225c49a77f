package org.servicedesk.quality;

import java.util.List;

import org.servicedesk.ticket.TicketOwnership;
import org.springframework.stereotype.Component;

/**
 * Read by {@code processes/quality-inspection.bpmn}: the sample a process instance inspects
 * ({@code camunda:collection="${qualityInspections.idsOf(execution.processInstanceId)}"}) and
 * the ticket of each inspection ({@code ticketId}, see {@link InspectedTicketListener}). The ids come from the table,
 * so no list is stored as a process variable. Called inside the engine's transaction.
 */
@Component("qualityInspections")
public class QualityInspections implements TicketOwnership {

    private final InspectionRepository inspections;

    QualityInspections(InspectionRepository inspections) {
        this.inspections = inspections;
    }

    public List<Long> idsOf(String processInstanceId) {
        return inspections.findByProcessInstanceIdOrderByIdAsc(processInstanceId).stream().map(Inspection::getId)
                .toList();
    }

    /** An inspection instance works on the tickets it sampled, and on no other. */
    @Override
    public boolean works(String processInstanceId, Long ticketId) {
        return inspections.existsByProcessInstanceIdAndTicketId(processInstanceId, ticketId);
    }

    public Long ticketIdOf(Object inspectionId) {
        return of(inspectionId).getTicketId();
    }

    Inspection of(Object inspectionId) {
        if (!(inspectionId instanceof Number id)) {
            throw new IllegalStateException("inspectionId is missing");
        }
        return inspections.findById(id.longValue())
                .orElseThrow(() -> new IllegalStateException("no quality inspection with id " + inspectionId));
    }
}
