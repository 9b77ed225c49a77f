package org.servicedesk.notification;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.servicedesk.system.TimeSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A staff member's in-app notifications: those addressed to them and to any of their Camunda
 * groups, newest first. The user is a parameter until the API is secured (then it is the caller).
 */
@RestController
class InboxController {

    private static final int LIMIT = 200;

    private final NotificationRepository outbox;

    private final NotificationReadRepository reads;

    private final IdentityService identity;

    private final TimeSource time;

    InboxController(NotificationRepository outbox, NotificationReadRepository reads, IdentityService identity,
            TimeSource time) {
        this.outbox = outbox;
        this.reads = reads;
        this.identity = identity;
        this.time = time;
    }

    record InboxEntry(Long id, String ticketNumber, NotificationTemplate template, RecipientKind recipientKind,
            String recipient, String subject, String body, Instant createdAt, Instant readAt) {
    }

    @GetMapping("/api/notifications/inbox")
    @Transactional(readOnly = true)
    List<InboxEntry> inbox(Principal principal) {
        String user = principal.getName();
        List<Notification> notifications = addressedTo(user);
        Map<Long, Instant> read = reads
                .findByUserIdAndNotificationIdIn(user, notifications.stream().map(Notification::getId).toList())
                .stream().collect(Collectors.toMap(NotificationRead::getNotificationId, NotificationRead::getReadAt));
        return notifications.stream()
                .map(n -> new InboxEntry(n.getId(), ticketNumber(n), n.getTemplate(), n.getRecipientKind(),
                        n.getRecipient(), n.getSubject(), n.getBody(), n.getCreatedAt(), read.get(n.getId())))
                .toList();
    }

    @PostMapping("/api/notifications/{id}/read")
    @Transactional
    void markRead(@PathVariable Long id, Principal principal) {
        String user = principal.getName();
        List<String> groups = groupsOf(user);
        boolean addressed = outbox.findById(id).filter(n -> n.getChannel() == NotificationChannel.IN_APP)
                .filter(n -> n.getRecipientKind() == RecipientKind.USER ? n.getRecipient().equals(user)
                        : n.getRecipientKind() == RecipientKind.GROUP && groups.contains(n.getRecipient()))
                .isPresent();
        if (!addressed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no notification " + id + " for this user");
        }
        if (!reads.existsByNotificationIdAndUserId(id, user)) {
            reads.save(new NotificationRead(id, user, time.now()));
        }
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private List<Notification> addressedTo(String user) {
        List<String> groups = groupsOf(user);
        // an empty IN list is not valid SQL everywhere
        List<String> groupIds = groups.isEmpty() ? List.of("") : groups;
        return outbox.inbox(user, groupIds, PageRequest.of(0, LIMIT));
    }

    private static String ticketNumber(Notification notification) {
        String key = notification.getDedupeKey();
        return notification.getTicketId() == null ? null : key.substring(0, key.indexOf(':'));
    }
}
