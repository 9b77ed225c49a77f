package org.servicedesk.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.servicedesk.engine.EngineAuthentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the desk itself rather than as the user of the request: no authorization
 * check on the caller's rights and no entry of theirs in the user operation log. The caller's
 * authentication is restored afterwards.
 */
@Component
public class AsSystem {

    private final IdentityService identityService;

    AsSystem(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        return EngineAuthentication.withoutAuthentication(identityService, work);
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
