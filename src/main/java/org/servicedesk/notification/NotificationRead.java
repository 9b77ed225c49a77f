package org.servicedesk.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A staff member read an in-app notification (each member of a group for themselves). */
@Entity
class NotificationRead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long notificationId;

    private String userId;

    private Instant readAt;

    protected NotificationRead() {
    }

    NotificationRead(Long notificationId, String userId, Instant readAt) {
        this.notificationId = notificationId;
        this.userId = userId;
        this.readAt = readAt;
    }

    Long getNotificationId() {
        return notificationId;
    }

    Instant getReadAt() {
        return readAt;
    }
}
