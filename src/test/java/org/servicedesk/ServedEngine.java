package org.servicedesk;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * Tests that go through the Camunda web applications or the engine REST API run in a JVM where
 * Spring has cached several application contexts, each with an engine named "default". The
 * engine REST API serves the engine registered last, the web applications the one registered
 * with the runtime container first, through static runtime delegates that cache per engine and that
 * an application closed by another test leaves behind. This makes both serve the engine of the
 * calling test's context.
 */
public final class ServedEngine {

    private ServedEngine() {
    }

    public static void serve(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
        RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine served = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (served != engine) {
            if (served != null) {
                container.unregisterProcessEngine(served);
            }
            container.registerProcessEngine(engine);
        }
        Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
        Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
        Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
        Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
}
