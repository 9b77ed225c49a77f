package org.servicedesk.notification;

import org.springframework.test.context.ActiveProfiles;

/** The dispatcher's locking query (FOR UPDATE SKIP LOCKED) on PostgreSQL. */
@ActiveProfiles({ "postgres", "it" })
class OutboxDispatcherIT extends OutboxDispatcherTest {
}
