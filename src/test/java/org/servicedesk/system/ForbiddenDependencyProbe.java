package org.servicedesk.system;

import org.servicedesk.ticket.Ticket;

/**
 * Not used by the application: {@code ModulesTest} imports this one test class with the
 * application's to show that a dependency of the infrastructure module on a feature module fails
 * the verification.
 */
final class ForbiddenDependencyProbe {

    static String numberOf(Ticket ticket) {
        return ticket.getNumber();
    }

    private ForbiddenDependencyProbe() {
    }
}
