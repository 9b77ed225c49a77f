package org.servicedesk.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;

/** Saving engine users in ways the public {@code IdentityService} does not offer. */
public final class EngineUsers {

    private EngineUsers() {
    }

    /**
     * Saves a new user without the engine's password policy, which {@code IdentityService.saveUser}
     * always applies: for the demo users only, whose password "demo" fails it on purpose.
     */
    public static void saveIgnoringPasswordPolicy(ProcessEngineConfiguration configuration, User user) {
        ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired()
                .execute(new SaveUserCmd(user, true));
    }
}
