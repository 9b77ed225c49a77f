package org.servicedesk.notification;

import java.util.HashMap;
import java.util.Map;

import org.servicedesk.crm.Customer;
import org.servicedesk.crm.CustomerLookup;
import org.servicedesk.system.TimeSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues notifications in the outbox, in the caller's transaction. A step that runs again
 * (a retried job, a timer that fires again after a reopen) finds its row and queues nothing.
 */
@Service
public class Notifier {

    private final NotificationRepository outbox;

    private final CustomerLookup crm;

    private final TimeSource time;

    private final NotificationTexts texts;

    Notifier(NotificationRepository outbox, CustomerLookup crm, TimeSource time, NotificationTexts texts) {
        this.outbox = outbox;
        this.crm = crm;
        this.time = time;
        this.texts = texts;
    }

    /** Sends the customer a message by their preferred channel (e-mail, else SMS). */
    @Transactional
    public void toCustomer(NotifiedTicket ticket, String step, NotificationTemplate template, Map<String, String> values,
            String link) {
        Customer customer = crm.byId(ticket.getCustomerId()).orElse(null);
        String language = customer != null ? customer.getLanguage() : "en";
        String email = customer != null && customer.getEmail() != null ? customer.getEmail() : ticket.getContactEmail();
        String phone = customer != null && customer.getPhone() != null ? customer.getPhone() : ticket.getContactPhone();
        boolean prefersSms = customer != null && "SMS".equals(customer.getPreferredChannel());
        NotificationChannel channel;
        String address;
        if (email != null && !(prefersSms && phone != null)) {
            channel = NotificationChannel.EMAIL;
            address = email;
        } else if (phone != null) {
            channel = NotificationChannel.SMS;
            address = phone;
        } else {
            return; // nobody to write to; the agent sees the ticket and calls back
        }
        queue(ticket, step, RecipientKind.CUSTOMER, address, channel, template, language, values, link);
    }

    /**
     * Tells every member of a group (e.g. the supervisors, a task's candidate group), in the
     * application. False when this step had told this group already.
     */
    @Transactional
    public boolean toGroup(NotifiedTicket ticket, String step, String groupId, NotificationTemplate template,
            Map<String, String> values) {
        return queue(ticket, step, RecipientKind.GROUP, groupId, NotificationChannel.IN_APP, template, "en", values,
                null);
    }

    /** Tells one staff member (e.g. the assignee) by user id, in the application. False when told already. */
    @Transactional
    public boolean toUser(NotifiedTicket ticket, String step, String userId, NotificationTemplate template,
            Map<String, String> values) {
        return queue(ticket, step, RecipientKind.USER, userId, NotificationChannel.IN_APP, template, "en", values,
                null);
    }

    /** The weekly report to a group, in the application; once per week and group. */
    @Transactional
    public boolean weeklyReport(String week, String groupId, String summary) {
        String dedupeKey = "report:" + week + ":" + NotificationTemplate.WEEKLY_REPORT + ":" + RecipientKind.GROUP
                + ":" + groupId;
        if (outbox.existsByDedupeKey(dedupeKey)) {
            return false;
        }
        Map<String, String> values = Map.of("week", week, "summary", summary);
        NotificationTemplate template = NotificationTemplate.WEEKLY_REPORT;
        outbox.save(new Notification(null, dedupeKey, RecipientKind.GROUP, groupId, NotificationChannel.IN_APP,
                template, texts.subject(template, "en", values), texts.body(template, "en", values), null, time.now()));
        return true;
    }

    /**
     * The weekly report by e-mail to one staff member (e.g. a manager), once per week and user:
     * the key is the week and the user id, so a retried or repeated run queues nothing new. False
     * when queued already.
     */
    @Transactional
    public boolean weeklyReportByEmail(String week, String userId, String address, String summary) {
        String dedupeKey = "report:" + week + ":" + NotificationTemplate.WEEKLY_REPORT + ":" + NotificationChannel.EMAIL
                + ":" + userId;
        if (outbox.existsByDedupeKey(dedupeKey)) {
            return false;
        }
        Map<String, String> values = Map.of("week", week, "summary", summary);
        NotificationTemplate template = NotificationTemplate.WEEKLY_REPORT;
        outbox.save(new Notification(null, dedupeKey, RecipientKind.USER, address, NotificationChannel.EMAIL, template,
                texts.subject(template, "en", values), texts.body(template, "en", values), null, time.now()));
        return true;
    }

    private boolean queue(NotifiedTicket ticket, String step, RecipientKind kind, String recipient, NotificationChannel channel,
            NotificationTemplate template, String language, Map<String, String> values, String link) {
        // staff recipients are part of the key: one step may tell several groups or users
        String dedupeKey = ticket.getNumber() + ":" + step + ":" + template + ":" + kind
                + (kind == RecipientKind.CUSTOMER ? "" : ":" + recipient);
        if (outbox.existsByDedupeKey(dedupeKey)) {
            return false;
        }
        Map<String, String> all = new HashMap<>(values);
        all.put("number", ticket.getNumber());
        // the customer reads their own words; staff messages get any contact data in the subject masked
        all.put("subject",
                kind == RecipientKind.CUSTOMER ? ticket.getSubject() : ticket.maskedSubject());
        all.put("link", link);
        outbox.save(new Notification(ticket.getId(), dedupeKey, kind, recipient, channel, template,
                texts.subject(template, language, all), texts.body(template, language, all), link, time.now()));
        return true;
    }
}
