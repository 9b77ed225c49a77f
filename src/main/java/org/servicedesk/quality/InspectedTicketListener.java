package org.servicedesk.quality;

import static org.servicedesk.quality.QualityInspection.VAR_INSPECTION_ID;
import static org.servicedesk.quality.QualityInspection.VAR_TICKET_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * First create listener of {@code Task_InspectTicket}: sets {@code ticketId}, the id of the
 * inspection's ticket, on this instance's execution only, so that {@code taskContextListener}
 * names the task after the ticket and gives it the ticket's context. (An input parameter would
 * be evaluated before the multi-instance element {@code inspectionId} is there.)
 */
@Component("inspectedTicketListener")
class InspectedTicketListener implements TaskListener {

    private final QualityInspections inspections;

    InspectedTicketListener(QualityInspections inspections) {
        this.inspections = inspections;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariableLocal(VAR_TICKET_ID, inspections.ticketIdOf(task.getVariable(VAR_INSPECTION_ID)));
    }
}
