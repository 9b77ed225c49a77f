package org.servicedesk.engine;

import java.util.Map;

/**
 * What may be deployed and what process expressions may resolve, decided outside the adapter (the
 * desk's security) and applied by {@link DeploymentGuard} for every way of deploying.
 */
public interface DeploymentPolicy {

    /** The beans process expressions may name: given to the engine as its bean map, instead of the whole context. */
    Map<Object, Object> expressionBeans();

    /**
     * Checks a new deployment before the engine parses it: its resources by name, in the order the
     * engine holds them. Throws to refuse it (a {@code BadUserRequestException} is a 400 on the REST API).
     * Not called when the engine only reloads a deployment it already has.
     */
    void inspect(Map<String, byte[]> resources);
}
