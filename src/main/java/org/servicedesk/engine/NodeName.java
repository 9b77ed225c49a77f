package org.servicedesk.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * With several nodes on one database, each names itself ({@code servicedesk.node-name}, in
 * docker-compose.yml {@code SERVICEDESK_NODE_NAME}): the engine writes the name into the history of
 * every job it runs (Cockpit's job log, {@code ACT_HI_JOB_LOG.HOSTNAME_}) so that an operator sees
 * which node fired a timer or ran a job. Unset, the engine takes the host's address,
 * the same for nodes that share a host.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

    private final String name;

    NodeName(@Value("${servicedesk.node-name:}") String name) {
        this.name = name;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!name.isBlank()) {
            configuration.setHostname(name.strip());
        }
    }
}
