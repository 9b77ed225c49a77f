package org.servicedesk.notification;

public enum NotificationChannel {
    EMAIL, SMS, IN_APP
}
