package org.servicedesk.ticket;

/** Urgency: P0 core business down, P1 part of a function down, P2 routine question. */
public enum Priority {
    P0, P1, P2
}
