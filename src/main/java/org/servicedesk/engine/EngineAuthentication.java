package org.servicedesk.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine thinks is calling. {@link IdentityService#getCurrentAuthentication()} answers with
 * an engine-internal type; these helpers keep it here.
 */
public final class EngineAuthentication {

    private EngineAuthentication() {
    }

    /** The user the engine runs the current call for, or {@code null} when none is set (a timer, the desk itself). */
    public static String currentUserId(IdentityService identityService) {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    /** Runs {@code work} with no engine authentication, and restores the caller's afterwards. */
    public static <T> T withoutAuthentication(IdentityService identityService, Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
