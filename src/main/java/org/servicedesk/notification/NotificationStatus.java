package org.servicedesk.notification;

public enum NotificationStatus {
    PENDING, SENT, FAILED
}
