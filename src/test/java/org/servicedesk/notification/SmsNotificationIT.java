package org.servicedesk.notification;

import org.springframework.test.context.ActiveProfiles;

/** SMS delivery through the HTTP gateway, with a retried 503, on PostgreSQL. */
@ActiveProfiles({ "postgres", "it" })
class SmsNotificationIT extends SmsNotificationTest {
}
