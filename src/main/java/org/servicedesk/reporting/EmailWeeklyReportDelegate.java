package org.servicedesk.reporting;

import static org.servicedesk.reporting.WeeklyServiceReport.VAR_MANAGERS_EMAILED;
import static org.servicedesk.reporting.WeeklyServiceReport.VAR_WEEK;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.servicedesk.notification.Notifier;
import org.servicedesk.system.ServiceDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EmailWeeklyReport}: computes the report of the process's {@code week} and queues it
 * as one e-mail per member of {@code servicedesk.weekly-report.recipient-group} who has an e-mail
 * address (the outbox sends it). The outbox key is the week and the user, so a retried job or a
 * second run for the same week e-mails nobody twice. Sets {@code managersEmailed}: how many
 * managers have the week's report in the outbox.
 */
@Component("emailWeeklyReportDelegate")
class EmailWeeklyReportDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EmailWeeklyReportDelegate.class);

    private final WeeklyReport report;

    private final Notifier notifier;

    private final IdentityService identityService;

    private final ServiceDeskProperties properties;

    private final WeeklyReportProperties settings;

    EmailWeeklyReportDelegate(WeeklyReport report, Notifier notifier, IdentityService identityService,
            ServiceDeskProperties properties, WeeklyReportProperties settings) {
        this.report = report;
        this.notifier = notifier;
        this.identityService = identityService;
        this.properties = properties;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String label = String.valueOf(execution.getVariable(VAR_WEEK));
        ReportWeek week = ReportWeek.parse(label, properties.zone())
                .orElseThrow(() -> new IllegalStateException(VAR_WEEK + " is not an ISO week: " + label));
        String url = properties.publicBaseUrl() + "/api/reports/weekly?week=" + week.label();
        String summary = ReportSummary.of(report.of(week, properties.zone()), properties.zone(), url);
        List<User> members = identityService.createUserQuery().memberOfGroup(settings.recipientGroup())
                .orderByUserId().asc().list();
        int emailed = 0;
        for (User member : members) {
            if (member.getEmail() == null || member.getEmail().isBlank()) {
                log.warn("weekly report {}: {} of group {} has no e-mail address", week.label(), member.getId(),
                        settings.recipientGroup());
                continue;
            }
            notifier.weeklyReportByEmail(week.label(), member.getId(), member.getEmail().trim(), summary);
            emailed++;
        }
        log.info("weekly report {}: e-mailed to {} of {} members of {}", week.label(), emailed, members.size(),
                settings.recipientGroup());
        execution.setVariable(VAR_MANAGERS_EMAILED, emailed);
    }
}
