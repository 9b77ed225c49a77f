package org.servicedesk.system;

import java.sql.SQLException;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Engine REST answers a lost race with 409, not 500: two agents claiming the same task in their
 * Tasklists at the same moment ({@link TaskAlreadyClaimedException}), or two requests changing the same
 * instance at once ({@link OptimisticLockingException}), or the same agent's two claims of a task at once,
 * each inserting the assignee's authorization ({@link ProcessEnginePersistenceException} from a unique
 * constraint), or a listener's change of one of our rows, which another request changed at the same
 * moment ({@link OptimisticLockingFailureException} of the row's version, raised by the listener's flush,
 * which the engine wraps in a {@link ProcessEngineException}, or at the commit). Camunda maps all of them,
 * as any engine exception, to 500; every other failure is left to Camunda's own handlers. The body keeps Camunda's error format ({@code type}, {@code message}),
 * which Tasklist shows; the engine's own message, which names the other user, stays out of it.
 */
@Component
class EngineRestConflicts implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(AlreadyClaimed.class);
        config.register(ChangedConcurrently.class);
        config.register(RowChangedConcurrently.class);
        config.register(ChangedConcurrentlyBelow.class);
    }

    static final String CHANGED_CONCURRENTLY = "Someone else changed this at the same moment; reload and try again.";

    static Response conflict(String type, String message) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", type, "message", message)).build();
    }

    public static class AlreadyClaimed implements ExceptionMapper<TaskAlreadyClaimedException> {
        @Override
        public Response toResponse(TaskAlreadyClaimedException exception) {
            return conflict("TaskAlreadyClaimedException", "The task is already claimed by someone else.");
        }
    }

    /** At the commit, outside the engine's command. */
    public static class RowChangedConcurrently implements ExceptionMapper<OptimisticLockingFailureException> {
        @Override
        public Response toResponse(OptimisticLockingFailureException exception) {
            return conflict("OptimisticLockingException", CHANGED_CONCURRENTLY);
        }
    }

    /**
     * An engine exception caused by a concurrent change: a row's version conflict (in a listener), or,
     * for a persistence failure, a unique constraint (the same row inserted twice). Ranked before
     * Camunda's handler of engine exceptions, which answers (and logs) every other one as before.
     */
    @Priority(1)
    public static class ChangedConcurrentlyBelow implements ExceptionMapper<ProcessEngineException> {

        /** SQLSTATE of a unique-constraint violation (PostgreSQL and H2). */
        static final String UNIQUE_VIOLATION = "23505";

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            boolean persistence = exception instanceof ProcessEnginePersistenceException;
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingFailureException
                        || persistence && cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return conflict("OptimisticLockingException", CHANGED_CONCURRENTLY);
                }
            }
            return camunda.toResponse(exception);
        }
    }

    public static class ChangedConcurrently implements ExceptionMapper<OptimisticLockingException> {
        @Override
        public Response toResponse(OptimisticLockingException exception) {
            return conflict("OptimisticLockingException", CHANGED_CONCURRENTLY);
        }
    }
}
