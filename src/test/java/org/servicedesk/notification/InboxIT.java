package org.servicedesk.notification;

import org.springframework.test.context.ActiveProfiles;

/** The inbox query (user or any of their groups, newest first) and per-user reads on PostgreSQL. */
@ActiveProfiles({ "postgres", "it" })
class InboxIT extends InboxTest {
}
