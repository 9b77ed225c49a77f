package org.servicedesk.ticket;

import org.camunda.bpm.engine.delegate.DelegateTask;

/** Adds read-only context of its own feature to a task when it is created (see {@link TaskContextListener}). */
public interface TaskContextContributor {

    void contribute(DelegateTask task, Ticket ticket);
}
