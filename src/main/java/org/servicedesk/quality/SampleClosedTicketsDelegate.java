package org.servicedesk.quality;

import static org.servicedesk.quality.QualityInspection.VAR_SAMPLED_TICKETS;
import static org.servicedesk.quality.QualityInspection.VAR_WEEK;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.servicedesk.reporting.ReportWeek;
import org.servicedesk.system.ServiceDeskProperties;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SampleClosedTickets}: draws the sample of the process's {@code week} into
 * {@code quality_inspection} (see {@link QualitySampler}) and sets {@code sampledTickets}. The
 * rows carry this process instance's id: {@code Task_InspectTicket} runs once per row.
 */
@Component("sampleClosedTicketsDelegate")
class SampleClosedTicketsDelegate implements JavaDelegate {

    private final QualitySampler sampler;

    private final ServiceDeskProperties properties;

    SampleClosedTicketsDelegate(QualitySampler sampler, ServiceDeskProperties properties) {
        this.sampler = sampler;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String label = String.valueOf(execution.getVariable(VAR_WEEK));
        ReportWeek week = ReportWeek.parse(label, properties.zone())
                .orElseThrow(() -> new IllegalStateException(VAR_WEEK + " is not an ISO week: " + label));
        execution.setVariable(VAR_SAMPLED_TICKETS, sampler.sample(week, execution.getProcessInstanceId()).size());
    }
}
