package org.servicedesk.security;

/**
 * A process whose tasks supervisors see, reassign and work on, declared by the module that owns
 * it (a bean of this type). {@link AccessPolicy} grants the rights on every such process.
 */
public interface SupervisedProcess {

    String processDefinitionKey();
}
