package org.servicedesk.notification;

import org.springframework.test.context.ActiveProfiles;

/** E-mail delivery, retries and back-off on PostgreSQL (its locking query and timestamps). */
@ActiveProfiles({ "postgres", "it" })
class EmailNotificationIT extends EmailNotificationTest {
}
